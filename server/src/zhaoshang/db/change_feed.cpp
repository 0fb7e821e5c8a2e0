#include "zhaoshang/db/change_feed.hpp"

#include <chrono>

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::db {

void RecordChange(Connection& c, int64_t project_id) {
  // Wall time, not the injectable clock: it only decides when a row is old enough to prune.
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  c.Execute("INSERT INTO ledger_changes(project_id, at) VALUES (?, ?)", {project_id, now});
}

}  // namespace zhaoshang::db
