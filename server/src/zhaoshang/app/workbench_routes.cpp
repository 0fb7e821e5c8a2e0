#include "zhaoshang/app/workbench_routes.hpp"

#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/org/org_service.hpp"
#include "zhaoshang/review/review_render.hpp"
#include "zhaoshang/review/review_service.hpp"

namespace zhaoshang {
namespace json = boost::json;

namespace {
struct Deps {
  org::OrgService& org;
  review::ReviewService& review;
  TodoSources todos;
};

http::Response Workbench(const Deps& d, RequestContext& ctx) {
  const auto& p = *ctx.principal;
  auto user = d.org.GetUser(p.user_id);
  json::object unit{{"id", p.unit_id}, {"name", p.unit_name}};
  for (const auto& u : d.org.ListUnits())
    if (u.id == p.unit_id) unit = UnitJson(u);
  return http::JsonResponse(
      200,
      json::object{{"user", PrincipalJson(p)},
                   {"unit", std::move(unit)},
                   {"stats", json::object{{"users_in_unit", d.org.CountUsersInUnit(p.unit_id)}}},
                   {"last_login_at", OptInt(user ? user->last_login_at : std::nullopt)},
                   {"review_rounds", OpenRoundsJson(d.review, p)},
                   {"todos", TodosJson(d.todos, p)}});
}
}  // namespace

void RegisterWorkbenchRoutes(AppRouter& r, org::OrgService& org, review::ReviewService& review,
                             const TodoSources& todos) {
  auto with = BindTo(Deps{org, review, todos});
  r.Add("GET", "/api/v1/workbench", "workbench.view", with(Workbench));
}

}  // namespace zhaoshang
