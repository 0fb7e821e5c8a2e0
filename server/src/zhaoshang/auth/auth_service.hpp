#pragma once
// Login, sessions and own-password change. Sessions live in the database so several
// servers can share them; the cookie carries a random token, the table its SHA-256.
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/auth/auth_types.hpp"
#include "zhaoshang/auth/lockout.hpp"
#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::org {
struct User;
}

namespace zhaoshang::auth {

// Who the account is, as a logged-in request would carry it (no session): login, the demo
// loaders and jobs acting for a person (the daily digest).
Principal PrincipalOf(const org::User& u);

class AuthService {
 public:
  AuthService(db::Database& db, const Clock& clock, LockoutPolicy lockout, SessionPolicy sessions,
              int login_rate_per_minute)
      : db_(db),
        clock_(clock),
        lockout_(lockout),
        sessions_(sessions),
        limiter_(login_rate_per_minute) {}

  // `presented_token` is the session cookie the request came with, if any: logging in again
  // ends that session (no fixation, no orphan session left valid).
  Result<LoginResult> Login(const std::string& login, const std::string& password,
                            const std::string& source, const std::string& request_id,
                            const std::string& presented_token = "");
  // nullopt when the token is unknown, expired, or the account is disabled. `activity`: the
  // request is the person's doing and restarts the idle clock; a background poll (the unread
  // count) is not, or an open tab would keep its session alive for ever.
  std::optional<Principal> Authenticate(const std::string& token, bool activity = true);
  void Logout(const Principal& p, const std::string& source, const std::string& request_id);
  Status ChangePassword(const Principal& p, const std::string& old_password,
                        const std::string& new_password, const std::string& source,
                        const std::string& request_id);
  // The account's own recent login attempts, newest first (kRecentLogins of them).
  std::vector<LoginEvent> RecentLogins(const Principal& p);

 private:
  db::Database& db_;
  const Clock& clock_;
  LockoutPolicy lockout_;
  SessionPolicy sessions_;
  RateLimiter limiter_;
};

}  // namespace zhaoshang::auth
