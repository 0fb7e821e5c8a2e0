// Routes: /api/v1/notifications*
#include "zhaoshang/notify/notify_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <boost/json/parse.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/notify/notify_service.hpp"
#include "zhaoshang/notify/robot_message.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
// Every business role and the security administrator (told of administrator lockouts).
constexpr const char* kInbox = "inbox.read";
constexpr const char* kRobots = "robot.manage";

// A notification's figures as JSON (null when it has none).
json::value DetailJson(const std::string& detail) {
  if (detail.empty()) return nullptr;
  boost::system::error_code ec;
  auto v = json::parse(detail, ec);
  return ec ? json::value(nullptr) : v;
}

struct Deps {
  notify::NotifyService& notify;
};

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  const std::string unread = ctx.req.Query("unread");
  if (!unread.empty() && unread != "true" && unread != "false")
    return ErrorResponse(InvalidArgument({{"unread", "invalid_value"}}));
  int64_t total = 0;
  json::array items;
  for (const auto& n :
       d.notify.List(*ctx.principal, unread == "true", page->offset, page->page_size, &total))
    items.push_back(json::object{{"id", n.id},
                                 {"kind", n.kind},
                                 {"object_type", n.object_type},
                                 {"object_id", n.object_id},
                                 {"project_id", OptInt(n.project_id)},
                                 {"title", n.title},
                                 {"created_at", n.created_at},
                                 {"read", n.read_at.has_value()},
                                 {"detail", DetailJson(n.detail)}});
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"unread", d.notify.UnreadCount(*ctx.principal)},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}

http::Response Unread(const Deps& d, RequestContext& ctx) {
  return JsonResponse(200, json::object{{"unread", d.notify.UnreadCount(*ctx.principal)}});
}

http::Response Read(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("notification not found"));
  auto st = d.notify.MarkRead(*ctx.principal, *id);
  return st ? Unread(d, ctx) : ErrorResponse(st.error());
}

http::Response ReadAll(const Deps& d, RequestContext& ctx) {
  auto st = d.notify.MarkRead(*ctx.principal, std::nullopt);
  return st ? Unread(d, ctx) : ErrorResponse(st.error());
}
http::Response Preferences(const Deps& d, RequestContext& ctx) {
  json::object kinds;
  for (const auto& p : d.notify.Preferences(*ctx.principal)) kinds[p.kind] = p.enabled;
  return JsonResponse(200, json::object{{"kinds", std::move(kinds)}});
}

http::Response SavePreferences(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("kinds");
  std::vector<notify::Preference> prefs;
  const auto* kinds = in->raw().if_contains("kinds");
  if (kinds == nullptr || !kinds->is_object()) {
    in->AddError("kinds", kinds == nullptr ? "required" : "invalid_value");
  } else {
    for (const auto& [k, v] : kinds->as_object()) {
      if (!v.is_bool()) {
        in->AddError("kinds", "invalid_value");
        break;
      }
      prefs.push_back({std::string(k), v.as_bool()});
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  if (auto st = d.notify.SavePreferences(*ctx.principal, prefs, ctx.Actor()); !st)
    return ErrorResponse(st.error());
  return Preferences(d, ctx);
}

json::object RobotJson(const notify::Robot& r) {
  // The secret never leaves the server; the URL carries the robot's token, so only its host
  // and path are shown.
  const std::string shown = notify::ShownRobotUrl(r.url);
  return {{"id", r.id},
          {"unit_id", r.unit_id},
          {"unit_name", r.unit_name},
          {"kind", r.kind},
          {"name", r.name},
          {"url", shown},
          {"has_secret", !r.secret.empty()},
          {"enabled", r.enabled},
          {"created_at", r.created_at},
          {"version", r.version}};
}

http::Response Robots(const Deps& d, RequestContext&) {
  json::array items;
  for (const auto& r : d.notify.Robots()) items.push_back(RobotJson(r));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

notify::RobotInput ReadRobot(JsonInput& in, bool create) {
  notify::RobotInput r;
  r.unit_id = in.Int("unit_id", create);
  r.kind = in.String("kind", create, 20);
  r.name = in.String("name", false, 100);
  r.url = in.String("url", create, 1000);
  r.secret = in.Secret("secret", false, 200);
  r.enabled = in.Bool("enabled", false);
  if (!create) r.version = in.Int("version", true).value_or(0);
  return r;
}

http::Response CreateRobot(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto r = ReadRobot(*in, true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto out = d.notify.CreateRobot(r, ctx.Actor());
  return out ? JsonResponse(201, RobotJson(*out)) : ErrorResponse(out.error());
}

http::Response UpdateRobot(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("robot not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto r = ReadRobot(*in, false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto out = d.notify.UpdateRobot(*id, r, ctx.Actor());
  return out ? JsonResponse(200, RobotJson(*out)) : ErrorResponse(out.error());
}

http::Response TestRobot(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("robot not found"));
  auto st = d.notify.TestRobot(*id, ctx.Actor());
  return st ? JsonResponse(202, json::object{{"queued", true}}) : ErrorResponse(st.error());
}

http::Response Deliveries(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  notify::DeliveryQuery q;
  std::map<std::string, std::string> bad;
  if (std::string v = ctx.req.Query("robot_id"); !v.empty()) {
    q.robot_id = ParseDigits(v);
    if (!q.robot_id) bad["robot_id"] = "invalid_value";
  }
  q.status = ctx.req.Query("status");
  if (!q.status.empty() && q.status != "pending" && q.status != "delivered" && q.status != "failed")
    bad["status"] = "invalid_value";
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  q.offset = page->offset;
  q.limit = page->page_size;
  int64_t total = 0;
  json::array items;
  for (const auto& x : d.notify.Deliveries(q, &total))
    items.push_back(json::object{{"id", x.id},
                                 {"robot_id", x.robot_id},
                                 {"robot_name", x.robot_name},
                                 {"unit_name", x.unit_name},
                                 {"kind", x.kind},
                                 {"title", x.title},
                                 {"status", x.status},
                                 {"attempts", x.attempts},
                                 {"next_at", x.next_at},
                                 {"last_error", x.last_error},
                                 {"created_at", x.created_at},
                                 {"delivered_at", OptInt(x.delivered_at)}});
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}
}  // namespace

void RegisterNotifyRoutes(AppRouter& r, notify::NotifyService& notify) {
  auto with = BindTo(Deps{notify});
  r.Add("GET", "/api/v1/notifications", kInbox, with(List));
  r.Add("GET", "/api/v1/notifications/unread-count", kInbox, with(Unread));
  r.Add("POST", "/api/v1/notifications/read-all", kInbox, with(ReadAll));
  r.Add("POST", "/api/v1/notifications/{id}/read", kInbox, with(Read));
  r.Add("GET", "/api/v1/notifications/preferences", kInbox, with(Preferences));
  r.Add("PUT", "/api/v1/notifications/preferences", kInbox, with(SavePreferences));
  r.Add("GET", "/api/v1/robots", kRobots, with(Robots));
  r.Add("POST", "/api/v1/robots", kRobots, with(CreateRobot));
  r.Add("PATCH", "/api/v1/robots/{id}", kRobots, with(UpdateRobot));
  r.Add("POST", "/api/v1/robots/{id}/test", kRobots, with(TestRobot));
  r.Add("GET", "/api/v1/robots/deliveries", kRobots, with(Deliveries));
}

}  // namespace zhaoshang
