#include "zhaoshang/audit/audit_service.hpp"

#include "zhaoshang/audit/audit_store.hpp"

namespace zhaoshang::audit {

std::vector<Record> AuditService::Search(const Filter& f, int64_t* total) {
  auto c = db_.Acquire();
  return store::Search(*c, f, total);
}

VerifyResult AuditService::Verify() {
  auto c = db_.Acquire();
  return audit::Verify(*c, LoadKey(key_), anchor_file_);
}

}  // namespace zhaoshang::audit
