// Routes: /api/v1/projects/{id}/routings, /api/v1/routings/*
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/matching/park_service.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"
#include "zhaoshang/pipeline/project_service.hpp"
#include "zhaoshang/pipeline/routing_service.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;
using pipeline::Routing;

namespace {

json::value OptStr(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object RoutingJson(const Routing& r, const clocks::ClockDay& day) {
  return {
      {"id", r.id},
      {"project_id", r.project_id},
      {"project_name", r.project_name},
      {"investor_name", r.investor_name},
      {"reporting_unit_id", r.reporting_unit_id},
      {"reporting_unit_name", r.reporting_unit_name},
      {"park_id", r.park_id},
      {"park_name", r.park_name},
      {"note", r.note},
      {"routed_by_name", r.routed_by_name},
      {"routed_at", r.routed_at},
      {"deadline", r.deadline},
      {"overdue", r.status == "pending" && r.deadline < day.today},
      {"clock", r.status == "pending" ? json::value(clocks::ClockStateName(day.StateOf(r.deadline)))
                                      : json::value(nullptr)},
      {"status", r.status},
      {"reason_code", OptStr(r.reason_code)},
      {"reason", OptStr(r.reason)},
      {"decided_by_name", r.decided_by ? json::value(r.decided_by_name) : json::value(nullptr)},
      {"decided_at", OptInt(r.decided_at)},
      {"fit_score", OptInt(r.fit_score)},
      {"capabilities", json::object{{"respond", r.capabilities.respond},
                                    {"withdraw", r.capabilities.withdraw},
                                    {"reroute", r.capabilities.reroute}}}};
}

// What the routing handlers call: their services and the clocks, never the App.
struct Deps {
  pipeline::RoutingService& routing;
  pipeline::ProjectService& projects;
  matching::ParkService& parks;
  clocks::ClockService& clocks;
};

http::Response Render(const Deps& d, const Result<Routing>& r, int status = 200) {
  return r ? JsonResponse(status, RoutingJson(*r, d.clocks.Now())) : ErrorResponse(r.error());
}

http::Response Route(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto park = in->Int("park_id", true);
  auto note = in->Text("note", false, 500);
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  // The project must be in the caller's scope; the fit score is kept with the routing.
  auto project = d.projects.Get(*ctx.principal, *id);
  if (!project) return ErrorResponse(project.error());
  std::optional<int64_t> score;
  for (const auto& f : d.parks.Match(matching::NeedsOf(project->project)))
    if (f.unit_id == *park) score = f.score;
  return Render(
      d,
      d.routing.Route(*ctx.principal, *id, *park, note.value_or(""), *version, score, ctx.Actor()),
      201);
}

http::Response Accept(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("routing not found"));
  auto in = JsonInput::Parse(ctx.req.body.empty() ? "{}" : ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto user = in->Int("responsible_user_id", false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(d, d.routing.Accept(*ctx.principal, *id, user, ctx.Actor()));
}

http::Response Decline(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("routing not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto code = in->String("reason_code", true, 40);
  auto reason = in->Text("reason", false, 500);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(d, d.routing.Decline(*ctx.principal, *id, *code, reason.value_or(""), ctx.Actor()));
}

http::Response Withdraw(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("routing not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto reason = in->Text("reason", true, 500);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Render(d, d.routing.Withdraw(*ctx.principal, *id, reason.value_or(""), ctx.Actor()));
}

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  pipeline::RoutingQuery q;
  q.status = ctx.req.Query("status");
  static const std::set<std::string> kStatus = {"", "pending", "accepted", "declined", "withdrawn"};
  std::map<std::string, std::string> bad;
  if (!kStatus.count(q.status)) bad["status"] = "invalid_value";
  for (auto [name, field] :
       {std::pair{"park_id", &q.park_id}, std::pair{"project_id", &q.project_id}}) {
    std::string v = ctx.req.Query(name);
    if (v.empty()) continue;
    *field = ParseDigits(v);
    if (!*field) bad[name] = "invalid_value";
  }
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  q.offset = page->offset;
  q.limit = page->page_size;
  int64_t total = 0;
  auto r = d.routing.List(*ctx.principal, q, &total);
  if (!r) return ErrorResponse(r.error());
  const clocks::ClockDay day = d.clocks.Now();
  json::array items;
  for (const auto& x : *r) items.push_back(RoutingJson(x, day));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}

http::Response Stats(const Deps& d, RequestContext& ctx) {
  auto r = d.routing.Stats(*ctx.principal);
  if (!r) return ErrorResponse(r.error());
  auto rows = [](const std::vector<pipeline::RoutingStat>& v) {
    json::array a;
    for (const auto& s : v) {
      json::object reasons;
      for (const auto& [k, n] : s.reasons) reasons[k] = n;
      a.push_back(json::object{{"unit_id", s.unit_id},
                               {"unit_name", s.unit_name},
                               {"routed", s.routed},
                               {"accepted", s.accepted},
                               {"declined", s.declined},
                               {"pending", s.pending},
                               {"reasons", std::move(reasons)}});
    }
    return a;
  };
  return JsonResponse(
      200, json::object{{"by_park", rows(r->first)}, {"by_reporting_unit", rows(r->second)}});
}

}  // namespace

void RegisterRoutingRoutes(AppRouter& r, pipeline::RoutingService& routing,
                           pipeline::ProjectService& projects, matching::ParkService& parks,
                           clocks::ClockService& clocks) {
  const Deps d{routing, projects, parks, clocks};
  auto with = [d](http::Response (*h)(const Deps&, RequestContext&)) {
    return [d, h](RequestContext& ctx) { return h(d, ctx); };
  };
  r.Add("POST", "/api/v1/projects/{id}/routings", pipeline::perm::kRoutingWrite, with(Route));
  r.Add("GET", "/api/v1/routings", pipeline::perm::kRoutingRead, with(List));
  r.Add("GET", "/api/v1/routings/stats", pipeline::perm::kRoutingRead, with(Stats));
  r.Add("POST", "/api/v1/routings/{id}/accept", pipeline::perm::kRoutingRespond, with(Accept));
  r.Add("POST", "/api/v1/routings/{id}/decline", pipeline::perm::kRoutingRespond, with(Decline));
  r.Add("POST", "/api/v1/routings/{id}/withdraw", pipeline::perm::kRoutingWrite, with(Withdraw));
}

}  // namespace zhaoshang
