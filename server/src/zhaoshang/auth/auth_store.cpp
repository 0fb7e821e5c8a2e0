#include "zhaoshang/auth/auth_store.hpp"

namespace zhaoshang::auth::store {

std::optional<StoredSession> FindSession(db::Connection& c, const std::string& id_hash) {
  auto rs = c.Query(
      "SELECT s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.login, u.name, u.unit_id, "
      "o.name, u.active, u.version, u.must_change_password FROM sessions s JOIN users u ON "
      "u.id = s.user_id "
      "JOIN org_units o ON o.id = u.unit_id WHERE s.id_hash = ?",
      {id_hash});
  if (rs.empty()) return std::nullopt;
  auto r = rs[0];
  StoredSession s;
  s.user_id = r.Int(0);
  s.csrf_token = r.Text(1);
  s.created_at = r.Int(2);
  s.last_seen_at = r.Int(3);
  s.login = r.Text(4);
  s.name = r.Text(5);
  s.unit_id = r.Int(6);
  s.unit_name = r.Text(7);
  s.active = r.Int(8) != 0;
  s.version = r.Int(9);
  s.must_change_password = r.Int(10) != 0;
  return s;
}

void InsertSession(db::Connection& c, const std::string& id_hash, int64_t user_id,
                   const std::string& csrf_token, int64_t now, const std::string& source) {
  c.Execute(
      "INSERT INTO sessions(id_hash, user_id, csrf_token, created_at, last_seen_at, source) "
      "VALUES (?,?,?,?,?,?)",
      {id_hash, user_id, csrf_token, now, now, source});
}

void TouchSession(db::Connection& c, const std::string& id_hash, int64_t now) {
  c.Execute("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", {now, id_hash});
}

void DeleteSession(db::Connection& c, const std::string& id_hash) {
  c.Execute("DELETE FROM sessions WHERE id_hash = ?", {id_hash});
}

void DeleteExpiredSessions(db::Connection& c, int64_t idle_before, int64_t created_before) {
  c.Execute("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
            {idle_before, created_before});
}

void DeleteUserSessions(db::Connection& c, int64_t user_id) {
  c.Execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

void DeleteOtherSessions(db::Connection& c, int64_t user_id, const std::string& keep_hash) {
  c.Execute("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?", {user_id, keep_hash});
}

}  // namespace zhaoshang::auth::store
