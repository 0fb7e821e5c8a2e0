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

namespace {
std::vector<Change> ChangesOf(const ResultSet& rs) {
  std::vector<Change> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back({rs[i].Int(0), rs[i].Int(1)});
  return out;
}
}  // namespace

int64_t LastChangeId(Connection& c) {
  return c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM ledger_changes", {}).value_or(0);
}

std::vector<int64_t> ChangeIdsAfter(Connection& c, int64_t after) {
  auto rs = c.Query("SELECT id FROM ledger_changes WHERE id > ? ORDER BY id", {after});
  std::vector<int64_t> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(rs[i].Int(0));
  return out;
}

std::vector<Change> ChangesAfter(Connection& c, int64_t after, int64_t limit) {
  return ChangesOf(
      c.Query("SELECT id, project_id FROM ledger_changes WHERE id > ? ORDER BY id LIMIT ?",
              {after, limit}));
}

std::vector<Change> ChangesWithIds(Connection& c, const std::set<int64_t>& ids) {
  if (ids.empty()) return {};
  Params p;
  return ChangesOf(
      c.Query("SELECT id, project_id FROM ledger_changes WHERE id IN (" + InList(ids, p) + ")", p));
}

void PruneChanges(Connection& c, int64_t before_ms) {
  c.Execute("DELETE FROM ledger_changes WHERE at < ?", {before_ms});
}

}  // namespace zhaoshang::db
