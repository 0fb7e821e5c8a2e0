#pragma once
// What the audit administrator's routes ask of the audit log: a search and a verification.
// Writing rows is audit_log.hpp's (every module's services call it inside their transactions).
#include <cstdint>
#include <functional>
#include <map>
#include <set>
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

  // The names of one type of object by id, read by the module that owns them: the audit log
  // knows no other module's tables. Registered when the App is built, before any request.
  using Namer =
      std::function<std::map<int64_t, std::string>(db::Connection&, const std::set<int64_t>& ids)>;
  void AddNamer(const std::string& object_type, Namer namer);

  // Newest first, a page; *total counts every match.
  std::vector<Record> Search(const Filter& f, int64_t* total);
  // The same page with the actors' and objects' names: one query per kind of object on the
  // page (the actors are users), never one per row.
  std::vector<NamedRecord> SearchNamed(const Filter& f, int64_t* total);
  // Data leaving the system is audited: who exported how many rows with which filters.
  void RecordExport(int64_t now_ms, const Actor& actor, int64_t rows, const std::string& query);
  VerifyResult Verify();

 private:
  void Name(db::Connection& c, std::vector<NamedRecord>& rows);

  db::Database& db_;
  std::map<std::string, Namer> namers_;
  KeySource key_;
  std::string anchor_file_;
};

}  // namespace zhaoshang::audit
