#include "zhaoshang/jobs/job_rules.hpp"

#include <fmt/format.h>

#include "zhaoshang/core/date.hpp"

namespace zhaoshang::jobs {

const std::vector<JobSpec>& JobTable() {
  static const std::vector<JobSpec> k = {
      {kClockSweep, 15, -1},
      {kDigest, 0, 8 * 60 + 30},   // 08:30, before the working day starts
      {kDeliver, 1, -1},           // retries wait longer than this (backoff in robot_message)
      {kPolicyExpiry, 0, 8 * 60},  // 08:00: the owner units hear of a policy 90 days before its end
  };
  return k;
}

const JobSpec* FindJob(std::string_view name) {
  for (const auto& j : JobTable())
    if (j.name == name) return &j;
  return nullptr;
}

std::optional<std::string> SlotAt(const JobSpec& job, int64_t now_ms) {
  const std::string day = LocalDateOfMs(now_ms);
  const int64_t minute = (now_ms - LocalDayStartMs(day)) / 60'000;
  if (job.every_minutes > 0) {
    const int64_t start = minute / job.every_minutes * job.every_minutes;
    return fmt::format("{}T{:02}:{:02}", day, start / 60, start % 60);
  }
  if (job.daily_at_minute >= 0 && minute >= job.daily_at_minute) return day;
  return std::nullopt;
}

}  // namespace zhaoshang::jobs
