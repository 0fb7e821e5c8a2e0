#pragma once
// Types of the audit module (who acted is core/actor.hpp): the rows of the hash-chained log, keyed
// checkpoints of its head, archive entries, and where a walk of the chain stands.
#include <cstdint>
#include <optional>
#include <string>

#include "zhaoshang/core/actor.hpp"

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
  std::string actor, action, object_type, object_id;
  std::optional<int64_t> from_ms, to_ms;
  int64_t offset = 0, limit = 20;
};

// A row as the audit page shows it: who acted by name, and the object by its name (empty when
// its module names no such objects, or it is gone).
struct NamedRecord {
  Record record;
  std::string actor_name, object_name;
};

struct Checkpoint {
  int64_t seq = 0;    // 1, 2, 3, … with no gaps
  int64_t at = 0;     // when it was taken (ms)
  int64_t count = 0;  // rows in the chain up to last_id, archived ones included
  int64_t last_id = 0;
  std::string last_hash;
  std::string mac;  // HMAC-SM3 hex of CheckpointInput
};

struct ArchiveEntry {
  int64_t id = 0;  // 1, 2, 3, …
  int64_t at = 0;
  int64_t first_id = 0, last_id = 0, count = 0;
  std::string prev_hash;  // of the first archived row
  std::string last_hash;  // of the last one: the next row's prev_hash
  std::string file_name;  // as given to --out, for people
  std::string file_sm3;   // SM3 of the file's bytes
  std::string mac;        // HMAC-SM3 of ArchiveInput
};

// Where a walk of the chain stands: the row before the next one.
struct ChainPos {
  int64_t id = 0;  // 0: nothing before
  std::string hash = kGenesisHash;
  bool after_v2 = false;
};

}  // namespace zhaoshang::audit
