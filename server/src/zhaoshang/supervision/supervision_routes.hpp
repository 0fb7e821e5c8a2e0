#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang::clocks {
class ClockService;
}
namespace zhaoshang::supervision {
class SupervisionService;
}
namespace zhaoshang {
// /api/v1/supervision*: issue, list, read, reply, close, reopen.
void RegisterSupervisionRoutes(AppRouter& r, supervision::SupervisionService& supervision,
                               clocks::ClockService& clocks);
}  // namespace zhaoshang
