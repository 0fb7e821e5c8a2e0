#pragma once
// Retention: audit rows stay at least kRetentionDays. `zhaoshang audit archive` is the only
// path that removes any: it moves the oldest rows to a JSON-lines file, records a keyed archive
// entry the chain then starts from, and deletes them, in one transaction. The database's own
// DELETE trigger (migration 0006) refuses any row younger than the retention period, even there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_anchor.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_types.hpp"
#include "zhaoshang/audit/audit_verify.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit {

// Also written into the DELETE trigger of migration 0006 (a migration cannot take a
// parameter); AuditRetention.TriggerAgreesWithTheConstant pins the two together.
inline constexpr int64_t kRetentionDays = 184;
inline constexpr int64_t kDayMs = 86'400'000;

std::string ArchiveInput(const ArchiveEntry& a);
std::string ArchiveMac(const std::string& key, const ArchiveEntry& a);
std::vector<ArchiveEntry> ListArchives(db::Connection& c);

// "2026-05-01" → its UTC midnight in ms; nullopt unless IsIsoDate (core/date.hpp) accepts it.
std::optional<int64_t> ParseDateUtc(const std::string& s);
// The latest --before allowed on the day of now_ms: today (UTC) minus the retention period.
int64_t LatestArchiveCutoff(int64_t now_ms);

// One row as a JSON line (every column) and back.
std::string RowToJsonLine(const Record& r);
Result<Record> RowFromJsonLine(const std::string& line);

// Moves the longest run of the oldest rows with at < before_ms into out_file (which must not
// exist) and deletes them, with the archive entry and an `audit.archive` row, in one
// transaction. Refuses a before_ms later than LatestArchiveCutoff(now_ms), a log that does not
// verify, and nothing to archive. Then writes a checkpoint of the new head.
Result<ArchiveEntry> Archive(db::Connection& c, const Anchoring& a, const Actor& actor,
                             int64_t now_ms, int64_t before_ms, const std::string& out_file);

// Re-walks an archive file: its chain, and that it is exactly what its archive entry recorded
// (count, ends, hashes, file SM3, MAC) and what the checkpoints of its rows anchored.
VerifyResult VerifyArchiveFile(db::Connection& c, const Result<std::string>& key,
                               const std::string& file);

}  // namespace zhaoshang::audit
