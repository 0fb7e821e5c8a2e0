#include "zhaoshang/auth/lockout.hpp"

namespace zhaoshang::auth {

bool IsLocked(const LockState& s, int64_t now_ms) {
  return s.locked_until && *s.locked_until > now_ms;
}

LockState AfterFailure(LockState s, const LockoutPolicy& p, int64_t now_ms) {
  if (s.locked_until && *s.locked_until <= now_ms) s = {};  // an expired lock starts afresh
  s.failed_count += 1;
  if (s.failed_count >= p.max_failures) {
    s.locked_until = now_ms + p.lock_ms;
    s.failed_count = 0;
  }
  return s;
}

bool RateLimiter::Allow(const std::string& key, int64_t now_ms) {
  if (per_minute_ <= 0) return true;
  std::lock_guard lock(mu_);
  if (windows_.size() > 100000) windows_.clear();  // bound memory under an address sweep
  Window& w = windows_[key];
  if (now_ms - w.start_ms >= 60000) w = {now_ms, 0};
  return ++w.count <= per_minute_;
}

}  // namespace zhaoshang::auth
