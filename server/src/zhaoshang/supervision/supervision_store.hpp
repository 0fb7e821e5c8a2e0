#pragma once
// All SQL of the supervision module: supervision_items, supervision_events.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/supervision/supervision_types.hpp"

namespace zhaoshang::supervision::store {

int64_t Insert(db::Connection& c, const Item& i);
std::optional<Item> Get(db::Connection& c, int64_t id);
// status, deadline, closed_at when `version` still matches (then version + 1).
bool Update(db::Connection& c, const Item& i);
std::vector<Item> List(db::Connection& c, const ItemScope& s, const ItemQuery& q, int64_t* total);
void AddEvent(db::Connection& c, const Event& e);
std::vector<Event> Events(db::Connection& c, int64_t item_id);

std::vector<OverdueItem> Overdue(db::Connection& c, const std::string& today);
// Open items per unit in the scope: open, replied, overdue (open past the deadline on `today`),
// closed.
struct UnitCount {
  int64_t unit_id = 0;
  std::string unit_name;
  int64_t open = 0, replied = 0, overdue = 0, closed = 0;
};
std::vector<UnitCount> CountByUnit(db::Connection& c, const ItemScope& s, const std::string& today);

// Titles by item id (the audit log's object names).
std::map<int64_t, std::string> ItemTitles(db::Connection& c, const std::set<int64_t>& ids);

}  // namespace zhaoshang::supervision::store
