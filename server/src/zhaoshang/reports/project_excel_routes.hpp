#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::clocks {
class ClockService;
}
namespace zhaoshang::pipeline {
class ProjectService;
}
namespace zhaoshang {
// /api/v1/projects/export.xlsx, the import template, preview, commit and rejected-rows report.
void RegisterProjectExcelRoutes(AppRouter& r, pipeline::ProjectService& projects,
                                clocks::ClockService& clocks);
}  // namespace zhaoshang
