#include "zhaoshang/pipeline/ledger.hpp"

#include <chrono>

#include "zhaoshang/db/change_feed.hpp"
#include "zhaoshang/pipeline/pipeline_store.hpp"

namespace zhaoshang::pipeline {
namespace {
constexpr int64_t kMinute = 60'000;              // in ms
constexpr int64_t kFeedBatch = 5000;             // more pending changes than this: reload all
constexpr int64_t kLoadBatch = 20000;            // projects per query when loading all
constexpr int64_t kGapWaitMs = 60'000;           // a feed id missing this long was rolled back
constexpr int64_t kGapWindow = 10'000;           // feed ids below the top checked after a reload
constexpr int64_t kIdleReloadMs = 30 * kMinute;  // unsynced this long: the feed may be pruned
constexpr int64_t kFullReloadMs = 60 * kMinute;  // and a full reload now and then, whatever happens
constexpr int64_t kPruneEveryMs = 10 * kMinute;
constexpr int64_t kKeepFeedMs = 60 * kMinute;
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
       f.overdue_before.value_or("") + '|' + f.deadline_from.value_or("") + '|' +
       f.deadline_to.value_or("");
  return k;
}
}  // namespace

void Ledger::LoadAll(db::Connection& c, int64_t now) {
  // The highest feed id first: every change visible now is in the projects read below, and a
  // change committed while loading is applied again by the next sync. On PostgreSQL ids are
  // handed out before commit, so ids below it may still belong to open transactions: the absent
  // ones among the last kGapWindow are watched for (missing_).
  const int64_t max = db::LastChangeId(c);
  std::vector<int64_t> absent;
  if (c.dialect() == db::Dialect::kPostgres && max > 0) {
    const int64_t from = std::max<int64_t>(0, max - kGapWindow);
    int64_t expect = from + 1;
    for (int64_t id : db::ChangeIdsAfter(c, from)) {
      for (; expect < id; ++expect) absent.push_back(expect);
      expect = id + 1;
    }
  }
  std::vector<LedgerInput> all;
  bool fits = true;
  for (int64_t after = 0;;) {
    auto batch = store::LedgerBatch(c, after, kLoadBatch, &fits);
    if (batch.empty()) break;
    after = batch.back().entry.id;
    for (auto& e : batch) all.push_back(std::move(e));
  }
  if (!fits) all.clear();  // ids beyond 32 bits: the ledger stays on SQL
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
  seen_ = max;
  missing_.clear();
  for (int64_t id : absent) missing_.emplace(id, now);
  ++full_loads_;
  last_sync_ = last_full_ = now;
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
  if (!fits) {
    usable_ = false;  // ids beyond 32 bits: the ledger stays on SQL
    return;
  }
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
  changes_applied_ += static_cast<int64_t>(ids.size());
}

bool Ledger::Sync(db::Connection& c) {
  std::lock_guard guard(sync_mu_);
  const int64_t now = WallMs();
  if (!loaded_ || now - last_sync_ > kIdleReloadMs || now - last_full_ > kFullReloadMs) {
    LoadAll(c, now);
  } else {
    auto rs = db::ChangesAfter(c, seen_, kFeedBatch + 1);
    if (static_cast<int64_t>(rs.size()) > kFeedBatch) {
      LoadAll(c, now);
    } else {
      // Ids still missing below the highest seen: committed since the last look, or not yet.
      std::vector<db::Change> late;
      if (!missing_.empty()) {
        std::set<int64_t> ask;
        for (auto it = missing_.begin(); it != missing_.end() && ask.size() < 500; ++it)
          ask.insert(it->first);
        late = db::ChangesWithIds(c, ask);
      }
      std::set<int64_t> ids;
      bool names = false;
      int64_t top = seen_;
      std::vector<int64_t> arrived;
      for (const auto* set : {&rs, &late})
        for (const auto& change : *set) {
          arrived.push_back(change.id);
          top = std::max(top, change.id);
          if (change.project_id == db::kNamesChanged)
            names = true;
          else
            ids.insert(change.project_id);
        }
      // Applied first, recorded after: a failure leaves the changes to the next sync.
      if (!ids.empty() || names) Apply(c, {ids.begin(), ids.end()}, names);
      std::set<int64_t> got(arrived.begin(), arrived.end());
      for (int64_t id = seen_ + 1; id < top; ++id)
        if (!got.count(id) && missing_.size() < 100000) missing_.emplace(id, now);
      for (int64_t id : arrived) missing_.erase(id);
      seen_ = top;
      // A feed id missing this long belonged to a transaction that rolled back.
      for (auto it = missing_.begin(); it != missing_.end();)
        it = now - it->second > kGapWaitMs ? missing_.erase(it) : std::next(it);
      last_sync_ = now;
    }
  }
  if (now - last_prune_ > kPruneEveryMs) {
    last_prune_ = now;
    db::PruneChanges(c, now - kKeepFeedMs);
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
  return {index_.size(), seen_, full_loads_, changes_applied_};
}

}  // namespace zhaoshang::pipeline
