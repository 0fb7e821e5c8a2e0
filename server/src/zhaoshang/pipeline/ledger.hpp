#pragma once
// The in-memory ledger: a LedgerIndex kept in step with the database through the change
// feed (table ledger_changes), a count cache per scope + filter, and a cache of recently
// shown rows. Every ledger request first reads the feed past the highest id it has applied
// (and any lower ids still missing, which PostgreSQL can commit late), so a process
// sees its own and other processes' committed writes (PostgreSQL scale-out included).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/pipeline/ledger_index.hpp"

namespace zhaoshang::pipeline {

class Ledger {
 public:
  // Ids of the page and the total; nullopt when the filter needs SQL (text search, name
  // sort) or the index is unusable.
  std::optional<std::vector<int64_t>> Page(db::Connection& c, const ProjectScope& scope,
                                           const ProjectFilter& f, int64_t* total);
  std::optional<std::map<std::string, int64_t>> CountByStage(db::Connection& c,
                                                             const ProjectScope& scope,
                                                             const ProjectFilter& f);
  // Ledger rows in the order of ids, from the row cache or one query for the rest.
  std::vector<Project> Rows(db::Connection& c, const std::vector<int64_t>& ids);
  // The same rows rendered by `render`; a cached rendering is reused while `key` (the
  // rendering's other input, e.g. today's date) is unchanged.
  using Render = std::function<std::string(const Project&)>;
  std::vector<std::string> Rendered(db::Connection& c, const std::vector<int64_t>& ids,
                                    const std::string& key, const Render& render);

  struct Stats {
    size_t entries = 0;
    int64_t seen = 0, full_loads = 0, changes_applied = 0;
  };
  Stats stats();

 private:
  bool Sync(db::Connection& c);
  struct CachedRow {
    Project project;        // never changes once shared
    std::string key, text;  // the last rendering and what it depended on (rows_mu_)
  };
  // The rows for ids, in order (null where a project does not exist).
  std::vector<std::shared_ptr<CachedRow>> Fetch(db::Connection& c, const std::vector<int64_t>& ids);
  void LoadAll(db::Connection& c, int64_t now);
  void Apply(db::Connection& c, const std::vector<int64_t>& ids, bool names_changed);

  std::mutex sync_mu_;    // one thread reads the feed at a time
  std::shared_mutex mu_;  // guards index_ and counts_
  LedgerIndex index_;
  bool loaded_ = false, usable_ = true;
  int64_t seen_ = 0;                    // the highest feed id applied
  std::map<int64_t, int64_t> missing_;  // lower feed ids not seen yet → when first missed
  int64_t last_sync_ = 0, last_full_ = 0, last_prune_ = 0;
  int64_t full_loads_ = 0, changes_applied_ = 0;
  std::unordered_map<std::string, int64_t> counts_;
  uint64_t generation_ = 0;  // bumped whenever index_ changes

  std::mutex rows_mu_;
  std::unordered_map<int64_t, std::shared_ptr<CachedRow>> rows_;
  uint64_t rows_generation_ = 0;  // bumped whenever a row is evicted
};

}  // namespace zhaoshang::pipeline
