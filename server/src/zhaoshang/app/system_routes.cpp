// Routes: /api/v1/meta — what any page may read before logging in: the version, whether this is
// a demo installation, the session limits (for the idle warning) and the rule constants the web
// client needs (served, never copied).
#include "zhaoshang/app/system_routes.hpp"

#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/pipeline/pipeline_routes.hpp"

namespace zhaoshang {
namespace {
struct Deps {
  const std::atomic<bool>& demo;
  int idle_minutes, absolute_hours;
};

http::Response Meta(const Deps& d, RequestContext&) {
  return http::JsonResponse(
      200,
      boost::json::object{{"demo", d.demo.load()},
                          {"version", ZS_VERSION},
                          {"session", boost::json::object{{"idle_minutes", d.idle_minutes},
                                                          {"absolute_hours", d.absolute_hours}}},
                          {"rules", PipelineRulesJson()}});
}
}  // namespace

void RegisterSystemRoutes(AppRouter& r, const std::atomic<bool>& demo, const Config& cfg) {
  auto with = BindTo(Deps{demo, cfg.session_idle_minutes, cfg.session_absolute_hours});
  r.Add("GET", "/api/v1/meta", http::kPublic, with(Meta));
}

}  // namespace zhaoshang
