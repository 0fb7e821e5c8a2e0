#pragma once
// Routes: /api/v1/workbench — the first page after login. It composes what other modules own
// (the account and unit from org, the open pre-review rounds from review, the to-dos from
// pipeline, factors and clocks), so it lives with the App; its handler holds those services.
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/app/workbench_todos.hpp"

namespace zhaoshang {
namespace org {
class OrgService;
}
namespace review {
class ReviewService;
}

void RegisterWorkbenchRoutes(AppRouter& r, org::OrgService& org, review::ReviewService& review,
                             const TodoSources& todos);

}  // namespace zhaoshang
