#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::guide {
class ChecklistService;
// /api/v1/checklists*, /api/v1/projects/{id}/checklist*.
void RegisterGuideRoutes(AppRouter& r, ChecklistService& checklists);
}  // namespace zhaoshang::guide
