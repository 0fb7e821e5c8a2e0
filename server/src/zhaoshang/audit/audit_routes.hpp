#pragma once
#include "zhaoshang/app/request_context.hpp"
#include "zhaoshang/audit/audit_types.hpp"

namespace zhaoshang {
namespace audit {
class AuditService;
}
// /api/v1/audit: the search, the action codes and the verification (audit administrator only).
void RegisterAuditRoutes(AppRouter& r, audit::AuditService& audit);
// The filters shared by the search and the export: actor, action, object_type, object_id,
// from, to (epoch ms). Paging is the caller's.
Result<audit::Filter> ReadAuditFilter(const RequestContext& ctx);
}  // namespace zhaoshang
