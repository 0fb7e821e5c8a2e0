#pragma once
// Append-only audit trail, hash-chained with SM3. Rows are appended inside the caller's
// transaction, so a write and its audit row commit or roll back together.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_types.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit {

// Appends under the audit lock (PostgreSQL advisory lock; SQLite serialises writers), giving
// the row the next id explicitly: one query for the head, as before ids were hashed.
void Append(db::Connection& c, int64_t now_ms, const Actor& actor, const Entry& e);

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
