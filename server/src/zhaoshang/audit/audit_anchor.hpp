#pragma once
// Keyed checkpoints of the audit chain's head (issue 8.3). The SM3 chain alone is unkeyed:
// whoever can write the database can cut its tail, or rewrite a row and recompute every hash
// after it. A checkpoint (seq, at, count, last_id, last_hash) carries an HMAC-SM3 under a key
// kept OUTSIDE the database; it is stored in audit_checkpoints and, the newest one, in an anchor
// file outside the database too, which catches someone who deletes both the tail rows and the
// newest checkpoints.
#include <cstdint>
#include <optional>
#include <string>

#include "zhaoshang/audit/audit_types.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit {

inline constexpr size_t kMinKeyBytes = 32;

// Where the key comes from: ZS_AUDIT_KEY (hex) wins over the key file (hex text).
struct KeySource {
  std::string key_hex;
  std::string key_file;
};

// The raw key, or why there is none (missing file, not hex, too short).
Result<std::string> LoadKey(const KeySource& s);
// For `serve`: as LoadKey, but first creates a missing key file (mode 0600, a random key);
// *created says whether it did, so the caller can log it.
Result<std::string> LoadOrCreateKey(const KeySource& s, bool* created);

// The text the MAC covers (domain-separated, length-prefixed).
std::string CheckpointInput(const Checkpoint& cp);
std::string CheckpointMac(const std::string& key, const Checkpoint& cp);
// Constant-time comparison of two hex MACs.
bool MacMatches(const std::string& a, const std::string& b);

// The anchor file holds one checkpoint as a JSON line.
std::string FormatAnchor(const Checkpoint& cp);
Result<Checkpoint> ParseAnchor(const std::string& text);
// nullopt when the file does not exist.
Result<std::optional<Checkpoint>> ReadAnchorFile(const std::string& path);
// Write to a temporary file, fsync, rename over path, fsync the directory: a crash leaves the
// old content or the new, never a torn file.
Status WriteFileAtomically(const std::string& path, const std::string& data);

struct Anchoring {
  std::string key;  // raw
  std::string anchor_file;
  // Whether a log with rows but neither a checkpoint nor an anchor file may be anchored now.
  // Only when the caller knows where those rows came from: this process wrote them into an
  // empty log, it has just migrated an older installation, or an operator asked on the command
  // line. Otherwise that state is what deleting every checkpoint and the anchor file leaves, and
  // anchoring it would seal the forgery.
  bool may_anchor_first = false;
};

// Anchors the current head: inserts a checkpoint if the head moved since the newest one, then
// brings the anchor file up to date. Call it outside a transaction. It refuses (an error, for
// the log) when the newest checkpoint or the anchor file no longer matches the chain, so a
// tampered log is never re-anchored over the evidence. Returns the checkpoint it inserted.
Result<std::optional<Checkpoint>> WriteCheckpoint(db::Connection& c, const Anchoring& a,
                                                  int64_t now_ms);

std::optional<Checkpoint> NewestCheckpoint(db::Connection& c);

}  // namespace zhaoshang::audit
