#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::matching {
class ParkService;
}
namespace zhaoshang::pipeline {
class ProjectService;
}
namespace zhaoshang {
// /api/v1/parks*, /api/v1/matching/*, /api/v1/projects/{id}/matches.
void RegisterMatchingRoutes(AppRouter& r, matching::ParkService& parks,
                            pipeline::ProjectService& projects);
}  // namespace zhaoshang
