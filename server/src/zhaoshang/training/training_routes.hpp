#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::training {
class CourseService;
class SessionService;
// /api/v1/training/*.
void RegisterTrainingRoutes(AppRouter& r, CourseService& courses, SessionService& sessions);
}  // namespace zhaoshang::training
