#pragma once
// Account lockout (counted per account, whatever the source address) and the per-address
// login rate limit.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace zhaoshang::auth {

struct LockoutPolicy {
  int max_failures = 5;
  int64_t lock_ms = 15 * 60 * 1000;
};

struct LockState {
  int failed_count = 0;
  std::optional<int64_t> locked_until;
};

bool IsLocked(const LockState& s, int64_t now_ms);
// One more failure: after max_failures in a row the account is locked for lock_ms and
// the counter starts again.
LockState AfterFailure(LockState s, const LockoutPolicy& p, int64_t now_ms);
inline LockState AfterSuccess() { return {}; }

// Fixed one-minute window per key (source address). Thread-safe.
class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  bool Allow(const std::string& key, int64_t now_ms);

 private:
  struct Window {
    int64_t start_ms = 0;
    int count = 0;
  };
  int per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace zhaoshang::auth
