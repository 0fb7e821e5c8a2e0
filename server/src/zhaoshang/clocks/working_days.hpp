#pragma once
// Working days (工作日) on China's calendar: weekdays work and weekends rest, except the days the
// calendar marks otherwise — public holidays (节假日, a weekday off) and make-up working days
// (调休上班, a weekend day worked). Every clock of the platform counts these days. Pure: no
// database, no clock; dates are ISO text ("YYYY-MM-DD").
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace zhaoshang::clocks {

// How the calendar marks a day against the weekday rule.
enum class DayKind { kHoliday, kWorkday };
std::string_view DayKindName(DayKind k);  // "holiday" | "workday"
bool ParseDayKind(std::string_view s, DayKind* out);

struct MarkedDay {
  std::string date;
  DayKind kind = DayKind::kHoliday;
  std::string name;  // 春节, 国庆节调休上班 …
};

class WorkCalendar {
 public:
  WorkCalendar() = default;
  explicit WorkCalendar(const std::vector<MarkedDay>& marked);

  bool IsWorkingDay(const std::string& date) const;
  // The n-th working day after `from` (n ≥ 1); `from` itself when n ≤ 0. "Within 1 working
  // day" of a lead reported on a Friday is the next Monday (or the first working day after a
  // holiday week).
  std::string AddWorkingDays(const std::string& from, int n) const;
  // Working days in (from, to]; negative (the working days in (to, from]) when to < from.
  int WorkingDaysBetween(const std::string& from, const std::string& to) const;

 private:
  bool IsWorking(int64_t day) const;
  std::unordered_map<int64_t, DayKind> marked_;  // days since 1970-01-01 → kind
};

// The state of an open clock as every list shows it: on time, due soon (≤ 1 working day left,
// the deadline day included), overdue (past the deadline day).
enum class ClockState { kOnTime, kDueSoon, kOverdue };
std::string_view ClockStateName(ClockState s);  // "on_time" | "due_soon" | "overdue"
ClockState StateOf(const WorkCalendar& cal, const std::string& deadline, const std::string& today);
// The last deadline that is already due soon on `today`: deadlines ≤ this date are due soon or
// overdue (for filters over many rows).
std::string DueSoonThrough(const WorkCalendar& cal, const std::string& today);

// Today as the clocks see it: the date and the last deadline that is due soon. A clock's state
// depends on nothing else, so lists render states (and cache them) from these two dates.
struct ClockDay {
  std::string today, due_soon_through;
  ClockState StateOf(const std::string& deadline) const {
    if (deadline < today) return ClockState::kOverdue;
    return deadline <= due_soon_through ? ClockState::kDueSoon : ClockState::kOnTime;
  }
  std::string Key() const { return today + "|" + due_soon_through; }
};
ClockDay DayOf(const WorkCalendar& cal, const std::string& today);

}  // namespace zhaoshang::clocks
