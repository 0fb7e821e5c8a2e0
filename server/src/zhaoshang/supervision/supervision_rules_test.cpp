#include "zhaoshang/supervision/supervision_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::supervision {
namespace {

TEST(SupervisionRules, TheUnitRepliesUntilTheIssuerClosesAndMayReopen) {
  const Party unit{true, false}, issuer{false, true};
  EXPECT_TRUE(CapabilitiesOf("open", unit).reply);
  EXPECT_FALSE(CapabilitiesOf("open", unit).close);
  EXPECT_TRUE(CapabilitiesOf("replied", unit).reply);  // more progress
  EXPECT_FALSE(CapabilitiesOf("open", issuer).reply);
  EXPECT_TRUE(CapabilitiesOf("replied", issuer).close);
  EXPECT_TRUE(CapabilitiesOf("open", issuer).close);
  EXPECT_FALSE(CapabilitiesOf("closed", unit).reply);
  EXPECT_TRUE(CapabilitiesOf("closed", issuer).reopen);
  EXPECT_EQ(RuleFor(Step::kReopen, "closed", issuer)->to, "open");
  EXPECT_EQ(RuleFor(Step::kReply, "open", unit)->to, "replied");
  EXPECT_EQ(RuleFor(Step::kClose, "closed", issuer), nullptr);
  const Party nobody;
  auto none = CapabilitiesOf("open", nobody);
  EXPECT_FALSE(none.reply || none.close || none.reopen);
  EXPECT_EQ(Priorities().size(), 3u);
  EXPECT_EQ(StepEvent(Step::kClose), "closed");
}

}  // namespace
}  // namespace zhaoshang::supervision
