#include "zhaoshang/auth/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/auth/auth_store.hpp"
#include "zhaoshang/auth/password.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::auth {

Principal PrincipalOf(const org::User& u) {
  Principal p;
  p.user_id = u.id;
  p.login = u.login;
  p.name = u.name;
  p.unit_id = u.unit_id;
  p.unit_name = u.unit_name;
  p.roles = u.roles;
  p.version = u.version;
  p.must_change_password = u.must_change_password;
  return p;
}
namespace {
Error InvalidCredentials() {
  return Error{ErrorCode::kUnauthenticated, "invalid_credentials", "wrong login or password"};
}
// The per-account ceiling's state, kept on the user row.
LockState AccountLock(const org::User& u) {
  return {u.failed_count, u.locked_until, std::nullopt, u.last_failed_at};
}
// An administrator locked out is a security event: an audit row and a notification to every
// active security administrator, in the caller's transaction.
void ReportAdminLocked(db::Connection& c, const org::User& u, bool account_wide, int64_t now,
                       const Actor& anon) {
  const char* scope = account_wide ? "account" : "source";
  audit::Append(c, now, anon,
                {"auth.admin_locked", "user", std::to_string(u.id),
                 fmt::format(R"({{"scope":"{}"}})", scope)});
  const auto admins =
      org::store::ActiveUsersWithRoles(c, {std::string(org::kSecurityAdmin)}, std::nullopt);
  notify::Send(c, admins, notify::kAdminLocked,
               {"user", u.id, std::nullopt, fmt::format("{} ({})", u.name, u.login),
                fmt::format(R"({{"scope":"{}"}})", scope)},
               now);
}
}  // namespace

std::string NormalizeLogin(const std::string& login) {
  std::string s = login;
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Result<LoginResult> AuthService::Login(const std::string& login_in, const std::string& password,
                                       const std::string& source, const std::string& request_id,
                                       const std::string& presented_token) {
  const int64_t now = clock_.NowMs();
  if (int64_t wait = 0; !limiter_.Allow(source, now, &wait)) {
    Error e{ErrorCode::kTooManyRequests, "rate_limited",
            "too many login attempts from this address; wait a minute"};
    e.retry_after_ms = wait;
    return Fail(e);
  }
  const std::string login = NormalizeLogin(login_in).substr(0, 64);
  Actor anon{0, login, "", source, request_id};

  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  auto user = org::store::FindUserByLogin(c, login);
  if (!user) {
    DummyVerify(password);
    db::Transaction tx(c, true);
    audit::Append(c, now, anon,
                  {"auth.login_failed", "user", login, R"({"reason":"unknown_login"})"});
    tx.Commit();
    return Fail(InvalidCredentials());
  }
  anon.user_id = user->id;
  anon.unit_name = user->unit_name;
  const LockState account = AccountLock(*user);
  const LockState pair = org::store::GetSourceLock(c, user->id, source);
  if (IsLocked(account, now) || IsLocked(pair, now)) {
    const int64_t until = std::max(account.locked_until.value_or(0), pair.locked_until.value_or(0));
    db::Transaction tx(c, true);
    audit::Append(
        c, now, anon,
        {"auth.login_locked", "user", std::to_string(user->id), R"({"reason":"locked"})"});
    tx.Commit();
    Error e{ErrorCode::kLocked,
            "account_locked",
            "account is locked after repeated failures",
            {{"locked_until", std::to_string(until)}}};
    e.retry_after_ms = until - now;
    return Fail(e);
  }
  if (int64_t wait = WaitMs(pair, now); wait > 0) {  // progressive delay: not even tried
    Error e{ErrorCode::kTooManyRequests, "rate_limited",
            "wrong password several times; wait before the next try"};
    e.retry_after_ms = wait;
    return Fail(e);
  }
  // The slow hash runs outside the write transaction so it does not hold the write lock.
  const bool ok = VerifyPassword(user->password_hash, password);
  if (!ok) {
    db::Transaction tx(c, true);
    // Concurrent failures must all count: lock the account row first (PostgreSQL; SQLite
    // writers are serialised), then read the counts afresh.
    org::store::LockUserRow(c, user->id);
    auto fresh = org::store::GetUser(c, user->id);
    LockState a = AfterAccountFailure(AccountLock(*fresh), lockout_, now);
    LockState s = AfterSourceFailure(org::store::GetSourceLock(c, user->id, source), lockout_, now);
    org::store::SaveLockState(c, user->id, a);
    org::store::SaveSourceLock(c, user->id, source, s, now);
    const bool locked = IsLocked(a, now) || IsLocked(s, now);
    audit::Append(
        c, now, anon,
        {"auth.login_failed", "user", std::to_string(user->id),
         fmt::format(R"({{"reason":"wrong_password","locked":{}}})", locked ? "true" : "false")});
    if (locked && org::IsAdminAccount(*fresh))
      ReportAdminLocked(c, *fresh, IsLocked(a, now), now, anon);
    tx.Commit();
    return Fail(InvalidCredentials());
  }
  if (!user->active) {
    db::Transaction tx(c, true);
    audit::Append(
        c, now, anon,
        {"auth.login_failed", "user", std::to_string(user->id), R"({"reason":"disabled"})"});
    tx.Commit();
    return Fail(ErrorCode::kForbidden, "account_disabled", "account is disabled");
  }

  LoginResult out;
  out.token = RandomHex(32);
  out.principal = PrincipalOf(*user);
  Principal& p = out.principal;
  p.session_hash = Sha256Hex(out.token);
  p.csrf_token = RandomHex(16);

  db::Transaction tx(c, true);
  store::DeleteExpiredSessions(c, now - sessions_.idle_ms, now - sessions_.absolute_ms);
  if (!presented_token.empty()) store::DeleteSession(c, Sha256Hex(presented_token));
  org::store::RecordLogin(c, user->id, source, now);
  store::InsertSession(c, p.session_hash, p.user_id, p.csrf_token, now, source);
  audit::Append(c, now, ActorOf(p, source, request_id),
                {"auth.login", "user", std::to_string(user->id), "{}"});
  tx.Commit();
  return out;
}

std::optional<Principal> AuthService::Authenticate(const std::string& token, bool activity) {
  if (token.size() != 64) return std::nullopt;
  const int64_t now = clock_.NowMs();
  const std::string hash = Sha256Hex(token);
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  auto s = store::FindSession(c, hash);
  if (!s) return std::nullopt;
  if (now - s->last_seen_at > sessions_.idle_ms || now - s->created_at > sessions_.absolute_ms ||
      !s->active) {
    store::DeleteSession(c, hash);
    return std::nullopt;
  }
  // Sliding idle timeout; written at most once a minute to keep reads cheap.
  if (activity && now - s->last_seen_at > int64_t{60} * 1000) store::TouchSession(c, hash, now);
  Principal p;
  p.user_id = s->user_id;
  p.csrf_token = s->csrf_token;
  p.login = s->login;
  p.name = s->name;
  p.unit_id = s->unit_id;
  p.unit_name = s->unit_name;
  p.version = s->version;
  p.must_change_password = s->must_change_password;
  p.session_hash = hash;
  p.roles = org::store::UserRoles(c, p.user_id);
  return p;
}

void AuthService::Logout(const Principal& p, const std::string& source,
                         const std::string& request_id) {
  auto lease = db_.Acquire();
  db::Transaction tx(*lease, true);
  store::DeleteSession(*lease, p.session_hash);
  audit::Append(*lease, clock_.NowMs(), ActorOf(p, source, request_id),
                {"auth.logout", "user", std::to_string(p.user_id), "{}"});
  tx.Commit();
}

Status AuthService::ChangePassword(const Principal& p, const std::string& old_password,
                                   const std::string& new_password, const std::string& source,
                                   const std::string& request_id) {
  auto lease = db_.Acquire();
  auto user = org::store::GetUser(*lease, p.user_id);
  if (!user) return Fail(NotFound("user not found"));
  if (!VerifyPassword(user->password_hash, old_password))
    return Fail(InvalidArgument({{"old_password", "invalid_value"}}, "old password is wrong"));
  if (auto st = CheckPasswordPolicy(new_password, user->login); !st) return st;
  if (auto st = org::CheckNotReused(*lease, p.user_id, new_password); !st) return st;
  const std::string hash = HashPassword(new_password);
  const int64_t now = clock_.NowMs();
  db::Transaction tx(*lease, true);
  org::store::SetPassword(*lease, p.user_id, hash, now, false);
  // Other sessions of this account end; this one stays.
  store::DeleteOtherSessions(*lease, p.user_id, p.session_hash);
  audit::Append(*lease, now, ActorOf(p, source, request_id),
                {"auth.password_change", "user", std::to_string(p.user_id), "{}"});
  tx.Commit();
  return {};
}

std::vector<LoginEvent> AuthService::RecentLogins(const Principal& p) {
  // The audit log is the record of every attempt; the outcome is read from its action.
  static const std::vector<std::pair<std::string, std::string>> kOutcome = {
      {"auth.login", "ok"},
      {"auth.login_failed", "failed"},
      {"auth.login_locked", "locked"},
      {"auth.admin_locked", "locked"}};
  std::vector<std::string> actions;
  actions.reserve(kOutcome.size());
  for (const auto& [action, result] : kOutcome) actions.push_back(action);
  auto c = db_.Acquire();
  std::vector<LoginEvent> out;
  for (const auto& r :
       audit::store::ObjectHistory(*c, "user", std::to_string(p.user_id), actions, kRecentLogins))
    for (const auto& [action, result] : kOutcome)
      if (r.action == action) out.push_back({r.at, r.source, result});
  return out;
}

}  // namespace zhaoshang::auth
