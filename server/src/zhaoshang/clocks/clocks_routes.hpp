#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::clocks {
class ClockService;
}
namespace zhaoshang {
// /api/v1/calendar (the working-day calendar) and /api/v1/clocks (the clocks' durations).
void RegisterClocksRoutes(AppRouter& r, clocks::ClockService& clocks);
}  // namespace zhaoshang
