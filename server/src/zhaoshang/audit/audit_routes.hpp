#pragma once
#include "zhaoshang/app/request_context.hpp"

namespace zhaoshang {
namespace audit {
class AuditService;
}
// /api/v1/audit: the search and the verification (audit administrator only).
void RegisterAuditRoutes(AppRouter& r, audit::AuditService& audit);
}  // namespace zhaoshang
