#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::org {
class OrgService;
}
namespace zhaoshang {
// /api/v1/org/units, /api/v1/roles, /api/v1/users.
void RegisterOrgRoutes(AppRouter& r, org::OrgService& org);
}  // namespace zhaoshang
