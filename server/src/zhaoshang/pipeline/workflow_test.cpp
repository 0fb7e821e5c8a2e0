#include "zhaoshang/pipeline/workflow.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::pipeline {
namespace {
using enum Stage;

Relation Coordinator() { return {false, true, false, false}; }
Relation Promoter() { return {true, false, false, true}; }
Relation Park() { return {false, false, true, true}; }
Relation Stranger() { return {}; }
// A park accepting a routing (the routing code has checked it is that park).
Relation Accepting() {
  Relation r = Park();
  r.via_routing = true;
  return r;
}

GuardFacts Full() {
  GuardFacts g;
  g.industry_code = "3612";
  g.total_investment = 500'000'000;
  g.receiving_unit_id = 11;
  g.signing_date = "2026-11-01";
  g.contracted_investment = 480'000'000;
  g.construction_date = "2026-12-01";
  g.production_date = "2027-10-01";
  g.reason = "专班会议纪要第12期";
  return g;
}

std::string Code(const Result<const Rule*>& r) { return r ? "" : r.error().code; }
std::map<std::string, std::string> Fields(const Result<const Rule*>& r) {
  return r ? std::map<std::string, std::string>{} : r.error().fields;
}

TEST(Workflow, HappyPathFromLeadToProduction) {
  GuardFacts g = Full();
  EXPECT_TRUE(CheckTransition(kLead, kInReview, {}, Promoter(), g));
  EXPECT_TRUE(CheckTransition(kInReview, kApproved, {}, Coordinator(), g));
  EXPECT_TRUE(CheckTransition(kApproved, kNegotiating, {}, Accepting(), g));
  EXPECT_TRUE(CheckTransition(kNegotiating, kSigned, {}, Park(), g));
  EXPECT_TRUE(CheckTransition(kSigned, kConstruction, {}, Park(), g));
  EXPECT_TRUE(CheckTransition(kConstruction, kProduction, {}, Park(), g));
}

TEST(Workflow, UnknownEdgesAreNotAllowed) {
  EXPECT_EQ(Code(CheckTransition(kLead, kSigned, {}, Coordinator(), Full())),
            "transition_not_allowed");
  EXPECT_EQ(Code(CheckTransition(kProduction, kLost, {}, Coordinator(), Full())),
            "transition_not_allowed");
  EXPECT_EQ(Code(CheckTransition(kNegotiating, kApproved, {}, Coordinator(), Full())),
            "transition_not_allowed");
}

TEST(Workflow, WhoMayAct) {
  GuardFacts g = Full();
  EXPECT_EQ(Code(CheckTransition(kInReview, kApproved, {}, Promoter(), g)),
            "forbidden");  // no self-approval
  // Reaching a park is routing's: nobody requests it as a transition, not even the bureau.
  EXPECT_EQ(Code(CheckTransition(kApproved, kNegotiating, {}, Park(), g)), "use_routing");
  EXPECT_EQ(Code(CheckTransition(kApproved, kNegotiating, {}, Coordinator(), g)), "use_routing");
  Relation stranger_accepting = Stranger();
  stranger_accepting.via_routing = true;
  EXPECT_EQ(Code(CheckTransition(kApproved, kNegotiating, {}, stranger_accepting, g)), "forbidden");
  EXPECT_TRUE(AllowedTargets(kApproved, {}, Coordinator()).size() > 0);
  for (Stage s : AllowedTargets(kApproved, {}, Coordinator())) EXPECT_NE(s, kNegotiating);
  EXPECT_EQ(Code(CheckTransition(kNegotiating, kSigned, {}, Promoter(), g)), "forbidden");
  EXPECT_EQ(Code(CheckTransition(kLead, kInReview, {}, Stranger(), g)), "forbidden");
  EXPECT_TRUE(CheckTransition(kNegotiating, kSigned, {}, Coordinator(), g));
}

TEST(Workflow, EveryGuardNamesItsMissingFields) {
  GuardFacts empty;
  // Deciding directly instead of the panel needs the coordinator's reason.
  EXPECT_EQ(Fields(CheckTransition(kInReview, kApproved, {}, Coordinator(), empty)),
            (std::map<std::string, std::string>{{"reason", "required"}}));
  EXPECT_EQ(Fields(CheckTransition(kLead, kInReview, {}, Promoter(), empty)),
            (std::map<std::string, std::string>{{"industry_code", "required"},
                                                {"total_investment_yuan", "required"}}));
  EXPECT_EQ(Fields(CheckTransition(kApproved, kNegotiating, {}, Accepting(), empty)),
            (std::map<std::string, std::string>{{"receiving_unit_id", "required"}}));
  GuardFacts routed;
  routed.receiving_unit_id = 11;
  auto signing = CheckTransition(kNegotiating, kSigned, {}, Coordinator(), routed);
  EXPECT_EQ(Code(signing), "guard_failed");
  EXPECT_EQ(Fields(signing),
            (std::map<std::string, std::string>{{"signing_date", "required"},
                                                {"contracted_investment_yuan", "required"}}));
  EXPECT_EQ(Fields(CheckTransition(kSigned, kConstruction, {}, Park(), empty)),
            (std::map<std::string, std::string>{{"construction_date", "required"}}));
  EXPECT_EQ(Fields(CheckTransition(kConstruction, kProduction, {}, Park(), empty)),
            (std::map<std::string, std::string>{{"production_date", "required"}}));
  GuardFacts zero = Full();
  zero.contracted_investment = 0;
  EXPECT_EQ(Fields(CheckTransition(kNegotiating, kSigned, {}, Park(), zero))
                .count("contracted_investment_yuan"),
            1u);
}

TEST(Workflow, SideStatesNeedAReasonCode) {
  GuardFacts g = Full();
  g.reason.clear();
  EXPECT_EQ(Fields(CheckTransition(kNegotiating, kLost, {}, Park(), g)).at("reason_code"),
            "required");
  g.reason_code = "went_elsewhere";
  EXPECT_TRUE(CheckTransition(kNegotiating, kLost, {}, Park(), g));
  g.reason_code = "investor_paused";  // a shelving reason, not a loss reason
  EXPECT_EQ(Fields(CheckTransition(kNegotiating, kLost, {}, Park(), g)).at("reason_code"),
            "invalid_value");
  g.reason_code = "other";
  EXPECT_EQ(Fields(CheckTransition(kNegotiating, kLost, {}, Park(), g)).at("reason"), "required");
  g.reason = "投资方被竞争城市以土地价格吸引";
  EXPECT_TRUE(CheckTransition(kNegotiating, kLost, {}, Park(), g));
  GuardFacts r;
  r.reason_code = "incomplete_info";
  EXPECT_TRUE(CheckTransition(kInReview, kLead, {}, Coordinator(), r));  // returned for information
  EXPECT_TRUE(CheckTransition(kInReview, kRejected, {}, Coordinator(), r));
  EXPECT_EQ(Code(CheckTransition(kProduction, kShelved, {}, Coordinator(), r)),
            "transition_not_allowed");
}

TEST(Workflow, ReopeningReturnsToTheStageBefore) {
  GuardFacts g;
  EXPECT_TRUE(CheckTransition(kShelved, kNegotiating, kNegotiating, Park(), g));
  EXPECT_EQ(Code(CheckTransition(kShelved, kSigned, kNegotiating, Park(), g)),
            "transition_not_allowed");
  EXPECT_EQ(Code(CheckTransition(kLost, kSigned, kSigned, Park(), g)),
            "forbidden");  // only the bureau
  EXPECT_EQ(Fields(CheckTransition(kLost, kSigned, kSigned, Coordinator(), g)).at("reason"),
            "required");
  g.reason = "投资方重新接洽";
  EXPECT_TRUE(CheckTransition(kLost, kSigned, kSigned, Coordinator(), g));
}

TEST(Workflow, ResponsibilityHandOver) {
  auto rule = [](Stage a, Stage b, Relation rel) {
    GuardFacts g = Full();
    g.reason_code = "incomplete_info";
    return *CheckTransition(a, b, {}, rel, g).value();
  };
  EXPECT_EQ(rule(kLead, kInReview, Promoter()).handover,
            Handover::kKeep);  // promoter until the pool
  EXPECT_EQ(rule(kInReview, kApproved, Coordinator()).handover, Handover::kKeep);
  EXPECT_EQ(rule(kApproved, kNegotiating, Accepting()).handover, Handover::kReceivingPark);
  EXPECT_EQ(rule(kNegotiating, kSigned, Park()).handover, Handover::kKeep);  // the park keeps it
  EXPECT_EQ(rule(kInReview, kRejected, Coordinator()).handover, Handover::kPromoter);
}

TEST(Workflow, AllowedTargetsFollowTheRelation) {
  auto promoter = AllowedTargets(kLead, {}, Promoter());
  EXPECT_EQ(promoter, (std::vector<Stage>{kInReview, kShelved, kLost}));
  // While in review the promoter is still responsible: may shelve or report it lost, not decide.
  EXPECT_EQ(AllowedTargets(kInReview, {}, Promoter()), (std::vector<Stage>{kShelved, kLost}));
  EXPECT_EQ(AllowedTargets(kShelved, kSigned, Park()), std::vector<Stage>{kSigned});
  EXPECT_TRUE(AllowedTargets(kProduction, {}, Coordinator()).empty());
}

TEST(Workflow, BandsAndDates) {
  EXPECT_EQ(InvestmentBand(99'999'999), 0);
  EXPECT_EQ(InvestmentBand(100'000'000), 1);
  EXPECT_EQ(InvestmentBand(500'000'000), 2);
  EXPECT_EQ(InvestmentBand(1'999'999'999), 3);
  EXPECT_EQ(InvestmentBand(2'000'000'000), 4);
  EXPECT_EQ(InvestmentBand(5'000'000'000), 5);
  EXPECT_TRUE(IsIsoDate("2026-02-28"));
  EXPECT_FALSE(IsIsoDate("2026-02-30"));
  EXPECT_FALSE(IsIsoDate("2026-2-28"));
  EXPECT_FALSE(IsIsoDate("28/02/2026"));
  EXPECT_EQ(AddDays("2026-12-30", 3), "2027-01-02");
  EXPECT_EQ(DateOfMs(1'795'000'000'000), "2026-11-18");
  // 2026-11-17 20:00 UTC is already the 18th in Anqing.
  EXPECT_EQ(DateOfMs(1'794'945'600'000), "2026-11-17");
  EXPECT_EQ(LocalDateOfMs(1'794'945'600'000), "2026-11-18");
  for (Stage s : AllStages()) EXPECT_EQ(ParseStage(StageName(s)), s);
}

}  // namespace
}  // namespace zhaoshang::pipeline

namespace zhaoshang::pipeline {
namespace {

std::vector<std::string> Asked(const Needs& n) { return {n.ask.begin(), n.ask.end()}; }

TEST(WorkflowNeeds, SigningAsksOnlyForWhatTheProjectLacks) {
  const Rule* sign = FindRule(Stage::kNegotiating, Stage::kSigned, std::nullopt);
  ASSERT_NE(sign, nullptr);
  GuardFacts routed;  // the park is set by routing; nothing else yet
  routed.receiving_unit_id = 11;
  EXPECT_EQ(Asked(NeedsOf(*sign, routed)),
            (std::vector<std::string>{"signing_date", "contracted_investment_yuan"}));
  EXPECT_EQ(Asked(NeedsOf(*sign, GuardFacts{})),
            (std::vector<std::string>{"signing_date", "contracted_investment_yuan",
                                      "receiving_unit_id"}));
  EXPECT_EQ(NeedsOf(*sign, routed).reason, ReasonText::kNone);
  EXPECT_EQ(NeedsOf(*sign, routed).reason_codes, nullptr);
}

TEST(WorkflowNeeds, GuardFieldsOfTheProjectItselfAreNotAskedByTheDialog) {
  // lead → in_review needs an industry and an investment, which are edited on the project.
  const Rule* submit = FindRule(Stage::kLead, Stage::kInReview, std::nullopt);
  ASSERT_NE(submit, nullptr);
  EXPECT_TRUE(NeedsOf(*submit, GuardFacts{}).ask.empty());
}

TEST(WorkflowNeeds, ReasonsFollowTheRule) {
  const Rule* reject = FindRule(Stage::kInReview, Stage::kRejected, std::nullopt);
  ASSERT_NE(reject, nullptr);
  Needs n = NeedsOf(*reject, GuardFacts{});
  ASSERT_NE(n.reason_codes, nullptr);
  EXPECT_EQ(*n.reason_codes, ReasonCodes(Stage::kRejected, false));
  EXPECT_EQ(n.reason, ReasonText::kOptional);  // required only with the code "other"
  const Rule* back = FindRule(Stage::kInReview, Stage::kLead, std::nullopt);
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(*NeedsOf(*back, GuardFacts{}).reason_codes, ReasonCodes(Stage::kLead, true));
  const Rule* approve = FindRule(Stage::kInReview, Stage::kApproved, std::nullopt);
  ASSERT_NE(approve, nullptr);
  EXPECT_EQ(NeedsOf(*approve, GuardFacts{}).reason, ReasonText::kRequired);
  const Rule* resume = FindRule(Stage::kLost, Stage::kSigned, Stage::kSigned);
  ASSERT_NE(resume, nullptr);
  EXPECT_TRUE(resume->reopen);
  EXPECT_EQ(NeedsOf(*resume, GuardFacts{}).reason, ReasonText::kRequired);
  EXPECT_EQ(FindRule(Stage::kLost, Stage::kSigned, Stage::kNegotiating), nullptr);
}

TEST(WorkflowNeeds, WhatTheNeedsAskForIsWhatTheCheckRequires) {
  // For every rule: facts with nothing set fail the check on exactly the asked inputs (plus the
  // project's own fields and the reason), and filling what is asked passes the guard.
  for (const Rule& r : Rules()) {
    if (r.routing_only) continue;
    Relation everyone{true, true, true, true};
    GuardFacts facts;
    facts.industry_code = "3612";
    facts.total_investment = 1;
    const std::optional<Stage> before = r.reopen ? std::optional(r.to) : std::nullopt;
    Needs n = NeedsOf(r, facts);
    for (auto f : n.ask) {
      if (f == "receiving_unit_id") facts.receiving_unit_id = 11;
      if (f == "signing_date") facts.signing_date = "2026-11-01";
      if (f == "contracted_investment_yuan") facts.contracted_investment = 1;
      if (f == "construction_date") facts.construction_date = "2026-11-02";
      if (f == "production_date") facts.production_date = "2026-11-03";
    }
    if (n.reason_codes) facts.reason_code = std::string(n.reason_codes->front());
    if (n.reason == ReasonText::kRequired) facts.reason = "会议纪要";
    EXPECT_TRUE(CheckTransition(r.from, r.to, before, everyone, facts))
        << StageName(r.from) << " → " << StageName(r.to);
  }
}

TEST(WorkflowMove, TheParkChangesOnlyByRoutingAndMilestonesAreNotInTheFuture) {
  GuardFacts g = Full();
  Proposal other_park;
  other_park.receiving_unit_id = 12;
  auto moved = CheckMove(kNegotiating, kSigned, {}, Park(), g, 11, other_park, "2026-11-30");
  ASSERT_FALSE(moved);
  EXPECT_EQ(moved.error().fields.at("receiving_unit_id"), "cannot_change");
  Proposal same_park;
  same_park.receiving_unit_id = 11;
  EXPECT_TRUE(CheckMove(kNegotiating, kSigned, {}, Park(), g, 11, same_park, "2026-11-30"));
  Proposal tomorrow;
  tomorrow.signing_date = "2026-12-01";
  auto future = CheckMove(kNegotiating, kSigned, {}, Park(), g, 11, tomorrow, "2026-11-30");
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields.at("signing_date"), "in_future");
  tomorrow.signing_date = "2026-11-30";  // today is not the future
  EXPECT_TRUE(CheckMove(kNegotiating, kSigned, {}, Park(), g, 11, tomorrow, "2026-11-30"));
  // The workflow's own refusal comes first.
  EXPECT_EQ(Code(CheckMove(kNegotiating, kSigned, {}, Stranger(), g, 11, tomorrow, "2026-11-30")),
            "forbidden");
}

TEST(WorkflowHandOver, TheResponsiblePersonIsAnActiveAccountOfTheParkOrBelowIt) {
  const std::set<int64_t> park{10, 11, 12};  // the park and its units
  EXPECT_TRUE(MayReceive(true, 10, park));
  EXPECT_TRUE(MayReceive(true, 12, park));    // a department below the park
  EXPECT_FALSE(MayReceive(true, 9, park));    // the district above, or another unit
  EXPECT_FALSE(MayReceive(false, 10, park));  // disabled
  EXPECT_FALSE(MayReceive(true, 10, {}));
}

TEST(WorkflowMove, OnlyAProjectInThePoolWaitingForNoParkIsRoutable) {
  EXPECT_TRUE(IsRoutable(kApproved, false));
  EXPECT_FALSE(IsRoutable(kApproved, true));
  for (Stage s : AllStages())
    if (s != kApproved) EXPECT_FALSE(IsRoutable(s, false)) << StageName(s);
}

}  // namespace
}  // namespace zhaoshang::pipeline
