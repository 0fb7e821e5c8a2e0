#pragma once
// Stage checklists, pure: which stages have one, the bounds of a checklist, and the required
// items a project has not ticked (the stage guard). No SQL, no HTTP.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/guide/guide_types.hpp"

namespace zhaoshang::guide {

// The stages with a checklist are the pipeline's working stages (pipeline::kWorkingStages); side
// states — rejected, shelved, lost — have none.
inline constexpr size_t kMaxItemsPerStage = 30;
inline constexpr size_t kMaxTitleChars = 100, kMaxDetailChars = 1000, kMaxNoteChars = 200;

bool IsChecklistStage(std::string_view stage);
// Their codes, in order.
std::vector<std::string> ChecklistStages();

// Field errors of a stage's new list ("items.N.title" …): titles required and unique in the
// stage, lengths, the evidence kind known (`known_kind`), the list's size.
std::map<std::string, std::string> CheckItems(const std::vector<ChecklistItem>& items,
                                              bool (*known_kind)(std::string_view));

// The required items of the stage not ticked (by id), in checklist order.
std::vector<int64_t> MissingRequired(const std::vector<ChecklistItem>& stage_items,
                                     const std::set<int64_t>& ticked);

}  // namespace zhaoshang::guide
