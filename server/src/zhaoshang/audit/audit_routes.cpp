// Routes: /api/v1/audit (audit administrator only)
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/audit/audit_actions.hpp"
#include "zhaoshang/audit/audit_routes.hpp"
#include "zhaoshang/audit/audit_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  audit::AuditService& audit;
};

std::optional<int64_t> ParseMs(const std::string& s, bool& ok) {
  if (s.empty()) return std::nullopt;
  auto v = ParseDigits(s);
  ok = v.has_value();
  return v;
}

http::Response Search(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  auto f = ReadAuditFilter(ctx);
  if (!f) return ErrorResponse(f.error());
  f->offset = page->offset;
  f->limit = page->page_size;
  int64_t total = 0;
  json::array items;
  for (const auto& n : d.audit.SearchNamed(*f, &total)) {
    const audit::Record& r = n.record;
    boost::system::error_code ec;
    json::value diff = json::parse(r.diff_json, ec);
    if (ec) diff = r.diff_json;  // tampered rows still display
    items.push_back(json::object{{"id", r.id},
                                 {"at", r.at},
                                 {"actor_id", r.actor_id ? json::value(r.actor_id) : nullptr},
                                 {"actor_login", r.actor_login},
                                 {"actor_name", n.actor_name},
                                 {"unit_name", r.unit_name},
                                 {"source", r.source},
                                 {"action", r.action},
                                 {"object_type", r.object_type},
                                 {"object_id", r.object_id},
                                 {"object_name", n.object_name},
                                 {"diff", std::move(diff)},
                                 {"request_id", r.request_id}});
  }
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}

// The action codes the server writes, for the filter and the words of the page.
http::Response Actions(const Deps&, RequestContext&) {
  json::array items;
  for (const auto& a : audit::Actions())
    items.push_back(json::object{{"code", a.code},
                                 {"object_type", a.object_type},
                                 {"group", audit::ActionGroupName(a.group)}});
  json::array types;
  for (const auto& t : audit::ObjectTypes()) types.emplace_back(t);
  return JsonResponse(
      200, json::object{{"items", std::move(items)}, {"object_types", std::move(types)}});
}

http::Response Verify(const Deps& d, RequestContext&) {
  auto v = d.audit.Verify();
  return JsonResponse(200, json::object{{"ok", v.ok},
                                        {"checked", v.checked},
                                        {"checkpoints", v.checkpoints},
                                        {"archived", v.archived},
                                        {"first_broken_id", OptInt(v.first_broken_id)},
                                        {"reason", v.reason}});
}
}  // namespace

Result<audit::Filter> ReadAuditFilter(const RequestContext& ctx) {
  audit::Filter f;
  f.actor = ctx.req.Query("actor").substr(0, 64);
  f.action = ctx.req.Query("action").substr(0, 64);
  f.object_type = ctx.req.Query("object_type").substr(0, 64);
  f.object_id = ctx.req.Query("object_id").substr(0, 64);
  bool ok_from = true, ok_to = true;
  f.from_ms = ParseMs(ctx.req.Query("from"), ok_from);
  f.to_ms = ParseMs(ctx.req.Query("to"), ok_to);
  std::map<std::string, std::string> bad;
  if (!ok_from) bad["from"] = "invalid_value";
  if (!ok_to) bad["to"] = "invalid_value";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return f;
}

void RegisterAuditRoutes(AppRouter& r, audit::AuditService& audit) {
  auto with = BindTo(Deps{audit});
  r.Add("GET", "/api/v1/audit", "audit.read", with(Search));
  r.Add("GET", "/api/v1/audit/actions", "audit.read", with(Actions));
  r.Add("GET", "/api/v1/audit/verify", "audit.read", with(Verify));
}

}  // namespace zhaoshang
