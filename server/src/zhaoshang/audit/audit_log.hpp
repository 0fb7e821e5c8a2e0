#pragma once
// Append-only audit trail, hash-chained with SM3. Rows are appended inside the caller's
// transaction, so a write and its audit row commit or roll back together.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit {

struct Entry {
  std::string action;       // "user.create", "auth.login_failed"
  std::string object_type;  // "user"
  std::string object_id;
  std::string diff_json = "{}";  // {"field":{"from":…,"to":…}} or {"after":{…}}
};

// 1: rows written before migration 0006, hashed without their id. 2: the id is hashed and
// ids are consecutive, so a removed row leaves a gap even where the hashes were recomputed.
inline constexpr int64_t kChainVersion = 2;
// prev_hash of the very first row.
inline const std::string kGenesisHash(64, '0');

struct Record {
  int64_t id = 0;
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_login, unit_name, source, action, object_type, object_id, diff_json, request_id,
      prev_hash, hash;
  int64_t chain_version = kChainVersion;
};

struct Filter {
  std::string actor, action, object_type;
  std::optional<int64_t> from_ms, to_ms;
  int64_t offset = 0, limit = 20;
};

// Appends under the audit lock (PostgreSQL advisory lock; SQLite serialises writers), giving
// the row the next id explicitly: one query for the head, as before ids were hashed.
void Append(db::Connection& c, int64_t now_ms, const Actor& actor, const Entry& e);
std::vector<Record> Search(db::Connection& c, const Filter& f, int64_t* total);

// The canonical text a row's hash covers (length-prefixed fields, so no separator games);
// version 2 rows cover their id as well.
std::string ChainInput(const Record& r);
// Appends "<byte length>:<value>|": the field encoding of every hashed or MACed input.
void AppendField(std::string& out, const std::string& v);

// Walking the log: rows with id > after, in id order, at most limit of them.
std::vector<Record> RowsAfter(db::Connection& c, int64_t after, int64_t limit);
// Takes the lock Append takes (PostgreSQL; a no-op on SQLite, whose writers are serialised).
void LockChain(db::Connection& c);

}  // namespace zhaoshang::audit
