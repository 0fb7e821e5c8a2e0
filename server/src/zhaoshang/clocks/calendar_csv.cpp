#include "zhaoshang/clocks/calendar_csv.hpp"

#include <set>

#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/text.hpp"

namespace zhaoshang::clocks {
namespace {
std::string Trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> Fields(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t comma = line.find(',', start);
    std::string f = Trim(line.substr(start, comma - start));
    if (f.size() >= 2 && f.front() == '"' && f.back() == '"') f = f.substr(1, f.size() - 2);
    out.push_back(std::move(f));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

bool KindOf(const std::string& s, DayKind* out) {
  if (ParseDayKind(s, out)) return true;
  if (s == "放假" || s == "休" || s == "节假日") {
    *out = DayKind::kHoliday;
    return true;
  }
  if (s == "上班" || s == "班" || s == "调休上班" || s == "工作日") {
    *out = DayKind::kWorkday;
    return true;
  }
  return false;
}
}  // namespace

CalendarCsv ParseCalendarRows(const std::vector<std::vector<std::string>>& rows) {
  CalendarCsv out;
  std::set<std::string> seen;
  size_t count = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    const int line_no = static_cast<int>(r) + 1;
    std::vector<std::string> f;
    bool clean = true;
    for (const auto& cell : rows[r]) {
      std::string v = cell;
      clean = clean && SanitizeText(v, TextKind::kLine);
      f.push_back(Trim(v));
    }
    while (!f.empty() && f.back().empty()) f.pop_back();  // Excel's trailing empty cells
    if (f.empty()) continue;
    if (!clean) {
      out.errors[line_no] = "invalid_value";
      continue;
    }
    if (line_no == 1 && !IsIsoDate(f[0])) continue;  // a header row (date,kind,name / 日期,…)
    if (++count > kMaxCalendarRows) {
      out.errors[0] = "too_many_rows";
      break;
    }
    DayKind kind;
    if (!IsIsoDate(f[0]))
      out.errors[line_no] = "invalid_date";
    else if (f.size() < 2 || !KindOf(f[1], &kind))
      out.errors[line_no] = "invalid_kind";
    else if (f.size() > 3)
      out.errors[line_no] = "invalid_value";
    else if (f.size() > 2 && Utf8Length(f[2]) > kMaxDayNameChars)
      out.errors[line_no] = "too_long";
    else if (!seen.insert(f[0]).second)
      out.errors[line_no] = "duplicate_date";
    else
      out.days.push_back({f[0], kind, f.size() > 2 ? f[2] : ""});
  }
  return out;
}

CalendarCsv ParseCalendarCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's UTF-8 BOM
  std::vector<std::vector<std::string>> rows;
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    rows.push_back(Fields(text.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  return ParseCalendarRows(rows);
}

}  // namespace zhaoshang::clocks
