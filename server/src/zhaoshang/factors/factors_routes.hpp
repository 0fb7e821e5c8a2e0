#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::clocks {
class ClockService;
}
namespace zhaoshang::factors {
class FactorService;
}
namespace zhaoshang {
// /api/v1/factor-types, /api/v1/factor-requests*, /api/v1/projects/{id}/factor-requests.
void RegisterFactorRoutes(AppRouter& r, factors::FactorService& factors,
                          clocks::ClockService& clocks);
}  // namespace zhaoshang
