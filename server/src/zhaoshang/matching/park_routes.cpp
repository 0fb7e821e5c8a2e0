// Routes: /api/v1/parks/*, /api/v1/matching/*, /api/v1/projects/{id}/matches
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/matching/matching_permissions.hpp"
#include "zhaoshang/matching/matching_render.hpp"
#include "zhaoshang/matching/park_routes.hpp"
#include "zhaoshang/matching/park_service.hpp"
#include "zhaoshang/pipeline/project_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

json::object FitJson(const matching::Fit& f) {
  auto reason = [](const matching::Reason& r) {
    json::object params;
    for (const auto& [k, v] : r.params)
      std::visit([&, &k = k](const auto& x) { params[k] = x; }, v);
    return json::object{{"code", r.code}, {"params", std::move(params)}};
  };
  json::array components, exclusions;
  for (const auto& c : f.components) {
    json::array reasons;
    for (const auto& r : c.reasons) reasons.push_back(reason(r));
    // Three decimals keep the JSON short and readable (0.4, not 0.4000000000000001).
    components.push_back(json::object{{"key", c.key},
                                      {"score", std::round(c.score * 1000) / 1000},
                                      {"weight", c.weight},
                                      {"unknown", c.unknown},
                                      {"reasons", std::move(reasons)}});
  }
  for (const auto& r : f.exclusions) exclusions.push_back(reason(r));
  json::array unknown;
  for (const auto& k : f.unknown) unknown.emplace_back(k);
  return {{"unit_id", f.unit_id},
          {"unit_name", f.unit_name},
          {"score", f.score},
          {"excluded", f.excluded},
          {"profile_empty", f.profile_empty},
          {"unknown", std::move(unknown)},
          {"components", std::move(components)},
          {"exclusions", std::move(exclusions)}};
}

namespace {
struct Deps {
  matching::ParkService& parks;
  pipeline::ProjectService& projects;  // a project's needs, read in the caller's scope
};

json::array Ids(const std::vector<int64_t>& v) {
  json::array a;
  for (int64_t x : v) a.push_back(x);
  return a;
}
json::array Codes(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& x : v) a.emplace_back(x);
  return a;
}

json::object CarrierJson(const matching::Carrier& k) {
  return {{"id", k.id},
          {"kind", k.kind},
          {"name", k.name},
          {"status", k.status},
          {"area_mu_x100", k.area_mu_x100},
          {"land_use", k.land_use},
          {"price_yuan_per_mu", k.price_yuan_per_mu},
          {"floor_area_m2", k.floor_area_m2},
          {"floors", k.floors},
          {"floor_load_kg_m2", k.floor_load_kg_m2},
          {"lease", k.lease},
          {"rent_yuan_per_m2_month", k.rent_yuan_per_m2_month},
          {"sale_yuan_per_m2", k.sale_yuan_per_m2},
          {"ready_date", k.ready_date ? json::value(*k.ready_date) : json::value(nullptr)},
          {"note", k.note},
          {"version", k.version}};
}

// A profile, with whether the caller may edit it (ParkService::CanEdit: the rule the writes check).
json::object ProfileJson(const matching::ParkProfile& p, bool can_edit) {
  json::array contacts, carriers;
  for (const auto& c : p.contacts)
    contacts.push_back(json::object{{"name", c.name}, {"phone", c.phone}, {"title", c.title}});
  for (const auto& k : p.carriers) carriers.push_back(CarrierJson(k));
  return {{"unit_id", p.unit_id},
          {"unit_name", p.unit_name},
          {"unit_kind", p.unit_kind},
          {"positioning", p.positioning},
          {"leading_industry_ids", Ids(p.leading_industry_ids)},
          {"chain_node_ids", Ids(p.chain_node_ids)},
          {"target_codes", Codes(p.target_codes)},
          {"excluded_codes", Codes(p.excluded_codes)},
          {"redline_codes", Codes(p.redline_codes)},
          {"redline_note", p.redline_note},
          {"min_intensity_yuan_per_mu", p.min_intensity_yuan_per_mu},
          {"min_tax_yuan_per_mu", p.min_tax_yuan_per_mu},
          {"min_output_yuan_per_mu", p.min_output_yuan_per_mu},
          {"power_kva", p.power_kva},
          {"water_t_per_day", p.water_t_per_day},
          {"gas_m3_per_day", p.gas_m3_per_day},
          {"steam_t_per_hour", p.steam_t_per_hour},
          {"facilities", p.facilities},
          {"policies", p.policies},
          {"contacts", std::move(contacts)},
          {"carriers", std::move(carriers)},
          {"updated_at", p.updated_at},
          {"version", p.version},
          {"can_edit", can_edit}};
}

// A list of positive integer ids from the body; errors go to `in`.
std::optional<std::vector<int64_t>> IdList(JsonInput& in, const std::string& key) {
  in.Mark(key);
  auto* v = in.raw().if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  std::vector<int64_t> out;
  if (!v->is_array()) {
    in.AddError(key, "wrong_type");
    return std::nullopt;
  }
  for (const auto& x : v->as_array()) {
    if (!x.is_int64() || x.as_int64() <= 0) {
      in.AddError(key, "wrong_type");
      return std::nullopt;
    }
    out.push_back(x.as_int64());
  }
  return out;
}

// A non-negative integer field (0 when absent), at most 10^15 (yuan, m², kVA, …).
int64_t Amount(JsonInput& in, const std::string& key) {
  constexpr int64_t kMax = 1'000'000'000'000'000;
  auto v = in.Int(key, false);
  if (v && (*v < 0 || *v > kMax)) in.AddError(key, "invalid_value");
  return std::clamp<int64_t>(v.value_or(0), 0, kMax);
}

http::Response ListParks(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& s : d.parks.List(*ctx.principal))
    items.push_back(json::object{{"unit_id", s.unit_id},
                                 {"unit_name", s.unit_name},
                                 {"unit_kind", s.unit_kind},
                                 {"positioning", s.positioning},
                                 {"available_land_mu_x100", s.available_land_mu_x100},
                                 {"available_factory_m2", s.available_factory_m2},
                                 {"carriers_available", s.carriers_available},
                                 {"leading_industry_ids", Ids(s.leading_industry_ids)},
                                 {"profile_saved", s.profile_saved},
                                 {"can_edit", s.can_edit}});
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetPark(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("park not found"));
  auto r = d.parks.Get(*id);
  return r ? JsonResponse(200, ProfileJson(*r, d.parks.CanEdit(*ctx.principal, *id)))
           : ErrorResponse(r.error());
}

http::Response SavePark(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("park not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  matching::ParkProfile p;
  p.unit_id = *id;
  p.positioning = in->Text("positioning", false, 500).value_or("");
  p.leading_industry_ids = IdList(*in, "leading_industry_ids").value_or(std::vector<int64_t>{});
  p.chain_node_ids = IdList(*in, "chain_node_ids").value_or(std::vector<int64_t>{});
  p.target_codes = in->StringArray("target_codes", false).value_or(std::vector<std::string>{});
  p.excluded_codes = in->StringArray("excluded_codes", false).value_or(std::vector<std::string>{});
  p.redline_codes = in->StringArray("redline_codes", false).value_or(std::vector<std::string>{});
  p.redline_note = in->String("redline_note", false, 200).value_or("");
  p.min_intensity_yuan_per_mu = Amount(*in, "min_intensity_yuan_per_mu");
  p.min_tax_yuan_per_mu = Amount(*in, "min_tax_yuan_per_mu");
  p.min_output_yuan_per_mu = Amount(*in, "min_output_yuan_per_mu");
  p.power_kva = Amount(*in, "power_kva");
  p.water_t_per_day = Amount(*in, "water_t_per_day");
  p.gas_m3_per_day = Amount(*in, "gas_m3_per_day");
  p.steam_t_per_hour = Amount(*in, "steam_t_per_hour");
  p.facilities = in->Text("facilities", false, 2000).value_or("");
  p.policies = in->Text("policies", false, 2000).value_or("");
  if (auto list = ReadContacts(*in, in->raw())) {
    if (list->size() > 5) in->AddError("contacts", "too_many");
    for (const auto& k : *list) {
      if (Utf8Length(k.name) > 20 || Utf8Length(k.phone) > 20 || Utf8Length(k.title) > 20)
        in->AddError("contacts", "too_long");
      p.contacts.push_back({k.name, k.phone, k.title});
    }
  }
  p.version = in->Int("version", true).value_or(0);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.parks.Save(*ctx.principal, p, ctx.Actor());
  return r ? JsonResponse(200, ProfileJson(*r, d.parks.CanEdit(*ctx.principal, *id)))
           : ErrorResponse(r.error());
}

// Reads carrier fields over `k` (a PATCH changes only what it names).
void ReadCarrier(JsonInput& in, matching::Carrier& k, bool create) {
  if (auto v = in.String("kind", create, 10)) k.kind = *v;
  if (auto v = in.String("name", create, 50)) k.name = *v;
  if (auto v = in.String("status", create, 10)) k.status = *v;
  if (auto v = in.String("land_use", false, 20)) k.land_use = *v;
  if (auto v = in.String("lease", false, 10)) k.lease = *v;
  if (auto v = in.String("note", false, 200)) k.note = *v;
  if (in.IsNull("ready_date")) k.ready_date.reset();
  if (auto v = in.String("ready_date", false, 10)) {
    if (!v->empty() && !IsIsoDate(*v)) in.AddError("ready_date", "invalid_value");
    k.ready_date = v->empty() ? std::nullopt : std::optional(*v);
  }
  for (auto [key, field] :
       {std::pair{"area_mu_x100", &k.area_mu_x100},
        std::pair{"price_yuan_per_mu", &k.price_yuan_per_mu},
        std::pair{"floor_area_m2", &k.floor_area_m2}, std::pair{"floors", &k.floors},
        std::pair{"floor_load_kg_m2", &k.floor_load_kg_m2},
        std::pair{"rent_yuan_per_m2_month", &k.rent_yuan_per_m2_month},
        std::pair{"sale_yuan_per_m2", &k.sale_yuan_per_m2}})
    if (in.raw().contains(key)) *field = Amount(in, key);
}

http::Response AddCarrier(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("park not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  matching::Carrier k;
  k.land_use.clear();
  k.lease.clear();
  ReadCarrier(*in, k, true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.parks.AddCarrier(*ctx.principal, *id, k, ctx.Actor());
  return r ? JsonResponse(201, CarrierJson(*r)) : ErrorResponse(r.error());
}

http::Response UpdateCarrier(const Deps& d, RequestContext& ctx) {
  auto unit = ctx.IdParam(0);
  auto id = ctx.IdParam(1);
  if (!unit || !id) return ErrorResponse(NotFound("carrier not found"));
  auto park = d.parks.Get(*unit);
  if (!park) return ErrorResponse(park.error());
  auto it = std::find_if(park->carriers.begin(), park->carriers.end(),
                         [&](const matching::Carrier& k) { return k.id == *id; });
  if (it == park->carriers.end()) return ErrorResponse(NotFound("carrier not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  matching::Carrier k = *it;
  ReadCarrier(*in, k, false);
  k.version = in->Int("version", true).value_or(0);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.parks.UpdateCarrier(*ctx.principal, *unit, k, ctx.Actor());
  return r ? JsonResponse(200, CarrierJson(*r)) : ErrorResponse(r.error());
}

http::Response DeleteCarrier(const Deps& d, RequestContext& ctx) {
  auto unit = ctx.IdParam(0);
  auto id = ctx.IdParam(1);
  if (!unit || !id) return ErrorResponse(NotFound("carrier not found"));
  std::string v = ctx.req.Query("version");
  auto version = ParseDigits(v);
  if (!version)
    return ErrorResponse(InvalidArgument({{"version", v.empty() ? "required" : "invalid_value"}}));
  auto st = d.parks.DeleteCarrier(*ctx.principal, *unit, *id, *version, ctx.Actor());
  return st ? http::NoContent() : ErrorResponse(st.error());
}

json::object WeightsJson(const matching::Weights& w, int64_t version) {
  return {{"industry", w.industry},
          {"carrier", w.carrier},
          {"threshold", w.threshold},
          {"utility", w.utility},
          {"version", version}};
}

http::Response GetWeights(const Deps& d, RequestContext& ctx) {
  int64_t version = 0;
  auto w = d.parks.GetWeights(&version);
  return JsonResponse(200, WeightsJson(w, version));
}

http::Response PutWeights(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  matching::Weights w;
  auto get = [&](const char* k, int& out) {
    auto v = in->Int(k, true);
    if (v && (*v < 0 || *v > 100)) in->AddError(k, "invalid_value");
    if (v) out = static_cast<int>(std::clamp<int64_t>(*v, 0, 100));
  };
  get("industry", w.industry);
  get("carrier", w.carrier);
  get("threshold", w.threshold);
  get("utility", w.utility);
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto st = d.parks.SaveWeights(w, *version, ctx.Actor());
  if (!st) return ErrorResponse(st.error());
  return GetWeights(d, ctx);
}

http::Response FitsResponse(const std::vector<matching::Fit>& fits) {
  json::array items;
  for (const auto& f : fits) items.push_back(FitJson(f));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response ProjectMatches(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("project not found"));
  auto v = d.projects.Get(*ctx.principal, *id);
  if (!v) return ErrorResponse(v.error());
  return FitsResponse(d.parks.Match(matching::NeedsOf(v->project)));
}

http::Response Preview(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  matching::Needs n;
  n.industry_code = in->String("industry_code", true, 10).value_or("");
  n.chain_node_id = in->Int("chain_node_id", false);
  n.fixed_investment = Amount(*in, "fixed_investment_yuan");
  n.land_mu_x100 = Amount(*in, "land_mu_x100");
  n.building_m2 = Amount(*in, "building_m2");
  n.power_kva = Amount(*in, "power_kva");
  n.annual_tax = Amount(*in, "annual_tax_yuan");
  n.annual_output = Amount(*in, "annual_output_yuan");
  // The rest of the lead form may come along; it does not change the fit.
  for (const auto& [k, _] : in->raw()) in->Mark(std::string(k));
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  if (!catalog::Industries::Embedded().Find(n.industry_code))
    return ErrorResponse(InvalidArgument({{"industry_code", "invalid_value"}}));
  return FitsResponse(d.parks.Match(n));
}

}  // namespace

void RegisterMatchingRoutes(AppRouter& r, matching::ParkService& parks,
                            pipeline::ProjectService& projects) {
  auto with = BindTo(Deps{parks, projects});
  r.Add("GET", "/api/v1/parks", matching::perm::kParkRead, with(ListParks));
  r.Add("GET", "/api/v1/parks/{id}", matching::perm::kParkRead, with(GetPark));
  r.Add("PUT", "/api/v1/parks/{id}", matching::perm::kParkWrite, with(SavePark));
  r.Add("POST", "/api/v1/parks/{id}/carriers", matching::perm::kParkWrite, with(AddCarrier));
  r.Add("PATCH", "/api/v1/parks/{id}/carriers/{id}", matching::perm::kParkWrite,
        with(UpdateCarrier));
  r.Add("DELETE", "/api/v1/parks/{id}/carriers/{id}", matching::perm::kParkWrite,
        with(DeleteCarrier));
  r.Add("GET", "/api/v1/matching/weights", matching::perm::kParkRead, with(GetWeights));
  r.Add("PUT", "/api/v1/matching/weights", "pipeline.settings", with(PutWeights));
  r.Add("POST", "/api/v1/matching/preview", "project.create", with(Preview));
  r.Add("GET", "/api/v1/projects/{id}/matches", "project.read", with(ProjectMatches));
}

}  // namespace zhaoshang
