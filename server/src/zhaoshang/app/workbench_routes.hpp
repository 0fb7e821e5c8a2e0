#pragma once
// Routes: /api/v1/workbench — the first page after login. It composes what other modules own
// (the account and unit from org, the open pre-review rounds from review), so it lives with
// the App; its handler holds those services, not the App.
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang {
namespace org {
class OrgService;
}
namespace review {
class ReviewService;
}

void RegisterWorkbenchRoutes(AppRouter& r, org::OrgService& org, review::ReviewService& review);

}  // namespace zhaoshang
