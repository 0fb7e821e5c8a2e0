#pragma once
// GB/T 4754-2017 (国民经济行业分类): 门类 section (letter) → 大类 division (2 digits) →
// 中类 group (3) → 小类 class (4). Immutable reference data, held in memory.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::catalog {

struct Industry {
  std::string code;
  int level = 0;
  std::string parent;
  std::string name;
  std::string note;
};

// The section/division/group a code belongs to (for subtree filters).
struct IndustryPath {
  std::string section, division, group;
};

class Industries {
 public:
  // Parses the embedded CSV.
  static const Industries& Embedded();

  const Industry* Find(const std::string& code) const;
  std::optional<IndustryPath> PathOf(const std::string& code) const;
  const std::vector<Industry>& all() const { return all_; }

 private:
  std::vector<Industry> all_;
  std::unordered_map<std::string, size_t> by_code_;
};

// Loads the catalog into the `industries` table when it is empty (idempotent).
void SeedIndustries(db::Connection& c);
// Loads the demo leading-industry chains when there are none.
void SeedDemoChains(db::Connection& c, int64_t now_ms);

}  // namespace zhaoshang::catalog
