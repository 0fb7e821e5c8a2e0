#pragma once
// Time source. Tests set the time on a ManualClock instead of sleeping.
#include <atomic>
#include <cstdint>
#include <string>

namespace zhaoshang {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMs() const = 0;  // UTC epoch milliseconds
};

class SystemClock final : public Clock {
 public:
  int64_t NowMs() const override;
};

class ManualClock final : public Clock {
 public:
  explicit ManualClock(int64_t now_ms) : now_(now_ms) {}
  int64_t NowMs() const override { return now_.load(); }
  void Set(int64_t ms) { now_.store(ms); }
  void Advance(int64_t ms) { now_.fetch_add(ms); }

 private:
  std::atomic<int64_t> now_;
};

// "2026-11-29T18:00:00.000Z"
std::string FormatIsoUtc(int64_t ms);

}  // namespace zhaoshang
