#pragma once
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/core/clock.hpp"

namespace zhaoshang::audit {
class AuditService;
}
namespace zhaoshang::clocks {
class ClockService;
}
namespace zhaoshang {
// /api/v1/audit/export.xlsx: the filtered audit rows as a workbook (audit administrator).
void RegisterAuditExcelRoutes(AppRouter& r, audit::AuditService& audit,
                              clocks::ClockService& clocks, const Clock& clock);
}  // namespace zhaoshang
