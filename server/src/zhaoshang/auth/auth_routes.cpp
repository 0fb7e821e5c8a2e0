// Routes: /api/v1/auth/*
#include <boost/json/object.hpp>

#include <boost/json/array.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/auth/auth_routes.hpp"
#include "zhaoshang/auth/auth_service.hpp"
#include "zhaoshang/core/json_input.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  auth::AuthService& auth;
  bool secure_cookie;
};

std::string SessionCookie(const Deps& d, const std::string& token, bool clear) {
  std::string c = std::string(auth::SessionCookieName(d.secure_cookie)) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict";
  if (clear) c += "; Max-Age=0";
  if (d.secure_cookie) c += "; Secure";
  return c;
}

http::Response Login(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto login = in->String("login", true, 64);
  auto password = in->Secret("password", true, 256);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto out = d.auth.Login(*login, *password, ctx.req.remote, ctx.req.request_id,
                          ctx.req.Cookie(auth::SessionCookieName(d.secure_cookie)));
  if (!out) return ErrorResponse(out.error());
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie(d, out->token, false));
  return JsonResponse(200, json::object{{"user", PrincipalJson(out->principal)},
                                        {"csrf_token", out->principal.csrf_token}});
}

http::Response Logout(const Deps& d, RequestContext& ctx) {
  d.auth.Logout(*ctx.principal, ctx.req.remote, ctx.req.request_id);
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie(d, "", true));
  return http::NoContent();
}

http::Response Me(const Deps&, RequestContext& ctx) {
  return JsonResponse(200, json::object{{"user", PrincipalJson(*ctx.principal)},
                                        {"csrf_token", ctx.principal->csrf_token}});
}

http::Response ChangePassword(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto old_pw = in->Secret("old_password", true, 256);
  auto new_pw = in->Secret("new_password", true, 256);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st =
      d.auth.ChangePassword(*ctx.principal, *old_pw, *new_pw, ctx.req.remote, ctx.req.request_id);
  return st ? http::NoContent() : ErrorResponse(st.error());
}

http::Response Logins(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& e : d.auth.RecentLogins(*ctx.principal))
    items.push_back(json::object{{"at", e.at}, {"remote", e.remote}, {"result", e.result}});
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}
}  // namespace

void RegisterAuthRoutes(AppRouter& r, auth::AuthService& auth, bool secure_cookie) {
  auto with = BindTo(Deps{auth, secure_cookie});
  r.Add("POST", "/api/v1/auth/login", http::kPublic, with(Login));
  r.Add("POST", "/api/v1/auth/logout", http::kSelfService, with(Logout));
  r.Add("GET", "/api/v1/auth/me", http::kSelfService, with(Me));
  r.Add("GET", "/api/v1/auth/logins", http::kSelfService, with(Logins));
  r.Add("POST", "/api/v1/auth/password", http::kSelfService, with(ChangePassword));
}

}  // namespace zhaoshang
