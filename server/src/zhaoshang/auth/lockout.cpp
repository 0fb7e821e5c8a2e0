#include "zhaoshang/auth/lockout.hpp"

#include <algorithm>

namespace zhaoshang::auth {
namespace {
LockState CountFailure(LockState s, int max_failures, int64_t lock_ms, int64_t now_ms) {
  if (s.locked_until && *s.locked_until <= now_ms) s = {};  // an expired lock starts afresh
  s.failed_count += 1;
  s.retry_at.reset();
  if (s.failed_count >= max_failures) {
    s.locked_until = now_ms + lock_ms;
    s.failed_count = 0;
  }
  return s;
}
}  // namespace

bool IsLocked(const LockState& s, int64_t now_ms) {
  return s.locked_until && *s.locked_until > now_ms;
}

int64_t WaitMs(const LockState& s, int64_t now_ms) {
  int64_t until = std::max(s.locked_until.value_or(0), s.retry_at.value_or(0));
  return std::max<int64_t>(0, until - now_ms);
}

LockState AfterSourceFailure(LockState s, const LockoutPolicy& p, int64_t now_ms) {
  s = CountFailure(s, p.max_failures, p.lock_ms, now_ms);
  const int beyond = s.failed_count - p.free_failures;
  if (!s.locked_until && beyond > 0)
    s.retry_at = now_ms + std::min(p.lock_ms, p.first_delay_ms << std::min(beyond - 1, 20));
  return s;
}

LockState AfterAccountFailure(LockState s, const LockoutPolicy& p, int64_t now_ms) {
  if (!IsLocked(s, now_ms) && s.last_failure_at && now_ms - *s.last_failure_at >= p.lock_ms)
    s.failed_count = 0;  // a quiet spell: the run of failures is over
  s = CountFailure(s, p.account_ceiling, p.lock_ms, now_ms);
  s.last_failure_at = now_ms;
  return s;
}

bool RateLimiter::Allow(const std::string& key, int64_t now_ms, int64_t* retry_after_ms) {
  if (per_minute_ <= 0) return true;
  std::lock_guard lock(mu_);
  if (windows_.size() > 100000) windows_.clear();  // bound memory under an address sweep
  Window& w = windows_.try_emplace(key, Window{now_ms, 0}).first->second;
  if (now_ms - w.start_ms >= 60000) w = {now_ms, 0};
  if (++w.count <= per_minute_) return true;
  if (retry_after_ms) *retry_after_ms = w.start_ms + 60000 - now_ms;
  return false;
}

}  // namespace zhaoshang::auth
