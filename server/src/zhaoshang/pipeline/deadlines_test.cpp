#include "zhaoshang/pipeline/deadlines.hpp"

#include <gtest/gtest.h>

#include "zhaoshang/clocks/clock_kinds.hpp"

namespace zhaoshang::pipeline {
namespace {

// Weekends only (no public holidays): enough to see working days counted.
const clocks::WorkCalendar kWeekends;

TEST(FollowUp, ANewLeadOwesItsFirstActivityOneWorkingDayAfterItWasReported) {
  // Reported on Friday 2026-11-20: answered by Monday.
  auto f = FollowUpOf(kWeekends, Stage::kLead, "2026-11-20", "2026-11-20", std::nullopt, 1, 10);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->clock, clocks::kLeadResponse);
  EXPECT_EQ(f->deadline, "2026-11-23");
  // Any activity answers it.
  EXPECT_FALSE(FollowUpOf(kWeekends, Stage::kLead, "2026-11-20", "2026-11-20",
                          std::string("2026-11-20"), 1, 10));
}

TEST(FollowUp, NegotiationAndConstructionReportFromTheLastActivity) {
  // In negotiation since Monday 2026-11-02, last activity Wednesday 2026-11-11: ten working
  // days later is Wednesday 2026-11-25.
  auto f = FollowUpOf(kWeekends, Stage::kNegotiating, "2026-10-01", "2026-11-02",
                      std::string("2026-11-11"), 1, 10);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->clock, clocks::kProgressReport);
  EXPECT_EQ(f->deadline, "2026-11-25");
  // No activity since entering the stage: from the stage's start (an activity from an
  // earlier stage does not count).
  f = FollowUpOf(kWeekends, Stage::kConstruction, "2026-10-01", "2026-11-02",
                 std::string("2026-10-15"), 1, 10);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->deadline, "2026-11-16");
}

TEST(FollowUp, OtherStagesOweNone) {
  for (Stage s : {Stage::kInReview, Stage::kApproved, Stage::kSigned, Stage::kProduction,
                  Stage::kShelved, Stage::kLost, Stage::kRejected})
    EXPECT_FALSE(FollowUpOf(kWeekends, s, "2026-11-20", "2026-11-20", std::nullopt, 1, 10))
        << StageName(s);
}

}  // namespace
}  // namespace zhaoshang::pipeline
