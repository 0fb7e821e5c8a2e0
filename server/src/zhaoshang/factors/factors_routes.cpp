// Routes: /api/v1/factor-types*, /api/v1/factor-requests*, /api/v1/projects/{id}/factor-requests
#include "zhaoshang/factors/factors_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/factors/factor_permissions.hpp"
#include "zhaoshang/factors/factor_service.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_permissions.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
constexpr const char* kRead = factors::perm::kFactorRead;
constexpr const char* kHandle = factors::perm::kFactorHandle;
constexpr const char* kSettings = factors::perm::kFactorSettings;

struct Deps {
  factors::FactorService& factors;
  clocks::ClockService& clocks;
};

json::value OptStr(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// The running clock: answering while open, resolving once accepted.
json::value ClockOf(const factors::FactorRequest& r, const clocks::ClockDay& day) {
  if (r.status == "open")
    return json::value(clocks::ClockStateName(day.StateOf(r.answer_deadline)));
  if (r.status == "accepted" && r.resolve_deadline)
    return json::value(clocks::ClockStateName(day.StateOf(*r.resolve_deadline)));
  return nullptr;
}

json::object RequestJson(const factors::FactorRequest& r, const clocks::ClockDay& day) {
  const auto* type = factors::FindFactorType(r.type);
  const auto& k = r.capabilities;
  return {{"id", r.id},
          {"project_id", r.project_id},
          {"project_name", r.project_name},
          {"type", r.type},
          {"quantity_unit", type ? std::string(type->quantity_unit) : std::string()},
          {"need", r.need},
          {"quantity", OptInt(r.quantity)},
          {"department_id", r.department_id},
          {"department_name", r.department_name},
          {"status", r.status},
          {"raised_by_name", r.raised_by_name},
          {"raised_unit_name", r.raised_unit_name},
          {"raised_at", r.raised_at},
          {"answer_deadline", r.answer_deadline},
          {"resolve_deadline", OptStr(r.resolve_deadline)},
          {"accepted_at", OptInt(r.accepted_at)},
          {"closed_at", OptInt(r.closed_at)},
          {"outcome", r.outcome},
          {"reason_code", OptStr(r.reason_code)},
          {"reason", r.reason},
          {"clock", ClockOf(r, day)},
          {"version", r.version},
          {"capabilities", json::object{{"accept", k.accept},
                                        {"pass_on", k.pass_on},
                                        {"progress", k.progress},
                                        {"resolve", k.resolve},
                                        {"unresolvable", k.unresolvable},
                                        {"withdraw", k.withdraw},
                                        {"attach", k.attach},
                                        {"manage_files", k.manage_files}}}};
}

http::Response DetailResponse(const Deps& d, const Result<factors::FactorDetail>& r, int status) {
  if (!r) return ErrorResponse(r.error());
  json::object o = RequestJson(r->request, d.clocks.Now());
  json::array events;
  for (const auto& e : r->events)
    events.push_back(json::object{{"at", e.at},
                                  {"actor_name", e.actor_name},
                                  {"kind", e.kind},
                                  {"note", e.note},
                                  {"from_unit_name", e.from_unit_name},
                                  {"to_unit_name", e.to_unit_name}});
  o["events"] = std::move(events);
  return JsonResponse(status, o);
}

http::Response ListResponse(const Deps& d, const std::vector<factors::FactorRequest>& rows,
                            json::object extra) {
  const auto day = d.clocks.Now();
  json::array items;
  for (const auto& r : rows) items.push_back(RequestJson(r, day));
  extra["items"] = std::move(items);
  return JsonResponse(200, extra);
}

http::Response Types(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& t : d.factors.Types()) {
    const auto* type = factors::FindFactorType(t.type);
    items.push_back(json::object{{"type", t.type},
                                 {"quantity_unit", std::string(type->quantity_unit)},
                                 {"unit_id", OptInt(t.unit_id)},
                                 {"unit_name", t.unit_name}});
  }
  json::array codes;
  for (auto c : factors::UnresolvableReasonCodes()) codes.emplace_back(c);
  const bool edit = org::ResolveScope(ctx.principal->roles, kSettings).has_value();
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"unresolvable_reason_codes", std::move(codes)},
                                        {"capabilities", json::object{{"edit", edit}}}});
}

http::Response PutType(const Deps& d, RequestContext& ctx) {
  const std::string type = ctx.params.empty() ? "" : ctx.params[0];
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  std::optional<int64_t> unit;
  if (!in->IsNull("unit_id"))
    unit = in->Int("unit_id", true);
  else
    in->Mark("unit_id");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st = d.factors.SetTypeUnit(ctx.Actor(), type, unit);
  return st ? Types(d, ctx) : ErrorResponse(st.error());
}

http::Response Raise(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  factors::RaiseInput r;
  r.type = in->String("type", true, 40).value_or("");
  r.need = in->Text("need", true, factors::kMaxNeedChars).value_or("");
  r.quantity = in->Int("quantity", false);
  r.department_id = in->Int("department_id", false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return DetailResponse(d, d.factors.Raise(*ctx.principal, *id, r, ctx.Actor()), 201);
}

http::Response OfProject(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto rows = d.factors.OfProject(*ctx.principal, *id);
  if (!rows) return ErrorResponse(rows.error());
  return ListResponse(d, *rows, {});
}

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  factors::FactorQuery q;
  std::map<std::string, std::string> bad;
  static const std::set<std::string> kStatuses = {"open", "accepted", "resolved", "unresolvable",
                                                  "withdrawn"};
  q.statuses = ReadCodeList(ctx.req, "status", kStatuses, &bad);
  q.type = ctx.req.Query("type");
  if (!q.type.empty() && !factors::FindFactorType(q.type)) bad["type"] = "invalid_value";
  if (std::string dep = ctx.req.Query("department_id"); !dep.empty()) {
    q.department_id = ParseDigits(dep);
    if (!q.department_id) bad["department_id"] = "invalid_value";
  }
  if (std::string o = ctx.req.Query("overdue"); o == "true")
    q.overdue_on = d.clocks.Today();
  else if (!o.empty() && o != "false")
    bad["overdue"] = "invalid_value";
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  q.offset = page->offset;
  q.limit = page->page_size;
  int64_t total = 0;
  auto rows = d.factors.List(*ctx.principal, q, &total);
  if (!rows) return ErrorResponse(rows.error());
  return ListResponse(d, *rows,
                      {{"total", total}, {"page", page->page}, {"page_size", page->page_size}});
}

http::Response Get(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("factor request not found"));
  return DetailResponse(d, d.factors.Get(*ctx.principal, *id), 200);
}

template <factors::FactorAction A>
http::Response Act(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("factor request not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  factors::ActInput a;
  a.version = in->Int("version", true).value_or(0);
  if constexpr (A == factors::FactorAction::kPassOn)
    a.department_id = in->Int("department_id", true);
  if constexpr (A == factors::FactorAction::kResolve)
    a.outcome = in->Text("outcome", true, factors::kMaxNoteChars).value_or("");
  if constexpr (A == factors::FactorAction::kUnresolvable)
    a.reason_code = in->String("reason_code", true, 40);
  if constexpr (A != factors::FactorAction::kAccept && A != factors::FactorAction::kResolve)
    a.note = in->Text("note", A != factors::FactorAction::kUnresolvable, factors::kMaxNoteChars)
                 .value_or("");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return DetailResponse(d, d.factors.Act(*ctx.principal, *id, A, a, ctx.Actor()), 200);
}

http::Response Stats(const Deps& d, RequestContext& ctx) {
  auto rows = d.factors.Stats(*ctx.principal);
  if (!rows) return ErrorResponse(rows.error());
  json::array items;
  for (const auto& s : *rows)
    items.push_back(json::object{
        {"department_id", s.department_id},
        {"department_name", s.department_name},
        {"type", s.type},
        {"total", s.total},
        {"open", s.open},
        {"overdue", s.overdue},
        {"resolved", s.resolved},
        {"on_time_rate", s.resolved ? json::value(double(s.resolved_on_time) / double(s.resolved))
                                    : json::value(nullptr)},
        {"median_days", s.median_days ? json::value(*s.median_days) : json::value(nullptr)}});
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}
}  // namespace

void RegisterFactorRoutes(AppRouter& r, factors::FactorService& factors,
                          clocks::ClockService& clocks) {
  using enum factors::FactorAction;
  auto with = BindTo(Deps{factors, clocks});
  r.Add("GET", "/api/v1/factor-types", kRead, with(Types));
  r.Add("PUT", "/api/v1/factor-types/{type}", kSettings, with(PutType));
  r.Add("GET", "/api/v1/factor-requests", kRead, with(List));
  r.Add("GET", "/api/v1/factor-requests/stats", kRead, with(Stats));  // before {id}
  r.Add("GET", "/api/v1/factor-requests/{id}", kRead, with(Get));
  r.Add("POST", "/api/v1/factor-requests/{id}/accept", kHandle, with(Act<kAccept>));
  r.Add("POST", "/api/v1/factor-requests/{id}/pass-on", kHandle, with(Act<kPassOn>));
  r.Add("POST", "/api/v1/factor-requests/{id}/progress", kHandle, with(Act<kProgress>));
  r.Add("POST", "/api/v1/factor-requests/{id}/resolve", kHandle, with(Act<kResolve>));
  r.Add("POST", "/api/v1/factor-requests/{id}/unresolvable", kHandle, with(Act<kUnresolvable>));
  r.Add("POST", "/api/v1/factor-requests/{id}/withdraw", kRead, with(Act<kWithdraw>));
  r.Add("GET", "/api/v1/projects/{id}/factor-requests", pipeline::perm::kProjectRead,
        with(OfProject));
  r.Add("POST", "/api/v1/projects/{id}/factor-requests", pipeline::perm::kProjectWrite,
        with(Raise));
}

}  // namespace zhaoshang
