#include "zhaoshang/pipeline/ledger.hpp"

#include <chrono>

#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"

namespace zhaoshang::pipeline {
namespace {
constexpr int64_t kFeedBatch = 5000;            // more pending changes than this: reload all
constexpr int64_t kLoadBatch = 20000;           // projects per query when loading all
constexpr int64_t kGapWaitMs = 10'000;          // a feed id missing this long was rolled back
constexpr int64_t kIdleReloadMs = 30 * 60'000;  // unsynced this long: the feed may be pruned
constexpr int64_t kPruneEveryMs = 10 * 60'000;
constexpr int64_t kKeepFeedMs = 60 * 60'000;
constexpr size_t kMaxCounts = 10000, kMaxRows = 4096;

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Scope + filter (not the page or the order) as a cache key.
std::string CountKey(const ProjectScope& s, const ProjectFilter& f) {
  std::string k = std::to_string(static_cast<int>(s.kind)) + ':' + std::to_string(s.user_id);
  auto ids = [&](const std::set<int64_t>& v) {
    k += '[';
    for (int64_t u : v) k += std::to_string(u) + ',';
    k += ']';
  };
  auto opt = [&](const auto& v) {
    k += '|';
    if (v) k += std::to_string(*v);
  };
  ids(s.units);
  for (const auto& st : f.stages) k += st + ',';
  k += '|' + f.industry_code + '|' + std::to_string(f.industry_level);
  opt(f.leading_industry_id);
  opt(f.district_id);
  opt(f.park_id);
  opt(f.promoter_id);
  k += '|';
  if (f.reporting_units) ids(*f.reporting_units);
  k += '|';
  for (int b : f.bands) k += std::to_string(b) + ',';
  opt(f.reported_from_ms);
  opt(f.reported_to_ms);
  k += '|' + f.signed_from.value_or("") + '|' + f.signed_to.value_or("") + '|' +
       f.overdue_before.value_or("");
  return k;
}
}  // namespace

void Ledger::LoadAll(db::Connection& c, int64_t now) {
  // The watermark first: a change committed while loading is applied again by the next sync.
  // PostgreSQL may commit feed ids out of order, so it re-reads a margin below the maximum.
  const int64_t max = c.QueryInt("SELECT COALESCE(MAX(id), 0) FROM ledger_changes", {}).value_or(0);
  const int64_t margin = c.dialect() == db::Dialect::kPostgres ? 1000 : 0;
  std::vector<LedgerInput> all;
  bool fits = true;
  for (int64_t after = 0;;) {
    auto batch = store::LedgerBatch(c, after, kLoadBatch, &fits);
    if (batch.empty()) break;
    after = batch.back().entry.id;
    for (auto& e : batch) all.push_back(std::move(e));
  }
  {
    std::unique_lock lock(mu_);
    index_.Reset(std::move(all));
    counts_.clear();
    ++generation_;
  }
  {
    std::lock_guard lock(rows_mu_);
    rows_.clear();
    ++rows_generation_;
  }
  usable_ = fits;
  loaded_ = true;
  watermark_ = std::max<int64_t>(0, max - margin);
  applied_above_.clear();
  gap_since_ = 0;
  ++full_loads_;
  last_sync_ = now;
}

void Ledger::Apply(db::Connection& c, const std::vector<int64_t>& ids, bool names_changed) {
  std::vector<LedgerInput> entries;
  bool fits = true;
  for (size_t i = 0; i < ids.size(); i += 500) {
    std::vector<int64_t> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(i),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), i + 500)));
    for (auto& e : store::LedgerEntries(c, chunk, &fits)) entries.push_back(std::move(e));
  }
  std::set<int64_t> found;
  for (const auto& e : entries) found.insert(e.entry.id);
  std::vector<int64_t> gone;
  for (int64_t id : ids)
    if (!found.count(id)) gone.push_back(id);
  {
    std::unique_lock lock(mu_);
    index_.Upsert(std::move(entries), gone);
    counts_.clear();
    ++generation_;
  }
  {
    std::lock_guard lock(rows_mu_);
    if (names_changed)
      rows_.clear();
    else
      for (int64_t id : ids) rows_.erase(id);
    ++rows_generation_;
  }
  if (!fits) usable_ = false;
  changes_applied_ += static_cast<int64_t>(ids.size());
}

bool Ledger::Sync(db::Connection& c) {
  std::lock_guard guard(sync_mu_);
  const int64_t now = WallMs();
  if (!loaded_ || now - last_sync_ > kIdleReloadMs) {
    LoadAll(c, now);
  } else {
    auto rs = c.Query("SELECT id, project_id FROM ledger_changes WHERE id > ? ORDER BY id LIMIT ?",
                      {watermark_, kFeedBatch + 1});
    if (static_cast<int64_t>(rs.size()) > kFeedBatch) {
      LoadAll(c, now);
    } else {
      std::set<int64_t> ids;
      bool names = false;
      for (size_t i = 0; i < rs.size(); ++i) {
        const int64_t feed_id = rs[i].Int(0);
        if (!applied_above_.insert(feed_id).second) continue;
        if (rs[i].Int(1) == db::kNamesChanged)
          names = true;
        else
          ids.insert(rs[i].Int(1));
      }
      if (!ids.empty() || names) Apply(c, {ids.begin(), ids.end()}, names);
      auto advance = [&] {
        while (!applied_above_.empty() && *applied_above_.begin() == watermark_ + 1) {
          applied_above_.erase(applied_above_.begin());
          ++watermark_;
        }
      };
      advance();
      if (applied_above_.empty()) {
        gap_since_ = 0;
      } else if (gap_since_ == 0) {
        gap_since_ = now;
      } else if (now - gap_since_ > kGapWaitMs) {
        // The missing ids belong to transactions that rolled back: step over them.
        watermark_ = *applied_above_.begin() - 1;
        advance();
        gap_since_ = applied_above_.empty() ? 0 : now;
      }
      last_sync_ = now;
    }
  }
  if (now - last_prune_ > kPruneEveryMs) {
    last_prune_ = now;
    c.Execute("DELETE FROM ledger_changes WHERE at < ?", {now - kKeepFeedMs});
  }
  return usable_;
}

std::optional<std::vector<int64_t>> Ledger::Page(db::Connection& c, const ProjectScope& scope,
                                                 const ProjectFilter& f, int64_t* total) {
  if (!LedgerIndex::Serves(f) || !Sync(c)) return std::nullopt;
  std::string key;
  int64_t counted = -1;
  uint64_t generation = 0;
  std::vector<int64_t> ids;
  {
    std::shared_lock lock(mu_);
    generation = generation_;
    if (total) {
      key = CountKey(scope, f);
      if (auto it = counts_.find(key); it != counts_.end())
        *total = it->second;
      else
        counted = 0;
    }
    ids = index_.Page(scope, f, counted < 0 ? nullptr : &counted);
  }
  if (counted >= 0) {
    *total = counted;
    std::unique_lock lock(mu_);
    if (generation == generation_) {
      if (counts_.size() >= kMaxCounts) counts_.clear();
      counts_.emplace(std::move(key), counted);
    }
  }
  return ids;
}

std::optional<std::map<std::string, int64_t>> Ledger::CountByStage(db::Connection& c,
                                                                   const ProjectScope& scope,
                                                                   const ProjectFilter& f) {
  if (!LedgerIndex::Serves(f) || !Sync(c)) return std::nullopt;
  std::shared_lock lock(mu_);
  return index_.CountByStage(scope, f);
}

std::vector<std::shared_ptr<Ledger::CachedRow>> Ledger::Fetch(db::Connection& c,
                                                              const std::vector<int64_t>& ids) {
  std::vector<std::shared_ptr<CachedRow>> out(ids.size());
  std::vector<int64_t> missing;
  uint64_t generation = 0;
  {
    std::lock_guard lock(rows_mu_);
    generation = rows_generation_;
    for (size_t i = 0; i < ids.size(); ++i)
      if (auto it = rows_.find(ids[i]); it != rows_.end())
        out[i] = it->second;
      else
        missing.push_back(ids[i]);
  }
  if (missing.empty()) return out;
  std::unordered_map<int64_t, std::shared_ptr<CachedRow>> fetched;
  for (auto& p : store::Rows(c, missing)) {
    auto row = std::make_shared<CachedRow>();
    row->project = std::move(p);
    fetched[row->project.id] = std::move(row);
  }
  std::lock_guard lock(rows_mu_);
  // A row read while a change was being applied may be stale: cache only if none was.
  const bool cache = generation == rows_generation_;
  if (cache && rows_.size() + fetched.size() > kMaxRows) rows_.clear();
  for (size_t i = 0; i < ids.size(); ++i)
    if (auto f = fetched.find(ids[i]); f != fetched.end()) {
      out[i] = f->second;
      if (cache) rows_[ids[i]] = f->second;
    }
  return out;
}

std::vector<Project> Ledger::Rows(db::Connection& c, const std::vector<int64_t>& ids) {
  std::vector<Project> out;
  for (const auto& row : Fetch(c, ids))
    if (row) out.push_back(row->project);
  return out;
}

std::vector<std::string> Ledger::Rendered(db::Connection& c, const std::vector<int64_t>& ids,
                                          const std::string& key, const Render& render) {
  std::vector<std::string> out;
  for (const auto& row : Fetch(c, ids)) {
    if (!row) continue;
    {
      std::lock_guard lock(rows_mu_);  // key and text change after the row is shared
      if (row->key == key && !row->text.empty()) {
        out.push_back(row->text);
        continue;
      }
    }
    std::string text = render(row->project);
    std::lock_guard lock(rows_mu_);
    row->key = key;
    row->text = text;
    out.push_back(std::move(text));
  }
  return out;
}

Ledger::Stats Ledger::stats() {
  std::lock_guard guard(sync_mu_);
  std::shared_lock lock(mu_);
  return {index_.size(), watermark_, full_loads_, changes_applied_};
}

}  // namespace zhaoshang::pipeline
