#pragma once
// Entity → JSON, shared by the route files.
#include <boost/json/object.hpp>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/org/org_types.hpp"

namespace zhaoshang {

boost::json::object UnitJson(const org::Unit& u);
boost::json::object UserJson(const org::User& u);
// The logged-in user, with the permissions the UI builds its menus from.
boost::json::object PrincipalJson(const auth::Principal& p);
boost::json::value OptInt(const std::optional<int64_t>& v);

}  // namespace zhaoshang
