#pragma once
// The change feed in-memory projections follow (table ledger_changes, migration 0003).
#include <cstdint>

namespace zhaoshang::db {

class Connection;

// Records, inside the caller's transaction, that a project changed. kNamesChanged says a
// name that rows display changed (a unit, user, leading industry or chain node).
inline constexpr int64_t kNamesChanged = 0;
void RecordChange(Connection& c, int64_t project_id);

}  // namespace zhaoshang::db
