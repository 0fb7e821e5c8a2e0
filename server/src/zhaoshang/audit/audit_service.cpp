#include "zhaoshang/audit/audit_service.hpp"

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/audit/diff.hpp"

namespace zhaoshang::audit {
namespace {
// Object ids are text (a failed login names the login typed); only decimal ids have names.
std::optional<int64_t> NumericId(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(s);
}
}  // namespace

void AuditService::AddNamer(const std::string& object_type, Namer namer) {
  namers_[object_type] = std::move(namer);
}

std::vector<Record> AuditService::Search(const Filter& f, int64_t* total) {
  auto c = db_.Acquire();
  return store::Search(*c, f, total);
}

std::vector<NamedRecord> AuditService::SearchNamed(const Filter& f, int64_t* total) {
  auto c = db_.Acquire();
  std::vector<NamedRecord> rows;
  for (auto& r : store::Search(*c, f, total)) rows.push_back({std::move(r), "", ""});
  Name(*c, rows);
  return rows;
}

void AuditService::Name(db::Connection& c, std::vector<NamedRecord>& rows) {
  // Ids per object type; the actors are users, asked for with the user objects.
  std::map<std::string, std::set<int64_t>> wanted;
  for (const auto& r : rows) {
    if (r.record.actor_id) wanted["user"].insert(r.record.actor_id);
    if (auto id = NumericId(r.record.object_id)) wanted[r.record.object_type].insert(*id);
  }
  // A page (≤ 200 rows) is one query per type; an export asks in chunks the engines' parameter
  // limits take.
  constexpr size_t kChunk = 500;
  std::map<std::string, std::map<int64_t, std::string>> names;
  for (const auto& [type, ids] : wanted) {
    auto it = namers_.find(type);
    if (it == namers_.end()) continue;
    std::set<int64_t> chunk;
    for (int64_t id : ids) {
      chunk.insert(id);
      if (chunk.size() == kChunk || id == *ids.rbegin()) {
        names[type].merge(it->second(c, chunk));
        chunk.clear();
      }
    }
  }
  auto find = [&](const std::string& type, int64_t id) -> std::string {
    auto t = names.find(type);
    if (t == names.end()) return "";
    auto n = t->second.find(id);
    return n == t->second.end() ? "" : n->second;
  };
  for (auto& r : rows) {
    if (r.record.actor_id) r.actor_name = find("user", r.record.actor_id);
    if (auto id = NumericId(r.record.object_id)) r.object_name = find(r.record.object_type, *id);
  }
}

void AuditService::RecordExport(int64_t now_ms, const Actor& actor, int64_t rows,
                                const std::string& query) {
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  Diff d;
  d.Created("rows", std::to_string(rows)).Created("query", query);
  Append(*c, now_ms, actor, {"audit.export", "audit_log", "export", d.Json()});
  tx.Commit();
}

VerifyResult AuditService::Verify() {
  auto c = db_.Acquire();
  return audit::Verify(*c, LoadKey(key_), anchor_file_);
}

}  // namespace zhaoshang::audit
