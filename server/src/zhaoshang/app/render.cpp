#include "zhaoshang/app/render.hpp"

#include <boost/json/array.hpp>

#include "zhaoshang/org/roles.hpp"

namespace zhaoshang {
namespace json = boost::json;

json::value OptInt(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

namespace {
json::array StrArray(const auto& items) {
  json::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}
}  // namespace

json::object UnitJson(const org::Unit& u) {
  return {{"id", u.id},     {"parent_id", OptInt(u.parent_id)},
          {"name", u.name}, {"kind", u.kind},
          {"code", u.code}, {"version", u.version}};
}

json::object UserJson(const org::User& u) {
  return {{"id", u.id},
          {"login", u.login},
          {"name", u.name},
          {"unit_id", u.unit_id},
          {"unit_name", u.unit_name},
          {"roles", StrArray(u.roles)},
          {"active", u.active},
          {"locked_until", OptInt(u.locked_until)},
          {"last_login_at", OptInt(u.last_login_at)},
          {"must_change_password", u.must_change_password},
          // An administrator account: the admin routes refuse to reset, edit or disable it.
          {"protected", org::IsAdminAccount(u)},
          {"version", u.version}};
}

json::object PrincipalJson(const auth::Principal& p) {
  return {{"id", p.user_id},
          {"login", p.login},
          {"name", p.name},
          {"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"roles", StrArray(p.roles)},
          {"permissions", StrArray(org::PermissionsOf(p.roles))},
          {"active", true},
          {"must_change_password", p.must_change_password},
          {"version", p.version}};
}

}  // namespace zhaoshang
