#pragma once
// All SQL of the audit module: audit_log, audit_checkpoints, audit_archives (all three
// append-only in the database; audit_log rows past retention may be deleted by archiving).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_types.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit::store {

// The chain's transaction-scoped lock: pg_advisory_xact_lock on PostgreSQL, nothing on SQLite
// (its writers are serialised).
void LockChain(db::Connection& c);

// audit_log.
// The newest row (id, hash).
std::optional<ChainPos> Head(db::Connection& c);
void InsertRecord(db::Connection& c, const Record& r);
// Newest first, a page; *total (if given) counts every match.
std::vector<Record> Search(db::Connection& c, const Filter& f, int64_t* total);
// The newest rows about one object with one of `actions`, at most limit of them.
std::vector<Record> ObjectHistory(db::Connection& c, const std::string& object_type,
                                  const std::string& object_id,
                                  const std::vector<std::string>& actions, int64_t limit);
// Whether anything was ever logged (a row in the log or an archive): one row looked at, not
// a count of millions.
bool EverWritten(db::Connection& c);
// Rows with id > after, in id order, at most limit of them.
std::vector<Record> RowsAfter(db::Connection& c, int64_t after, int64_t limit);
std::optional<std::string> RowHash(db::Connection& c, int64_t id);
// Rows in the chain: archived ones and the ones still in the log.
int64_t ChainRowCount(db::Connection& c);
// Deletes rows up to last_id (archiving); returns how many went. The retention trigger may
// refuse (db::DbError).
int64_t DeleteThrough(db::Connection& c, int64_t last_id);

// audit_checkpoints.
std::optional<Checkpoint> CheckpointBySeq(db::Connection& c, int64_t seq);
std::optional<Checkpoint> NewestCheckpoint(db::Connection& c);
// Checkpoints with seq > after_seq, in seq order, at most limit.
std::vector<Checkpoint> CheckpointsAfter(db::Connection& c, int64_t after_seq, int64_t limit);
// last_id → last_hash of the checkpoints anchoring a row in [first_id, last_id].
std::map<int64_t, std::string> CheckpointHashes(db::Connection& c, int64_t first_id,
                                                int64_t last_id);
void InsertCheckpoint(db::Connection& c, const Checkpoint& cp);

// audit_archives.
std::vector<ArchiveEntry> Archives(db::Connection& c);
// The last archived row (last_id, last_hash) of the newest archive.
std::optional<ChainPos> LastArchived(db::Connection& c);
// The highest row id archived (0: none).
int64_t ArchivedTo(db::Connection& c);
void InsertArchive(db::Connection& c, const ArchiveEntry& e);

}  // namespace zhaoshang::audit::store
