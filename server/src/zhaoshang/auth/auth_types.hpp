#pragma once
// Types of the auth module: lockout state, session policy, stored sessions, login results.
// A leaf header (no other module's headers but the principal), so org can use it.
#include <cstdint>
#include <optional>
#include <string>

#include "zhaoshang/auth/principal.hpp"

namespace zhaoshang::auth {

// Failures of one (account, source address) pair, or of the account as a whole.
struct LockState {
  int failed_count = 0;
  std::optional<int64_t> locked_until;
  std::optional<int64_t> retry_at;         // progressive delay: no try before this
  std::optional<int64_t> last_failure_at;  // the account count restarts after lock_ms of quiet
};

struct SessionPolicy {
  int64_t idle_ms = int64_t{30} * 60 * 1000;
  int64_t absolute_ms = int64_t{12} * 60 * 60 * 1000;
};

struct LoginResult {
  std::string token;  // goes into the cookie, never logged
  Principal principal;
};

// A session row with the account it belongs to (no roles).
struct StoredSession {
  int64_t user_id = 0;
  std::string csrf_token;
  int64_t created_at = 0, last_seen_at = 0;
  std::string login, name;
  int64_t unit_id = 0;
  std::string unit_name;
  bool active = true;
  int64_t version = 0;
  bool must_change_password = false;
};

// How many recent passwords (the current one included) a new password may not repeat.
inline constexpr int kPasswordHistory = 5;

// With secure cookies the session cookie takes the __Host- prefix: the browser then only
// accepts it over HTTPS, for this host, on Path=/ — no subdomain can plant or shadow it.
inline const char* SessionCookieName(bool secure_cookie) {
  return secure_cookie ? "__Host-zs_session" : "zs_session";
}

// One login attempt of an account, as its owner sees it (GET /auth/logins).
struct LoginEvent {
  int64_t at = 0;
  std::string remote;
  std::string result;  // ok | failed | locked
};
// How many of them the owner sees.
inline constexpr int64_t kRecentLogins = 10;

// Normalised login: trimmed, lower-case ASCII.
std::string NormalizeLogin(const std::string& login);

}  // namespace zhaoshang::auth
