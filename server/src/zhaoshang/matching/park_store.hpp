#pragma once
// All SQL of the matching module: park_profiles, park_carriers and the 'matching.weights'
// setting. The parks themselves are org units (org::store).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/matching/matching_types.hpp"

namespace zhaoshang::matching::store {

// The stored (and audited) forms of lists: "a,b,c" and a JSON array of contacts.
std::string JoinList(const std::vector<int64_t>& v);
std::string JoinList(const std::vector<std::string>& v);
std::string ContactsJson(const std::vector<ParkContact>& cs);

// Saved profiles (one park, or all), without unit name, kind or carriers.
std::vector<ParkProfile> Profiles(db::Connection& c, std::optional<int64_t> only);
// (unit, carrier) of one park or all, by unit then id.
std::vector<std::pair<int64_t, Carrier>> Carriers(db::Connection& c, std::optional<int64_t> only);
// The first save of a park's profile (version 1); throws db::DbError (unique violation) when
// someone saved it first.
void InsertProfile(db::Connection& c, const ParkProfile& p, int64_t now);
// False when p.version (the version read) is stale. Bumps the version.
bool UpdateProfile(db::Connection& c, const ParkProfile& p, int64_t now);

std::optional<Carrier> GetCarrier(db::Connection& c, int64_t unit_id, int64_t id);
int64_t InsertCarrier(db::Connection& c, int64_t unit_id, const Carrier& k, int64_t now);
// False when k.version (the version read) is stale. Bumps the version.
bool UpdateCarrier(db::Connection& c, const Carrier& k, int64_t now);
void DeleteCarrier(db::Connection& c, int64_t id);

// The 'matching.weights' setting as stored (JSON), if saved.
// id → "park · carrier" (the audit log names its objects).
std::map<int64_t, std::string> CarrierNames(db::Connection& c, const std::set<int64_t>& ids);
std::optional<std::string> WeightsSetting(db::Connection& c);
void SaveWeightsSetting(db::Connection& c, const std::string& value);

}  // namespace zhaoshang::matching::store
