#include "zhaoshang/guide/checklist_rules.hpp"

#include <algorithm>
#include <map>

#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::guide {

bool IsChecklistStage(std::string_view stage) {
  const auto s = pipeline::ParseStage(stage);
  return s && std::find(std::begin(pipeline::kWorkingStages), std::end(pipeline::kWorkingStages),
                        *s) != std::end(pipeline::kWorkingStages);
}

std::vector<std::string> ChecklistStages() {
  std::vector<std::string> out;
  for (auto s : pipeline::kWorkingStages) out.emplace_back(pipeline::StageName(s));
  return out;
}

std::map<std::string, std::string> CheckItems(const std::vector<ChecklistItem>& items,
                                              bool (*known_kind)(std::string_view)) {
  std::map<std::string, std::string> bad;
  if (items.size() > kMaxItemsPerStage) bad["items"] = "too_many";
  std::set<std::string> titles;
  for (size_t i = 0; i < items.size(); ++i) {
    const ChecklistItem& it = items[i];
    const std::string at = "items." + std::to_string(i) + ".";
    if (it.title.empty())
      bad[at + "title"] = "required";
    else if (Utf8Length(it.title) > kMaxTitleChars)
      bad[at + "title"] = "too_long";
    else if (!titles.insert(it.title).second)
      bad[at + "title"] = "duplicate";
    if (Utf8Length(it.detail) > kMaxDetailChars) bad[at + "detail"] = "too_long";
    if (it.evidence_kind && !known_kind(*it.evidence_kind))
      bad[at + "evidence_kind"] = "invalid_value";
  }
  return bad;
}

std::vector<int64_t> MissingRequired(const std::vector<ChecklistItem>& stage_items,
                                     const std::set<int64_t>& ticked) {
  std::vector<int64_t> out;
  for (const auto& it : stage_items)
    if (it.required && !ticked.count(it.id)) out.push_back(it.id);
  return out;
}

}  // namespace zhaoshang::guide
