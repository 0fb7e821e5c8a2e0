#pragma once
// Park matching (园区匹配): how well a project fits a park's "what we have / what we want",
// as four weighted components with reasons in codes the UI words, and hard exclusions that
// are shown as exclusions, never as low scores. What the park has not filled in is unknown:
// scored kUnknownScore and said so (`*_unknown` reasons), never a neutral or full score, so
// an empty profile cannot outrank a park that told us what it has. Pure rules: no SQL, no HTTP.
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
  bool unknown = false;  // scored on park data the park has not filled in
};

struct Fit {
  int64_t unit_id = 0;
  std::string unit_name;
  int score = 0;  // 0–100
  bool excluded = false;
  // The park's profile holds nothing the rules read (园区未填写画像): score 0, ranked last.
  bool profile_empty = false;
  std::vector<std::string> unknown;  // keys of the components scored on missing park data
  std::vector<Component> components;
  std::vector<Reason> exclusions;
};

// The score of a component whose park data is missing (园区未填写…).
inline constexpr double kUnknownScore = 0.0;
// Whether the profile holds anything the fit rules read: targets, chain nodes, leading
// industries, carriers, per-mu minimums or power capacity.
bool ProfileIsEmpty(const ParkProfile& park);

// True when code lies in the subtree of `ancestor` (a GB/T code of any level).
bool InSubtree(const std::string& code, const std::string& ancestor);

Fit Score(const ParkProfile& park, const Needs& needs, const Weights& w,
          const std::vector<catalog::LeadingIndustry>& chains);
// Not excluded by score (then fewer unknown components, then name), parks with an empty
// profile after them, then the excluded.
void Rank(std::vector<Fit>& fits);

}  // namespace zhaoshang::matching
