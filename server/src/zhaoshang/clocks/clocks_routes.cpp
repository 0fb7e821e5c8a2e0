// Routes: /api/v1/calendar*, /api/v1/clocks
#include "zhaoshang/clocks/clocks_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/clocks/calendar_csv.hpp"
#include "zhaoshang/clocks/clock_service.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/reports/table_reader.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
constexpr const char* kWrite = "calendar.write";

struct Deps {
  clocks::ClockService& clocks;
};

bool MayEdit(const RequestContext& ctx) {
  return org::ResolveScope(ctx.principal->roles, kWrite).has_value();
}

json::object DayJson(const clocks::CalendarDay& d) {
  return {{"date", d.date},
          {"working", d.working},
          {"marked", d.marked ? json::value(clocks::DayKindName(*d.marked)) : json::value(nullptr)},
          {"name", d.name}};
}

http::Response Year(const Deps& d, RequestContext& ctx) {
  const std::string y = ctx.req.Query("year");
  auto year = ParseDigits(y.empty() ? d.clocks.Today().substr(0, 4) : y);
  if (!year || *year > 9999) return ErrorResponse(InvalidArgument({{"year", "invalid_value"}}));
  auto days = d.clocks.Year(static_cast<int>(*year));
  if (!days) return ErrorResponse(days.error());
  json::array items;
  for (const auto& day : *days) items.push_back(DayJson(day));
  return JsonResponse(200, json::object{{"year", *year},
                                        {"today", d.clocks.Today()},
                                        {"days", std::move(items)},
                                        {"capabilities", json::object{{"edit", MayEdit(ctx)}}}});
}

http::Response PutDay(const Deps& d, RequestContext& ctx) {
  const std::string date = ctx.params.empty() ? "" : ctx.params[0];
  if (!IsIsoDate(date)) return ErrorResponse(NotFound("no such day"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto working = in->Bool("working", true);
  auto name = in->String("name", false, clocks::kMaxDayNameChars);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.clocks.SetDay(ctx.Actor(), date, *working, name.value_or(""));
  return r ? JsonResponse(200, DayJson(*r)) : ErrorResponse(r.error());
}

http::Response Import(const Deps& d, RequestContext& ctx) {
  auto table = reports::ReadTable(ctx.req.body, ctx.req.Header("content-type"));
  if (!table) return ErrorResponse(table.error());
  auto r = d.clocks.Import(ctx.Actor(), *table);
  if (!r) return ErrorResponse(r.error());
  json::array years;
  for (int y : r->years) years.push_back(y);
  return JsonResponse(200, json::object{{"days", r->days}, {"years", std::move(years)}});
}

http::Response Durations(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& k : d.clocks.Durations())
    items.push_back(json::object{{"kind", k.kind},
                                 {"days", k.days},
                                 {"default", k.default_days},
                                 {"min", k.min_days},
                                 {"max", k.max_days}});
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"capabilities", json::object{{"edit", MayEdit(ctx)}}}});
}

http::Response PutDurations(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("durations");
  std::map<std::string, int> days;
  const auto* body = in->raw().if_contains("durations");
  if (!body || !body->is_object()) {
    in->AddError("durations", body ? "wrong_type" : "required");
  } else {
    for (const auto& kv : body->as_object()) {
      if (!kv.value().is_int64() || kv.value().as_int64() > 100000 ||
          kv.value().as_int64() < -100000) {
        in->AddError(std::string(kv.key()), "wrong_type");
        continue;
      }
      days[std::string(kv.key())] = static_cast<int>(kv.value().as_int64());
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st = d.clocks.SaveDurations(ctx.Actor(), days);  // the ranges are the service's rule
  return st ? Durations(d, ctx) : ErrorResponse(st.error());
}
}  // namespace

void RegisterClocksRoutes(AppRouter& r, clocks::ClockService& clocks) {
  auto with = BindTo(Deps{clocks});
  r.Add("GET", "/api/v1/calendar", "calendar.read", with(Year));
  r.Add("PUT", "/api/v1/calendar/days/{date}", kWrite, with(PutDay));
  r.Add("POST", "/api/v1/calendar/import", kWrite, with(Import), true);
  r.Add("GET", "/api/v1/clocks", "calendar.read", with(Durations));
  r.Add("PUT", "/api/v1/clocks", kWrite, with(PutDurations));
}

}  // namespace zhaoshang
