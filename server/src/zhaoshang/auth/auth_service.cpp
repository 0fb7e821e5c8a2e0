#include "zhaoshang/auth/auth_service.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "zhaoshang/auth/password.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang::auth {
namespace {
Error InvalidCredentials() {
  return Error{ErrorCode::kUnauthenticated, "invalid_credentials", "wrong login or password"};
}
// The per-account ceiling's state, kept on the user row.
LockState AccountLock(const org::User& u) {
  return {u.failed_count, u.locked_until, std::nullopt, u.last_failed_at};
}
}  // namespace

std::string NormalizeLogin(const std::string& login) {
  std::string s = login;
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

Status CheckNotReused(db::Connection& c, int64_t user_id, const std::string& password) {
  for (const auto& hash : org::store::RecentPasswordHashes(c, user_id, kPasswordHistory))
    if (VerifyPassword(hash, password))
      return Fail(ErrorCode::kInvalidArgument, "weak_password",
                  "the new password was used recently", {{"password", "reused"}});
  return {};
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
  audit::Actor anon{0, login, "", source, request_id};

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
    c.Execute("UPDATE users SET failed_count = failed_count WHERE id = ?", {user->id});
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
    // An administrator locked out is a security event the security administrator must see.
    if (locked && org::IsAdminAccount(*fresh))
      audit::Append(c, now, anon,
                    {"auth.admin_locked", "user", std::to_string(user->id),
                     fmt::format(R"({{"scope":"{}"}})", IsLocked(a, now) ? "account" : "source")});
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
  Principal& p = out.principal;
  p.user_id = user->id;
  p.login = user->login;
  p.name = user->name;
  p.unit_id = user->unit_id;
  p.unit_name = user->unit_name;
  p.roles = user->roles;
  p.version = user->version;
  p.must_change_password = user->must_change_password;
  p.session_hash = Sha256Hex(out.token);
  p.csrf_token = RandomHex(16);

  db::Transaction tx(c, true);
  c.Execute("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
            {now - sessions_.idle_ms, now - sessions_.absolute_ms});
  if (!presented_token.empty())
    c.Execute("DELETE FROM sessions WHERE id_hash = ?", {Sha256Hex(presented_token)});
  org::store::RecordLogin(c, user->id, source, now);
  c.Execute(
      "INSERT INTO sessions(id_hash, user_id, csrf_token, created_at, last_seen_at, source) "
      "VALUES (?,?,?,?,?,?)",
      {p.session_hash, p.user_id, p.csrf_token, now, now, source});
  audit::Append(c, now, ActorOf(p, source, request_id),
                {"auth.login", "user", std::to_string(user->id), "{}"});
  tx.Commit();
  return out;
}

std::optional<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  const int64_t now = clock_.NowMs();
  const std::string hash = Sha256Hex(token);
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  auto rs = c.Query(
      "SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.login, u.name, u.unit_id, "
      "o.name, u.active, u.version, u.must_change_password FROM sessions s JOIN users u ON "
      "u.id = s.user_id "
      "JOIN org_units o ON o.id = u.unit_id WHERE s.id_hash = ?",
      {hash});
  if (rs.empty()) return std::nullopt;
  auto r = rs[0];
  const int64_t created = r.Int(2), last_seen = r.Int(3);
  if (now - last_seen > sessions_.idle_ms || now - created > sessions_.absolute_ms ||
      r.Int(8) == 0) {
    c.Execute("DELETE FROM sessions WHERE id_hash = ?", {hash});
    return std::nullopt;
  }
  // Sliding idle timeout; written at most once a minute to keep reads cheap.
  if (now - last_seen > int64_t{60} * 1000)
    c.Execute("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", {now, hash});
  Principal p;
  p.user_id = r.Int(0);
  p.csrf_token = r.Text(1);
  p.login = r.Text(4);
  p.name = r.Text(5);
  p.unit_id = r.Int(6);
  p.unit_name = r.Text(7);
  p.version = r.Int(9);
  p.must_change_password = r.Int(10) != 0;
  p.session_hash = hash;
  auto roles = c.Query("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", {p.user_id});
  for (size_t i = 0; i < roles.size(); ++i) p.roles.push_back(roles[i].Text(0));
  return p;
}

void AuthService::Logout(const Principal& p, const std::string& source,
                         const std::string& request_id) {
  auto lease = db_.Acquire();
  db::Transaction tx(*lease, true);
  lease->Execute("DELETE FROM sessions WHERE id_hash = ?", {p.session_hash});
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
  if (auto st = CheckNotReused(*lease, p.user_id, new_password); !st) return st;
  const std::string hash = HashPassword(new_password);
  const int64_t now = clock_.NowMs();
  db::Transaction tx(*lease, true);
  org::store::SetPassword(*lease, p.user_id, hash, now, false);
  // Other sessions of this account end; this one stays.
  lease->Execute("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?",
                 {p.user_id, p.session_hash});
  audit::Append(*lease, now, ActorOf(p, source, request_id),
                {"auth.password_change", "user", std::to_string(p.user_id), "{}"});
  tx.Commit();
  return {};
}

}  // namespace zhaoshang::auth
