#pragma once
// Time source. Tests set the time on a ManualClock instead of sleeping.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace zhaoshang {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowMs() const = 0;  // UTC epoch milliseconds
  // Clock milliseconds that pass in one real millisecond (a simulated day runs faster): what a
  // lease measured on this clock multiplies a real-time bound by.
  virtual int64_t Rate() const { return 1; }
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

// Time that runs `rate` times faster from `start_ms` at the real instant `anchor_ms` (tests of
// the scheduler over a simulated day; config simulated_clock).
class ScaledClock final : public Clock {
 public:
  ScaledClock(int64_t start_ms, int64_t anchor_ms, int64_t rate)
      : start_(start_ms), anchor_(anchor_ms), rate_(rate) {}
  int64_t NowMs() const override;
  int64_t Rate() const override { return rate_; }

 private:
  SystemClock real_;
  int64_t start_, anchor_, rate_;
};
// "2026-05-06T00:00:00Z x2880" or "2026-05-06T00:00:00Z x2880 @1780000000000" (the real
// instant the simulated start corresponds to; default: now). nullptr when malformed.
std::unique_ptr<Clock> ParseScaledClock(const std::string& spec);

// "2026-11-29T18:00:00.000Z"
std::string FormatIsoUtc(int64_t ms);

}  // namespace zhaoshang
