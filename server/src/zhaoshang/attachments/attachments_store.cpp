#include "zhaoshang/attachments/attachments_store.hpp"

namespace zhaoshang::attachments::store {

namespace {
constexpr std::string_view kSelect =
    "SELECT a.id, a.object_type, a.object_id, a.kind, a.stage, a.name, a.format, a.size_bytes, "
    "a.sha256, a.uploaded_by, COALESCE(u.name, ''), a.uploaded_at, a.deleted_by, "
    "a.deleted_at, a.delete_reason FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by ";

std::vector<Attachment> Rows(const db::ResultSet& rs) {
  std::vector<Attachment> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    auto r = rs[i];
    Attachment a;
    a.id = r.Int(0);
    a.object = {r.Text(1), r.Int(2)};
    a.kind = r.Text(3);
    a.stage = r.Text(4);
    a.name = r.Text(5);
    a.format = r.Text(6);
    a.size_bytes = r.Int(7);
    a.sha256 = r.Text(8);
    a.uploaded_by = r.Int(9);
    a.uploaded_by_name = r.Text(10);
    a.uploaded_at = r.Int(11);
    a.deleted_by = r.OptInt(12);
    a.deleted_at = r.OptInt(13);
    a.delete_reason = r.Text(14);
    out.push_back(std::move(a));
  }
  return out;
}
}  // namespace

int64_t Insert(db::Connection& c, const Attachment& a, const std::string& bytes) {
  const int64_t id =
      c.QueryInt(
           "INSERT INTO attachments(object_type, object_id, kind, stage, name, format, size_bytes, "
           "sha256, uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING id",
           {a.object.type, a.object.id, a.kind, a.stage, a.name, a.format, a.size_bytes, a.sha256,
            a.uploaded_by, a.uploaded_at})
          .value();
  c.Execute("INSERT INTO attachment_blobs(attachment_id, content) VALUES (?, ?)",
            {id, db::Blob{bytes}});
  return id;
}

std::optional<Attachment> Get(db::Connection& c, int64_t id) {
  auto rows = Rows(c.Query(std::string(kSelect) + "WHERE a.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

std::vector<Attachment> List(db::Connection& c, const ObjectRef& o, bool with_removed) {
  return Rows(c.Query(std::string(kSelect) + "WHERE a.object_type = ? AND a.object_id = ?" +
                          (with_removed ? "" : " AND a.deleted_at IS NULL") + " ORDER BY a.id",
                      {o.type, o.id}));
}

int64_t Count(db::Connection& c, const ObjectRef& o) {
  return c
      .QueryInt(
          "SELECT COUNT(*) FROM attachments WHERE object_type = ? AND object_id = ? AND "
          "deleted_at IS NULL",
          {o.type, o.id})
      .value_or(0);
}

std::set<std::string> KindsOf(db::Connection& c, const ObjectRef& o) {
  auto rs = c.Query(
      "SELECT DISTINCT kind FROM attachments WHERE object_type = ? AND object_id = ? AND "
      "deleted_at IS NULL",
      {o.type, o.id});
  std::set<std::string> out;
  for (size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Text(0));
  return out;
}

std::map<int64_t, std::set<std::string>> KindsAmong(db::Connection& c, const std::string& type,
                                                    const std::vector<int64_t>& ids) {
  std::map<int64_t, std::set<std::string>> out;
  if (ids.empty()) return out;
  db::Params p{type};
  std::string in;
  for (int64_t id : ids) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(id);
  }
  auto rs = c.Query(
      "SELECT DISTINCT object_id, kind FROM attachments WHERE object_type = ? AND deleted_at IS "
      "NULL AND object_id IN (" +
          in + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i) out[rs[i].Int(0)].insert(rs[i].Text(1));
  return out;
}

std::optional<std::string> Content(db::Connection& c, int64_t id) {
  auto rs = c.Query("SELECT content FROM attachment_blobs WHERE attachment_id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return rs[0].Text(0);
}

bool MarkRemoved(db::Connection& c, int64_t id, int64_t by, int64_t at, const std::string& reason) {
  return c.Execute(
             "UPDATE attachments SET deleted_by = ?, deleted_at = ?, delete_reason = ? WHERE id = "
             "? AND deleted_at IS NULL",
             {by, at, reason, id}) == 1;
}

}  // namespace zhaoshang::attachments::store
