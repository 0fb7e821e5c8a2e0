#include "zhaoshang/core/date.hpp"

#include <chrono>
#include <cstdio>

namespace zhaoshang {
namespace {
// The fields of an ISO date the caller has checked (IsIsoDate).
std::chrono::year_month_day Ymd(const std::string& iso) {
  using namespace std::chrono;
  return year_month_day{year{std::stoi(iso.substr(0, 4))},
                        month{unsigned(std::stoi(iso.substr(5, 2)))},
                        day{unsigned(std::stoi(iso.substr(8, 2)))}};
}
}  // namespace

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const auto d = Ymd(s);
  return d.ok() && int(d.year()) >= 1990 && int(d.year()) <= 2100;
}

std::string DateOfMs(int64_t ms) {
  using namespace std::chrono;
  year_month_day d{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(d.year()), unsigned(d.month()),
                unsigned(d.day()));
  return buf;
}

std::string LocalDateOfMs(int64_t ms) { return DateOfMs(ms + kChinaUtcOffsetMs); }

int64_t UtcDayStartMs(const std::string& iso) {
  using namespace std::chrono;
  return duration_cast<milliseconds>(sys_days(Ymd(iso)).time_since_epoch()).count();
}

int64_t LocalDayStartMs(const std::string& iso) { return UtcDayStartMs(iso) - kChinaUtcOffsetMs; }

std::string AddDays(const std::string& iso, int n) {
  using namespace std::chrono;
  sys_days t = sys_days(Ymd(iso)) + days(n);
  return DateOfMs(duration_cast<milliseconds>(t.time_since_epoch()).count());
}

}  // namespace zhaoshang
