// Routes: /api/v1/notifications*
#include "zhaoshang/notify/notify_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/notify/notify_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
constexpr const char* kInbox = "workbench.view";  // every business role has an inbox

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
                                 {"read", n.read_at.has_value()}});
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
}  // namespace

void RegisterNotifyRoutes(AppRouter& r, notify::NotifyService& notify) {
  auto with = BindTo(Deps{notify});
  r.Add("GET", "/api/v1/notifications", kInbox, with(List));
  r.Add("GET", "/api/v1/notifications/unread-count", kInbox, with(Unread));
  r.Add("POST", "/api/v1/notifications/read-all", kInbox, with(ReadAll));
  r.Add("POST", "/api/v1/notifications/{id}/read", kInbox, with(Read));
}

}  // namespace zhaoshang
