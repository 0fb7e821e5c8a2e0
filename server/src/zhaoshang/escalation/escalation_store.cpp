#include "zhaoshang/escalation/escalation_store.hpp"

#include <set>

namespace zhaoshang::escalation::store {

bool Insert(db::Connection& c, const Step& s) {
  return c.Execute(
             "INSERT INTO escalations(object_type, object_id, deadline, tier, unit_id, project_id, "
             "title, at) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (object_type, object_id, deadline, "
             "tier) DO NOTHING",
             {s.object_type, s.object_id, s.deadline, int64_t{s.tier}, db::Nullable(s.unit_id),
              db::Nullable(s.project_id), s.title, s.at}) == 1;
}

std::map<Key, int> Reached(db::Connection& c, const std::string& from) {
  auto rs = c.Query(
      "SELECT object_type, object_id, deadline, MAX(tier) FROM escalations WHERE deadline >= ? "
      "GROUP BY object_type, object_id, deadline",
      {from});
  std::map<Key, int> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out[{rs[i].Text(0), rs[i].Int(1), rs[i].Text(2)}] = static_cast<int>(rs[i].Int(3));
  return out;
}

std::vector<Step> List(db::Connection& c, const StepQuery& q, int64_t* total) {
  db::Params p{int64_t{q.min_tier}};
  std::string w = " WHERE e.tier >= ?";
  if (q.units) {
    std::set<int64_t> units(q.units->begin(), q.units->end());
    if (units.empty()) units.insert(0);
    w += " AND e.unit_id IN (" + db::InList(units, p) + ")";
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM escalations e" + w, p).value_or(0);
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  auto rs = c.Query(
      "SELECT e.object_type, e.object_id, e.deadline, e.tier, e.unit_id, e.project_id, e.title, "
      "e.at, u.name FROM escalations e LEFT JOIN org_units u ON u.id = e.unit_id" +
          w + " ORDER BY e.at DESC, e.object_type, e.object_id, e.tier DESC LIMIT ? OFFSET ?",
      p);
  std::vector<Step> out;
  for (size_t i = 0; i < rs.size(); ++i)
    out.push_back({rs[i].Text(0), rs[i].Int(1), rs[i].Text(2), static_cast<int>(rs[i].Int(3)),
                   rs[i].OptInt(4), rs[i].OptInt(5), rs[i].Text(6), rs[i].Int(7), rs[i].Text(8)});
  return out;
}

}  // namespace zhaoshang::escalation::store
