#pragma once
// What the audit administrator's routes ask of the audit log: a search and a verification.
// Writing rows is audit_log.hpp's (every module's services call it inside their transactions).
#include <cstdint>
#include <string>
#include <vector>

#include "zhaoshang/audit/audit_anchor.hpp"
#include "zhaoshang/audit/audit_types.hpp"
#include "zhaoshang/audit/audit_verify.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::audit {

class AuditService {
 public:
  // key: where the checkpoint key lives (a file or the environment); anchor_file: the head
  // copy outside the database.
  AuditService(db::Database& db, KeySource key, std::string anchor_file)
      : db_(db), key_(std::move(key)), anchor_file_(std::move(anchor_file)) {}

  // Newest first, a page; *total counts every match.
  std::vector<Record> Search(const Filter& f, int64_t* total);
  VerifyResult Verify();

 private:
  db::Database& db_;
  KeySource key_;
  std::string anchor_file_;
};

}  // namespace zhaoshang::audit
