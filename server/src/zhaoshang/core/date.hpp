#pragma once
// Calendar dates as ISO text ("YYYY-MM-DD"), the one validator and the few date computations
// every module shares (DESIGN: dates are ISO text, times UTC epoch ms).
#include <cstdint>
#include <string>

namespace zhaoshang {

// "YYYY-MM-DD" strictly: a real calendar date between 1990 and 2100 ("2026-99-99" is not).
bool IsIsoDate(const std::string& s);
// Date arithmetic on ISO dates (UTC); epoch ms → date.
std::string DateOfMs(int64_t ms);
// The civil date in China (UTC+8, no daylight saving): "today" for deadlines, future-date
// checks and reports, so a morning entry in Anqing is not taken for yesterday's UTC date.
std::string LocalDateOfMs(int64_t ms);
inline constexpr int64_t kChinaUtcOffsetMs = int64_t{8} * 3'600'000;
// Epoch ms at which an ISO date begins in UTC, and in China. Both take a date IsIsoDate accepts.
int64_t UtcDayStartMs(const std::string& iso_date);
int64_t LocalDayStartMs(const std::string& iso_date);
std::string AddDays(const std::string& iso_date, int days);

}  // namespace zhaoshang
