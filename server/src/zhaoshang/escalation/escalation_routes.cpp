// Routes: /api/v1/escalations
#include "zhaoshang/escalation/escalation_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/escalation/escalation_rules.hpp"
#include "zhaoshang/escalation/escalation_service.hpp"

namespace zhaoshang {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  escalation::EscalationService& escalation;
};

http::Response List(const Deps& d, RequestContext& ctx) {
  auto page = ParsePage(ctx.req);
  if (!page) return ErrorResponse(page.error());
  int64_t total = 0;
  auto rows = d.escalation.List(*ctx.principal, page->offset, page->page_size, &total);
  if (!rows) return ErrorResponse(rows.error());
  json::array items;
  for (const auto& s : *rows)
    items.push_back(
        json::object{{"object_type", s.object_type},
                     {"object_id", s.object_id},
                     {"project_id", OptInt(s.project_id)},
                     {"title", s.title},
                     {"deadline", s.deadline},
                     {"tier", escalation::TierName(static_cast<escalation::Tier>(s.tier))},
                     {"unit_id", OptInt(s.unit_id)},
                     {"unit_name", s.unit_name},
                     {"at", s.at}});
  return JsonResponse(200, json::object{{"items", std::move(items)},
                                        {"total", total},
                                        {"page", page->page},
                                        {"page_size", page->page_size}});
}
}  // namespace

void RegisterEscalationRoutes(AppRouter& r, escalation::EscalationService& escalation) {
  auto with = BindTo(Deps{escalation});
  r.Add("GET", "/api/v1/escalations", "workbench.view", with(List));
}

}  // namespace zhaoshang
