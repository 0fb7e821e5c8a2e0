#include "zhaoshang/escalation/escalation_service.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <boost/json.hpp>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/escalation/escalation_store.hpp"
#include "zhaoshang/factors/factor_permissions.hpp"
#include "zhaoshang/factors/factors_store.hpp"
#include "zhaoshang/notify/notify_kinds.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/workflow.hpp"
#include "zhaoshang/pipeline/workflow_service.hpp"
#include "zhaoshang/review/review_store.hpp"
#include "zhaoshang/review/review_types.hpp"
#include "zhaoshang/supervision/supervision_permissions.hpp"
#include "zhaoshang/supervision/supervision_store.hpp"

namespace zhaoshang::escalation {
namespace json = boost::json;

namespace {
// The scheduler acts as nobody: its audit rows name it.
Actor SchedulerActor() { return {0, "scheduler", "", "system", "clock_sweep"}; }

// Items written per transaction: SQLite's one writer is not held for a whole first sweep.
constexpr size_t kBatch = 200;

// Who a tier tells for one item. Unit heads are looked up from the item's unit upwards (cached
// per sweep), the coordinator and the leader once.
class Recipients {
 public:
  explicit Recipients(db::Connection& c) : c_(c) {}
  std::vector<int64_t> Of(const OverdueItem& item, const TierRecipients& tier) {
    if (tier.role.empty()) {
      if (!item.responsible.empty()) return item.responsible;
      return notify::HoldersIn(c_, item.permission, item.unit_id);
    }
    if (!tier.nearest_unit) {
      auto& cached = by_role_[std::string(tier.role)];
      if (!cached)
        cached = org::store::ActiveUsersWithRoles(c_, {std::string(tier.role)}, std::nullopt);
      return *cached;
    }
    auto it = heads_.find(item.unit_id);
    if (it != heads_.end()) return it->second;
    std::vector<int64_t> found;
    std::optional<int64_t> unit = item.unit_id;
    for (int depth = 0; unit && found.empty() && depth < 32; ++depth) {
      found = org::store::ActiveUsersWithRoles(c_, {std::string(tier.role)}, *unit);
      auto u = org::store::GetUnit(c_, *unit);
      unit = u ? u->parent_id : std::nullopt;
    }
    heads_[item.unit_id] = found;
    return found;
  }

 private:
  db::Connection& c_;
  std::map<std::string, std::optional<std::vector<int64_t>>> by_role_;
  std::map<int64_t, std::vector<int64_t>> heads_;
};

// The step in the item's own timeline.
void RecordInTimeline(db::Connection& c, const OverdueItem& item, Tier tier, int days_over,
                      int64_t now) {
  const std::string tier_name(TierName(tier));
  if (item.object_type == "factor_request") {
    factors::store::AddEvent(c, {0, item.object_id, now, std::nullopt, "", "escalated", tier_name,
                                 std::nullopt, std::nullopt, "", ""});
  } else if (item.object_type == "supervision_item") {
    supervision::store::AddEvent(c, {0, item.object_id, now, 0, "", "escalated", tier_name});
  } else if (item.project_id) {
    json::object d{{"tier", tier_name},
                   {"deadline", item.deadline},
                   {"days_over", days_over},
                   {"object_type", item.object_type}};
    if (item.object_type == "routing") d["routing_id"] = item.object_id;
    pipeline::store::AddEvent(c, {0, *item.project_id, now, "escalated", 0, "", std::nullopt,
                                  std::nullopt, std::nullopt, std::nullopt, json::serialize(d)});
  }
}
}  // namespace

std::vector<OverdueItem> EscalationService::Gather(db::Connection& c, const std::string& today) {
  std::vector<OverdueItem> out;
  for (const auto& p : pipeline::store::OverdueProjects(c, today)) {
    OverdueItem i{"project",  p.id,      p.id, p.name,
                  p.deadline, p.unit_id, {},   pipeline::perm::kProjectWrite,
                  false};
    if (p.responsible_user_id) i.responsible = {*p.responsible_user_id};
    i.unjudged_lead = p.stage == pipeline::StageName(pipeline::Stage::kLead);
    out.push_back(std::move(i));
  }
  for (const auto& r : pipeline::store::OverdueRoutings(c, today))
    out.push_back({"routing",
                   r.id,
                   r.project_id,
                   r.project_name,
                   r.deadline,
                   r.park_id,
                   {},
                   pipeline::perm::kRoutingRespond,
                   false});
  for (const auto& r : factors::store::Overdue(c, today))
    out.push_back({"factor_request",
                   r.id,
                   r.project_id,
                   r.project_name,
                   r.deadline,
                   r.department_id,
                   {},
                   factors::perm::kFactorHandle,
                   false});
  for (const auto& s : supervision::store::Overdue(c, today))
    out.push_back({"supervision_item",
                   s.id,
                   s.project_id,
                   s.title,
                   s.deadline,
                   s.unit_id,
                   {},
                   supervision::perm::kSupervisionReply,
                   true});
  return out;
}

SweepReport EscalationService::Sweep(int64_t now) {
  const auto started = std::chrono::steady_clock::now();
  SweepReport report;
  const std::string today = LocalDateOfMs(now);
  auto cal = clocks_.Calendar();
  std::vector<OverdueItem> items;
  std::map<store::Key, int> reached;
  TierPlan plan;
  {
    auto c = db_.Acquire();
    plan.unit_head_days = clocks::ClockService::DaysFor(*c, clocks::kEscalateUnitHead);
    plan.coordinator_days = clocks::ClockService::DaysFor(*c, clocks::kEscalateCoordinator);
    plan.leader_days = clocks::ClockService::DaysFor(*c, clocks::kEscalateLeader);
    items = Gather(*c, today);
    std::string from = today;
    for (const auto& i : items) from = std::min(from, i.deadline);
    reached = store::Reached(*c, from);
  }
  report.items = static_cast<int>(items.size());

  // What each item still has to rise through.
  struct Due {
    const OverdueItem* item;
    int from_tier, to_tier, days_over;
  };
  std::vector<Due> due;
  std::vector<int64_t> unjudged_leads;
  for (const auto& i : items) {
    auto tier = TierReached(*cal, i.deadline, today, plan, i.with_leader);
    if (!tier) continue;
    if (i.unjudged_lead) unjudged_leads.push_back(i.object_id);
    auto it = reached.find({i.object_type, i.object_id, i.deadline});
    const int have = it == reached.end() ? 0 : it->second;
    if (static_cast<int>(*tier) > have)
      due.push_back(
          {&i, have + 1, static_cast<int>(*tier), cal->WorkingDaysBetween(i.deadline, today)});
  }
  for (size_t start = 0; start < due.size(); start += kBatch) {
    auto c = db_.Acquire();
    db::Transaction tx(*c, true);
    Recipients recipients(*c);
    for (size_t k = start; k < std::min(due.size(), start + kBatch); ++k) {
      const Due& d = due[k];
      const OverdueItem& i = *d.item;
      for (int t = d.from_tier; t <= d.to_tier; ++t) {
        const Tier tier = static_cast<Tier>(t);
        if (tier == Tier::kLeader && !i.with_leader) continue;
        if (!store::Insert(*c, {i.object_type, i.object_id, i.deadline, t, i.unit_id, i.project_id,
                                i.title, now}))
          continue;  // another server took this step
        ++report.steps;
        RecordInTimeline(*c, i, tier, d.days_over, now);
        const std::string detail = json::serialize(json::object{
            {"tier", TierName(tier)}, {"deadline", i.deadline}, {"days_over", d.days_over}});
        audit::Append(*c, now, SchedulerActor(),
                      {"escalation.raise", i.object_type, std::to_string(i.object_id), detail});
        notify::Send(*c, recipients.Of(i, TierTable()[static_cast<size_t>(t - 1)]),
                     tier == Tier::kResponsible ? notify::kOverdue : notify::kEscalated,
                     {i.object_type, i.object_id, i.project_id, i.title, detail}, now);
      }
    }
    tx.Commit();
  }
  report.agenda = PutLeadsOnAgenda(unjudged_leads, now);
  report.ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - started)
                  .count();
  return report;
}

int EscalationService::PutLeadsOnAgenda(const std::vector<int64_t>& leads, int64_t now) {
  if (leads.empty()) return 0;
  auto c = db_.Acquire();
  const auto round = review::store::NextOpenRound(*c, LocalDateOfMs(now));
  if (!round) return 0;  // no sitting to put them before: they keep escalating
  // The move to pre-review is the coordinator's (workflow table); the sweep takes it in the
  // coordinator's name, as nobody in particular.
  auth::Principal system;
  system.login = "scheduler";
  system.roles = {"coordinator"};
  int added = 0;
  for (int64_t id : leads) {
    db::Transaction tx(*c, true);
    if (!review::store::BumpOpenRound(*c, *round)) break;  // closed meanwhile
    // A full agenda: the rest wait for the next round (and keep escalating meanwhile).
    if (review::store::ItemCount(*c, *round) >= static_cast<int64_t>(review::kMaxRoundItems)) break;
    if (review::store::OnOpenRound(*c, id)) continue;
    pipeline::TransitionInput in;
    in.to = pipeline::StageName(pipeline::Stage::kInReview);
    // A lead without the facts pre-review needs (industry, investment) stays where it is.
    if (!workflow_.TransitionWithin(*c, system, id, in, SchedulerActor())) continue;
    review::store::AppendItem(*c, *round, id);
    auto p = pipeline::store::Get(*c, id, false);
    audit::Append(*c, now, SchedulerActor(),
                  {"review.auto_agenda", "project", std::to_string(id),
                   json::serialize(json::object{{"round_id", *round}})});
    if (p)
      notify::Send(*c, {p->promoter_id}, notify::kLeadOnAgenda,
                   {"review_round", *round, id, p->name, ""}, now);
    tx.Commit();
    ++added;
  }
  return added;
}

Result<std::vector<Step>> EscalationService::List(const auth::Principal& who, int64_t offset,
                                                  int64_t limit, int64_t* total) {
  // Over everything (coordinator, leader): from the coordinator's tier; over a subtree (a unit
  // head): from the unit head's tier in it; anyone else: their own unit's steps.
  const auto scope = org::ResolveScope(who.roles, pipeline::perm::kProjectRead);
  StepQuery q;
  q.offset = offset;
  q.limit = limit;
  auto c = db_.Acquire();
  if (scope == org::Scope::kAll) {
    q.min_tier = static_cast<int>(Tier::kCoordinator);
  } else if (scope == org::Scope::kSubtree) {
    q.min_tier = static_cast<int>(Tier::kUnitHead);
    auto sub = org::store::Subtree(*c, who.unit_id);
    q.units = std::vector<int64_t>(sub.begin(), sub.end());
  } else {
    q.units = std::vector<int64_t>{who.unit_id};
  }
  return store::List(*c, q, total);
}

}  // namespace zhaoshang::escalation
