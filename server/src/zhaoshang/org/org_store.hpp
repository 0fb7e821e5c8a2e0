#pragma once
// All SQL of the org module.
#include <map>
#include <set>
#include <string>

#include "zhaoshang/auth/auth_types.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/org/org_types.hpp"

namespace zhaoshang::org::store {

std::vector<Unit> ListUnits(db::Connection& c);
std::optional<Unit> GetUnit(db::Connection& c, int64_t id);
bool UnitCodeTaken(db::Connection& c, const std::string& code);
int64_t InsertUnit(db::Connection& c, const Unit& u, int64_t now);
// False when the row's version is no longer `u.version` (someone else changed it).
bool UpdateUnit(db::Connection& c, const Unit& u, int64_t now);
// The unit and all its descendants.
std::set<int64_t> Subtree(db::Connection& c, int64_t unit_id);
// The units whose things are within the caller's scope of `permission` (all: any unit;
// subtree: the caller's unit and below; unit or self: the caller's unit; none without it),
// resolved once for a page of rows.
struct UnitsInScope {
  bool all = false;
  std::set<int64_t> units;
  bool Has(int64_t unit) const { return all || units.count(unit) > 0; }
};
UnitsInScope ScopeUnits(db::Connection& c, const std::vector<std::string>& roles,
                        int64_t caller_unit, std::string_view permission);
// ScopeUnits(…).Has(unit), for one thing.
bool UnitInScope(db::Connection& c, const std::vector<std::string>& roles, int64_t caller_unit,
                 std::string_view permission, int64_t unit);
// The unit and all units above it.
std::set<int64_t> Ancestors(db::Connection& c, int64_t unit_id);
// id → name of these units / users (the audit log names its objects and actors).
std::map<int64_t, std::string> UnitNames(db::Connection& c, const std::set<int64_t>& ids);
std::map<int64_t, std::string> UserNames(db::Connection& c, const std::set<int64_t>& ids);

std::optional<User> GetUser(db::Connection& c, int64_t id);
std::optional<User> FindUserByLogin(db::Connection& c, const std::string& login);
std::vector<User> ListUsers(db::Connection& c, const UserFilter& f, int64_t* total);
int64_t CountUsers(db::Connection& c);
// (user, unit) of every account holding the role, by user id (demo seeding).
std::vector<std::pair<int64_t, int64_t>> UsersWithRole(db::Connection& c, const std::string& role);
// Active users holding any of these roles, in one unit (or anywhere when unit_id is none).
std::vector<int64_t> ActiveUsersWithRoles(db::Connection& c, const std::vector<std::string>& roles,
                                          std::optional<int64_t> unit_id);
int64_t CountActiveUsersInUnit(db::Connection& c, int64_t unit_id);
// The account's roles, sorted.
std::vector<std::string> UserRoles(db::Connection& c, int64_t id);
int64_t InsertUser(db::Connection& c, const User& u, int64_t now);
bool UpdateUser(db::Connection& c, const User& u, int64_t now);  // name, unit, active
bool SetRoles(db::Connection& c, int64_t id, int64_t version, const std::vector<std::string>& roles,
              int64_t now);
// Sets a new hash (the old one goes to the history) and clears every lock of the account.
void SetPassword(db::Connection& c, int64_t id, const std::string& hash, int64_t now,
                 bool must_change);
// The current hash first, then earlier ones, newest first: n in all at most.
std::vector<std::string> RecentPasswordHashes(db::Connection& c, int64_t id, int n);
// Lockout of one (account, source address) pair.
auth::LockState GetSourceLock(db::Connection& c, int64_t id, const std::string& source);
void SaveSourceLock(db::Connection& c, int64_t id, const std::string& source,
                    const auth::LockState& s, int64_t now);
void SaveLockState(db::Connection& c, int64_t id, const auth::LockState& s);
// Takes the account row's lock (PostgreSQL; SQLite writers are serialised) before its failure
// counts are read afresh, so concurrent failures all count.
void LockUserRow(db::Connection& c, int64_t id);
// A successful login: clears the account's and this address's failure counts.
void RecordLogin(db::Connection& c, int64_t id, const std::string& source, int64_t now);

}  // namespace zhaoshang::org::store
