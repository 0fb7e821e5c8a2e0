// Working-day arithmetic on the official 2026 calendar (data/holidays-2026.csv), figures counted
// by hand on a printed calendar.
#include "zhaoshang/clocks/working_days.hpp"

#include <gtest/gtest.h>

#include "zhaoshang/clocks/calendar_csv.hpp"

namespace zhaoshang::clocks {
namespace {

WorkCalendar Official() {
  auto csv = ParseCalendarCsv(OfficialCalendarCsv());
  EXPECT_TRUE(csv.ok());
  return WorkCalendar(csv.days);
}

TEST(WorkingDays, WeekendsRestAndWeekdaysWorkWithoutMarks) {
  WorkCalendar none;
  EXPECT_TRUE(none.IsWorkingDay("2026-03-06"));   // Friday
  EXPECT_FALSE(none.IsWorkingDay("2026-03-07"));  // Saturday
  EXPECT_FALSE(none.IsWorkingDay("2026-03-08"));  // Sunday
  EXPECT_EQ(none.AddWorkingDays("2026-03-06", 1), "2026-03-09");
  EXPECT_EQ(none.AddWorkingDays("2026-03-07", 1), "2026-03-09");
  EXPECT_EQ(none.AddWorkingDays("2026-03-06", 5), "2026-03-13");
  EXPECT_EQ(none.AddWorkingDays("2026-03-06", 0), "2026-03-06");
  EXPECT_EQ(none.AddWorkingDays("1969-12-31", 1), "1970-01-01");  // before the epoch too
}

TEST(WorkingDays, SpringFestivalWeekWithItsMakeUpSaturdays) {
  const WorkCalendar cal = Official();
  EXPECT_TRUE(cal.IsWorkingDay("2026-02-14"));   // Saturday, 调休上班
  EXPECT_FALSE(cal.IsWorkingDay("2026-02-16"));  // Monday, 春节
  EXPECT_TRUE(cal.IsWorkingDay("2026-02-28"));   // Saturday, 调休上班
  // A lead reported on Friday 13 February: answer by the make-up Saturday, judge within 3
  // working days = 14 Feb, 24 Feb, 25 Feb.
  EXPECT_EQ(cal.AddWorkingDays("2026-02-13", 1), "2026-02-14");
  EXPECT_EQ(cal.AddWorkingDays("2026-02-13", 3), "2026-02-25");
  // Reported on the Saturday itself: the holiday week is skipped.
  EXPECT_EQ(cal.AddWorkingDays("2026-02-14", 1), "2026-02-24");
  // 24–27 Feb and the make-up Saturday 28 Feb are five working days after the 23rd.
  EXPECT_EQ(cal.AddWorkingDays("2026-02-23", 5), "2026-02-28");
  EXPECT_EQ(cal.WorkingDaysBetween("2026-02-13", "2026-02-24"), 2);
  EXPECT_EQ(cal.WorkingDaysBetween("2026-02-24", "2026-02-13"), -2);
  EXPECT_EQ(cal.WorkingDaysBetween("2026-02-14", "2026-02-14"), 0);
}

TEST(WorkingDays, NationalDayAndMidAutumnWithTheirMakeUpDays) {
  const WorkCalendar cal = Official();
  EXPECT_TRUE(cal.IsWorkingDay("2026-09-20"));                   // Sunday, 调休上班
  EXPECT_FALSE(cal.IsWorkingDay("2026-09-25"));                  // Friday, 中秋节
  EXPECT_TRUE(cal.IsWorkingDay("2026-10-10"));                   // Saturday, 调休上班
  EXPECT_EQ(cal.AddWorkingDays("2026-09-18", 1), "2026-09-20");  // Friday → the make-up Sunday
  EXPECT_EQ(cal.AddWorkingDays("2026-09-24", 1), "2026-09-28");  // over 中秋
  // 30 Sep + 1 = 8 Oct (1–7 Oct off); + 3 = the make-up Saturday 10 Oct; + 4 = Monday 12 Oct.
  EXPECT_EQ(cal.AddWorkingDays("2026-09-30", 1), "2026-10-08");
  EXPECT_EQ(cal.AddWorkingDays("2026-09-30", 3), "2026-10-10");
  EXPECT_EQ(cal.AddWorkingDays("2026-09-30", 4), "2026-10-12");
  // 7 working days for a ≥ 5 亿元 lead reported on 24 Sep: 28, 29, 30 Sep, 8, 9, 10, 12 Oct.
  EXPECT_EQ(cal.AddWorkingDays("2026-09-24", 7), "2026-10-12");
  // September 2026: 22 weekdays − 1 (25th) + 1 (Sunday 20th) = 22 working days.
  EXPECT_EQ(cal.WorkingDaysBetween("2026-08-31", "2026-09-30"), 22);
}

TEST(WorkingDays, ClockStatesCountWorkingDaysLeft) {
  const WorkCalendar cal = Official();
  // Friday 13 Feb: the make-up Saturday is the next working day.
  EXPECT_EQ(StateOf(cal, "2026-02-13", "2026-02-13"), ClockState::kDueSoon);  // due today
  EXPECT_EQ(StateOf(cal, "2026-02-14", "2026-02-13"), ClockState::kDueSoon);  // 1 working day
  EXPECT_EQ(StateOf(cal, "2026-02-24", "2026-02-13"), ClockState::kOnTime);   // 2 working days
  EXPECT_EQ(StateOf(cal, "2026-02-24", "2026-02-14"), ClockState::kDueSoon);  // over the holiday
  EXPECT_EQ(StateOf(cal, "2026-02-24", "2026-02-25"), ClockState::kOverdue);
  EXPECT_EQ(DueSoonThrough(cal, "2026-09-30"), "2026-10-08");
  EXPECT_EQ(ClockStateName(ClockState::kDueSoon), "due_soon");
}

TEST(CalendarCsv, ReadsTheShippedFileAndExcelVariants) {
  auto official = ParseCalendarCsv(OfficialCalendarCsv());
  ASSERT_TRUE(official.ok());
  EXPECT_EQ(official.days.size(), 39u);  // 2026: 33 holidays, 6 make-up working days
  EXPECT_EQ(official.days.front().date, "2026-01-01");
  EXPECT_EQ(official.days.front().name, "元旦");
  // A BOM, a Chinese header, Chinese kinds, CRLF, quotes, a row without a name, blank lines.
  auto excel = ParseCalendarCsv(
      "\xEF\xBB\xBF日期,类型,名称\r\n2027-02-06,放假,\"春节\"\r\n\r\n2027-02-20,上班\r\n");
  ASSERT_TRUE(excel.ok());
  ASSERT_EQ(excel.days.size(), 2u);
  EXPECT_EQ(excel.days[0].kind, DayKind::kHoliday);
  EXPECT_EQ(excel.days[0].name, "春节");
  EXPECT_EQ(excel.days[1].kind, DayKind::kWorkday);
  EXPECT_EQ(excel.days[1].name, "");
}

TEST(CalendarCsv, EveryBadLineIsNamedWithItsReason) {
  auto bad = ParseCalendarCsv(
      "date,kind,name\n"
      "2026-99-99,holiday,x\n"      // 2
      "2026-12-31,vacation,x\n"     // 3
      "2026-12-30,holiday,a,b\n"    // 4
      "2026-12-29,holiday,ok\n"     // 5 fine
      "2026-12-29,workday,again\n"  // 6
      "2026-12-28,holiday," +
      std::string(size_t{51} * 3, 'a') + "\n" +  // 7: 153 ASCII characters
      "2026-12-27,holiday,\x01\n");              // 8
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.errors.at(2), "invalid_date");
  EXPECT_EQ(bad.errors.at(3), "invalid_kind");
  EXPECT_EQ(bad.errors.at(4), "invalid_value");
  EXPECT_EQ(bad.errors.count(5), 0u);
  EXPECT_EQ(bad.errors.at(6), "duplicate_date");
  EXPECT_EQ(bad.errors.at(7), "too_long");
  EXPECT_EQ(bad.errors.at(8), "invalid_value");
  std::string many;
  for (int i = 0; i < 2001; ++i) many += "2026-01-01,holiday\n";
  EXPECT_EQ(ParseCalendarCsv(many).errors.count(0), 1u);
}

}  // namespace
}  // namespace zhaoshang::clocks
