#include "zhaoshang/notify/notify_store.hpp"

namespace zhaoshang::notify::store {

void Insert(db::Connection& c, const Notification& n) {
  c.Execute(
      "INSERT INTO notifications(user_id, kind, object_type, object_id, project_id, title, "
      "created_at) VALUES (?,?,?,?,?,?,?)",
      {n.user_id, n.kind, n.object_type, n.object_id, db::Nullable(n.project_id), n.title,
       n.created_at});
}

std::vector<Notification> List(db::Connection& c, int64_t user_id, bool unread_only, int64_t offset,
                               int64_t limit, int64_t* total) {
  const std::string where =
      std::string(" WHERE user_id = ?") + (unread_only ? " AND read_at IS NULL" : "");
  if (total)
    *total = c.QueryInt("SELECT COUNT(*) FROM notifications" + where, {user_id}).value_or(0);
  auto rs = c.Query(
      "SELECT id, user_id, kind, object_type, object_id, project_id, title, created_at, read_at "
      "FROM notifications" +
          where + " ORDER BY id DESC LIMIT ? OFFSET ?",
      {user_id, limit, offset});
  std::vector<Notification> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4),
                   rs[i].OptInt(5), rs[i].Text(6), rs[i].Int(7), rs[i].OptInt(8)});
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

}  // namespace zhaoshang::notify::store
