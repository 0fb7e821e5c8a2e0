#include "zhaoshang/pipeline/workflow_service.hpp"
#include "zhaoshang/attachments/attachment_rules.hpp"

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/deadlines.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"
#include "zhaoshang/pipeline/project_access.hpp"
#include "zhaoshang/pipeline/project_rules.hpp"
#include "zhaoshang/review/review_store.hpp"

namespace zhaoshang::pipeline {
namespace {
std::string Str(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }
std::optional<std::string> NonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional(s);
}

// The request's own fields, checked before anything is loaded.
Status CheckInput(const TransitionInput& in) {
  if (!ParseStage(in.to)) return Fail(InvalidArgument({{"to", "invalid_value"}}, "unknown stage"));
  std::map<std::string, std::string> bad;
  auto date = [&](const char* f, const std::optional<std::string>& v) {
    if (v && !IsIsoDate(*v)) bad[f] = "invalid_value";
  };
  date("signing_date", in.signing_date);
  date("construction_date", in.construction_date);
  date("production_date", in.production_date);
  if (in.contracted_investment &&
      (*in.contracted_investment < 0 || *in.contracted_investment > kMaxAmount))
    bad["contracted_investment_yuan"] = "invalid_value";
  if (Utf8Length(in.reason) > kMaxReasonChars) bad["reason"] = "too_long";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return {};
}

// The stage itself: entered now; side states remember the stage before and the reason;
// reopening forgets them.
void EnterStage(const Project& before, Stage from, Stage to, const Rule& rule,
                const TransitionInput& in, int64_t now, Project& after) {
  after.stage = std::string(StageName(to));
  after.stage_since = now;
  const bool closing = to == Stage::kShelved || to == Stage::kLost || to == Stage::kRejected;
  const bool returned = from == Stage::kInReview && to == Stage::kLead;
  if (to == Stage::kShelved || to == Stage::kLost) after.stage_before = before.stage;
  if (rule.reopen) after.stage_before.reset();
  if (closing || returned) {
    after.close_reason_code = in.reason_code;
    after.close_reason = in.reason;
  } else if (rule.reopen || from == Stage::kRejected) {
    after.close_reason_code.reset();
    after.close_reason.reset();
  }
}
}  // namespace

WorkflowService::WorkflowService(db::Database& db, const Clock& clock, clocks::ClockService& clocks)
    : db_(db), clock_(clock), clocks_(clocks) {}

Result<ProjectView> WorkflowService::Transition(const auth::Principal& who, int64_t id,
                                                const TransitionInput& in, const Actor& actor) {
  if (auto st = CheckInput(in); !st) return Fail(st.error());
  auto lease = db_.Acquire();
  db::Connection& c = *lease;
  db::Transaction tx(c, true);
  auto before = LoadForWrite(c, who, id);
  if (!before) return Fail(before.error());
  if (before->version != in.version) return Fail(VersionConflict());
  if (auto st = TransitionIn(c, who, *before, in, actor, RelationOf(c, who, *before)); !st)
    return Fail(st.error());
  tx.Commit();
  return ViewOf(c, who, *store::Get(c, id), LocalDateOfMs(clock_.NowMs()));
}

Status WorkflowService::TransitionWithin(db::Connection& c, const auth::Principal& who, int64_t id,
                                         TransitionInput in, const Actor& actor) {
  auto p = store::Get(c, id);
  if (!p) return Fail(ProjectNotFound());
  in.version = p->version;
  return TransitionIn(c, who, *p, in, actor, RelationOf(c, who, *p));
}

Status WorkflowService::TransitionIn(db::Connection& c, const auth::Principal& who,
                                     const Project& before, const TransitionInput& in,
                                     const Actor& actor, const Relation& relation) {
  auto to = ParseStage(in.to);
  if (!to) return Fail(InvalidArgument({{"to", "invalid_value"}}, "unknown stage"));
  const Stage from = ParseStage(before.stage).value_or(Stage::kLead);
  const std::optional<Stage> stage_before =
      before.stage_before ? ParseStage(*before.stage_before) : std::nullopt;

  // 1. The request's fields on a copy of the project.
  auto after = ApplyFields(c, before, in);
  if (!after) return Fail(after.error());
  // 2. The workflow table's check, on the project as it would be.
  GuardFacts facts = FactsOf(*after);
  facts.reason_code = in.reason_code;
  facts.reason = in.reason;
  const Evidence evidence = EvidenceOf(c, before);
  facts.missing_evidence = evidence.MissingFor(*to);
  // The 已入库 list is checked when the coordinator routes (a park accepting cannot tick it).
  if (!relation.via_routing) facts.missing_checklist = evidence.ChecklistFor(*to);
  const int64_t now = clock_.NowMs();
  const std::string today = LocalDateOfMs(now);
  const Proposal proposed{in.receiving_unit_id, in.signing_date, in.construction_date,
                          in.production_date};
  auto rule = CheckMove(from, *to, stage_before, relation, facts, before.receiving_unit_id,
                        proposed, today);
  if (!rule) return Fail(rule.error());
  // 3. The new stage and who is responsible in it, with its deadline.
  EnterStage(before, from, *to, **rule, in, now, *after);
  if (auto st = HandOver(c, **rule, in, *after); !st) return st;
  after->step_deadline = StageDeadline(c, clocks_, *after, today);
  after->updated_at = now;
  if (!store::Update(c, *after)) return Fail(VersionConflict());
  // 4. The timeline, the audit log, and what the move ends elsewhere.
  SideEffects(c, who, before, *after, in, actor, relation, now);
  return {};
}

Result<Project> WorkflowService::ApplyFields(db::Connection& c, const Project& before,
                                             const TransitionInput& in) {
  Project after = before;
  if (in.receiving_unit_id) {
    auto u = org::store::GetUnit(c, *in.receiving_unit_id);
    if (!u) return Fail(InvalidArgument({{"receiving_unit_id", "not_found"}}));
    if (!org::ReceivesProjects(u->kind))
      return Fail(InvalidArgument({{"receiving_unit_id", "invalid_value"}},
                                  "the receiving unit must be a park or district"));
    after.receiving_unit_id = *in.receiving_unit_id;
  }
  if (in.signing_date) after.signing_date = in.signing_date;
  if (in.contracted_investment) after.contracted_investment = in.contracted_investment;
  if (in.construction_date) after.construction_date = in.construction_date;
  if (in.production_date) after.production_date = in.production_date;
  return after;
}

Result<std::vector<org::User>> WorkflowService::Receivers(const auth::Principal& who,
                                                          int64_t unit_id) {
  constexpr int64_t kMaxReceivers = 200;
  auto c = db_.Acquire();
  auto unit = org::store::GetUnit(*c, unit_id);
  if (!unit) return Fail(InvalidArgument({{"unit_id", "not_found"}}));
  if (!org::ReceivesProjects(unit->kind))
    return Fail(InvalidArgument({{"unit_id", "invalid_value"}},
                                "the receiving unit must be a park or district"));
  const auto subtree = org::store::Subtree(*c, unit_id);
  // Only people the caller may read (user.read, by its scope).
  const auto readable = org::store::ScopeUnits(*c, who.roles, who.unit_id, "user.read");
  org::UserFilter f;
  f.active = true;
  f.unit_ids.emplace();
  for (int64_t id : subtree)
    if (readable.Has(id)) f.unit_ids->insert(id);
  f.limit = kMaxReceivers;
  auto users = org::store::ListUsers(*c, f, nullptr);
  std::erase_if(users,
                [&](const org::User& u) { return !MayReceive(u.active, u.unit_id, subtree); });
  return users;
}

Status WorkflowService::HandOver(db::Connection& c, const Rule& rule, const TransitionInput& in,
                                 Project& after) {
  switch (rule.handover) {
    case Handover::kKeep:
      break;
    case Handover::kPromoter:
      after.responsible_user_id = after.promoter_id;
      after.responsible_unit_id = after.reporting_unit_id;
      break;
    case Handover::kReceivingPark: {
      after.responsible_unit_id = *after.receiving_unit_id;
      after.responsible_user_id.reset();
      if (in.responsible_user_id) {
        auto u = org::store::GetUser(c, *in.responsible_user_id);
        if (!u ||
            !MayReceive(u->active, u->unit_id, org::store::Subtree(c, *after.receiving_unit_id)))
          return Fail(InvalidArgument({{"responsible_user_id", "invalid_value"}},
                                      "the responsible person must belong to the receiving park"));
        after.responsible_user_id = u->id;
      }
      after.district_id = DistrictOf(c, after.receiving_unit_id);
      break;
    }
  }
  return {};
}

void WorkflowService::SideEffects(db::Connection& c, const auth::Principal& who,
                                  const Project& before, const Project& after,
                                  const TransitionInput& in, const Actor& actor,
                                  const Relation& relation, int64_t now) {
  const int64_t id = before.id;
  audit::Diff d;
  d.Change("stage", before.stage, after.stage)
      .Change("responsible_unit_id", std::to_string(before.responsible_unit_id),
              std::to_string(after.responsible_unit_id))
      .Change("responsible_user_id", Str(before.responsible_user_id),
              Str(after.responsible_user_id))
      .Change("receiving_unit_id", Str(before.receiving_unit_id), Str(after.receiving_unit_id))
      .Change("signing_date", before.signing_date, after.signing_date)
      .Change("contracted_investment_yuan", Str(before.contracted_investment),
              Str(after.contracted_investment))
      .Change("construction_date", before.construction_date, after.construction_date)
      .Change("production_date", before.production_date, after.production_date)
      .Change("reason_code", std::nullopt, NonEmpty(in.reason_code))
      .Change("reason", std::nullopt, NonEmpty(in.reason));
  store::AddEvent(c, {0, id, now, "transition", who.user_id, "", before.stage, after.stage,
                      NonEmpty(in.reason_code), NonEmpty(in.reason), d.Json()});
  audit::Append(c, now, actor, {"project.transition", "project", std::to_string(id), d.Json()});
  // A decision taken outside the panel takes the project off an open round's agenda.
  if (before.stage == StageName(Stage::kInReview)) review::store::DropOpenItems(c, id);
  // Leaving the pool another way (shelved, lost) ends a routing the park has not answered; the
  // park never accepted it, so whoever routed it is responsible again.
  if (before.pending_routing_id && !relation.via_routing) {
    store::DecideRouting(c, *before.pending_routing_id, "withdrawn", std::string(kStageChanged),
                         after.stage, who.user_id, now);
    if (auto r = store::GetRouting(c, *before.pending_routing_id))
      store::ReturnToRouter(c, id, *r, std::nullopt, now);
  }
}

std::map<std::string, int> WorkflowService::DeadlineDays() {
  auto lease = db_.Acquire();
  return store::DeadlineDays(*lease);
}

int WorkflowService::RoutingDays() {
  auto lease = db_.Acquire();
  return store::RoutingDays(*lease);
}

std::map<std::string, std::vector<std::string>> WorkflowService::EvidenceKinds() {
  auto lease = db_.Acquire();
  return store::EvidenceKinds(*lease);
}

namespace {
// Field errors of an evidence requirement ("stage_evidence.<stage>").
void CheckEvidence(const std::map<std::string, std::vector<std::string>>& evidence,
                   std::map<std::string, std::string>& bad) {
  for (const auto& [stage, kinds] : evidence) {
    const std::string field = "stage_evidence." + stage;
    auto s = ParseStage(stage);
    if (!s || std::find(std::begin(kEvidenceStages), std::end(kEvidenceStages), *s) ==
                  std::end(kEvidenceStages)) {
      bad[field] = "unknown_field";
      continue;
    }
    std::set<std::string> seen;
    for (const auto& k : kinds)
      if (!attachments::FindKind(k) || !seen.insert(k).second) bad[field] = "invalid_value";
    if (kinds.size() > kMaxEvidenceKinds) bad[field] = "too_many";
  }
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}
}  // namespace

Status WorkflowService::SaveSettings(
    const std::map<std::string, int>& days, std::optional<int> routing_days,
    const std::map<std::string, std::vector<std::string>>* evidence, const Actor& actor) {
  auto defaults = DefaultDeadlineDays();
  std::map<std::string, std::string> bad;
  for (const auto& [k, v] : days) {
    if (!defaults.count(k))
      bad[k] = "unknown_field";
    else if (v < kMinDeadlineDays || v > kMaxDeadlineDays)
      bad[k] = "invalid_value";
  }
  if (routing_days && (*routing_days < kMinDeadlineDays || *routing_days > kMaxRoutingDays))
    bad["routing_days"] = "invalid_value";
  if (evidence) CheckEvidence(*evidence, bad);
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  auto lease = db_.Acquire();
  db::Transaction tx(*lease, true);
  auto before = store::DeadlineDays(*lease);
  store::SaveDeadlineDays(*lease, days);
  audit::Diff d;
  for (const auto& [k, v] : days) d.Change(k, std::to_string(before[k]), std::to_string(v));
  if (routing_days) {
    d.Change("routing_days", std::to_string(store::RoutingDays(*lease)),
             std::to_string(*routing_days));
    store::SaveRoutingDays(*lease, *routing_days);
  }
  if (evidence) {
    auto was = store::EvidenceKinds(*lease);
    for (const auto& [stage, kinds] : *evidence)
      d.Change("stage_evidence." + stage, Joined(was[stage]), Joined(kinds));
    store::SaveEvidenceKinds(*lease, *evidence);
  }
  audit::Append(*lease, clock_.NowMs(), actor,
                {"pipeline.settings", "settings", "stage_deadline", d.Json()});
  tx.Commit();
  return {};
}

}  // namespace zhaoshang::pipeline
