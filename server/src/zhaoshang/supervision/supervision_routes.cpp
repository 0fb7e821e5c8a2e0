// Routes: /api/v1/supervision*
#include "zhaoshang/supervision/supervision_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <set>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/supervision/supervision_permissions.hpp"
#include "zhaoshang/supervision/supervision_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  supervision::SupervisionService& supervision;
  clocks::ClockService& clocks;
};

json::object ItemJson(const supervision::Item& i, const clocks::ClockDay& day) {
  return {
      {"id", i.id},
      {"subject_type", i.subject_type},
      {"subject_id", i.subject_id},
      {"subject_name", i.subject_name},
      {"project_id", OptInt(i.project_id)},
      {"project_name", i.project_name},
      {"factor_type", i.factor_type.empty() ? json::value(nullptr) : json::value(i.factor_type)},
      {"unit_id", i.unit_id},
      {"unit_name", i.unit_name},
      {"title", i.title},
      {"instruction", i.instruction},
      {"leader_instruction", i.leader_instruction},
      {"priority", i.priority},
      {"deadline", i.deadline},
      {"status", i.status},
      {"issued_by_name", i.issued_by_name},
      {"issued_at", i.issued_at},
      {"closed_at", OptInt(i.closed_at)},
      {"clock", i.status == "open" ? json::value(clocks::ClockStateName(day.StateOf(i.deadline)))
                                   : json::value(nullptr)},
      {"version", i.version},
      {"capabilities", json::object{{"reply", i.capabilities.reply},
                                    {"close", i.capabilities.close},
                                    {"reopen", i.capabilities.reopen}}}};
}

http::Response Detail(const Deps& d, const Result<supervision::ItemDetail>& r, int status) {
  if (!r) return ErrorResponse(r.error());
  json::object o = ItemJson(r->item, d.clocks.Now());
  json::array events;
  for (const auto& e : r->events)
    events.push_back(
        json::object{{"at", e.at}, {"user_name", e.user_name}, {"kind", e.kind}, {"note", e.note}});
  o["events"] = std::move(events);
  return JsonResponse(status, o);
}

http::Response Issue(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  supervision::IssueInput i;
  i.subject_type = in->String("subject_type", true, 20).value_or("");
  i.subject_id = in->Int("subject_id", true).value_or(0);
  i.unit_id = in->Int("unit_id", false);
  i.title = in->String("title", true, supervision::kMaxTitleChars).value_or("");
  i.instruction = in->Text("instruction", true, supervision::kMaxInstructionChars).value_or("");
  i.leader_instruction =
      in->Text("leader_instruction", false, supervision::kMaxInstructionChars).value_or("");
  i.priority = in->String("priority", false, 20).value_or("normal");
  i.deadline = in->String("deadline", false, 10);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Detail(d, d.supervision.Issue(*ctx.principal, i, ctx.Actor()), 201);
}

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  supervision::ItemQuery q;
  std::map<std::string, std::string> bad;
  static const std::set<std::string> kStatuses = {"open", "replied", "closed"};
  q.statuses = ReadCodeList(ctx.req, "status", kStatuses, &bad);
  for (const char* k : {"unit_id", "project_id"})
    if (std::string v = ctx.req.Query(k); !v.empty()) {
      auto n = ParseDigits(v);
      if (!n) bad[k] = "invalid_value";
      (std::string(k) == "unit_id" ? q.unit_id : q.project_id) = n;
    }
  if (std::string o = ctx.req.Query("overdue"); o == "true")
    q.overdue_on = d.clocks.Today();
  else if (!o.empty() && o != "false")
    bad["overdue"] = "invalid_value";
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  q.offset = page->offset;
  q.limit = page->page_size;
  int64_t total = 0;
  auto rows = d.supervision.List(*ctx.principal, q, &total);
  if (!rows) return ErrorResponse(rows.error());
  const auto day = d.clocks.Now();
  json::array items;
  for (const auto& i : *rows) items.push_back(ItemJson(i, day));
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}

http::Response ByUnit(const Deps& d, RequestContext& ctx) {
  auto rows = d.supervision.ByUnit(*ctx.principal);
  if (!rows) return ErrorResponse(rows.error());
  json::array items;
  for (const auto& u : *rows)
    items.push_back(json::object{{"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name},
                                 {"open", u.open},
                                 {"replied", u.replied},
                                 {"overdue", u.overdue},
                                 {"closed", u.closed}});
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response Get(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("supervision item not found"));
  return Detail(d, d.supervision.Get(*ctx.principal, *id), 200);
}

template <supervision::Step S>
http::Response Act(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("supervision item not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto version = in->Int("version", true);
  auto note = in->Text("note", S != supervision::Step::kClose, supervision::kMaxNoteChars);
  auto deadline = in->String("deadline", false, 10);  // reopening: the service checks it
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return Detail(
      d,
      d.supervision.Act(*ctx.principal, *id, S, *version, note.value_or(""), ctx.Actor(), deadline),
      200);
}
}  // namespace

void RegisterSupervisionRoutes(AppRouter& r, supervision::SupervisionService& supervision,
                               clocks::ClockService& clocks) {
  using enum supervision::Step;
  auto with = BindTo(Deps{supervision, clocks});
  r.Add("POST", "/api/v1/supervision", supervision::perm::kSupervisionIssue, with(Issue));
  r.Add("GET", "/api/v1/supervision", supervision::perm::kSupervisionRead, with(List));
  r.Add("GET", "/api/v1/supervision/units", supervision::perm::kSupervisionRead, with(ByUnit));
  r.Add("GET", "/api/v1/supervision/{id}", supervision::perm::kSupervisionRead, with(Get));
  r.Add("POST", "/api/v1/supervision/{id}/reply", supervision::perm::kSupervisionReply,
        with(Act<kReply>));
  r.Add("POST", "/api/v1/supervision/{id}/close", supervision::perm::kSupervisionIssue,
        with(Act<kClose>));
  r.Add("POST", "/api/v1/supervision/{id}/reopen", supervision::perm::kSupervisionIssue,
        with(Act<kReopen>));
}

}  // namespace zhaoshang
