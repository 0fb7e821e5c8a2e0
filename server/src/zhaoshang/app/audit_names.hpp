#pragma once
// Which module names which objects of the audit log: each kind of object the audit rows point
// at is named by the store of the module that owns it (the audit log reads no other tables).
#include "zhaoshang/audit/audit_service.hpp"

namespace zhaoshang {

void RegisterAuditNames(audit::AuditService& audit);

}  // namespace zhaoshang
