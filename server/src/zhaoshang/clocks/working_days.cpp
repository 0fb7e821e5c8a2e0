#include "zhaoshang/clocks/working_days.hpp"

#include <chrono>

#include "zhaoshang/core/date.hpp"

namespace zhaoshang::clocks {
namespace {
int64_t DayNumber(const std::string& iso) {
  using namespace std::chrono;
  year_month_day d{year{std::stoi(iso.substr(0, 4))}, month{unsigned(std::stoi(iso.substr(5, 2)))},
                   day{unsigned(std::stoi(iso.substr(8, 2)))}};
  return sys_days(d).time_since_epoch().count();
}

std::string DateOfDay(int64_t n) { return DateOfMs(n * 86'400'000); }

bool IsWeekend(int64_t day) {
  // 1970-01-01 was a Thursday (ISO 4): Saturday and Sunday are 5 and 6 modulo 7 from Monday.
  const int64_t iso = ((day % 7) + 7 + 3) % 7 + 1;
  return iso >= 6;
}
}  // namespace

std::string_view DayKindName(DayKind k) { return k == DayKind::kWorkday ? "workday" : "holiday"; }

bool ParseDayKind(std::string_view s, DayKind* out) {
  if (s == "holiday") {
    *out = DayKind::kHoliday;
    return true;
  }
  if (s == "workday") {
    *out = DayKind::kWorkday;
    return true;
  }
  return false;
}

WorkCalendar::WorkCalendar(const std::vector<MarkedDay>& marked) {
  for (const auto& m : marked) marked_[DayNumber(m.date)] = m.kind;
}

bool WorkCalendar::IsWorking(int64_t day) const {
  auto it = marked_.find(day);
  if (it != marked_.end()) return it->second == DayKind::kWorkday;
  return !IsWeekend(day);
}

bool WorkCalendar::IsWorkingDay(const std::string& date) const {
  return IsWorking(DayNumber(date));
}

std::string WorkCalendar::AddWorkingDays(const std::string& from, int n) const {
  int64_t day = DayNumber(from);
  for (int left = n; left > 0;)
    if (IsWorking(++day)) --left;
  return DateOfDay(day);
}

int WorkCalendar::WorkingDaysBetween(const std::string& from, const std::string& to) const {
  int64_t a = DayNumber(from), b = DayNumber(to);
  const int sign = b < a ? -1 : 1;
  if (b < a) std::swap(a, b);
  int n = 0;
  for (int64_t d = a + 1; d <= b; ++d) n += IsWorking(d);
  return sign * n;
}

std::string_view ClockStateName(ClockState s) {
  switch (s) {
    case ClockState::kOverdue:
      return "overdue";
    case ClockState::kDueSoon:
      return "due_soon";
    default:
      return "on_time";
  }
}

std::string DueSoonThrough(const WorkCalendar& cal, const std::string& today) {
  return cal.AddWorkingDays(today, 1);
}

ClockDay DayOf(const WorkCalendar& cal, const std::string& today) {
  return {today, DueSoonThrough(cal, today)};
}

ClockState StateOf(const WorkCalendar& cal, const std::string& deadline, const std::string& today) {
  return DayOf(cal, today).StateOf(deadline);
}

}  // namespace zhaoshang::clocks
