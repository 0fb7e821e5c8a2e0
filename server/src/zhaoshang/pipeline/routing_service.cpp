#include "zhaoshang/pipeline/routing_service.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/deadlines.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/project_access.hpp"
#include "zhaoshang/pipeline/project_rules.hpp"

namespace zhaoshang::pipeline {
namespace {

using auth::HasRole;

std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional(s);
}

Error NotPending() {
  return Error{ErrorCode::kInvalidArgument,
               "transition_not_allowed",
               "this routing has already been answered",
               {{"status", "invalid_value"}}};
}

Error RoutingNotFound() { return NotFound("routing not found"); }

// The routings a user may see: all, or those to parks in their unit subtree.
std::optional<std::set<int64_t>> VisibleParks(db::Connection& c, const auth::Principal& who) {
  auto scope = org::ResolveScope(who.roles, perm::kRoutingRead);
  if (scope && *scope == org::Scope::kAll) return std::nullopt;
  return org::store::Subtree(c, who.unit_id);
}

// The park answers for itself (its receivers); the coordinator may answer for it.
bool IsRoutingParty(db::Connection& c, const auth::Principal& who, const Routing& r) {
  if (HasRole(who, "coordinator")) return true;
  return HasRole(who, "receiver") && org::store::Subtree(c, r.park_id).count(who.unit_id) > 0;
}

// `is_party` is asked only when it matters (a pending routing, a caller who may respond).
RoutingCapabilities CapabilitiesOf(const auth::Principal& who, const Routing& r,
                                   const std::function<bool()>& is_party) {
  RoutingCapabilities k;
  const bool pending = r.status == "pending";
  k.respond = pending && Can(who, perm::kRoutingRespond) && is_party();
  k.withdraw = pending && Can(who, perm::kRoutingWrite);
  k.reroute = r.status == "declined" && Can(who, perm::kRoutingWrite);
  return k;
}

}  // namespace

RoutingService::RoutingService(db::Database& db, const Clock& clock, clocks::ClockService& clocks,
                               WorkflowService& workflow)
    : db_(db), clock_(clock), clocks_(clocks), workflow_(workflow) {}

Result<Routing> RoutingService::Load(db::Connection& c, const auth::Principal& who, int64_t id) {
  auto r = store::GetRouting(c, id);
  if (!r) return Fail(RoutingNotFound());
  r->capabilities = CapabilitiesOf(who, *r, [&] { return IsRoutingParty(c, who, *r); });
  return std::move(*r);
}

Result<Routing> RoutingService::Route(const auth::Principal& who, int64_t project_id,
                                      int64_t park_id, const std::string& note, int64_t version,
                                      std::optional<int64_t> fit_score, const Actor& actor) {
  if (Utf8Length(note) > kMaxReasonChars) return Fail(InvalidArgument({{"note", "too_long"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  auto p = store::Get(c, project_id, false);
  if (!p) return Fail(ProjectNotFound());
  if (p->version != version) return Fail(VersionConflict());
  if (!IsRoutable(ParseStage(p->stage).value_or(Stage::kLead), p->pending_routing_id.has_value()))
    return Fail(ErrorCode::kInvalidArgument, "transition_not_allowed",
                p->pending_routing_id ? "the project waits for a park's answer already"
                                      : "only a project in the pool (approved) can be routed",
                {{"to", "invalid_value"}});
  // The pool's required checklist items come before a park is asked (it cannot tick them).
  if (!EvidenceOf(c, *p).unticked.empty())
    return Fail(ErrorCode::kInvalidArgument, "guard_failed",
                "the project's checklist has required items not ticked",
                {{"checklist", "required"}});
  auto park = org::store::GetUnit(c, park_id);
  if (!park) return Fail(InvalidArgument({{"park_id", "not_found"}}));
  if (!org::ReceivesProjects(park->kind))
    return Fail(
        InvalidArgument({{"park_id", "invalid_value"}}, "routing goes to a park or district"));
  const int64_t now = clock_.NowMs();
  Routing r;
  r.project_id = project_id;
  r.park_id = park_id;
  r.reporting_unit_id = p->reporting_unit_id;
  r.note = note;
  r.routed_by = who.user_id;
  r.routed_unit_id = who.unit_id;
  r.routed_at = now;
  r.deadline = RoutingDeadline(c, clocks_, LocalDateOfMs(now));
  r.fit_score = fit_score;
  const int64_t rid = store::InsertRouting(c, r);
  if (!store::SetPendingRouting(c, project_id, rid, park_id, r.deadline, now, version))
    return Fail(VersionConflict());
  audit::Diff d;
  d.Change("park_id", std::nullopt, std::to_string(park_id))
      .Change("responsible_unit_id", std::to_string(p->responsible_unit_id),
              std::to_string(park_id))
      .Change("deadline", std::nullopt, r.deadline)
      .Change("note", std::nullopt, NonEmpty(note));
  store::AddEvent(c, {0, project_id, now, "routed", who.user_id, "", p->stage, std::nullopt,
                      std::nullopt, NonEmpty(note), d.Json()});
  audit::Append(c, now, actor, {"project.route", "project", std::to_string(project_id), d.Json()});
  // The park's receivers are told where to answer (their inbox, their group robot).
  notify::Send(c, notify::HoldersIn(c, perm::kRoutingRespond, park_id), notify::kRoutingReceived,
               {"routing", rid, project_id, p->name, ""}, now, who.user_id);
  tx.Commit();
  return Load(c, who, rid);
}

Result<Routing> RoutingService::Accept(const auth::Principal& who, int64_t id,
                                       std::optional<int64_t> responsible_user_id,
                                       const Actor& actor) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  auto r = store::GetRouting(c, id);
  // Another park's routing: not even its existence.
  if (!r || !IsRoutingParty(c, who, *r)) return Fail(RoutingNotFound());
  const int64_t now = clock_.NowMs();
  // The status changes first, guarded: of an accept and a decline racing, one wins.
  if (!store::DecideRouting(c, id, "accepted", std::nullopt, std::nullopt, who.user_id, now))
    return Fail(NotPending());
  auto p = store::Get(c, r->project_id);
  if (!p) return Fail(ProjectNotFound());
  TransitionInput in;
  in.to = std::string(StageName(Stage::kNegotiating));
  in.version = p->version;
  in.receiving_unit_id = r->park_id;
  in.responsible_user_id = responsible_user_id;
  Relation rel;
  rel.via_routing = true;
  rel.coordinator = HasRole(who, "coordinator");
  rel.receiver = HasRole(who, "receiver");
  if (auto st = workflow_.TransitionIn(c, who, *p, in, actor, rel); !st) return Fail(st.error());
  store::ClearPendingRouting(c, r->project_id);
  tx.Commit();
  return Load(c, who, id);
}

Status RoutingService::End(db::Connection& c, const auth::Principal& who, int64_t id,
                           const std::string& status, const std::string& reason_code,
                           const std::string& reason, const Actor& actor) {
  auto r = store::GetRouting(c, id);
  if (!r) return Fail(RoutingNotFound());
  if (status == "declined" && !IsRoutingParty(c, who, *r)) return Fail(RoutingNotFound());
  const int64_t now = clock_.NowMs();
  if (!store::DecideRouting(c, id, status, NonEmpty(reason_code), NonEmpty(reason), who.user_id,
                            now))
    return Fail(NotPending());
  auto p = store::Get(c, r->project_id, false);
  if (!p) return Fail(ProjectNotFound());
  const std::string deadline = DeadlineOfStage(c, clocks_, Stage::kApproved, LocalDateOfMs(now));
  store::ReturnToRouter(c, r->project_id, *r, deadline, now);
  audit::Diff d;
  d.Change("routing_status", "pending", status)
      .Change("park_id", std::to_string(r->park_id), std::nullopt)
      .Change("responsible_unit_id", std::to_string(p->responsible_unit_id),
              std::to_string(r->routed_unit_id));
  store::AddEvent(c, {0, r->project_id, now, "routing_" + status, who.user_id, "", p->stage,
                      std::nullopt, NonEmpty(reason_code), NonEmpty(reason), d.Json()});
  d.Change("reason_code", std::nullopt, NonEmpty(reason_code))
      .Change("reason", std::nullopt, NonEmpty(reason));
  audit::Append(c, now, actor,
                {"project.routing_" + status, "project", std::to_string(r->project_id), d.Json()});
  return {};
}

Result<Routing> RoutingService::Decline(const auth::Principal& who, int64_t id,
                                        const std::string& reason_code, const std::string& reason,
                                        const Actor& actor) {
  const auto& codes = DeclineReasonCodes();
  if (reason_code.empty()) return Fail(InvalidArgument({{"reason_code", "required"}}));
  if (std::find(codes.begin(), codes.end(), reason_code) == codes.end())
    return Fail(InvalidArgument({{"reason_code", "invalid_value"}}));
  if (reason_code == "other" && reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Fail(InvalidArgument({{"reason", "required"}}));
  if (Utf8Length(reason) > kMaxReasonChars) return Fail(InvalidArgument({{"reason", "too_long"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  if (auto st = End(c, who, id, "declined", reason_code, reason, actor); !st)
    return Fail(st.error());
  tx.Commit();
  return Load(c, who, id);
}

Result<Routing> RoutingService::Withdraw(const auth::Principal& who, int64_t id,
                                         const std::string& reason, const Actor& actor) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Fail(InvalidArgument({{"reason", "required"}}));
  if (Utf8Length(reason) > kMaxReasonChars) return Fail(InvalidArgument({{"reason", "too_long"}}));
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  if (auto st = End(c, who, id, "withdrawn", "", reason, actor); !st) return Fail(st.error());
  tx.Commit();
  return Load(c, who, id);
}

Result<std::vector<Routing>> RoutingService::List(const auth::Principal& who, const RoutingQuery& q,
                                                  int64_t* total) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  auto rows = store::ListRoutings(c, VisibleParks(c, who), q, total);
  std::map<int64_t, bool> party;  // by park: one subtree lookup per park, not per row
  for (auto& r : rows)
    r.capabilities = CapabilitiesOf(who, r, [&] {
      auto it = party.find(r.park_id);
      if (it == party.end()) it = party.emplace(r.park_id, IsRoutingParty(c, who, r)).first;
      return it->second;
    });
  return rows;
}

Result<std::pair<std::vector<RoutingStat>, std::vector<RoutingStat>>> RoutingService::Stats(
    const auth::Principal& who) {
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  const auto parks = VisibleParks(c, who);
  auto sorted = [](std::vector<RoutingStat> out) {
    std::sort(out.begin(), out.end(), [](const RoutingStat& a, const RoutingStat& b) {
      return a.routed != b.routed ? a.routed > b.routed : a.unit_name < b.unit_name;
    });
    return out;
  };
  return std::make_pair(sorted(store::RoutingStatsBy(c, parks, true)),
                        sorted(store::RoutingStatsBy(c, parks, false)));
}

}  // namespace zhaoshang::pipeline
