#pragma once
// All SQL of the policies module: the policies table.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/policies/policies_types.hpp"

namespace zhaoshang::policies::store {

int64_t Insert(db::Connection& c, const Policy& p);
std::optional<Policy> Get(db::Connection& c, int64_t id);
// Writes every field when `version` still matches (then version + 1); false: stale.
bool Update(db::Connection& c, const Policy& p);
// A page by effective date, newest first; *total counts every match. `today` and `through`
// (today + kExpiringDays) decide the state filter.
std::vector<Policy> List(db::Connection& c, const PolicyQuery& q, const std::string& today,
                         const std::string& through, int64_t* total);
// Every policy in force on `today` (the matcher's candidates).
std::vector<Policy> InForce(db::Connection& c, const std::string& today);
// The table's revision (bumped by every insert and update): the matcher's cache key.
std::string Fingerprint(db::Connection& c);
// In force, ending by `through`, and nobody told yet.
std::vector<Policy> ExpiringUntold(db::Connection& c, const std::string& today,
                                   const std::string& through);
void MarkTold(db::Connection& c, int64_t id, int64_t at);
// Titles by id (the audit log's object names).
std::map<int64_t, std::string> Titles(db::Connection& c, const std::set<int64_t>& ids);

}  // namespace zhaoshang::policies::store
