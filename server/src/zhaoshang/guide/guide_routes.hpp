#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::guide {
class ChecklistService;
class ArticleService;
// /api/v1/guide/*, /api/v1/checklists*, /api/v1/projects/{id}/checklist*.
void RegisterGuideRoutes(AppRouter& r, ChecklistService& checklists, ArticleService& articles);
}  // namespace zhaoshang::guide
