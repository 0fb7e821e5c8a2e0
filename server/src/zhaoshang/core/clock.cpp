#include "zhaoshang/core/clock.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

namespace zhaoshang {

int64_t SystemClock::NowMs() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

int64_t ScaledClock::NowMs() const { return start_ + (real_.NowMs() - anchor_) * rate_; }

std::unique_ptr<Clock> ParseScaledClock(const std::string& spec) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  long long rate = 0, anchor = 0;
  char z = 0;
  const int n = std::sscanf(spec.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c x%lld @%lld", &y, &mo, &d, &h,
                            &mi, &sec, &z, &rate, &anchor);
  if (n < 8 || z != 'Z' || rate < 1 || rate > 1'000'000) return nullptr;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  const int64_t start = static_cast<int64_t>(timegm(&tm)) * 1000;
  if (n < 9) anchor = SystemClock().NowMs();
  return std::make_unique<ScaledClock>(start, anchor, rate);
}

std::string FormatIsoUtc(int64_t ms) {
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
}

}  // namespace zhaoshang
