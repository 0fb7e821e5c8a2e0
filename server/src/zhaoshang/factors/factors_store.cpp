#include "zhaoshang/factors/factors_store.hpp"

#include <set>

#include "zhaoshang/factors/factor_rules.hpp"

namespace zhaoshang::factors::store {
namespace {
constexpr const char* kSelect =
    "SELECT r.id, r.project_id, p.name, r.type, r.need, r.quantity, r.department_id, d.name, "
    "r.status, r.raised_by, u.name, r.raised_unit_id, ru.name, r.raised_at, r.answer_deadline, "
    "r.resolve_deadline, r.accepted_at, r.closed_at, r.outcome, r.reason_code, r.reason, "
    "r.version FROM factor_requests r JOIN projects p ON p.id = r.project_id JOIN org_units d ON "
    "d.id = r.department_id JOIN users u ON u.id = r.raised_by JOIN org_units ru ON ru.id = "
    "r.raised_unit_id ";

FactorRequest FromRow(const db::Row& row) {
  FactorRequest r;
  int i = 0;
  r.id = row.Int(i++);
  r.project_id = row.Int(i++);
  r.project_name = row.Text(i++);
  r.type = row.Text(i++);
  r.need = row.Text(i++);
  r.quantity = row.OptInt(i++);
  r.department_id = row.Int(i++);
  r.department_name = row.Text(i++);
  r.status = row.Text(i++);
  r.raised_by = row.Int(i++);
  r.raised_by_name = row.Text(i++);
  r.raised_unit_id = row.Int(i++);
  r.raised_unit_name = row.Text(i++);
  r.raised_at = row.Int(i++);
  r.answer_deadline = row.Text(i++);
  r.resolve_deadline = row.OptText(i++);
  r.accepted_at = row.OptInt(i++);
  r.closed_at = row.OptInt(i++);
  r.outcome = row.Text(i++);
  r.reason_code = row.OptText(i++);
  r.reason = row.Text(i++);
  r.version = row.Int(i++);
  return r;
}

std::vector<FactorRequest> Rows(const db::ResultSet& rs) {
  std::vector<FactorRequest> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(FromRow(rs[i]));
  return out;
}

db::Param OptText(const std::optional<std::string>& v) {
  return v ? db::Param(*v) : db::Param(nullptr);
}

std::string Where(const FactorScope& s, const FactorQuery& q, db::Params& p) {
  std::string w = " WHERE 1=1";
  if (s.kind == FactorScope::Kind::kSelf) {
    w += " AND r.raised_by = ?";
    p.emplace_back(s.user_id);
  } else if (s.kind == FactorScope::Kind::kUnits) {
    std::set<int64_t> units(s.units.begin(), s.units.end());
    if (units.empty()) units.insert(0);
    w += " AND (r.department_id IN (" + db::InList(units, p) + ") OR r.raised_unit_id IN (" +
         db::InList(units, p) + "))";
  }
  if (!q.statuses.empty()) {
    std::string in;
    for (const auto& st : q.statuses) {
      in += in.empty() ? "?" : ",?";
      p.emplace_back(st);
    }
    w += " AND r.status IN (" + in + ")";
  }
  if (!q.type.empty()) {
    w += " AND r.type = ?";
    p.emplace_back(q.type);
  }
  if (q.department_id) {
    w += " AND r.department_id = ?";
    p.emplace_back(*q.department_id);
  }
  if (q.project_id) {
    w += " AND r.project_id = ?";
    p.emplace_back(*q.project_id);
  }
  if (q.overdue_on) {
    w += " AND ((r.status = 'open' AND r.answer_deadline < ?) OR (r.status = 'accepted' AND "
         "r.resolve_deadline < ?))";
    p.emplace_back(*q.overdue_on);
    p.emplace_back(*q.overdue_on);
  }
  return w;
}
}  // namespace

std::vector<TypeUnit> TypeUnits(db::Connection& c) {
  auto rs = c.Query(
      "SELECT t.type, t.unit_id, o.name FROM factor_type_units t JOIN org_units o ON o.id = "
      "t.unit_id ORDER BY t.type");
  std::vector<TypeUnit> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Text(0), rs[i].Int(1), rs[i].Text(2)});
  return out;
}

std::optional<int64_t> UnitForType(db::Connection& c, const std::string& type) {
  return c.QueryInt("SELECT unit_id FROM factor_type_units WHERE type = ?", {type});
}

void PutTypeUnit(db::Connection& c, const std::string& type, int64_t unit_id,
                 std::optional<int64_t> by, int64_t now) {
  c.Execute(
      "INSERT INTO factor_type_units(type, unit_id, updated_by, updated_at) VALUES (?,?,?,?) ON "
      "CONFLICT (type) DO UPDATE SET unit_id = excluded.unit_id, updated_by = excluded.updated_by, "
      "updated_at = excluded.updated_at",
      {type, unit_id, db::Nullable(by), now});
}

void DeleteTypeUnit(db::Connection& c, const std::string& type) {
  c.Execute("DELETE FROM factor_type_units WHERE type = ?", {type});
}

int64_t Insert(db::Connection& c, const FactorRequest& r) {
  return c
      .QueryInt(
          "INSERT INTO factor_requests(project_id, type, need, quantity, department_id, status, "
          "raised_by, raised_unit_id, raised_at, answer_deadline) VALUES (?,?,?,?,?,?,?,?,?,?) "
          "RETURNING id",
          {r.project_id, r.type, r.need, db::Nullable(r.quantity), r.department_id, r.status,
           r.raised_by, r.raised_unit_id, r.raised_at, r.answer_deadline})
      .value();
}

std::optional<FactorRequest> Get(db::Connection& c, int64_t id) {
  auto rows = Rows(c.Query(std::string(kSelect) + "WHERE r.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

bool Update(db::Connection& c, const FactorRequest& r) {
  return c.Execute(
             "UPDATE factor_requests SET department_id = ?, status = ?, answer_deadline = ?, "
             "resolve_deadline = ?, accepted_at = ?, closed_at = ?, outcome = ?, reason_code = ?, "
             "reason = ?, version = version + 1 WHERE id = ? AND version = ?",
             {r.department_id, r.status, r.answer_deadline, OptText(r.resolve_deadline),
              db::Nullable(r.accepted_at), db::Nullable(r.closed_at), r.outcome,
              OptText(r.reason_code), r.reason, r.id, r.version}) == 1;
}

std::vector<FactorRequest> List(db::Connection& c, const FactorScope& scope, const FactorQuery& q,
                                int64_t* total) {
  db::Params p;
  const std::string where = Where(scope, q, p);
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM factor_requests r" + where, p).value_or(0);
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  return Rows(c.Query(std::string(kSelect) + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", p));
}

std::vector<FactorRequest> All(db::Connection& c) {
  return Rows(c.Query(std::string(kSelect) + "ORDER BY r.id"));
}

void AddEvent(db::Connection& c, const FactorEvent& e) {
  c.Execute(
      "INSERT INTO factor_events(request_id, at, actor_id, kind, note, from_unit_id, to_unit_id) "
      "VALUES (?,?,?,?,?,?,?)",
      {e.request_id, e.at, db::Nullable(e.actor_id), e.kind, e.note, db::Nullable(e.from_unit_id),
       db::Nullable(e.to_unit_id)});
}

std::vector<FactorEvent> Events(db::Connection& c, int64_t request_id) {
  auto rs = c.Query(
      "SELECT e.id, e.request_id, e.at, e.actor_id, COALESCE(u.name, ''), e.kind, e.note, "
      "e.from_unit_id, COALESCE(f.name, ''), e.to_unit_id, COALESCE(t.name, '') FROM "
      "factor_events e LEFT JOIN users u ON u.id = e.actor_id LEFT JOIN org_units f ON f.id = "
      "e.from_unit_id LEFT JOIN org_units t ON t.id = e.to_unit_id WHERE e.request_id = ? ORDER BY "
      "e.id",
      {request_id});
  std::vector<FactorEvent> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    FactorEvent e;
    e.id = rs[i].Int(0);
    e.request_id = rs[i].Int(1);
    e.at = rs[i].Int(2);
    e.actor_id = rs[i].OptInt(3);
    e.actor_name = rs[i].Text(4);
    e.kind = rs[i].Text(5);
    e.note = rs[i].Text(6);
    e.from_unit_id = rs[i].OptInt(7);
    e.from_unit_name = rs[i].Text(8);
    e.to_unit_id = rs[i].OptInt(9);
    e.to_unit_name = rs[i].Text(10);
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<OverdueRequest> Overdue(db::Connection& c, const std::string& today) {
  auto rs = c.Query(
      "SELECT r.id, r.project_id, p.name, CASE WHEN r.status = 'open' THEN r.answer_deadline "
      "ELSE r.resolve_deadline END, r.department_id FROM factor_requests r JOIN projects p ON "
      "p.id = r.project_id WHERE (r.status = 'open' AND r.answer_deadline < ?) OR (r.status = "
      "'accepted' AND r.resolve_deadline < ?) ORDER BY r.id",
      {today, today});
  std::vector<OverdueRequest> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Int(0), rs[i].Int(1), rs[i].Text(2), rs[i].Text(3), rs[i].Int(4)});
  return out;
}

std::map<int64_t, std::string> RequestNames(db::Connection& c, const std::set<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  db::Params p;
  const std::string in = db::InList(ids, p);
  auto rs = c.Query(
      "SELECT r.id, p.name, r.type FROM factor_requests r JOIN projects p ON p.id = r.project_id "
      "WHERE r.id IN (" +
          in + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i) {
    const FactorType* t = FindFactorType(rs[i].Text(2));
    out[rs[i].Int(0)] = rs[i].Text(1) + " · " + (t ? std::string(t->zh) : rs[i].Text(2));
  }
  return out;
}

}  // namespace zhaoshang::factors::store
