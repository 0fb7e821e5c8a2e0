#pragma once
// All SQL of the factors module: factor_type_units, factor_requests, factor_events.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/factors/factors_types.hpp"

namespace zhaoshang::factors::store {

// The type → department mapping (types without a department are absent).
std::vector<TypeUnit> TypeUnits(db::Connection& c);
std::optional<int64_t> UnitForType(db::Connection& c, const std::string& type);
void PutTypeUnit(db::Connection& c, const std::string& type, int64_t unit_id,
                 std::optional<int64_t> by, int64_t now);
void DeleteTypeUnit(db::Connection& c, const std::string& type);

int64_t Insert(db::Connection& c, const FactorRequest& r);
std::optional<FactorRequest> Get(db::Connection& c, int64_t id);
// Writes the mutable fields when `version` still matches (then version + 1); false: stale.
bool Update(db::Connection& c, const FactorRequest& r);
// Newest first, a page; *total counts every match.
std::vector<FactorRequest> List(db::Connection& c, const FactorScope& scope, const FactorQuery& q,
                                int64_t* total);
// Every request (statistics).
std::vector<FactorRequest> All(db::Connection& c);

void AddEvent(db::Connection& c, const FactorEvent& e);
std::vector<FactorEvent> Events(db::Connection& c, int64_t request_id);

std::vector<OverdueRequest> Overdue(db::Connection& c, const std::string& today);
// "<project name> · <type>" by request id (the audit log's object names).
std::map<int64_t, std::string> RequestNames(db::Connection& c, const std::set<int64_t>& ids);

}  // namespace zhaoshang::factors::store
