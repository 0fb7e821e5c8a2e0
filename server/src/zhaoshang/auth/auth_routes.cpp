// Routes: /api/v1/auth/*
#include <boost/json/object.hpp>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
std::string SessionCookie(const App& app, const std::string& token, bool clear) {
  std::string c = app.SessionCookieName() + "=" + token + "; Path=/; HttpOnly; SameSite=Strict";
  if (clear) c += "; Max-Age=0";
  if (app.config().secure_cookie) c += "; Secure";
  return c;
}

http::Response Login(RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto login = in->String("login", true, 64);
  auto password = in->Secret("password", true, 256);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto out = ctx.app.auth().Login(*login, *password, ctx.req.remote, ctx.req.request_id,
                                  ctx.req.Cookie(ctx.app.SessionCookieName()));
  if (!out) return ErrorResponse(out.error());
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie(ctx.app, out->token, false));
  return JsonResponse(200, json::object{{"user", PrincipalJson(out->principal)},
                                        {"csrf_token", out->principal.csrf_token}});
}

http::Response Logout(RequestContext& ctx) {
  ctx.app.auth().Logout(*ctx.principal, ctx.req.remote, ctx.req.request_id);
  ctx.extra_headers.emplace_back("Set-Cookie", SessionCookie(ctx.app, "", true));
  return http::NoContent();
}

http::Response Me(RequestContext& ctx) {
  return JsonResponse(200, json::object{{"user", PrincipalJson(*ctx.principal)},
                                        {"csrf_token", ctx.principal->csrf_token}});
}

http::Response ChangePassword(RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto old_pw = in->Secret("old_password", true, 256);
  auto new_pw = in->Secret("new_password", true, 256);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st = ctx.app.auth().ChangePassword(*ctx.principal, *old_pw, *new_pw, ctx.req.remote,
                                          ctx.req.request_id);
  return st ? http::NoContent() : ErrorResponse(st.error());
}
}  // namespace

void RegisterAuthRoutes(AppRouter& r) {
  r.Add("POST", "/api/v1/auth/login", http::kPublic, Login);
  r.Add("POST", "/api/v1/auth/logout", http::kSelfService, Logout);
  r.Add("GET", "/api/v1/auth/me", http::kSelfService, Me);
  r.Add("POST", "/api/v1/auth/password", http::kSelfService, ChangePassword);
}

}  // namespace zhaoshang
