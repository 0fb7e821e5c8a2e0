#pragma once
// The calendar as a CSV file (导入节假日): `date,kind,name` — the format of data/holidays-*.csv,
// which ship with the server. Excel users may write the kind in Chinese (放假/休, 上班/班) and
// keep a header row. Pure.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/clocks/working_days.hpp"

namespace zhaoshang::clocks {

inline constexpr size_t kMaxCalendarRows = 2000;
inline constexpr size_t kMaxDayNameChars = 50;

struct CalendarCsv {
  std::vector<MarkedDay> days;
  // line number (1-based) → code: invalid_date, invalid_kind, duplicate_date, too_long,
  // invalid_value (not text, or a line break inside a field), too_many_rows (line 0).
  std::map<int, std::string> errors;
  bool ok() const { return errors.empty(); }
};

// Rows as read from an uploaded .xlsx or .csv (reports::ReadTable): row i is line i + 1.
CalendarCsv ParseCalendarRows(const std::vector<std::vector<std::string>>& rows);
// The same from CSV text (the shipped files): lines split on LF, fields on commas, a BOM, CR
// and surrounding quotes dropped.
CalendarCsv ParseCalendarCsv(std::string_view text);

// The official calendars shipped in data/holidays-*.csv (embedded at build time).
const char* OfficialCalendarCsv();

}  // namespace zhaoshang::clocks
