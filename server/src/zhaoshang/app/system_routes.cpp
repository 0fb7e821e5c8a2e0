// Routes: /api/v1/meta — what any page may read before logging in: the version, whether this is
// a demo installation, and the rule constants the web client needs (served, never copied).
#include <boost/json/object.hpp>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/render.hpp"
#include "zhaoshang/pipeline/pipeline_routes.hpp"

namespace zhaoshang {

void RegisterSystemRoutes(AppRouter& r) {
  r.Add("GET", "/api/v1/meta", http::kPublic, [](RequestContext& ctx) {
    return http::JsonResponse(200, boost::json::object{{"demo", ctx.app.demo()},
                                                       {"version", ZS_VERSION},
                                                       {"rules", PipelineRulesJson()}});
  });
}

}  // namespace zhaoshang
