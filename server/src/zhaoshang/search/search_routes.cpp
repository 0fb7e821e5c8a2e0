// Routes: GET /api/v1/search — one box over the guide, the policies, the park cards and the Q&A.
#include "zhaoshang/search/search_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/search/search_service.hpp"

namespace zhaoshang::search {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  SearchService& search;
};

json::array Segments(const std::vector<Segment>& segs) {
  json::array a;
  for (const auto& s : segs) a.push_back(json::object{{"text", s.text}, {"hit", s.hit}});
  return a;
}

// ?q=…&kinds=article,policy&limit=20
http::Response Find(const Deps& d, RequestContext& ctx) {
  std::string q = ctx.req.Query("q");
  if (!SanitizeText(q, TextKind::kLine))
    return ErrorResponse(InvalidArgument({{"q", "invalid_value"}}));
  std::map<std::string, std::string> bad;
  std::vector<std::string> kinds = ReadCodeList(ctx.req, "kinds", d.search.KindNames(), &bad);
  if (!bad.empty()) return ErrorResponse(InvalidArgument(bad));
  int limit = 20;
  if (const std::string l = ctx.req.Query("limit"); !l.empty()) {
    auto n = ParseDigits(l);
    if (!n || *n < 1 || *n > kMaxHits)
      return ErrorResponse(InvalidArgument({{"limit", "invalid_value"}}));
    limit = static_cast<int>(*n);
  }
  auto r = d.search.Search(*ctx.principal, q, kinds, limit);
  if (!r) return ErrorResponse(r.error());
  json::array items, searched;
  for (const auto& k : r->kinds) searched.emplace_back(k);
  for (const auto& h : r->hits)
    items.push_back(json::object{{"kind", h.kind},
                                 {"ref_id", h.ref_id},
                                 {"title", h.title},
                                 {"title_segments", Segments(h.title_segments)},
                                 {"snippet", Segments(h.snippet)},
                                 {"updated_at", h.updated_at}});
  return JsonResponse(200, json::object{{"q", q},
                                        {"kinds", std::move(searched)},
                                        {"items", std::move(items)},
                                        {"more", r->more}});
}
}  // namespace

void RegisterSearchRoutes(AppRouter& r, SearchService& search, const char* permission) {
  auto with = BindTo(Deps{search});
  r.Add("GET", "/api/v1/search", permission, with(Find));
}

}  // namespace zhaoshang::search
