#pragma once
// Search over every kind the App registered, filtered by the reader's permissions: a kind is
// searched only for readers who hold its read permission. No SQL text, no HTTP.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/search/search_types.hpp"

namespace zhaoshang::search {

struct Kind {
  std::string name;        // "article"
  std::string permission;  // the permission that reads it ("guide.read")
  // Every document of the kind, for an index that lacks them (a new installation, the first
  // start after the index was added).
  std::function<std::vector<Doc>(db::Connection&)> all;
};

struct Results {
  std::vector<Hit> hits;
  std::vector<std::string> kinds;  // the kinds searched for this reader
  bool more = false;               // there were more hits than returned
};

inline constexpr int kMaxHits = 50;

class SearchService {
 public:
  explicit SearchService(db::Database& db) : db_(db) {}
  void AddKind(Kind k) { kinds_.push_back(std::move(k)); }
  std::set<std::string> KindNames() const;

  // Indexes every kind that has no document yet from its `all`. Returns how many were added.
  int FillEmptyKinds();

  // Errors: invalid_argument q (empty, too long, nothing searchable). `only_kinds` are names
  // of registered kinds (the route checks them against KindNames()).
  Result<Results> Search(const auth::Principal& who, const std::string& q,
                         const std::vector<std::string>& only_kinds, int limit = 20);

 private:
  db::Database& db_;
  std::vector<Kind> kinds_;
};

}  // namespace zhaoshang::search
