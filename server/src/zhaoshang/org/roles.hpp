#pragma once
// Roles, permissions and data scopes: the one place they are defined (DESIGN.md §5).
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/core/error.hpp"

namespace zhaoshang::org {

// The security administrator (安全管理员): grants roles, and is told of administrator lockouts.
inline constexpr std::string_view kSecurityAdmin = "secadmin";

// Data scope of a grant, narrowest first.
enum class Scope { kSelf, kUnit, kSubtree, kAll };
std::string_view ScopeName(Scope s);

struct Grant {
  std::string_view permission;
  Scope scope;
};

struct RoleDef {
  std::string_view code;  // "promoter"
  bool admin;             // one of the three separated administrators (三员)
  std::vector<Grant> grants;
};

const std::vector<RoleDef>& AllRoles();
const RoleDef* FindRole(std::string_view code);
bool IsKnownPermission(std::string_view permission);

// Checks a role set: known codes; at most one administrator role; no administrator role
// mixed with a business role (the system admin must not see business data).
Status ValidateRoleSet(const std::vector<std::string>& roles);

// The widest scope any of the roles grants for the permission; nullopt = not allowed.
std::optional<Scope> ResolveScope(const std::vector<std::string>& roles,
                                  std::string_view permission);

// All permissions the roles hold (for the UI's menus).
std::set<std::string> PermissionsOf(const std::vector<std::string>& roles);
// The roles granting the permission (at any scope, or only at scope all), in table order: what
// narrows a search for its holders in SQL.
std::vector<std::string> RolesGranting(std::string_view permission, bool everywhere_only = false);

// Whether an object owned by (owner_user, owner_unit) is visible under a scope, given the
// caller and the set of unit ids in the caller's subtree.
bool InScope(Scope scope, int64_t caller_user, int64_t caller_unit,
             const std::set<int64_t>& caller_subtree, int64_t owner_user, int64_t owner_unit);

}  // namespace zhaoshang::org
