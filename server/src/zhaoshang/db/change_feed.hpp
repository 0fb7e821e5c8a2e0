#pragma once
// The change feed in-memory projections follow (table ledger_changes, migration 0003).
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

namespace zhaoshang::db {

class Connection;

// Records, inside the caller's transaction, that a project changed. kNamesChanged says a
// name that rows display changed (a unit, user, leading industry or chain node).
inline constexpr int64_t kNamesChanged = 0;
void RecordChange(Connection& c, int64_t project_id);

// Reading the feed (the in-memory ledger).
struct Change {
  int64_t id = 0, project_id = 0;  // project_id kNamesChanged: names changed
};
// The highest feed id (0: none).
int64_t LastChangeId(Connection& c);
// Feed ids above `after`, in order.
std::vector<int64_t> ChangeIdsAfter(Connection& c, int64_t after);
// Changes above `after`, in order, at most limit.
std::vector<Change> ChangesAfter(Connection& c, int64_t after, int64_t limit);
// The changes with these ids that exist now.
std::vector<Change> ChangesWithIds(Connection& c, const std::set<int64_t>& ids);
// Deletes the feed rows recorded before `before_ms`.
void PruneChanges(Connection& c, int64_t before_ms);

}  // namespace zhaoshang::db
