#pragma once
// 审计日志 Excel: the rows of an audit search, as the audit page shows them — time, who by name,
// the action in Chinese (audit_actions), the object by name — with the raw codes beside them.
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_types.hpp"

namespace zhaoshang::reports {

std::string AuditXlsx(const std::vector<audit::NamedRecord>& rows);

}  // namespace zhaoshang::reports
