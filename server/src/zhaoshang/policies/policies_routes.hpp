#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::policies {
class PolicyService;
// /api/v1/policies*, /api/v1/projects/{id}/policies.
void RegisterPolicyRoutes(AppRouter& r, PolicyService& policies);
}  // namespace zhaoshang::policies
