#include "zhaoshang/review/tally.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::review {
namespace {

Ballot Vote(const std::string& v, int score = 80, std::vector<std::string> reasons = {}) {
  return {false, v, std::move(reasons), score};
}
Ballot Recused() { return {true, "", {}, 0}; }

TEST(Tally, TwoThirdsOfFourIsThreeVotes) {
  DecisionRule rule;
  auto t = Count(4, {Vote("approve"), Vote("approve")}, rule);
  EXPECT_FALSE(t.quorum_met);  // 2 × 3 = 6 < 2 × 4 = 8
  EXPECT_FALSE(t.outcome);
  t = Count(4, {Vote("approve"), Vote("approve"), Vote("approve", 50)}, rule);
  EXPECT_TRUE(t.quorum_met);
  EXPECT_EQ(t.outcome, "approve");
  EXPECT_EQ(t.average_score, 70);
  EXPECT_EQ(t.eligible, 4);
}

TEST(Tally, RecusedMembersLeaveTheQuorum) {
  DecisionRule rule;
  // 4 members, 1 recused: 3 eligible, 2 votes reach 2/3.
  auto t = Count(4, {Recused(), Vote("approve"), Vote("approve")}, rule);
  EXPECT_EQ(t.eligible, 3);
  EXPECT_EQ(t.recused, 1);
  EXPECT_TRUE(t.quorum_met);
  EXPECT_EQ(t.outcome, "approve");
  // Everybody recused: no quorum, ever.
  t = Count(2, {Recused(), Recused()}, rule);
  EXPECT_EQ(t.eligible, 0);
  EXPECT_FALSE(t.quorum_met);
}

TEST(Tally, ApprovalShareAndTies) {
  DecisionRule rule;
  // 2 of 3 votes approve: exactly two thirds passes.
  EXPECT_EQ(Count(3, {Vote("approve"), Vote("approve"), Vote("reject")}, rule).outcome, "approve");
  // 1 approve, 1 reject, 1 more_info: no approval; the tie between reject and more_info asks
  // for information.
  EXPECT_EQ(Count(3, {Vote("approve"), Vote("reject"), Vote("more_info")}, rule).outcome,
            "more_info");
  auto t = Count(3,
                 {Vote("approve"), Vote("reject", 30, {"below_threshold", "environment_energy"}),
                  Vote("reject", 20, {"environment_energy"})},
                 rule);
  EXPECT_EQ(t.outcome, "reject");
  EXPECT_EQ(t.top_reason, "environment_energy");
  // A simple-majority rule changes the first case's neighbour: 1 of 2 approves.
  DecisionRule half{1, 2, 1, 2};
  EXPECT_EQ(Count(4, {Vote("approve"), Vote("reject")}, half).outcome, "approve");
  EXPECT_FALSE(ValidRule({3, 2, 2, 3}));
  EXPECT_FALSE(ValidRule({0, 3, 2, 3}));
  EXPECT_TRUE(ValidRule(half));
}

TEST(Tally, WeightedScore) {
  const auto& c = DefaultCriteria();
  std::map<std::string, int> all10;
  for (const auto& k : c) all10[k.code] = 10;
  EXPECT_EQ(WeightedScore(c, all10), 100);
  // industry_fit (20) at 5, everything else 0 → 20 × 5 / 100 × 10 = 10.
  EXPECT_EQ(WeightedScore(c, {{"industry_fit", 5}}), 10);
  EXPECT_EQ(WeightedScore({}, all10), 0);
}

}  // namespace
}  // namespace zhaoshang::review
