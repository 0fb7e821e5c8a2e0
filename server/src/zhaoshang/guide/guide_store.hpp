#pragma once
// All SQL of the guide module: checklist_items, project_checklist_ticks.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/guide/guide_types.hpp"

namespace zhaoshang::guide::store {

// The active items of a stage (every stage when `stage` is empty), in order.
std::vector<ChecklistItem> Items(db::Connection& c, const std::string& stage);
std::optional<ChecklistItem> Item(db::Connection& c, int64_t id);
// Makes `items` the stage's list: those with an id of the stage are updated, those without are
// added, the stage's other active items deactivated (their ticks stay).
void ReplaceStage(db::Connection& c, const std::string& stage,
                  const std::vector<ChecklistItem>& items, int64_t now);
std::map<int64_t, Tick> Ticks(db::Connection& c, int64_t project_id);
std::set<int64_t> TickedIds(db::Connection& c, int64_t project_id);
// The same for several projects at once (a board page).
std::map<int64_t, std::set<int64_t>> TickedAmong(db::Connection& c,
                                                 const std::vector<int64_t>& ids);
// False when it was ticked already (PutTick) or not ticked (DeleteTick).
bool PutTick(db::Connection& c, int64_t project_id, const Tick& t);
bool DeleteTick(db::Connection& c, int64_t project_id, int64_t item_id);

}  // namespace zhaoshang::guide::store
