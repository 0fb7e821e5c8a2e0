#pragma once
// Types of the clocks module: a day of the calendar as the year view shows it, a clock's
// duration as the settings page edits it, the outcome of a calendar import.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/clocks/working_days.hpp"

namespace zhaoshang::clocks {

struct CalendarDay {
  std::string date;
  bool working = true;
  std::optional<DayKind> marked;  // how the calendar marks it (none: the weekday rule)
  std::string name;
};

struct Duration {
  std::string kind;
  int days = 1, default_days = 1, min_days = 1, max_days = 60;
};

struct ImportResult {
  int64_t days = 0;        // marked days written
  std::vector<int> years;  // the years replaced
};

}  // namespace zhaoshang::clocks
