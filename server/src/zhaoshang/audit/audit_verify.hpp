#pragma once
// `zhaoshang audit verify` and GET /api/v1/audit/verify: the chain, the archive entries it
// starts from, every checkpoint (MAC, and that the chain still holds its row, hash and count)
// and the anchor file.
#include <cstdint>
#include <optional>
#include <string>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_types.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit {

struct VerifyResult {
  bool ok = true;
  int64_t checked = 0;      // rows walked
  int64_t checkpoints = 0;  // checkpoints checked
  int64_t archived = 0;     // rows before the first one, moved out by `audit archive`
  std::optional<int64_t> first_broken_id;
  std::string reason;  // why it is broken, for people

  // Marks the result broken (a verification stops at the first problem) and returns it.
  VerifyResult Broken(std::optional<int64_t> id, std::string why) {
    ok = false;
    first_broken_id = id;
    reason = std::move(why);
    return *this;
  }
};

// Checks that r follows pos and moves pos to r; returns why not.
std::optional<std::string> Follow(ChainPos& pos, const Record& r);

// key: the raw key or why there is none (then verification fails: checkpoints cannot be
// checked, and a verify that cannot see truncation must not say OK). anchor_file empty: not
// checked (tests of the database alone).
VerifyResult Verify(db::Connection& c, const Result<std::string>& key,
                    const std::string& anchor_file);

}  // namespace zhaoshang::audit
