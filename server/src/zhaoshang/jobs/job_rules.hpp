#pragma once
// When the platform's background jobs are due, as data, and the slot each run owns. A slot names
// one run of one job ("2026-05-06T10:15" for a job every 15 minutes, "2026-05-06" for a daily
// one): with several `zhaoshang serve` processes on one database, the process that claims a slot
// first runs it and the others skip it, so each job runs once per slot. Pure: no database, no
// clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhaoshang::jobs {

struct JobSpec {
  std::string_view name;
  int every_minutes = 0;     // > 0: every N minutes (aligned on the hour in China time)
  int daily_at_minute = -1;  // ≥ 0: once a day from this minute of the day (China time)
};

inline constexpr std::string_view kClockSweep = "clock_sweep";      // escalation, lead agendas
inline constexpr std::string_view kDigest = "digest";               // the daily digest per person
inline constexpr std::string_view kDeliver = "deliver";             // robot webhook deliveries
inline constexpr std::string_view kPolicyExpiry = "policy_expiry";  // policies nearing their end

const std::vector<JobSpec>& JobTable();
const JobSpec* FindJob(std::string_view name);

// The slot due at `now_ms` (UTC epoch ms): the current period, or today from the daily minute on
// (none earlier in the day).
std::optional<std::string> SlotAt(const JobSpec& job, int64_t now_ms);

}  // namespace zhaoshang::jobs
