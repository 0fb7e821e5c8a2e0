// 分派、接收、退回: the coordinator routes a project in the pool to a park; the park accepts
// (the project moves to negotiating with that park) or declines with a reason (the project
// stays in the pool and the coordinator is responsible again).
#include <algorithm>

#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_service.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"

namespace zhaoshang::pipeline {
namespace {

constexpr const char* kRoutingSelect =
    "SELECT r.id, r.project_id, p.name, p.investor_name, r.reporting_unit_id, ru.name, "
    "r.park_id, pk.name, r.note, r.routed_by, u.name, r.routed_unit_id, r.routed_at, r.deadline, "
    "r.status, r.reason_code, r.reason, r.decided_by, du.name, r.decided_at, r.fit_score "
    "FROM routings r JOIN projects p ON p.id = r.project_id "
    "JOIN org_units ru ON ru.id = r.reporting_unit_id JOIN org_units pk ON pk.id = r.park_id "
    "JOIN users u ON u.id = r.routed_by LEFT JOIN users du ON du.id = r.decided_by ";

Routing RoutingFromRow(const db::Row& r) {
  Routing x;
  size_t i = 0;
  x.id = r.Int(i++);
  x.project_id = r.Int(i++);
  x.project_name = r.Text(i++);
  x.investor_name = r.Text(i++);
  x.reporting_unit_id = r.Int(i++);
  x.reporting_unit_name = r.Text(i++);
  x.park_id = r.Int(i++);
  x.park_name = r.Text(i++);
  x.note = r.Text(i++);
  x.routed_by = r.Int(i++);
  x.routed_by_name = r.Text(i++);
  x.routed_unit_id = r.Int(i++);
  x.routed_at = r.Int(i++);
  x.deadline = r.Text(i++);
  x.status = r.Text(i++);
  x.reason_code = r.OptText(i++);
  x.reason = r.OptText(i++);
  x.decided_by = r.OptInt(i++);
  x.decided_by_name = r.IsNull(i) ? "" : r.Text(i);
  ++i;
  x.decided_at = r.OptInt(i++);
  x.fit_score = r.OptInt(i++);
  return x;
}

using auth::HasRole;

Error NotPending() {
  return Error{ErrorCode::kInvalidArgument,
               "transition_not_allowed",
               "this routing has already been answered",
               {{"status", "invalid_value"}}};
}

// The routings a user may see: all, or those to parks in their unit subtree.
std::optional<std::set<int64_t>> VisibleParks(db::Connection& c, const auth::Principal& who) {
  auto scope = org::ResolveScope(who.roles, "routing.read");
  if (scope && *scope == org::Scope::kAll) return std::nullopt;
  return org::store::Subtree(c, who.unit_id);
}

}  // namespace

Result<Routing> PipelineService::GetRouting(db::Connection& c, int64_t id) {
  auto rs = c.Query(std::string(kRoutingSelect) + "WHERE r.id = ?", {id});
  if (rs.empty()) return Fail(NotFound("routing not found"));
  return RoutingFromRow(rs[0]);
}

// The park answers for itself (its receivers); the coordinator may answer for it.
Status PipelineService::CheckRoutingParty(db::Connection& c, const auth::Principal& who,
                                          const Routing& r) {
  if (HasRole(who, "coordinator")) return {};
  if (HasRole(who, "receiver") && org::store::Subtree(c, r.park_id).count(who.unit_id)) return {};
  return Fail(NotFound("routing not found"));  // another park's routing: not even its existence
}

Result<Routing> PipelineService::Route(const auth::Principal& who, int64_t project_id,
                                       int64_t park_id, const std::string& note, int64_t version,
                                       std::optional<int64_t> fit_score,
                                       const audit::Actor& actor) {
  if (Utf8Length(note) > 500) return Fail(InvalidArgument({{"note", "too_long"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  auto p = store::Get(c, project_id, false);
  if (!p) return Fail(NotFound("project not found"));
  if (p->version != version) return Fail(VersionConflict());
  if (p->stage != "approved" || p->pending_routing_id)
    return Fail(ErrorCode::kInvalidArgument, "transition_not_allowed",
                p->pending_routing_id ? "the project waits for a park's answer already"
                                      : "only a project in the pool (approved) can be routed",
                {{"to", "invalid_value"}});
  auto park = org::store::GetUnit(c, park_id);
  if (!park) return Fail(InvalidArgument({{"park_id", "not_found"}}));
  if (!org::ReceivesProjects(park->kind))
    return Fail(
        InvalidArgument({{"park_id", "invalid_value"}}, "routing goes to a park or district"));
  const int64_t now = clock_.NowMs();
  const std::string deadline = AddDays(LocalDateOfMs(now), store::RoutingDays(c));
  const int64_t rid =
      c.QueryInt(
           "INSERT INTO routings(project_id, park_id, reporting_unit_id, note, routed_by, "
           "routed_unit_id, routed_at, deadline, status, fit_score) VALUES "
           "(?,?,?,?,?,?,?,?,'pending',?) RETURNING id",
           {project_id, park_id, p->reporting_unit_id, note, who.user_id, who.unit_id, now,
            deadline, fit_score ? db::Param(*fit_score) : db::Param(nullptr)})
          .value();
  if (c.Execute("UPDATE projects SET pending_routing_id = ?, responsible_unit_id = ?, "
                "responsible_user_id = NULL, step_deadline = ?, updated_at = ?, version = version "
                "+ 1 WHERE id = ? AND version = ?",
                {rid, park_id, deadline, now, project_id, version}) != 1)
    return Fail(VersionConflict());
  db::RecordChange(c, project_id);
  audit::Diff d;
  d.Change("park_id", std::nullopt, std::to_string(park_id))
      .Change("responsible_unit_id", std::to_string(p->responsible_unit_id),
              std::to_string(park_id))
      .Change("deadline", std::nullopt, deadline)
      .Change("note", std::nullopt, note.empty() ? std::nullopt : std::optional(note));
  store::AddEvent(c, {0, project_id, now, "routed", who.user_id, "", p->stage, std::nullopt,
                      std::nullopt, note.empty() ? std::nullopt : std::optional(note), d.Json()});
  audit::Append(c, now, actor, {"project.route", "project", std::to_string(project_id), d.Json()});
  tx.Commit();
  return GetRouting(c, rid);
}

Result<Routing> PipelineService::AcceptRouting(const auth::Principal& who, int64_t id,
                                               std::optional<int64_t> responsible_user_id,
                                               const audit::Actor& actor) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  auto r = GetRouting(c, id);
  if (!r) return Fail(r.error());
  if (auto st = CheckRoutingParty(c, who, *r); !st) return Fail(st.error());
  const int64_t now = clock_.NowMs();
  // The status changes first, guarded: of an accept and a decline racing, one wins.
  if (c.Execute("UPDATE routings SET status = 'accepted', decided_by = ?, decided_at = ? WHERE id "
                "= ? AND status = 'pending'",
                {who.user_id, now, id}) != 1)
    return Fail(NotPending());
  auto p = store::Get(c, r->project_id);
  if (!p) return Fail(NotFound("project not found"));
  TransitionInput in;
  in.to = "negotiating";
  in.version = p->version;
  in.receiving_unit_id = r->park_id;
  in.responsible_user_id = responsible_user_id;
  Relation rel;
  rel.via_routing = true;
  rel.coordinator = HasRole(who, "coordinator");
  rel.receiver = HasRole(who, "receiver");
  if (auto st = TransitionIn(c, who, *p, in, actor, rel); !st) return Fail(st.error());
  c.Execute("UPDATE projects SET pending_routing_id = NULL WHERE id = ?", {r->project_id});
  db::RecordChange(c, r->project_id);
  tx.Commit();
  return GetRouting(c, id);
}

Status PipelineService::EndRouting(db::Connection& c, const auth::Principal& who, int64_t id,
                                   const std::string& status, const std::string& reason_code,
                                   const std::string& reason, const audit::Actor& actor) {
  auto r = GetRouting(c, id);
  if (!r) return Fail(r.error());
  if (status == "declined") {
    if (auto st = CheckRoutingParty(c, who, *r); !st) return Fail(st.error());
  }
  const int64_t now = clock_.NowMs();
  if (c.Execute("UPDATE routings SET status = ?, reason_code = ?, reason = ?, decided_by = ?, "
                "decided_at = ? WHERE id = ? AND status = 'pending'",
                {status, reason_code.empty() ? db::Param(nullptr) : db::Param(reason_code),
                 reason.empty() ? db::Param(nullptr) : db::Param(reason), who.user_id, now, id}) !=
      1)
    return Fail(NotPending());
  auto p = store::Get(c, r->project_id, false);
  if (!p) return Fail(NotFound("project not found"));
  const std::string deadline = AddDays(LocalDateOfMs(now), store::DeadlineDays(c)["approved"]);
  c.Execute(
      "UPDATE projects SET pending_routing_id = NULL, responsible_unit_id = ?, responsible_user_id "
      "= ?, step_deadline = ?, updated_at = ?, version = version + 1 WHERE id = ?",
      {r->routed_unit_id, r->routed_by, deadline, now, r->project_id});
  db::RecordChange(c, r->project_id);
  audit::Diff d;
  d.Change("routing_status", "pending", status)
      .Change("park_id", std::to_string(r->park_id), std::nullopt)
      .Change("responsible_unit_id", std::to_string(p->responsible_unit_id),
              std::to_string(r->routed_unit_id));
  store::AddEvent(c, {0, r->project_id, now, "routing_" + status, who.user_id, "", p->stage,
                      std::nullopt, reason_code.empty() ? std::nullopt : std::optional(reason_code),
                      reason.empty() ? std::nullopt : std::optional(reason), d.Json()});
  d.Change("reason_code", std::nullopt,
           reason_code.empty() ? std::nullopt : std::optional(reason_code))
      .Change("reason", std::nullopt, reason.empty() ? std::nullopt : std::optional(reason));
  audit::Append(c, now, actor,
                {"project.routing_" + status, "project", std::to_string(r->project_id), d.Json()});
  return {};
}

Result<Routing> PipelineService::DeclineRouting(const auth::Principal& who, int64_t id,
                                                const std::string& reason_code,
                                                const std::string& reason,
                                                const audit::Actor& actor) {
  const auto& codes = DeclineReasonCodes();
  if (reason_code.empty()) return Fail(InvalidArgument({{"reason_code", "required"}}));
  if (std::find(codes.begin(), codes.end(), reason_code) == codes.end())
    return Fail(InvalidArgument({{"reason_code", "invalid_value"}}));
  if (reason_code == "other" && reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Fail(InvalidArgument({{"reason", "required"}}));
  if (Utf8Length(reason) > 500) return Fail(InvalidArgument({{"reason", "too_long"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  if (auto st = EndRouting(c, who, id, "declined", reason_code, reason, actor); !st)
    return Fail(st.error());
  tx.Commit();
  return GetRouting(c, id);
}

Result<Routing> PipelineService::WithdrawRouting(const auth::Principal& who, int64_t id,
                                                 const std::string& reason,
                                                 const audit::Actor& actor) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Fail(InvalidArgument({{"reason", "required"}}));
  if (Utf8Length(reason) > 500) return Fail(InvalidArgument({{"reason", "too_long"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  if (auto st = EndRouting(c, who, id, "withdrawn", "", reason, actor); !st)
    return Fail(st.error());
  tx.Commit();
  return GetRouting(c, id);
}

Result<std::vector<Routing>> PipelineService::Routings(const auth::Principal& who,
                                                       const RoutingQuery& q, int64_t* total) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  std::string where = "WHERE 1=1";
  db::Params p;
  if (auto parks = VisibleParks(c, who))
    where += " AND r.park_id IN (" + db::InList(*parks, p) + ")";
  if (!q.status.empty()) {
    where += " AND r.status = ?";
    p.emplace_back(q.status);
  }
  if (q.park_id) {
    where += " AND r.park_id = ?";
    p.emplace_back(*q.park_id);
  }
  if (q.project_id) {
    where += " AND r.project_id = ?";
    p.emplace_back(*q.project_id);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM routings r " + where, p).value_or(0);
  p.emplace_back(q.limit);
  p.emplace_back(q.offset);
  auto rs =
      c.Query(std::string(kRoutingSelect) + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", p);
  std::vector<Routing> out;
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(RoutingFromRow(rs[i]));
  return out;
}

Result<std::pair<std::vector<RoutingStat>, std::vector<RoutingStat>>> PipelineService::RoutingStats(
    const auth::Principal& who) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  std::string where = " WHERE 1=1";
  db::Params p;
  if (auto parks = VisibleParks(c, who))
    where += " AND r.park_id IN (" + db::InList(*parks, p) + ")";
  auto group = [&](const char* col) {
    std::map<int64_t, RoutingStat> by;
    auto rs = c.Query(std::string("SELECT ") + col +
                          ", o.name, r.status, COUNT(*) FROM routings r "
                          "JOIN org_units o ON o.id = " +
                          col + where + " GROUP BY " + col + ", o.name, r.status",
                      p);
    for (size_t i = 0; i < rs.size(); ++i) {
      RoutingStat& s = by[rs[i].Int(0)];
      s.unit_id = rs[i].Int(0);
      s.unit_name = rs[i].Text(1);
      const std::string status = rs[i].Text(2);
      const int64_t n = rs[i].Int(3);
      s.routed += n;
      if (status == "accepted") s.accepted += n;
      if (status == "declined") s.declined += n;
      if (status == "pending") s.pending += n;
    }
    auto reasons =
        c.Query(std::string("SELECT ") + col + ", r.reason_code, COUNT(*) FROM routings r" + where +
                    " AND r.status = 'declined' GROUP BY " + col + ", r.reason_code",
                p);
    for (size_t i = 0; i < reasons.size(); ++i)
      if (auto it = by.find(reasons[i].Int(0)); it != by.end())
        it->second.reasons[reasons[i].IsNull(1) ? "other" : reasons[i].Text(1)] +=
            reasons[i].Int(2);
    std::vector<RoutingStat> out;
    for (auto& [_, s] : by) out.push_back(std::move(s));
    std::sort(out.begin(), out.end(), [](const RoutingStat& a, const RoutingStat& b) {
      return a.routed != b.routed ? a.routed > b.routed : a.unit_name < b.unit_name;
    });
    return out;
  };
  return std::make_pair(group("r.park_id"), group("r.reporting_unit_id"));
}

}  // namespace zhaoshang::pipeline
