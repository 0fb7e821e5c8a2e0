#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::review {
class ReviewService;
}
namespace zhaoshang {
// /api/v1/review/*: panels, criteria, rounds and score sheets.
void RegisterReviewRoutes(AppRouter& r, review::ReviewService& review);
}  // namespace zhaoshang
