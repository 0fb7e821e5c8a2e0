#include "zhaoshang/catalog/industries.hpp"

#include <map>

#include "zhaoshang/catalog/catalog_data.hpp"
#include "zhaoshang/catalog/catalog_store.hpp"
#include "zhaoshang/catalog/csv.hpp"

namespace zhaoshang::catalog {

const Industries& Industries::Embedded() {
  static const Industries k = [] {
    Industries x;
    auto rows = ParseCsv(Gbt4754Csv());
    for (size_t i = 1; i < rows.size(); ++i) {  // row 0 is the header
      const auto& r = rows[i];
      if (r.size() < 4) continue;
      Industry ind{r[0], std::stoi(r[1]), r[2], r[3], r.size() > 4 ? r[4] : ""};
      x.by_code_[ind.code] = x.all_.size();
      x.all_.push_back(std::move(ind));
    }
    return x;
  }();
  return k;
}

const Industry* Industries::Find(const std::string& code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &all_[it->second];
}

std::optional<IndustryPath> Industries::PathOf(const std::string& code) const {
  const Industry* ind = Find(code);
  if (!ind) return std::nullopt;
  IndustryPath p;
  for (const Industry* cur = ind; cur; cur = cur->parent.empty() ? nullptr : Find(cur->parent)) {
    if (cur->level == 1) p.section = cur->code;
    if (cur->level == 2) p.division = cur->code;
    if (cur->level == 3) p.group = cur->code;
  }
  return p;
}

void SeedIndustries(db::Connection& c) {
  if (store::CountIndustries(c) > 0) return;
  const auto& all = Industries::Embedded().all();
  std::vector<db::Params> rows;
  rows.reserve(all.size());
  for (const auto& ind : all)
    rows.push_back({ind.code, int64_t(ind.level),
                    ind.parent.empty() ? db::Param(nullptr) : db::Param(ind.parent), ind.name,
                    ind.note});
  db::Transaction tx(c, true);
  store::InsertIndustries(c, rows);
  tx.Commit();
}

void SeedDemoChains(db::Connection& c, int64_t now) {
  if (store::CountLeading(c) > 0) return;
  auto rows = ParseCsv(DemoChainsCsv());
  db::Transaction tx(c, true);
  std::map<std::string, int64_t> ids;
  int order = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() < 4) continue;
    if (!ids.count(r[0])) ids[r[0]] = store::InsertLeadingAt(c, r[0], "", order++, now);
    store::InsertNodeRow(c, ids[r[0]], r[1], r[2], r[3], now);
  }
  tx.Commit();
}

}  // namespace zhaoshang::catalog
