#pragma once
// All SQL of the escalation module: escalations.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/escalation/escalation_types.hpp"

namespace zhaoshang::escalation::store {

// True when this call recorded the step (the key makes each step happen once, across servers).
bool Insert(db::Connection& c, const Step& s);
// The highest tier recorded per (object_type, object_id, deadline), for deadlines ≥ `from`.
using Key = std::tuple<std::string, int64_t, std::string>;
std::map<Key, int> Reached(db::Connection& c, const std::string& from);
// Newest first, a page.
std::vector<Step> List(db::Connection& c, const StepQuery& q, int64_t* total);

}  // namespace zhaoshang::escalation::store
