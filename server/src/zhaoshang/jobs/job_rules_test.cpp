#include "zhaoshang/jobs/job_rules.hpp"

#include <gtest/gtest.h>

#include "zhaoshang/core/date.hpp"

namespace zhaoshang::jobs {
namespace {

int64_t At(const char* day, int hour, int minute) {
  return LocalDayStartMs(day) + (int64_t{hour} * 60 + minute) * 60'000;
}

TEST(JobSlots, PeriodsAlignOnTheHourInChinaTime) {
  const JobSpec sweep{kClockSweep, 15, -1};
  EXPECT_EQ(SlotAt(sweep, At("2026-05-06", 10, 0)), "2026-05-06T10:00");
  EXPECT_EQ(SlotAt(sweep, At("2026-05-06", 10, 14)), "2026-05-06T10:00");
  EXPECT_EQ(SlotAt(sweep, At("2026-05-06", 10, 15)), "2026-05-06T10:15");
  // 00:05 in Anqing is still the previous day in UTC: the slot is the local date.
  EXPECT_EQ(SlotAt(sweep, At("2026-05-07", 0, 5)), "2026-05-07T00:00");
  EXPECT_EQ(SlotAt(sweep, At("2026-05-06", 23, 59)), "2026-05-06T23:45");
}

TEST(JobSlots, ADailyJobIsDueFromItsMinuteOn) {
  const JobSpec digest{kDigest, 0, 8 * 60 + 30};
  EXPECT_FALSE(SlotAt(digest, At("2026-05-06", 8, 29)));
  EXPECT_EQ(SlotAt(digest, At("2026-05-06", 8, 30)), "2026-05-06");
  EXPECT_EQ(SlotAt(digest, At("2026-05-06", 23, 59)), "2026-05-06");
  EXPECT_FALSE(SlotAt(digest, At("2026-05-07", 0, 0)));
}

TEST(JobSlots, EveryJobOfTheTableHasASchedule) {
  for (const auto& j : JobTable()) {
    EXPECT_TRUE(j.every_minutes > 0 || j.daily_at_minute >= 0) << j.name;
    EXPECT_EQ(FindJob(j.name), &j);
  }
  EXPECT_EQ(FindJob("nope"), nullptr);
}

}  // namespace
}  // namespace zhaoshang::jobs
