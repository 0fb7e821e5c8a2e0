#pragma once
// 我的待办: what the caller has to do next, across modules, each item one click from where it is
// done — projects in the caller's scope whose step deadline is due soon or overdue, routings
// waiting for the caller's park, factor requests in the caller's department's queue (for the
// coordinator: the ones departments could not resolve and the overdue ones), supervision items to
// reply to (and, for the issuer, replies to close), sorted by deadline
// with the clock's state. Every list comes from its module's service, in the caller's scope.
#include <boost/json/object.hpp>

#include "zhaoshang/auth/principal.hpp"

namespace zhaoshang {
namespace clocks {
class ClockService;
}
namespace factors {
class FactorService;
}
namespace pipeline {
class ProjectService;
class RoutingService;
}  // namespace pipeline
namespace supervision {
class SupervisionService;
}

struct TodoSources {
  pipeline::ProjectService& projects;
  pipeline::RoutingService& routing;
  factors::FactorService& factors;
  supervision::SupervisionService& supervision;
  clocks::ClockService& clocks;
};

// {"counts":{"projects","routings","factor_requests","supervision"},"items":[{"kind","id","title","detail",
// "deadline","clock","project_id"}]} — at most kTodoItems items per kind.
boost::json::object TodosJson(const TodoSources& s, const auth::Principal& who);
inline constexpr int64_t kTodoItems = 20;

}  // namespace zhaoshang
