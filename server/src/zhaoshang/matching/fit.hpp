#pragma once
// Park matching (园区匹配): how well a project fits a park's "what we have / what we want",
// as four weighted components with reasons in codes the UI words, and hard exclusions that
// are shown as exclusions, never as low scores. Pure rules: no SQL, no HTTP.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/matching/matching_types.hpp"

namespace zhaoshang::matching {

using Param = std::variant<int64_t, double, std::string>;
struct Reason {
  std::string code;
  std::vector<std::pair<std::string, Param>> params;
};

struct Component {
  std::string key;  // industry | carrier | threshold | utility
  double score = 0;
  int weight = 0;
  std::vector<Reason> reasons;
};

struct Fit {
  int64_t unit_id = 0;
  std::string unit_name;
  int score = 0;  // 0–100
  bool excluded = false;
  std::vector<Component> components;
  std::vector<Reason> exclusions;
};

// True when code lies in the subtree of `ancestor` (a GB/T code of any level).
bool InSubtree(const std::string& code, const std::string& ancestor);

Fit Score(const ParkProfile& park, const Needs& needs, const Weights& w,
          const std::vector<catalog::LeadingIndustry>& chains);
// Not excluded by score (then name), then the excluded.
void Rank(std::vector<Fit>& fits);

}  // namespace zhaoshang::matching
