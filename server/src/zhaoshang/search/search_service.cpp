#include "zhaoshang/search/search_service.hpp"

#include <algorithm>
#include <set>

#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/search/search_store.hpp"

namespace zhaoshang::search {

std::set<std::string> SearchService::KindNames() const {
  std::set<std::string> out;
  for (const auto& k : kinds_) out.insert(k.name);
  return out;
}

int SearchService::FillEmptyKinds() {
  int added = 0;
  auto c = db_.Acquire();
  for (const auto& k : kinds_) {
    if (!k.all || store::Count(*c, k.name) > 0) continue;
    db::Transaction tx(*c, true);
    for (auto& d : k.all(*c)) {
      d.kind = k.name;
      store::Put(*c, d);
      ++added;
    }
    tx.Commit();
  }
  return added;
}

Result<Results> SearchService::Search(const auth::Principal& who, const std::string& q,
                                      const std::vector<std::string>& only_kinds, int limit) {
  if (q.empty()) return Fail(InvalidArgument({{"q", "required"}}));
  if (Utf8Length(q) > kMaxQueryChars) return Fail(InvalidArgument({{"q", "too_long"}}));
  const auto terms = ParseQuery(q);
  if (terms.empty()) return Fail(InvalidArgument({{"q", "invalid_value"}}));
  std::set<std::string> kinds;
  Results out;
  for (const auto& k : kinds_) {
    if (!org::ResolveScope(who.roles, k.permission)) continue;
    if (!only_kinds.empty() &&
        std::find(only_kinds.begin(), only_kinds.end(), k.name) == only_kinds.end())
      continue;
    kinds.insert(k.name);
    out.kinds.push_back(k.name);
  }
  limit = std::clamp(limit, 1, kMaxHits);
  auto c = db_.Acquire();
  // Candidates beyond the page: pairs that are adjacent in the index but not in the text
  // (新能，能源 for 新能源) are dropped by the check against the text itself.
  auto docs = store::Find(*c, terms, kinds, limit * 4 + 1);
  for (auto& d : docs) {
    if (!Contains(d.title + "\n" + d.body, terms)) continue;
    if (static_cast<int>(out.hits.size()) == limit) {
      out.more = true;
      break;
    }
    Hit h;
    h.kind = std::move(d.kind);
    h.ref_id = d.ref_id;
    h.title_segments = Snippet(d.title, terms, kMaxQueryChars * 4);
    h.snippet = Snippet(d.body, terms);
    h.title = std::move(d.title);
    h.updated_at = d.updated_at;
    out.hits.push_back(std::move(h));
  }
  return out;
}

}  // namespace zhaoshang::search
