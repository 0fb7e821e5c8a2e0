#include "zhaoshang/pipeline/project_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::pipeline {
namespace {

TEST(ProjectRules, MasksKeepTheFirstCharacterOfAName) {
  EXPECT_EQ(MaskName("张伟"), "张*");
  EXPECT_EQ(MaskName("欧阳娜娜"), "欧***");
  EXPECT_EQ(MaskName("A"), "A*");
  EXPECT_EQ(MaskName(""), "");
}

TEST(ProjectRules, MasksThePhoneBetweenItsEnds) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("123456"), "******");
}

TEST(ProjectRules, MasksTheMiddleOfALongText) {
  EXPECT_EQ(MaskText("宁德时代新能源科技股份有限公司"), "宁德***有限公司");
  EXPECT_EQ(MaskText("比亚迪"), "比**");
}

TEST(ProjectRules, CapitalIsCappedByTheContractedInvestmentElseTheTotal) {
  Project p;
  p.total_investment = 500;
  EXPECT_EQ(CapitalCap(p), 500);
  p.contracted_investment = 300;
  EXPECT_EQ(CapitalCap(p), 300);
}

TEST(ProjectRules, TheCapMayNotFallBelowTheCapitalInPlaceUnlessConfirmed) {
  Project before;
  before.total_investment = 1000;
  before.capital_in_place = 800;
  Project after = before;
  after.total_investment = 900;  // still above the capital in place
  EXPECT_TRUE(CheckCapitalCap(before, after, false, "total_investment_yuan"));
  after.total_investment = 700;
  auto st = CheckCapitalCap(before, after, false, "total_investment_yuan");
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().fields.at("total_investment_yuan"), "below_capital_in_place");
  EXPECT_TRUE(CheckCapitalCap(before, after, true, "total_investment_yuan"));
  // Raising the cap is always allowed, whatever is in place.
  before.capital_in_place = 2000;
  after = before;
  after.total_investment = 1500;
  EXPECT_TRUE(CheckCapitalCap(before, after, false, "total_investment_yuan"));
}

}  // namespace
}  // namespace zhaoshang::pipeline
