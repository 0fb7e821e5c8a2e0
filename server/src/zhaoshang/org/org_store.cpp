#include "zhaoshang/org/org_store.hpp"

#include <algorithm>

#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang::org::store {
namespace {
constexpr const char* kUnitCols = "id, parent_id, name, kind, code, version";
constexpr const char* kUserCols =
    "u.id, u.login, u.name, u.unit_id, o.name, u.active, u.version, u.failed_count, "
    "u.locked_until, u.last_login_at, u.password_hash, u.must_change_password, u.last_failed_at";

Unit UnitFrom(const db::Row& r) {
  return Unit{r.Int(0), r.OptInt(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5)};
}

User UserFrom(const db::Row& r) {
  User u;
  u.id = r.Int(0);
  u.login = r.Text(1);
  u.name = r.Text(2);
  u.unit_id = r.Int(3);
  u.unit_name = r.Text(4);
  u.active = r.Int(5) != 0;
  u.version = r.Int(6);
  u.failed_count = static_cast<int>(r.Int(7));
  u.locked_until = r.OptInt(8);
  u.last_login_at = r.OptInt(9);
  u.password_hash = r.Text(10);
  u.must_change_password = r.Int(11) != 0;
  u.last_failed_at = r.OptInt(12);
  return u;
}

void LoadRoles(db::Connection& c, std::vector<User>& users) {
  if (users.empty()) return;
  std::string in;
  db::Params p;
  for (const auto& u : users) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(u.id);
  }
  auto rs = c.Query(
      "SELECT user_id, role FROM user_roles WHERE user_id IN (" + in + ") ORDER BY role", p);
  for (size_t i = 0; i < rs.size(); ++i)
    for (auto& u : users)
      if (u.id == rs[i].Int(0)) u.roles.push_back(rs[i].Text(1));
}

std::optional<User> OneUser(db::Connection& c, const std::string& where, const db::Params& p) {
  auto rs = c.Query(std::string("SELECT ") + kUserCols +
                        " FROM users u JOIN org_units o ON o.id = u.unit_id WHERE " + where,
                    p);
  if (rs.empty()) return std::nullopt;
  std::vector<User> v{UserFrom(rs[0])};
  LoadRoles(c, v);
  return v[0];
}
}  // namespace

std::vector<Unit> ListUnits(db::Connection& c) {
  auto rs = c.Query(std::string("SELECT ") + kUnitCols + " FROM org_units ORDER BY sort_order, id");
  std::vector<Unit> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(UnitFrom(rs[i]));
  return out;
}

std::optional<Unit> GetUnit(db::Connection& c, int64_t id) {
  auto rs = c.Query(std::string("SELECT ") + kUnitCols + " FROM org_units WHERE id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return UnitFrom(rs[0]);
}

bool UnitCodeTaken(db::Connection& c, const std::string& code) {
  return c.QueryInt("SELECT COUNT(*) FROM org_units WHERE code = ?", {code}).value_or(0) > 0;
}

int64_t InsertUnit(db::Connection& c, const Unit& u, int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO org_units(parent_id, name, kind, code, created_at, updated_at) "
          "VALUES (?,?,?,?,?,?) RETURNING id",
          {u.parent_id ? db::Param(*u.parent_id) : db::Param(nullptr), u.name, u.kind, u.code, now,
           now})
      .value();
}

bool UpdateUnit(db::Connection& c, const Unit& u, int64_t now) {
  if (c.Execute("UPDATE org_units SET name = ?, kind = ?, version = version + 1, updated_at = ? "
                "WHERE id = ? AND version = ?",
                {u.name, u.kind, now, u.id, u.version}) != 1)
    return false;
  db::RecordChange(c, db::kNamesChanged);  // project rows show unit names
  return true;
}

std::set<int64_t> Subtree(db::Connection& c, int64_t unit_id) {
  auto rs = c.Query(
      "WITH RECURSIVE sub(id) AS (SELECT id FROM org_units WHERE id = ? "
      "UNION ALL SELECT o.id FROM org_units o JOIN sub ON o.parent_id = sub.id) "
      "SELECT id FROM sub",
      {unit_id});
  std::set<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Int(0));
  return out;
}

UnitsInScope ScopeUnits(db::Connection& c, const std::vector<std::string>& roles,
                        int64_t caller_unit, std::string_view permission) {
  UnitsInScope out;
  auto scope = ResolveScope(roles, permission);
  if (!scope) return out;
  if (*scope == Scope::kAll)
    out.all = true;
  else if (*scope == Scope::kSubtree)
    out.units = Subtree(c, caller_unit);
  else
    out.units = {caller_unit};
  return out;
}

bool UnitInScope(db::Connection& c, const std::vector<std::string>& roles, int64_t caller_unit,
                 std::string_view permission, int64_t unit) {
  return ScopeUnits(c, roles, caller_unit, permission).Has(unit);
}

std::set<int64_t> Ancestors(db::Connection& c, int64_t unit_id) {
  auto rs = c.Query(
      "WITH RECURSIVE up(id, parent_id) AS (SELECT id, parent_id FROM org_units WHERE id = ? "
      "UNION ALL SELECT o.id, o.parent_id FROM org_units o JOIN up ON o.id = up.parent_id) "
      "SELECT id FROM up",
      {unit_id});
  std::set<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Int(0));
  return out;
}

namespace {
std::map<int64_t, std::string> NamesIn(db::Connection& c, const char* table,
                                       const std::set<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  db::Params p;
  const std::string in = db::InList(ids, p);
  auto rs = c.Query(std::string("SELECT id, name FROM ") + table + " WHERE id IN (" + in + ")", p);
  for (size_t i = 0; i < rs.size(); ++i) out[rs[i].Int(0)] = rs[i].Text(1);
  return out;
}
}  // namespace

std::map<int64_t, std::string> UnitNames(db::Connection& c, const std::set<int64_t>& ids) {
  return NamesIn(c, "org_units", ids);
}

std::map<int64_t, std::string> UserNames(db::Connection& c, const std::set<int64_t>& ids) {
  return NamesIn(c, "users", ids);
}

std::optional<User> GetUser(db::Connection& c, int64_t id) { return OneUser(c, "u.id = ?", {id}); }

std::optional<User> FindUserByLogin(db::Connection& c, const std::string& login) {
  return OneUser(c, "u.login = ?", {login});
}

std::vector<User> ListUsers(db::Connection& c, const UserFilter& f, int64_t* total) {
  std::string where = " WHERE 1=1";
  db::Params p;
  if (f.unit_id) {
    where += " AND u.unit_id = ?";
    p.emplace_back(*f.unit_id);
  }
  if (!f.q.empty()) {
    where += " AND (" + db::Contains(c.dialect(), "u.login") + " OR " +
             db::Contains(c.dialect(), "u.name") + ")";
    p.emplace_back(f.q);
    p.emplace_back(f.q);
  }
  if (f.active) {
    where += " AND u.active = ?";
    p.emplace_back(int64_t(*f.active ? 1 : 0));
  }
  if (f.only_user_id) {
    where += " AND u.id = ?";
    p.emplace_back(*f.only_user_id);
  }
  if (f.unit_ids) {
    if (f.unit_ids->empty()) return {};
    std::string in;
    for (int64_t id : *f.unit_ids) {
      in += in.empty() ? "?" : ",?";
      p.emplace_back(id);
    }
    where += " AND u.unit_id IN (" + in + ")";
  }
  if (f.any_role) {
    if (f.any_role->empty()) {
      if (total) *total = 0;
      return {};
    }
    std::string in;
    for (const auto& r : *f.any_role) {
      in += in.empty() ? "?" : ",?";
      p.emplace_back(r);
    }
    where += " AND u.id IN (SELECT user_id FROM user_roles WHERE role IN (" + in + "))";
  }
  const std::string from = " FROM users u JOIN org_units o ON o.id = u.unit_id";
  if (total) *total = c.QueryInt("SELECT COUNT(*)" + from + where, p).value_or(0);
  p.emplace_back(f.limit);
  p.emplace_back(f.offset);
  auto rs = c.Query(
      std::string("SELECT ") + kUserCols + from + where + " ORDER BY u.id LIMIT ? OFFSET ?", p);
  std::vector<User> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(UserFrom(rs[i]));
  LoadRoles(c, out);
  return out;
}

int64_t CountUsers(db::Connection& c) {
  return c.QueryInt("SELECT COUNT(*) FROM users", {}).value_or(0);
}

int64_t InsertUser(db::Connection& c, const User& u, int64_t now) {
  int64_t id =
      c.QueryInt(
           "INSERT INTO users(login, name, unit_id, password_hash, active, must_change_password, "
           "password_changed_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?) "
           "RETURNING id",
           {u.login, u.name, u.unit_id, u.password_hash, int64_t(u.active ? 1 : 0),
            int64_t(u.must_change_password ? 1 : 0), now, now, now})
          .value();
  for (const auto& r : u.roles)
    c.Execute("INSERT INTO user_roles(user_id, role) VALUES (?, ?)", {id, r});
  return id;
}

bool UpdateUser(db::Connection& c, const User& u, int64_t now) {
  if (c.Execute("UPDATE users SET name = ?, unit_id = ?, active = ?, version = version + 1, "
                "updated_at = ? WHERE id = ? AND version = ?",
                {u.name, u.unit_id, int64_t(u.active ? 1 : 0), now, u.id, u.version}) != 1)
    return false;
  db::RecordChange(c, db::kNamesChanged);  // project rows show promoters' names
  return true;
}

bool SetRoles(db::Connection& c, int64_t id, int64_t version, const std::vector<std::string>& roles,
              int64_t now) {
  if (c.Execute(
          "UPDATE users SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
          {now, id, version}) != 1)
    return false;
  c.Execute("DELETE FROM user_roles WHERE user_id = ?", {id});
  for (const auto& r : roles)
    c.Execute("INSERT INTO user_roles(user_id, role) VALUES (?, ?)", {id, r});
  return true;
}

void SetPassword(db::Connection& c, int64_t id, const std::string& hash, int64_t now,
                 bool must_change) {
  // The hash being replaced joins the history (the last ones may not be chosen again).
  c.Execute(
      "INSERT INTO password_history(user_id, password_hash, changed_at) SELECT id, "
      "password_hash, ? FROM users WHERE id = ?",
      {now, id});
  c.Execute(
      "UPDATE users SET password_hash = ?, password_changed_at = ?, failed_count = 0, "
      "locked_until = NULL, must_change_password = ?, version = version + 1, updated_at = ? "
      "WHERE id = ?",
      {hash, now, int64_t(must_change ? 1 : 0), now, id});
  c.Execute("DELETE FROM login_failures WHERE user_id = ?", {id});
}

std::vector<std::string> RecentPasswordHashes(db::Connection& c, int64_t id, int n) {
  std::vector<std::string> out;
  auto cur = c.Query("SELECT password_hash FROM users WHERE id = ?", {id});
  if (!cur.empty()) out.push_back(cur[0].Text(0));
  auto rs = c.Query(
      "SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC, "
      "id DESC "
      "LIMIT ?",
      {id, int64_t(std::max(0, n - 1))});
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Text(0));
  return out;
}

auth::LockState GetSourceLock(db::Connection& c, int64_t id, const std::string& source) {
  auto rs = c.Query(
      "SELECT failed_count, locked_until, retry_at FROM login_failures WHERE user_id = ? AND "
      "source = ?",
      {id, source});
  if (rs.empty()) return {};
  return {static_cast<int>(rs[0].Int(0)), rs[0].OptInt(1), rs[0].OptInt(2)};
}

void SaveSourceLock(db::Connection& c, int64_t id, const std::string& source,
                    const auth::LockState& s, int64_t now) {
  c.Execute(
      "INSERT INTO login_failures(user_id, source, failed_count, locked_until, retry_at, "
      "updated_at) VALUES (?,?,?,?,?,?) ON CONFLICT (user_id, source) DO UPDATE SET "
      "failed_count = excluded.failed_count, locked_until = excluded.locked_until, "
      "retry_at = excluded.retry_at, updated_at = excluded.updated_at",
      {id, source, int64_t(s.failed_count), db::Nullable(s.locked_until), db::Nullable(s.retry_at),
       now});
  // An address sweep must not grow the table without bound: a day-old row is history.
  c.Execute("DELETE FROM login_failures WHERE updated_at < ?", {now - int64_t{24} * 3600 * 1000});
}

void SaveLockState(db::Connection& c, int64_t id, const auth::LockState& s) {
  c.Execute(
      "UPDATE users SET failed_count = ?, locked_until = ?, last_failed_at = ? WHERE id = ?",
      {int64_t(s.failed_count), db::Nullable(s.locked_until), db::Nullable(s.last_failure_at), id});
}

std::vector<std::pair<int64_t, int64_t>> UsersWithRole(db::Connection& c, const std::string& role) {
  auto rs = c.Query(
      "SELECT u.id, u.unit_id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = ? "
      "ORDER BY u.id",
      {role});
  std::vector<std::pair<int64_t, int64_t>> out;
  for (size_t i = 0; i < rs.size(); ++i) out.emplace_back(rs[i].Int(0), rs[i].Int(1));
  return out;
}

std::vector<int64_t> ActiveUsersWithRoles(db::Connection& c, const std::vector<std::string>& roles,
                                          std::optional<int64_t> unit_id) {
  if (roles.empty()) return {};
  db::Params p;
  std::string in;
  for (const auto& r : roles) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(r);
  }
  std::string sql =
      "SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.active = 1 "
      "AND r.role IN (" +
      in + ")";
  if (unit_id) {
    sql += " AND u.unit_id = ?";
    p.emplace_back(*unit_id);
  }
  auto rs = c.Query(sql + " ORDER BY u.id", p);
  std::vector<int64_t> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  return out;
}

int64_t CountActiveUsersInUnit(db::Connection& c, int64_t unit_id) {
  return c.QueryInt("SELECT COUNT(*) FROM users WHERE unit_id = ? AND active = 1", {unit_id})
      .value_or(0);
}

std::vector<std::string> UserRoles(db::Connection& c, int64_t id) {
  std::vector<std::string> out;
  auto roles = c.Query("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role", {id});
  for (size_t i = 0; i < roles.size(); ++i) out.push_back(roles[i].Text(0));
  return out;
}

void LockUserRow(db::Connection& c, int64_t id) {
  c.Execute("UPDATE users SET failed_count = failed_count WHERE id = ?", {id});
}

void RecordLogin(db::Connection& c, int64_t id, const std::string& source, int64_t now) {
  c.Execute(
      "UPDATE users SET last_login_at = ?, failed_count = 0, locked_until = NULL WHERE id = ?",
      {now, id});
  c.Execute("DELETE FROM login_failures WHERE user_id = ? AND source = ?", {id, source});
}

}  // namespace zhaoshang::org::store
