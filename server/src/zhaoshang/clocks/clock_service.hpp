#pragma once
// The working-day calendar and the clocks' durations. Other modules ask it for the calendar
// (deadlines, clock states) and for a clock's duration; the coordinator edits both.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "zhaoshang/clocks/clocks_types.hpp"
#include "zhaoshang/clocks/working_days.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::clocks {

class ClockService {
 public:
  ClockService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The calendar now: cached, reloaded after this process changes it and at least every
  // kReloadMs (another server process on the same database may have changed it).
  std::shared_ptr<const WorkCalendar> Calendar();
  // The same, reading on the caller's connection (inside its transaction) when not cached.
  std::shared_ptr<const WorkCalendar> Calendar(db::Connection& c);
  // China's date today on the injected clock.
  std::string Today() const;
  // Today and the last deadline due soon, for clock states.
  ClockDay Now();
  // The n-th working day after today.
  std::string WorkingDaysFromToday(db::Connection& c, int n);
  // A clock's duration in working days (the setting, or the kind's default).
  static int DaysFor(db::Connection& c, std::string_view kind);

  // Every day of a year (1990–2100) with whether it is worked.
  Result<std::vector<CalendarDay>> Year(int year);
  // Marks the day worked or not; a day that then follows the weekday rule is unmarked.
  Result<CalendarDay> SetDay(const Actor& a, const std::string& date, bool working,
                             const std::string& name);
  // Replaces the marked days of every year in the file with the file's (rows of an uploaded
  // .xlsx or .csv); nothing is written when any line is bad (fields "line.N" = reason).
  Result<ImportResult> Import(const Actor& a, const std::vector<std::vector<std::string>>& rows);

  std::vector<Duration> Durations();
  // All or nothing; unknown kinds and out-of-range days are refused (fields = the kind).
  Status SaveDurations(const Actor& a, const std::map<std::string, int>& days);

  // Loads the official calendars into an empty calendar (at start).
  static void SeedOfficial(db::Connection& c, int64_t now);

  static constexpr int64_t kReloadMs = 60'000;

 private:
  void Invalidate();
  std::shared_ptr<const WorkCalendar> Cached();  // null when stale
  db::Database& db_;
  const Clock& clock_;
  std::mutex mu_;
  std::shared_ptr<const WorkCalendar> cached_;
  int64_t loaded_at_ = 0;
};

}  // namespace zhaoshang::clocks
