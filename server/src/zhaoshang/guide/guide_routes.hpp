#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::guide {
class ChecklistService;
class ArticleService;
class QaService;
// /api/v1/guide/*, /api/v1/checklists*, /api/v1/projects/{id}/checklist*.
void RegisterGuideRoutes(AppRouter& r, ChecklistService& checklists, ArticleService& articles,
                         QaService& questions);
}  // namespace zhaoshang::guide
