#include "zhaoshang/clocks/clocks_store.hpp"

#include "zhaoshang/db/settings.hpp"

namespace zhaoshang::clocks::store {
namespace {
constexpr const char* kColumns = "day, kind, name";
constexpr const char* kDurationPrefix = "clock.";

std::vector<MarkedDay> Rows(const db::ResultSet& rs) {
  std::vector<MarkedDay> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    MarkedDay d;
    d.date = rs[i].Text(0);
    ParseDayKind(rs[i].Text(1), &d.kind);
    d.name = rs[i].Text(2);
    out.push_back(std::move(d));
  }
  return out;
}
}  // namespace

std::vector<MarkedDay> MarkedDays(db::Connection& c) {
  return Rows(c.Query(std::string("SELECT ") + kColumns + " FROM calendar_days ORDER BY day"));
}

std::vector<MarkedDay> MarkedDaysOf(db::Connection& c, int year) {
  const std::string y = std::to_string(year);
  return Rows(c.Query(std::string("SELECT ") + kColumns +
                          " FROM calendar_days WHERE day >= ? AND day <= ? ORDER BY day",
                      {y + "-01-01", y + "-12-31"}));
}

std::optional<MarkedDay> MarkedDayOn(db::Connection& c, const std::string& date) {
  auto rows = Rows(
      c.Query(std::string("SELECT ") + kColumns + " FROM calendar_days WHERE day = ?", {date}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

void PutMarkedDay(db::Connection& c, const MarkedDay& d, std::optional<int64_t> by, int64_t now) {
  c.Execute(
      "INSERT INTO calendar_days(day, kind, name, updated_by, updated_at) VALUES (?,?,?,?,?) "
      "ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, name = excluded.name, updated_by = "
      "excluded.updated_by, updated_at = excluded.updated_at",
      {d.date, std::string(DayKindName(d.kind)), d.name, db::Nullable(by), now});
}

void DeleteMarkedDay(db::Connection& c, const std::string& date) {
  c.Execute("DELETE FROM calendar_days WHERE day = ?", {date});
}

int64_t DeleteYears(db::Connection& c, const std::vector<int>& years) {
  int64_t n = 0;
  for (int y : years)
    n += c.Execute("DELETE FROM calendar_days WHERE day >= ? AND day <= ?",
                   {std::to_string(y) + "-01-01", std::to_string(y) + "-12-31"});
  return n;
}

bool AnyMarkedDay(db::Connection& c) {
  return !c.Query("SELECT 1 FROM calendar_days LIMIT 1").empty();
}

std::map<std::string, int> Durations(db::Connection& c) {
  std::map<std::string, int> out;
  auto rs = c.Query("SELECT key, value FROM settings WHERE key LIKE 'clock.%'");
  for (size_t i = 0; i < rs.size(); ++i)
    out[rs[i].Text(0).substr(std::string(kDurationPrefix).size())] = std::stoi(rs[i].Text(1));
  return out;
}

void SaveDuration(db::Connection& c, const std::string& kind, int days) {
  db::PutSetting(c, kDurationPrefix + kind, std::to_string(days));
}

}  // namespace zhaoshang::clocks::store
