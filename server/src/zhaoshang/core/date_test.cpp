#include "zhaoshang/core/date.hpp"

#include <gtest/gtest.h>

namespace zhaoshang {
namespace {

constexpr int64_t kDayMs = int64_t{86'400'000};

TEST(IsoDate, OnlyRealDatesWrittenInFull) {
  EXPECT_TRUE(IsIsoDate("2026-05-30"));
  EXPECT_TRUE(IsIsoDate("2028-02-29"));  // leap year
  EXPECT_TRUE(IsIsoDate("1990-01-01"));
  EXPECT_TRUE(IsIsoDate("2100-12-31"));
  for (const char* bad : {"2026-02-29", "2026-99-99", "2026-13-01", "2026-00-10", "2026-01-00",
                          "2026-5-30", "2026-05-30x", "2026/05/30", "2026-+1-+1", "2026- 1- 1",
                          "+026-01-01", "1989-12-31", "2101-01-01", "", "yesterday"})
    EXPECT_FALSE(IsIsoDate(bad)) << bad;
}

TEST(IsoDate, DayStartsInUtcAndInChina) {
  EXPECT_EQ(UtcDayStartMs("1970-01-02"), kDayMs);
  EXPECT_EQ(UtcDayStartMs("2026-05-30"), int64_t{1'780'099'200'000});
  EXPECT_EQ(UtcDayStartMs("2026-03-01") - UtcDayStartMs("2026-02-28"), kDayMs);
  // Midnight in Anqing is 16:00 UTC the day before.
  EXPECT_EQ(LocalDayStartMs("2026-05-30"), UtcDayStartMs("2026-05-30") - kChinaUtcOffsetMs);
  EXPECT_EQ(DateOfMs(UtcDayStartMs("2026-05-30")), "2026-05-30");
  EXPECT_EQ(DateOfMs(UtcDayStartMs("2026-05-30") - 1), "2026-05-29");
  EXPECT_EQ(LocalDateOfMs(LocalDayStartMs("2026-05-30")), "2026-05-30");
  EXPECT_EQ(LocalDateOfMs(LocalDayStartMs("2026-05-30") - 1), "2026-05-29");
}

TEST(IsoDate, AddDaysCrossesMonthsAndYears) {
  EXPECT_EQ(AddDays("2026-02-28", 1), "2026-03-01");
  EXPECT_EQ(AddDays("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(AddDays("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(AddDays("2028-02-28", 1), "2028-02-29");
}

}  // namespace
}  // namespace zhaoshang
