#include "zhaoshang/clocks/clock_service.hpp"

#include <chrono>
#include <set>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/clocks/calendar_csv.hpp"
#include "zhaoshang/clocks/clock_kinds.hpp"
#include "zhaoshang/clocks/clocks_store.hpp"
#include "zhaoshang/core/date.hpp"

namespace zhaoshang::clocks {
namespace {
int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string Describe(const std::optional<MarkedDay>& d) {
  if (!d) return "";
  return std::string(DayKindName(d->kind)) + (d->name.empty() ? "" : " " + d->name);
}
}  // namespace

std::shared_ptr<const WorkCalendar> ClockService::Cached() {
  std::lock_guard lock(mu_);
  return cached_ && WallMs() - loaded_at_ <= kReloadMs ? cached_ : nullptr;
}

std::shared_ptr<const WorkCalendar> ClockService::Calendar(db::Connection& c) {
  if (auto cal = Cached()) return cal;
  auto cal = std::make_shared<const WorkCalendar>(store::MarkedDays(c));
  std::lock_guard lock(mu_);
  cached_ = cal;
  loaded_at_ = WallMs();
  return cal;
}

std::shared_ptr<const WorkCalendar> ClockService::Calendar() {
  if (auto cal = Cached()) return cal;
  auto c = db_.Acquire();
  return Calendar(*c);
}

ClockDay ClockService::Now() { return DayOf(*Calendar(), Today()); }

std::string ClockService::WorkingDaysFromToday(db::Connection& c, int n) {
  return Calendar(c)->AddWorkingDays(Today(), n);
}

void ClockService::Invalidate() {
  std::lock_guard lock(mu_);
  cached_.reset();
}

std::string ClockService::Today() const { return LocalDateOfMs(clock_.NowMs()); }

int ClockService::DaysFor(db::Connection& c, std::string_view kind) {
  const ClockKind* k = FindClockKind(kind);
  if (!k) return 1;
  auto set = store::Durations(c);
  auto it = set.find(std::string(kind));
  return it == set.end() ? k->default_days : it->second;
}

Result<std::vector<CalendarDay>> ClockService::Year(int year) {
  if (year < 1990 || year > 2100) return Fail(InvalidArgument({{"year", "invalid_value"}}));
  std::map<std::string, MarkedDay> marked;
  {
    auto c = db_.Acquire();
    for (auto& d : store::MarkedDaysOf(*c, year)) marked.emplace(d.date, d);
  }
  const WorkCalendar weekday_rule;
  std::vector<CalendarDay> out;
  const std::string first = std::to_string(year) + "-01-01";
  for (std::string d = first; d.substr(0, 4) == first.substr(0, 4); d = AddDays(d, 1)) {
    CalendarDay day;
    day.date = d;
    auto it = marked.find(d);
    if (it != marked.end()) {
      day.marked = it->second.kind;
      day.name = it->second.name;
      day.working = it->second.kind == DayKind::kWorkday;
    } else {
      day.working = weekday_rule.IsWorkingDay(d);
    }
    out.push_back(std::move(day));
  }
  return out;
}

Result<CalendarDay> ClockService::SetDay(const Actor& a, const std::string& date, bool working,
                                         const std::string& name) {
  if (!IsIsoDate(date)) return Fail(InvalidArgument({{"date", "invalid_value"}}));
  const bool by_weekday = WorkCalendar().IsWorkingDay(date);
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::MarkedDayOn(*c, date);
  CalendarDay day{date, working, std::nullopt, ""};
  std::optional<MarkedDay> after;
  if (working == by_weekday) {
    store::DeleteMarkedDay(*c, date);  // back to the weekday rule
  } else {
    after = MarkedDay{date, working ? DayKind::kWorkday : DayKind::kHoliday, name};
    store::PutMarkedDay(*c, *after, a.user_id ? std::optional(a.user_id) : std::nullopt, now);
    day.marked = after->kind;
    day.name = name;
  }
  audit::Diff d;
  d.Change("day", Describe(before), Describe(after));
  audit::Append(*c, now, a, {"calendar.day_update", "calendar_day", date, d.Json()});
  tx.Commit();
  Invalidate();
  return day;
}

Result<ImportResult> ClockService::Import(const Actor& a,
                                          const std::vector<std::vector<std::string>>& rows) {
  auto csv = ParseCalendarRows(rows);
  if (!csv.ok()) {
    std::map<std::string, std::string> fields;
    for (const auto& [line, why] : csv.errors)
      fields[line ? "line." + std::to_string(line) : "file"] = why;
    return Fail(InvalidArgument(fields, "the calendar file has bad lines; nothing was imported"));
  }
  if (csv.days.empty()) return Fail(InvalidArgument({{"file", "required"}}, "no days in the file"));
  std::set<int> years;
  for (const auto& d : csv.days) years.insert(std::stoi(d.date.substr(0, 4)));
  ImportResult r{static_cast<int64_t>(csv.days.size()), {years.begin(), years.end()}};
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  const int64_t removed = store::DeleteYears(*c, r.years);
  for (const auto& d : csv.days)
    store::PutMarkedDay(*c, d, a.user_id ? std::optional(a.user_id) : std::nullopt, now);
  std::string ys;
  for (int y : r.years) ys += (ys.empty() ? "" : ",") + std::to_string(y);
  audit::Diff diff;
  diff.Change("years", std::nullopt, ys)
      .Change("days", std::to_string(removed), std::to_string(r.days));
  audit::Append(*c, now, a, {"calendar.import", "calendar", ys, diff.Json()});
  tx.Commit();
  Invalidate();
  return r;
}

std::vector<Duration> ClockService::Durations() {
  auto c = db_.Acquire();
  auto set = store::Durations(*c);
  std::vector<Duration> out;
  for (const auto& k : ClockKinds()) {
    auto it = set.find(std::string(k.code));
    out.push_back({std::string(k.code), it == set.end() ? k.default_days : it->second,
                   k.default_days, k.min_days, k.max_days});
  }
  return out;
}

Status ClockService::SaveDurations(const Actor& a, const std::map<std::string, int>& days) {
  std::map<std::string, std::string> bad;
  for (const auto& [kind, n] : days) {
    const ClockKind* k = FindClockKind(kind);
    if (!k)
      bad[kind] = "unknown_field";
    else if (n < k->min_days || n > k->max_days)
      bad[kind] = "invalid_value";
  }
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::Durations(*c);
  audit::Diff d;
  for (const auto& [kind, n] : days) {
    auto it = before.find(kind);
    const int old = it == before.end() ? FindClockKind(kind)->default_days : it->second;
    d.Change(kind, std::to_string(old), std::to_string(n));
    store::SaveDuration(*c, kind, n);
  }
  audit::Append(*c, now, a, {"clocks.durations_update", "settings", "clocks", d.Json()});
  tx.Commit();
  return {};
}

void ClockService::SeedOfficial(db::Connection& c, int64_t now) {
  if (store::AnyMarkedDay(c)) return;
  auto csv = ParseCalendarCsv(OfficialCalendarCsv());
  db::Transaction tx(c, true);
  for (const auto& d : csv.days) store::PutMarkedDay(c, d, std::nullopt, now);
  tx.Commit();
}

}  // namespace zhaoshang::clocks
