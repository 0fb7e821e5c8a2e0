#include "zhaoshang/notify/notify_store.hpp"

#include <algorithm>

namespace zhaoshang::notify::store {
namespace {
// "?,?,?" for n values.
std::string Marks(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}
}  // namespace

void Insert(db::Connection& c, const Notification& n) {
  c.Execute(
      "INSERT INTO notifications(user_id, kind, object_type, object_id, project_id, title, "
      "created_at, detail) VALUES (?,?,?,?,?,?,?,?)",
      {n.user_id, n.kind, n.object_type, n.object_id, db::Nullable(n.project_id), n.title,
       n.created_at, n.detail});
}

std::vector<Notification> List(db::Connection& c, int64_t user_id, bool unread_only, int64_t offset,
                               int64_t limit, int64_t* total) {
  const std::string where =
      std::string(" WHERE user_id = ?") + (unread_only ? " AND read_at IS NULL" : "");
  if (total)
    *total = c.QueryInt("SELECT COUNT(*) FROM notifications" + where, {user_id}).value_or(0);
  auto rs = c.Query(
      "SELECT id, user_id, kind, object_type, object_id, project_id, title, created_at, read_at, "
      "detail "
      "FROM notifications" +
          where + " ORDER BY id DESC LIMIT ? OFFSET ?",
      {user_id, limit, offset});
  std::vector<Notification> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4),
                   rs[i].OptInt(5), rs[i].Text(6), rs[i].Int(7), rs[i].OptInt(8), rs[i].Text(9)});
  return out;
}

int64_t UnreadCount(db::Connection& c, int64_t user_id) {
  return c
      .QueryInt("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
                {user_id})
      .value_or(0);
}

std::optional<int64_t> OwnerOf(db::Connection& c, int64_t id) {
  return c.QueryInt("SELECT user_id FROM notifications WHERE id = ?", {id});
}

int64_t MarkRead(db::Connection& c, int64_t user_id, std::optional<int64_t> id, int64_t now) {
  if (id)
    return c.Execute(
        "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
        {now, *id, user_id});
  return c.Execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
                   {now, user_id});
}

std::vector<int64_t> UsersWithKindOff(db::Connection& c, const std::vector<int64_t>& users,
                                      std::string_view kind) {
  if (users.empty()) return {};
  db::Params p{std::string(kind)};
  p.insert(p.end(), users.begin(), users.end());
  auto rs = c.Query(
      "SELECT user_id FROM notification_prefs WHERE kind = ? AND enabled = 0 AND "
      "user_id IN (" +
          Marks(users.size()) + ")",
      p);
  std::vector<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  return out;
}

std::vector<Preference> Preferences(db::Connection& c, int64_t user_id) {
  auto rs = c.Query("SELECT kind, enabled FROM notification_prefs WHERE user_id = ? ORDER BY kind",
                    {user_id});
  std::vector<Preference> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back({rs[i].Text(0), rs[i].Int(1) != 0});
  return out;
}

void PutPreference(db::Connection& c, int64_t user_id, const Preference& p) {
  c.Execute(
      "INSERT INTO notification_prefs(user_id, kind, enabled) VALUES (?,?,?) "
      "ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled",
      {user_id, p.kind, int64_t{p.enabled ? 1 : 0}});
}

namespace {
constexpr const char* kRobotColumns =
    "r.id, r.unit_id, u.name, r.kind, r.name, r.url, r.secret, r.enabled, r.created_at, "
    "r.version FROM robots r JOIN org_units u ON u.id = r.unit_id";

std::vector<Robot> Robots(const db::ResultSet& rs) {
  std::vector<Robot> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Text(4),
                   rs[i].Text(5), rs[i].Text(6), rs[i].Int(7) != 0, rs[i].Int(8), rs[i].Int(9)});
  return out;
}
}  // namespace

int64_t InsertRobot(db::Connection& c, const Robot& r) {
  auto rs = c.Query(
      "INSERT INTO robots(unit_id, kind, name, url, secret, enabled, created_at) "
      "VALUES (?,?,?,?,?,?,?) RETURNING id",
      {r.unit_id, r.kind, r.name, r.url, r.secret, int64_t{r.enabled ? 1 : 0}, r.created_at});
  return rs[0].Int(0);
}

bool UpdateRobot(db::Connection& c, const Robot& r) {
  return c.Execute(
             "UPDATE robots SET unit_id = ?, kind = ?, name = ?, url = ?, secret = ?, enabled = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {r.unit_id, r.kind, r.name, r.url, r.secret, int64_t{r.enabled ? 1 : 0}, r.id,
              r.version}) == 1;
}

std::optional<Robot> GetRobot(db::Connection& c, int64_t id) {
  auto out = Robots(c.Query(std::string("SELECT ") + kRobotColumns + " WHERE r.id = ?", {id}));
  if (out.empty()) return std::nullopt;
  return out.front();
}

std::vector<Robot> ListRobots(db::Connection& c) {
  return Robots(c.Query(std::string("SELECT ") + kRobotColumns + " ORDER BY u.name, r.id"));
}

std::vector<Robot> EnabledRobotsOfUsers(db::Connection& c, const std::vector<int64_t>& users) {
  if (users.empty()) return {};
  db::Params p(users.begin(), users.end());
  return Robots(c.Query(std::string("SELECT ") + kRobotColumns +
                            " WHERE r.enabled = 1 AND r.unit_id IN (SELECT unit_id FROM users "
                            "WHERE id IN (" +
                            Marks(users.size()) + ")) ORDER BY r.id",
                        p));
}

void Enqueue(db::Connection& c, const Delivery& d) {
  c.Execute(
      "INSERT INTO deliveries(robot_id, kind, object_type, object_id, title, body, status, "
      "next_at, created_at, link) VALUES (?,?,?,?,?,?,'pending',?,?,?)",
      {d.robot_id, d.kind, d.object_type, d.object_id, d.title, d.body, d.next_at, d.created_at,
       d.link});
}

std::vector<int64_t> ClaimDue(db::Connection& c, const std::string& owner, int64_t now,
                              int64_t lease_until, int64_t limit) {
  // PostgreSQL: rows another server is claiming right now are skipped, not waited for.
  const std::string lock = c.dialect() == db::Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "";
  auto rs = c.Query(
      "UPDATE deliveries SET claimed_by = ?, claimed_until = ? WHERE id IN (SELECT id FROM "
      "deliveries WHERE status = 'pending' AND next_at <= ? AND (claimed_until IS NULL OR "
      "claimed_until < ?) ORDER BY id LIMIT ?" +
          lock + ") RETURNING id",
      {owner, lease_until, now, now, limit});
  std::vector<int64_t> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  std::sort(out.begin(), out.end());
  return out;
}

namespace {
constexpr const char* kDeliveryColumns =
    "d.id, d.robot_id, r.name, u.name, d.kind, d.object_type, d.object_id, d.title, d.body, "
    "d.status, d.attempts, d.next_at, d.last_error, d.created_at, d.delivered_at, d.link FROM "
    "deliveries "
    "d JOIN robots r ON r.id = d.robot_id JOIN org_units u ON u.id = r.unit_id";

std::vector<Delivery> Deliveries(const db::ResultSet& rs) {
  std::vector<Delivery> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Text(4),
                   rs[i].Text(5), rs[i].Int(6), rs[i].Text(7), rs[i].Text(8), rs[i].Text(9),
                   static_cast<int>(rs[i].Int(10)), rs[i].Int(11), rs[i].Text(12), rs[i].Int(13),
                   rs[i].OptInt(14), rs[i].Text(15)});
  return out;
}
}  // namespace

std::optional<Delivery> GetDelivery(db::Connection& c, int64_t id) {
  auto out =
      Deliveries(c.Query(std::string("SELECT ") + kDeliveryColumns + " WHERE d.id = ?", {id}));
  if (out.empty()) return std::nullopt;
  return out.front();
}

void FinishAttempt(db::Connection& c, int64_t id, const std::string& owner,
                   const std::string& status, int attempts, int64_t next_at,
                   const std::string& error, std::optional<int64_t> delivered_at) {
  c.Execute(
      "UPDATE deliveries SET status = ?, attempts = ?, next_at = ?, last_error = ?, "
      "delivered_at = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
      {status, int64_t{attempts}, next_at, error, db::Nullable(delivered_at), id, owner});
}

std::vector<Delivery> ListDeliveries(db::Connection& c, const DeliveryQuery& q, int64_t* total) {
  std::string where = " WHERE 1 = 1";
  db::Params p;
  if (q.robot_id) {
    where += " AND d.robot_id = ?";
    p.emplace_back(*q.robot_id);
  }
  if (!q.status.empty()) {
    where += " AND d.status = ?";
    p.emplace_back(q.status);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM deliveries d" + where, p).value_or(0);
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  return Deliveries(c.Query(
      std::string("SELECT ") + kDeliveryColumns + where + " ORDER BY d.id DESC LIMIT ? OFFSET ?",
      p));
}

}  // namespace zhaoshang::notify::store
