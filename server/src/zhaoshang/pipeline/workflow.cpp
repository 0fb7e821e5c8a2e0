#include "zhaoshang/pipeline/workflow.hpp"

#include <algorithm>
#include <chrono>

namespace zhaoshang::pipeline {

namespace {
constexpr std::pair<Stage, std::string_view> kNames[] = {
    {Stage::kLead, "lead"},
    {Stage::kInReview, "in_review"},
    {Stage::kApproved, "approved"},
    {Stage::kNegotiating, "negotiating"},
    {Stage::kSigned, "signed"},
    {Stage::kConstruction, "construction"},
    {Stage::kProduction, "production"},
    {Stage::kRejected, "rejected"},
    {Stage::kShelved, "shelved"},
    {Stage::kLost, "lost"},
};
}  // namespace

std::string_view StageName(Stage s) {
  for (auto& [st, n] : kNames)
    if (st == s) return n;
  return "lead";
}

std::optional<Stage> ParseStage(std::string_view s) {
  for (auto& [st, n] : kNames)
    if (n == s) return st;
  return std::nullopt;
}

const std::vector<Stage>& AllStages() {
  static const std::vector<Stage> k = {Stage::kLead,        Stage::kInReview, Stage::kApproved,
                                       Stage::kNegotiating, Stage::kSigned,   Stage::kConstruction,
                                       Stage::kProduction,  Stage::kRejected, Stage::kShelved,
                                       Stage::kLost};
  return k;
}

bool IsActive(Stage s) {
  return s == Stage::kLead || s == Stage::kInReview || s == Stage::kApproved ||
         s == Stage::kNegotiating || s == Stage::kSigned || s == Stage::kConstruction;
}

bool Relation::Has(Who w) const {
  switch (w) {
    case Who::kPromoter:
      return promoter;
    case Who::kCoordinator:
      return coordinator;
    case Who::kReceiver:
      return receiver;
    case Who::kResponsible:
      return responsible;
  }
  return false;
}

const std::vector<Rule>& Rules() {
  using enum Stage;
  using W = Who;
  static const std::vector<Rule> k = [] {
    std::vector<Rule> r = {
        // Review decisions are the pre-review panel's (review/); the coordinator may still
        // decide directly, with a reason (approving needs one; rejecting needs its code).
        {kLead,
         kInReview,
         {W::kPromoter, W::kCoordinator},
         {"industry_code", "total_investment_yuan"},
         false,
         false,
         Handover::kKeep},
        {kInReview, kApproved, {W::kCoordinator}, {"reason"}, false, false, Handover::kKeep},
        {kInReview, kRejected, {W::kCoordinator}, {}, true, false, Handover::kPromoter},
        {kInReview,
         kLead,
         {W::kCoordinator},
         {},
         true,
         false,
         Handover::kPromoter},  // returned for information
        // Routing: the coordinator routes, the park accepts and takes over.
        {kApproved,
         kNegotiating,
         {W::kReceiver, W::kCoordinator},
         {"receiving_unit_id"},
         false,
         false,
         Handover::kReceivingPark,
         true},
        {kNegotiating,
         kSigned,
         {W::kReceiver, W::kCoordinator},
         {"signing_date", "contracted_investment_yuan", "receiving_unit_id"},
         false,
         false,
         Handover::kKeep},
        {kSigned,
         kConstruction,
         {W::kReceiver, W::kCoordinator},
         {"construction_date"},
         false,
         false,
         Handover::kKeep},
        {kConstruction,
         kProduction,
         {W::kReceiver, W::kCoordinator},
         {"production_date"},
         false,
         false,
         Handover::kKeep},
        {kRejected,
         kLead,
         {W::kPromoter, W::kCoordinator},
         {},
         false,
         false,
         Handover::kPromoter},  // resubmit
        {kShelved, kLead, {W::kResponsible, W::kCoordinator}, {}, false, true, Handover::kKeep},
        {kLost, kLead, {W::kCoordinator}, {"reason"}, false, true, Handover::kKeep},
    };
    for (Stage s : {kLead, kInReview, kApproved, kNegotiating, kSigned, kConstruction}) {
      r.push_back(
          {s, kShelved, {W::kResponsible, W::kCoordinator}, {}, true, false, Handover::kKeep});
      r.push_back({s, kLost, {W::kResponsible, W::kCoordinator}, {}, true, false, Handover::kKeep});
    }
    return r;
  }();
  return k;
}

const std::vector<std::string_view>& ReasonCodes(Stage to, bool returning) {
  static const std::vector<std::string_view> kRejected = {"industry_mismatch",  "below_threshold",
                                                          "environment_energy", "investor_doubts",
                                                          "incomplete_info",    "other"};
  static const std::vector<std::string_view> kShelved = {"investor_paused", "awaiting_factors",
                                                         "policy_pending", "other"};
  static const std::vector<std::string_view> kLost = {
      "investor_withdrew", "went_elsewhere", "factor_constraints", "financing", "policy", "other"};
  static const std::vector<std::string_view> kReturned = {"incomplete_info", "need_clarification",
                                                          "other"};
  static const std::vector<std::string_view> kNone = {};
  if (returning) return kReturned;
  switch (to) {
    case Stage::kRejected:
      return kRejected;
    case Stage::kShelved:
      return kShelved;
    case Stage::kLost:
      return kLost;
    default:
      return kNone;
  }
}

const std::vector<std::string_view>& DeclineReasonCodes() {
  static const std::vector<std::string_view> k = {"industry_mismatch", "no_carrier",
                                                  "below_threshold",   "environment_energy",
                                                  "investor_doubts",   "other"};
  return k;
}

namespace {
bool Matches(const Rule& r, Stage from, Stage to, std::optional<Stage> stage_before) {
  if (r.from != from) return false;
  if (r.reopen) return stage_before && *stage_before == to;
  return r.to == to;
}

bool FieldPresent(std::string_view f, const GuardFacts& g) {
  if (f == "industry_code") return !g.industry_code.empty();
  if (f == "total_investment_yuan") return g.total_investment > 0;
  if (f == "receiving_unit_id") return g.receiving_unit_id.has_value();
  if (f == "signing_date") return g.signing_date.has_value();
  if (f == "contracted_investment_yuan")
    return g.contracted_investment && *g.contracted_investment > 0;
  if (f == "construction_date") return g.construction_date.has_value();
  if (f == "production_date") return g.production_date.has_value();
  if (f == "reason") return !g.reason.empty();
  return false;
}
}  // namespace

const Rule* FindRule(Stage from, Stage to, std::optional<Stage> stage_before) {
  const Rule* rule = nullptr;
  for (const auto& r : Rules())
    if (Matches(r, from, to, stage_before)) rule = &r;
  return rule;
}

Result<const Rule*> CheckTransition(Stage from, Stage to, std::optional<Stage> stage_before,
                                    const Relation& rel, const GuardFacts& g) {
  const Rule* rule = FindRule(from, to, stage_before);
  if (!rule)
    return Fail(
        ErrorCode::kInvalidArgument, "transition_not_allowed",
        "no transition from " + std::string(StageName(from)) + " to " + std::string(StageName(to)),
        {{"to", "invalid_value"}});
  if (rule->routing_only && !rel.via_routing)
    return Fail(ErrorCode::kInvalidArgument, "use_routing",
                "a project reaches a park only by routing it and the park accepting",
                {{"to", "use_routing"}});
  if (std::none_of(rule->who.begin(), rule->who.end(), [&](Who w) { return rel.Has(w); }))
    return Fail(Forbidden("you may not move this project to " + std::string(StageName(to))));
  std::map<std::string, std::string> missing;
  for (auto f : rule->required)
    if (!FieldPresent(f, g)) missing.emplace(std::string(f), "required");
  if (!g.missing_evidence.empty()) missing.emplace("attachments", "required");
  if (!g.missing_checklist.empty()) missing.emplace("checklist", "required");
  if (rule->needs_reason_code) {
    const bool returning = from == Stage::kInReview && to == Stage::kLead;
    const auto& codes = ReasonCodes(to, returning);
    if (g.reason_code.empty())
      missing.emplace("reason_code", "required");
    else if (std::find(codes.begin(), codes.end(), g.reason_code) == codes.end())
      missing.emplace("reason_code", "invalid_value");
    else if (g.reason_code == "other" && g.reason.empty())
      missing.emplace("reason", "required");
  }
  if (!missing.empty())
    return Fail(ErrorCode::kInvalidArgument, "guard_failed",
                "the transition needs more information", std::move(missing));
  return rule;
}

Result<const Rule*> CheckMove(Stage from, Stage to, std::optional<Stage> stage_before,
                              const Relation& rel, const GuardFacts& facts,
                              std::optional<int64_t> park_before, const Proposal& proposed,
                              const std::string& today) {
  auto rule = CheckTransition(from, to, stage_before, rel, facts);
  if (!rule) return rule;
  // The park changes only by routing; a later step cannot move the project to another park.
  if (proposed.receiving_unit_id && (*rule)->handover != Handover::kReceivingPark && park_before &&
      *park_before != *proposed.receiving_unit_id)
    return Fail(InvalidArgument({{"receiving_unit_id", "cannot_change"}},
                                "the receiving park changes only by routing"));
  if (auto field = FutureMilestone(proposed, today))
    return Fail(InvalidArgument({{std::string(*field), "in_future"}},
                                "a milestone date cannot be in the future"));
  return rule;
}

std::optional<std::string_view> FutureMilestone(const Proposal& p, const std::string& today) {
  for (auto [field, value] : {std::pair{"signing_date", &p.signing_date},
                              std::pair{"construction_date", &p.construction_date},
                              std::pair{"production_date", &p.production_date}})
    if (value->has_value() && **value > today) return field;
  return std::nullopt;
}

bool IsForward(Stage from, Stage to) {
  const auto* f = std::find(std::begin(kWorkingStages), std::end(kWorkingStages), from);
  const auto* t = std::find(std::begin(kWorkingStages), std::end(kWorkingStages), to);
  return f != std::end(kWorkingStages) && t != std::end(kWorkingStages) && t > f;
}

bool IsRoutable(Stage s, bool pending_routing) { return s == Stage::kApproved && !pending_routing; }

bool MayReceive(bool active, int64_t user_unit_id, const std::set<int64_t>& receiving_subtree) {
  return active && receiving_subtree.count(user_unit_id) > 0;
}

std::string_view ReasonTextName(ReasonText r) {
  switch (r) {
    case ReasonText::kRequired:
      return "required";
    case ReasonText::kOptional:
      return "optional";
    case ReasonText::kNone:
      break;
  }
  return "none";
}

Needs NeedsOf(const Rule& rule, const GuardFacts& facts) {
  Needs n;
  for (auto f : rule.required) {
    if (f == "reason") n.reason = ReasonText::kRequired;
    const bool input = std::find(std::begin(kTransitionInputs), std::end(kTransitionInputs), f) !=
                       std::end(kTransitionInputs);
    if (input && !FieldPresent(f, facts)) n.ask.push_back(f);
  }
  if (rule.needs_reason_code) {
    n.reason_codes =
        &ReasonCodes(rule.to, rule.from == Stage::kInReview && rule.to == Stage::kLead);
    if (n.reason == ReasonText::kNone) n.reason = ReasonText::kOptional;  // required for "other"
  }
  return n;
}

std::vector<Stage> AllowedTargets(Stage from, std::optional<Stage> stage_before,
                                  const Relation& rel) {
  std::vector<Stage> out;
  for (const auto& r : Rules()) {
    if (r.from != from || r.routing_only) continue;
    if (std::none_of(r.who.begin(), r.who.end(), [&](Who w) { return rel.Has(w); })) continue;
    Stage to = r.reopen ? stage_before.value_or(r.to) : r.to;
    if (std::find(out.begin(), out.end(), to) == out.end()) out.push_back(to);
  }
  return out;
}

std::string_view NextStep(Stage s, bool pending_routing) {
  if (s == Stage::kApproved && pending_routing) return "park_response";
  switch (s) {
    case Stage::kLead:
      return "submit_review";
    case Stage::kInReview:
      return "review_decision";
    case Stage::kApproved:
      return "route_to_park";
    case Stage::kNegotiating:
      return "sign";
    case Stage::kSigned:
      return "start_construction";
    case Stage::kConstruction:
      return "start_production";
    case Stage::kShelved:
      return "reopen";
    default:
      return "none";
  }
}

std::map<std::string, int> DefaultDeadlineDays() {
  // Practice elsewhere (BRIEF.md): judge a lead within 3 days; the rest are this city's defaults.
  return {{"lead", 3},         {"in_review", 7}, {"approved", 14},
          {"negotiating", 90}, {"signed", 90},   {"construction", 365}};
}

int InvestmentBand(int64_t yuan) {
  constexpr int64_t kYi = 100'000'000;  // 1 亿元
  if (yuan < 1 * kYi) return 0;
  if (yuan < 5 * kYi) return 1;
  if (yuan < 10 * kYi) return 2;
  if (yuan < 20 * kYi) return 3;
  if (yuan < 50 * kYi) return 4;
  return 5;
}

}  // namespace zhaoshang::pipeline
