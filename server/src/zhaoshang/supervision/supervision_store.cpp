#include "zhaoshang/supervision/supervision_store.hpp"

#include <set>

#include "zhaoshang/factors/factor_rules.hpp"

namespace zhaoshang::supervision::store {
namespace {
constexpr const char* kSelect =
    "SELECT s.id, s.subject_type, s.subject_id, s.project_id, s.unit_id, o.name, s.title, "
    "s.instruction, s.leader_instruction, s.priority, s.deadline, s.status, s.issued_by, u.name, "
    "s.issued_at, s.closed_at, s.version, COALESCE(p.name, ''), COALESCE(f.type, ''), "
    "COALESCE(su.name, '') FROM supervision_items s JOIN org_units o ON o.id = s.unit_id JOIN "
    "users u ON u.id = s.issued_by LEFT JOIN projects p ON p.id = s.project_id LEFT JOIN "
    "factor_requests f ON s.subject_type = 'factor_request' AND f.id = s.subject_id LEFT JOIN "
    "org_units su ON s.subject_type = 'unit' AND su.id = s.subject_id ";

std::vector<Item> Rows(const db::ResultSet& rs) {
  std::vector<Item> out;
  out.reserve(rs.size());
  for (size_t r = 0; r < rs.size(); ++r) {
    const db::Row row = rs[r];
    Item i;
    int k = 0;
    i.id = row.Int(k++);
    i.subject_type = row.Text(k++);
    i.subject_id = row.Int(k++);
    i.project_id = row.OptInt(k++);
    i.unit_id = row.Int(k++);
    i.unit_name = row.Text(k++);
    i.title = row.Text(k++);
    i.instruction = row.Text(k++);
    i.leader_instruction = row.Text(k++);
    i.priority = row.Text(k++);
    i.deadline = row.Text(k++);
    i.status = row.Text(k++);
    i.issued_by = row.Int(k++);
    i.issued_by_name = row.Text(k++);
    i.issued_at = row.Int(k++);
    i.closed_at = row.OptInt(k++);
    i.version = row.Int(k++);
    i.project_name = row.Text(k++);
    i.factor_type = row.Text(k++);
    const std::string subject_unit = row.Text(k++);
    // What the item is about, by name: the project, the request (its project and type), the unit.
    if (i.subject_type == "factor_request") {
      const factors::FactorType* t = factors::FindFactorType(i.factor_type);
      i.subject_name = i.project_name + " · " + (t ? std::string(t->zh) : i.factor_type);
    } else if (i.subject_type == "unit") {
      i.subject_name = subject_unit;
    } else {
      i.subject_name = i.project_name;
    }
    out.push_back(std::move(i));
  }
  return out;
}
}  // namespace

int64_t Insert(db::Connection& c, const Item& i) {
  return c
      .QueryInt(
          "INSERT INTO supervision_items(subject_type, subject_id, project_id, unit_id, title, "
          "instruction, leader_instruction, priority, deadline, status, issued_by, issued_at) "
          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
          {i.subject_type, i.subject_id, db::Nullable(i.project_id), i.unit_id, i.title,
           i.instruction, i.leader_instruction, i.priority, i.deadline, i.status, i.issued_by,
           i.issued_at})
      .value();
}

std::optional<Item> Get(db::Connection& c, int64_t id) {
  auto rows = Rows(c.Query(std::string(kSelect) + "WHERE s.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool Update(db::Connection& c, const Item& i) {
  return c.Execute(
             "UPDATE supervision_items SET status = ?, deadline = ?, closed_at = ?, version = "
             "version + 1 WHERE id = ? AND version = ?",
             {i.status, i.deadline, db::Nullable(i.closed_at), i.id, i.version}) == 1;
}

namespace {
// " WHERE …" limiting items to the scope.
std::string ScopeWhere(const ItemScope& s, db::Params& p) {
  std::string w = " WHERE 1=1";
  if (!s.all) {
    std::set<int64_t> units(s.units.begin(), s.units.end());
    if (units.empty()) units.insert(0);
    w += " AND (s.unit_id IN (" + db::InList(units, p) + ") OR s.issued_by = ?)";
    p.emplace_back(s.user_id);
  }
  return w;
}
}  // namespace

std::vector<Item> List(db::Connection& c, const ItemScope& s, const ItemQuery& q, int64_t* total) {
  db::Params p;
  std::string w = ScopeWhere(s, p);
  if (!q.statuses.empty()) {
    std::string in;
    for (const auto& st : q.statuses) {
      in += in.empty() ? "?" : ",?";
      p.emplace_back(st);
    }
    w += " AND s.status IN (" + in + ")";
  }
  if (q.unit_id) {
    w += " AND s.unit_id = ?";
    p.emplace_back(*q.unit_id);
  }
  if (q.project_id) {
    w += " AND s.project_id = ?";
    p.emplace_back(*q.project_id);
  }
  if (q.overdue_on) {
    w += " AND s.status = 'open' AND s.deadline < ?";
    p.emplace_back(*q.overdue_on);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM supervision_items s" + w, p).value_or(0);
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  return Rows(c.Query(std::string(kSelect) + w + " ORDER BY s.deadline, s.id LIMIT ? OFFSET ?", p));
}

void AddEvent(db::Connection& c, const Event& e) {
  c.Execute(
      "INSERT INTO supervision_events(item_id, at, user_id, kind, note) VALUES (?,?,?,?,?)",
      {e.item_id, e.at, e.user_id ? db::Param(e.user_id) : db::Param(nullptr), e.kind, e.note});
}

std::vector<Event> Events(db::Connection& c, int64_t item_id) {
  auto rs = c.Query(
      "SELECT e.id, e.item_id, e.at, e.user_id, u.name, e.kind, e.note FROM supervision_events e "
      "LEFT JOIN users u ON u.id = e.user_id WHERE e.item_id = ? ORDER BY e.id",
      {item_id});
  std::vector<Event> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Int(2), rs[i].Int(3), rs[i].Text(4),
                   rs[i].Text(5), rs[i].Text(6)});
  return out;
}

std::vector<OverdueItem> Overdue(db::Connection& c, const std::string& today) {
  auto rs = c.Query(
      "SELECT id, project_id, title, deadline, unit_id, issued_by FROM supervision_items WHERE "
      "status = 'open' AND deadline < ? ORDER BY id",
      {today});
  std::vector<OverdueItem> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back(
        {rs[i].Int(0), rs[i].OptInt(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4), rs[i].Int(5)});
  return out;
}

std::vector<UnitCount> CountByUnit(db::Connection& c, const ItemScope& s,
                                   const std::string& today) {
  db::Params p{today};
  const std::string w = ScopeWhere(s, p);
  auto rs = c.Query(
      "SELECT s.unit_id, u.name, SUM(CASE WHEN s.status = 'open' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN s.status = 'replied' THEN 1 ELSE 0 END), SUM(CASE WHEN s.status = 'open' "
      "AND s.deadline < ? THEN 1 ELSE 0 END), SUM(CASE WHEN s.status = 'closed' THEN 1 ELSE 0 "
      "END) FROM supervision_items s JOIN org_units u ON u.id = s.unit_id" +
          w + " GROUP BY s.unit_id, u.name ORDER BY 5 DESC, 3 DESC, u.name",
      p);
  std::vector<UnitCount> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back(
        {rs[i].Int(0), rs[i].Text(1), rs[i].Int(2), rs[i].Int(3), rs[i].Int(4), rs[i].Int(5)});
  return out;
}

std::map<int64_t, std::string> ItemTitles(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, title FROM supervision_items", "id", ids);
}

}  // namespace zhaoshang::supervision::store
