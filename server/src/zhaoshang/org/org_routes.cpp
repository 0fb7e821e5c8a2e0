// Routes: /api/v1/org/units, /api/v1/roles, /api/v1/users
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/org/org_routes.hpp"
#include "zhaoshang/org/org_service.hpp"
#include "zhaoshang/org/roles.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  org::OrgService& org;
};

template <typename T, typename F>
http::Response Render(int status, const Result<T>& r, F&& to_json) {
  return r ? JsonResponse(status, to_json(*r)) : ErrorResponse(r.error());
}

http::Response ListUnits(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& u : d.org.ListUnits()) items.push_back(UnitJson(u));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response CreateUnit(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  org::NewUnit u;
  u.parent_id = in->Int("parent_id", true);
  u.name = in->String("name", true, 100).value_or("");
  u.kind = in->String("kind", true, 40).value_or("");
  u.code = in->String("code", false, 40).value_or("");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(201, d.org.CreateUnit(ctx.Actor(), u), UnitJson);
}

http::Response UpdateUnit(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("unit not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  org::UnitPatch p;
  p.name = in->String("name", false, 100);
  p.kind = in->String("kind", false, 40);
  p.version = in->Int("version", true).value_or(0);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(200, d.org.UpdateUnit(ctx.Actor(), *id, p), UnitJson);
}

http::Response ListRoles(const Deps&, RequestContext&) {
  json::array items;
  for (const auto& r : org::AllRoles()) {
    json::array grants;
    for (const auto& g : r.grants)
      grants.push_back(
          json::object{{"permission", g.permission}, {"scope", org::ScopeName(g.scope)}});
    items.push_back(
        json::object{{"code", r.code}, {"admin", r.admin}, {"grants", std::move(grants)}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response ListUsers(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  org::UserFilter f;
  f.offset = page->offset;
  f.limit = page->page_size;
  f.q = ctx.req.Query("q").substr(0, 50);
  std::map<std::string, std::string> bad;
  if (std::string u = ctx.req.Query("unit_id"); !u.empty()) {
    f.unit_id = ParseDigits(u);
    if (!f.unit_id) bad["unit_id"] = "invalid_value";
  }
  if (std::string a = ctx.req.Query("active"); !a.empty()) {
    if (a != "true" && a != "false")
      bad["active"] = "invalid_value";
    else
      f.active = a == "true";
  }
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  auto r = d.org.ListUsers(*ctx.principal, f);
  if (!r) return ErrorResponse(r.error());
  json::array items;
  for (const auto& u : r->items) items.push_back(UserJson(u));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", r->total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}

http::Response CreateUser(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  org::NewUser u;
  u.login = in->String("login", true, 32).value_or("");
  u.name = in->String("name", true, 50).value_or("");
  u.unit_id = in->Int("unit_id", true).value_or(0);
  u.password = in->Secret("password", true, 256).value_or("");
  // The administrator typed this password: the person chooses their own at the first login.
  u.must_change_password = true;
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(201, d.org.CreateUser(ctx.Actor(), u), UserJson);
}

http::Response UpdateUser(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("user not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  org::UserPatch p;
  p.name = in->String("name", false, 50);
  p.unit_id = in->Int("unit_id", false);
  p.active = in->Bool("active", false);
  p.version = in->Int("version", true).value_or(0);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(200, d.org.UpdateUser(ctx.Actor(), *id, p), UserJson);
}

http::Response SetRoles(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("user not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto roles = in->StringArray("roles", true);
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(200, d.org.SetRoles(ctx.Actor(), *id, *roles, *version), UserJson);
}

http::Response ResetPassword(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("user not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto pw = in->Secret("password", true, 256);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st = d.org.ResetPassword(ctx.Actor(), *id, *pw);
  return st ? http::NoContent() : ErrorResponse(st.error());
}

}  // namespace

void RegisterOrgRoutes(AppRouter& r, org::OrgService& org) {
  auto with = BindTo(Deps{org});
  r.Add("GET", "/api/v1/org/units", "org.read", with(ListUnits));
  r.Add("POST", "/api/v1/org/units", "org.write", with(CreateUnit));
  r.Add("PATCH", "/api/v1/org/units/{id}", "org.write", with(UpdateUnit));
  r.Add("GET", "/api/v1/roles", "role.read", with(ListRoles));
  r.Add("GET", "/api/v1/users", "user.read", with(ListUsers));
  r.Add("POST", "/api/v1/users", "user.write", with(CreateUser));
  r.Add("PATCH", "/api/v1/users/{id}", "user.write", with(UpdateUser));
  r.Add("PUT", "/api/v1/users/{id}/roles", "user.roles", with(SetRoles));
  r.Add("POST", "/api/v1/users/{id}/password", "user.write", with(ResetPassword));
}

}  // namespace zhaoshang
