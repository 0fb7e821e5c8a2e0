#pragma once
// All SQL of the search module: search_docs and its index (search_fts on SQLite, the tsv column
// on PostgreSQL).
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/search/search_types.hpp"

namespace zhaoshang::search::store {

// Adds or replaces the kind's document `ref_id` (its text indexed as Grams). Call it in the
// writer's transaction, so the index changes with the thing it describes.
void Put(db::Connection& c, const Doc& d);
void Remove(db::Connection& c, const std::string& kind, int64_t ref_id);
int64_t Count(db::Connection& c, const std::string& kind);

// Up to this many matches are all ranked (bm25 / ts_rank, titles weighing more); beyond it the
// newest kNewest matches are taken, those with every term in the title first (ranking reads
// every match: a common word in a city's whole guide would read most of it).
inline constexpr int kRankAll = 1000, kNewest = 2000;

// The candidates for the terms among `kinds`, best first (at most `limit`).
std::vector<Doc> Find(db::Connection& c, const std::vector<Term>& terms,
                      const std::set<std::string>& kinds, int limit);

}  // namespace zhaoshang::search::store
