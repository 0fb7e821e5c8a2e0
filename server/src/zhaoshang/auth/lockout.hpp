#pragma once
// Account lockout and the per-address login rate limit. Failures count per (account, source
// address), so an attacker at one address cannot lock the real user out from another; a
// higher per-account ceiling still stops a guess spread over many addresses.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "zhaoshang/auth/auth_types.hpp"

namespace zhaoshang::auth {

struct LockoutPolicy {
  int max_failures = 5;  // per (account, source address), in a row
  int64_t lock_ms = int64_t{15} * 60 * 1000;
  int account_ceiling = 50;       // per account, from all addresses together, in a row
  int free_failures = 2;          // progressive delays start after these
  int64_t first_delay_ms = 1000;  // then 1 s, 2 s, 4 s … before the next try
};

bool IsLocked(const LockState& s, int64_t now_ms);
// Milliseconds until the next try is allowed (0: now).
int64_t WaitMs(const LockState& s, int64_t now_ms);
// One more failure from one address: after free_failures each one delays the next try, and
// after max_failures the pair is locked for lock_ms and the counter starts again.
LockState AfterSourceFailure(LockState s, const LockoutPolicy& p, int64_t now_ms);
// One more failure on the account from any address: locked for lock_ms at account_ceiling
// failures, each within lock_ms of the one before (so one address, which is locked out for
// lock_ms after max_failures, can never reach the ceiling alone).
LockState AfterAccountFailure(LockState s, const LockoutPolicy& p, int64_t now_ms);
inline LockState AfterSuccess() { return {}; }

// Fixed one-minute window per key (source address). Thread-safe.
class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // False when over the limit; then *retry_after_ms says when the window ends.
  bool Allow(const std::string& key, int64_t now_ms, int64_t* retry_after_ms = nullptr);

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
