// Escalation tiers on the official 2026 calendar, days counted by hand.
#include "zhaoshang/escalation/escalation_rules.hpp"

#include <gtest/gtest.h>

#include "zhaoshang/clocks/calendar_csv.hpp"

namespace zhaoshang::escalation {
namespace {

clocks::WorkCalendar Official() {
  auto csv = clocks::ParseCalendarCsv(clocks::OfficialCalendarCsv());
  EXPECT_TRUE(csv.ok());
  return clocks::WorkCalendar(csv.days);
}

TEST(EscalationTiers, NothingBeforeTheDeadlinePasses) {
  const clocks::WorkCalendar cal;
  EXPECT_FALSE(TierReached(cal, "2026-03-10", "2026-03-09", {}, false));
  EXPECT_FALSE(TierReached(cal, "2026-03-10", "2026-03-10", {}, false));  // the day itself
}

TEST(EscalationTiers, RiseWithWorkingDaysPastTheDeadline) {
  const clocks::WorkCalendar cal;
  const TierPlan plan{2, 5, 5};
  // Due Friday 6 March: Saturday and Sunday are overdue but 0 working days past.
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-03-07", plan, false), Tier::kResponsible);
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-03-09", plan, false), Tier::kResponsible);  // 1
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-03-10", plan, false), Tier::kUnitHead);     // 2
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-03-12", plan, false), Tier::kUnitHead);     // 4
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-03-13", plan, false), Tier::kCoordinator);  // 5
  // The leader's tier is for supervision items only.
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-03-13", plan, true), Tier::kLeader);
  EXPECT_EQ(TierReached(cal, "2026-03-06", "2026-04-30", plan, false), Tier::kCoordinator);
}

TEST(EscalationTiers, AHolidayWeekDoesNotCount) {
  const clocks::WorkCalendar cal = Official();
  const TierPlan plan{2, 5, 7};
  // Due 30 September: 1–7 October are off, so on 8 October it is one working day past.
  EXPECT_EQ(TierReached(cal, "2026-09-30", "2026-10-07", plan, true), Tier::kResponsible);
  EXPECT_EQ(TierReached(cal, "2026-09-30", "2026-10-08", plan, true), Tier::kResponsible);
  EXPECT_EQ(TierReached(cal, "2026-09-30", "2026-10-09", plan, true), Tier::kUnitHead);
  // 8, 9, 10 (make-up Saturday), 12, 13 October: five working days.
  EXPECT_EQ(TierReached(cal, "2026-09-30", "2026-10-12", plan, true), Tier::kUnitHead);
  EXPECT_EQ(TierReached(cal, "2026-09-30", "2026-10-13", plan, true), Tier::kCoordinator);
  EXPECT_EQ(TierReached(cal, "2026-09-30", "2026-10-15", plan, true), Tier::kLeader);
}

TEST(EscalationTiers, TheTableNamesEachTierOnceInOrder) {
  const auto& t = TierTable();
  ASSERT_EQ(t.size(), 4U);
  for (size_t i = 0; i < t.size(); ++i) EXPECT_EQ(static_cast<size_t>(t[i].tier), i + 1);
  EXPECT_EQ(TierName(Tier::kUnitHead), "unit_head");
  EXPECT_TRUE(t[0].role.empty());
  EXPECT_TRUE(t[1].nearest_unit);
}

}  // namespace
}  // namespace zhaoshang::escalation
