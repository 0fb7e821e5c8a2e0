#include "zhaoshang/factors/factor_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::factors {
namespace {

constexpr Party kDepartment{true, false, false};
constexpr Party kCoordinator{true, true, false};
constexpr Party kRequester{false, false, true};
constexpr Party kStranger{};

TEST(FactorRules, TheDepartmentAcceptsWorksAndResolves) {
  auto open = CapabilitiesOf("open", kDepartment);
  EXPECT_TRUE(open.accept);
  EXPECT_TRUE(open.pass_on);
  EXPECT_TRUE(open.unresolvable);
  EXPECT_FALSE(open.resolve);  // accept first
  EXPECT_FALSE(open.withdraw);
  auto accepted = CapabilitiesOf("accepted", kDepartment);
  EXPECT_FALSE(accepted.accept);
  EXPECT_TRUE(accepted.progress);
  EXPECT_TRUE(accepted.resolve);
  EXPECT_EQ(RuleFor(FactorAction::kResolve, "accepted", kDepartment)->to, "resolved");
  EXPECT_EQ(RuleFor(FactorAction::kPassOn, "accepted", kDepartment)->to, "open");
}

TEST(FactorRules, WhatADepartmentCannotResolveGoesToTheCoordinator) {
  EXPECT_EQ(RuleFor(FactorAction::kUnresolvable, "open", kDepartment)->to, "unresolvable");
  auto dept = CapabilitiesOf("unresolvable", kDepartment);
  EXPECT_FALSE(dept.pass_on);  // out of the department's hands
  EXPECT_FALSE(dept.accept);
  auto coord = CapabilitiesOf("unresolvable", kCoordinator);
  EXPECT_TRUE(coord.pass_on);  // re-assign to another department
  EXPECT_TRUE(coord.withdraw);
  EXPECT_FALSE(coord.resolve);
}

TEST(FactorRules, TheRequesterOnlyWithdrawsAndNothingMovesWhenClosed) {
  auto req = CapabilitiesOf("open", kRequester);
  EXPECT_TRUE(req.withdraw);
  EXPECT_FALSE(req.accept || req.pass_on || req.progress || req.resolve || req.unresolvable);
  for (const char* closed : {"resolved", "withdrawn"}) {
    auto c = CapabilitiesOf(closed, kCoordinator);
    EXPECT_FALSE(c.accept || c.pass_on || c.progress || c.resolve || c.unresolvable || c.withdraw)
        << closed;
  }
  auto none = CapabilitiesOf("open", kStranger);
  EXPECT_FALSE(none.accept || none.pass_on || none.withdraw);
}

TEST(FactorRules, TypesStagesAndMedians) {
  EXPECT_EQ(FindFactorType("land")->quantity_unit, "mu_x100");
  EXPECT_EQ(FindFactorType("power")->quantity_unit, "kva");
  EXPECT_EQ(FindFactorType("environment")->quantity_unit, "");
  EXPECT_EQ(FindFactorType("lunch"), nullptr);
  EXPECT_EQ(FactorTypes().size(), 13u);
  EXPECT_TRUE(MayRaiseInStage("signed"));
  EXPECT_TRUE(MayRaiseInStage("negotiating"));
  EXPECT_FALSE(MayRaiseInStage("lead"));
  EXPECT_FALSE(MayRaiseInStage("lost"));
  EXPECT_EQ(Median({}), std::nullopt);
  EXPECT_EQ(*Median({5, 1, 3}), 3.0);
  EXPECT_EQ(*Median({4, 1, 3, 10}), 3.5);
}

}  // namespace
}  // namespace zhaoshang::factors
