// Routes: /api/v1/catalog/*
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <sstream>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/catalog/catalog_data.hpp"
#include "zhaoshang/catalog/catalog_routes.hpp"
#include "zhaoshang/catalog/catalog_service.hpp"
#include "zhaoshang/catalog/industries.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  catalog::CatalogService& catalog;
};

json::object NodeJson(const catalog::ChainNode& n) {
  json::array codes;
  for (const auto& c : n.codes) codes.emplace_back(c);
  return {{"id", n.id},
          {"segment", n.segment},
          {"name", n.name},
          {"codes", std::move(codes)},
          {"version", n.version}};
}
json::object IndustryJson(const catalog::LeadingIndustry& li) {
  json::array nodes;
  for (const auto& n : li.nodes) nodes.push_back(NodeJson(n));
  return {{"id", li.id},
          {"name", li.name},
          {"description", li.description},
          {"version", li.version},
          {"nodes", std::move(nodes)}};
}

// The catalog never changes while the server runs: serialise it once, with an ETag.
const std::string& IndustriesBody() {
  static const std::string body = [] {
    json::array items;
    for (const auto& i : catalog::Industries::Embedded().all())
      items.push_back(
          json::object{{"code", i.code},
                       {"level", i.level},
                       {"parent", i.parent.empty() ? json::value(nullptr) : json::value(i.parent)},
                       {"name", i.name}});
    return json::serialize(json::object{{"items", std::move(items)}});
  }();
  return body;
}

// Investor origins (data/regions.csv): code, level, parent, name, foreign.
const std::string& RegionsBody() {
  static const std::string body = [] {
    json::array items;
    std::istringstream in(catalog::RegionsCsv());
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
      if (f.size() < 5) continue;
      items.push_back(
          json::object{{"code", f[0]},
                       {"level", std::stoi(f[1])},
                       {"parent", f[2].empty() ? json::value(nullptr) : json::value(f[2])},
                       {"name", f[3]},
                       {"foreign", f[4] == "1"}});
    }
    return json::serialize(json::object{{"items", std::move(items)}});
  }();
  return body;
}

// A body that never changes while the server runs, revalidated with its ETag.
http::Response Constant(RequestContext& ctx, const std::string& body) {
  const std::string etag = "\"" + Sha256Hex(body).substr(0, 16) + "\"";
  http::Response r;
  if (ctx.req.Header("if-none-match") == etag) {
    r.status = 304;
    r.content_type.clear();
  } else {
    r.body = body;
  }
  ctx.extra_headers.emplace_back("ETag", etag);
  ctx.extra_headers.emplace_back("Cache-Control", "private, no-cache");  // revalidate with the ETag
  return r;
}

http::Response Industries(const Deps&, RequestContext& ctx) {
  return Constant(ctx, IndustriesBody());
}
http::Response Regions(const Deps&, RequestContext& ctx) { return Constant(ctx, RegionsBody()); }

http::Response ListLeading(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& li : d.catalog.List()) items.push_back(IndustryJson(li));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response CreateLeading(const Deps& d, RequestContext& ctx) {
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto name = in->String("name", true, 50);
  auto desc = in->Text("description", false, 500);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.catalog.CreateIndustry(ctx.Actor(), *name, desc.value_or(""));
  return r ? JsonResponse(201, IndustryJson(*r)) : ErrorResponse(r.error());
}

http::Response UpdateLeading(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound());
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto name = in->String("name", false, 50);
  auto desc = in->Text("description", false, 500);
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.catalog.UpdateIndustry(ctx.Actor(), *id, name, desc, *version);
  return r ? JsonResponse(200, IndustryJson(*r)) : ErrorResponse(r.error());
}

http::Response CreateNode(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound());
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto segment = in->String("segment", true, 20);
  auto name = in->String("name", true, 50);
  auto codes = in->StringArray("codes", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.catalog.CreateNode(ctx.Actor(), *id, *segment, *name, *codes);
  return r ? JsonResponse(201, NodeJson(*r)) : ErrorResponse(r.error());
}

http::Response UpdateNode(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound());
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto segment = in->String("segment", false, 20);
  auto name = in->String("name", false, 50);
  auto codes = in->StringArray("codes", false);
  auto version = in->Int("version", true);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.catalog.UpdateNode(ctx.Actor(), *id, segment, name, codes, *version);
  return r ? JsonResponse(200, NodeJson(*r)) : ErrorResponse(r.error());
}

// DELETE …?version=N: the version travels in the query (DELETE has no body).
template <typename F>
http::Response DeleteVersioned(RequestContext& ctx, F&& del) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound());
  std::string v = ctx.req.Query("version");
  auto version = ParseDigits(v);
  if (!version)
    return ErrorResponse(InvalidArgument({{"version", v.empty() ? "required" : "invalid_value"}}));
  Status st = del(*id, *version);
  return st ? http::NoContent() : ErrorResponse(st.error());
}

http::Response DeleteNode(const Deps& d, RequestContext& ctx) {
  return DeleteVersioned(
      ctx, [&](int64_t id, int64_t v) { return d.catalog.DeleteNode(ctx.Actor(), id, v); });
}

http::Response DeleteLeading(const Deps& d, RequestContext& ctx) {
  return DeleteVersioned(
      ctx, [&](int64_t id, int64_t v) { return d.catalog.DeleteIndustry(ctx.Actor(), id, v); });
}
}  // namespace

void RegisterCatalogRoutes(AppRouter& r, catalog::CatalogService& catalog) {
  auto with = BindTo(Deps{catalog});
  r.Add("GET", "/api/v1/catalog/industries", "catalog.read", with(Industries));
  r.Add("GET", "/api/v1/catalog/regions", "catalog.read", with(Regions));
  r.Add("GET", "/api/v1/catalog/leading-industries", "catalog.read", with(ListLeading));
  r.Add("POST", "/api/v1/catalog/leading-industries", "catalog.write", with(CreateLeading));
  r.Add("PATCH", "/api/v1/catalog/leading-industries/{id}", "catalog.write", with(UpdateLeading));
  r.Add("DELETE", "/api/v1/catalog/leading-industries/{id}", "catalog.write", with(DeleteLeading));
  r.Add("POST", "/api/v1/catalog/leading-industries/{id}/nodes", "catalog.write", with(CreateNode));
  r.Add("PATCH", "/api/v1/catalog/chain-nodes/{id}", "catalog.write", with(UpdateNode));
  r.Add("DELETE", "/api/v1/catalog/chain-nodes/{id}", "catalog.write", with(DeleteNode));
}

}  // namespace zhaoshang
