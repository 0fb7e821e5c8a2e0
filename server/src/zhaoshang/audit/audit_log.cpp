#include "zhaoshang/audit/audit_log.hpp"

#include "zhaoshang/core/random.hpp"

namespace zhaoshang::audit {
namespace {
Record FromRow(const db::Row& r) {
  Record x;
  x.id = r.Int(0);
  x.at = r.Int(1);
  x.actor_id = r.OptInt(2).value_or(0);
  x.actor_login = r.Text(3);
  x.unit_name = r.Text(4);
  x.source = r.Text(5);
  x.action = r.Text(6);
  x.object_type = r.Text(7);
  x.object_id = r.Text(8);
  x.diff_json = r.Text(9);
  x.request_id = r.Text(10);
  x.prev_hash = r.Text(11);
  x.hash = r.Text(12);
  x.chain_version = r.Int(13);
  return x;
}

constexpr const char* kColumns =
    "id, at, actor_id, actor_login, unit_name, source, action, object_type, object_id, diff, "
    "request_id, prev_hash, hash, chain_version";
}  // namespace

void AppendField(std::string& out, const std::string& v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += '|';
}

std::string ChainInput(const Record& r) {
  std::string s;
  // Version 1 rows keep their old text so that logs written before 0006 still verify.
  if (r.chain_version >= 2) AppendField(s, "v2:" + std::to_string(r.id));
  AppendField(s, r.prev_hash);
  AppendField(s, std::to_string(r.at));
  AppendField(s, std::to_string(r.actor_id));
  AppendField(s, r.actor_login);
  AppendField(s, r.unit_name);
  AppendField(s, r.source);
  AppendField(s, r.action);
  AppendField(s, r.object_type);
  AppendField(s, r.object_id);
  AppendField(s, r.diff_json);
  AppendField(s, r.request_id);
  return s;
}

void LockChain(db::Connection& c) {
  if (c.dialect() == db::Dialect::kPostgres) c.Query("SELECT pg_advisory_xact_lock(7402)");
}

void Append(db::Connection& c, int64_t now_ms, const Actor& actor, const Entry& e) {
  // Serialise appenders on PostgreSQL; SQLite write transactions are serialised already.
  LockChain(c);
  Record r;
  auto prev = c.Query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (prev.empty()) {
    // The very first row, or everything before was archived: continue from the archive.
    prev = c.Query("SELECT last_id, last_hash FROM audit_archives ORDER BY id DESC LIMIT 1");
  }
  r.id = prev.empty() ? 1 : prev[0].Int(0) + 1;
  r.prev_hash = prev.empty() ? kGenesisHash : prev[0].Text(1);
  r.at = now_ms;
  r.actor_id = actor.user_id;
  r.actor_login = actor.login;
  r.unit_name = actor.unit_name;
  r.source = actor.source;
  r.action = e.action;
  r.object_type = e.object_type;
  r.object_id = e.object_id;
  r.diff_json = e.diff_json;
  r.request_id = actor.request_id;
  r.chain_version = kChainVersion;
  r.hash = Sm3Hex(ChainInput(r));
  c.Execute(
      "INSERT INTO audit_log(id, at, actor_id, actor_login, unit_name, source, action, "
      "object_type, object_id, diff, request_id, prev_hash, hash, chain_version) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      {r.id, r.at, r.actor_id ? db::Param(r.actor_id) : db::Param(nullptr), r.actor_login,
       r.unit_name, r.source, r.action, r.object_type, r.object_id, r.diff_json, r.request_id,
       r.prev_hash, r.hash, r.chain_version});
}

std::vector<Record> Search(db::Connection& c, const Filter& f, int64_t* total) {
  std::string where = " WHERE 1=1";
  db::Params p;
  if (!f.actor.empty()) {
    where += " AND actor_login = ?";
    p.emplace_back(f.actor);
  }
  if (!f.action.empty()) {
    where += " AND action = ?";
    p.emplace_back(f.action);
  }
  if (!f.object_type.empty()) {
    where += " AND object_type = ?";
    p.emplace_back(f.object_type);
  }
  if (f.from_ms) {
    where += " AND at >= ?";
    p.emplace_back(*f.from_ms);
  }
  if (f.to_ms) {
    where += " AND at < ?";
    p.emplace_back(*f.to_ms);
  }
  if (total) *total = c.QueryInt("SELECT COUNT(*) FROM audit_log" + where, p).value_or(0);
  p.emplace_back(f.limit);
  p.emplace_back(f.offset);
  auto rs = c.Query(std::string("SELECT ") + kColumns + " FROM audit_log" + where +
                        " ORDER BY id DESC LIMIT ? OFFSET ?",
                    p);
  std::vector<Record> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(FromRow(rs[i]));
  return out;
}

std::vector<Record> RowsAfter(db::Connection& c, int64_t after, int64_t limit) {
  auto rs = c.Query(
      std::string("SELECT ") + kColumns + " FROM audit_log WHERE id > ? ORDER BY id LIMIT ?",
      {after, limit});
  std::vector<Record> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(FromRow(rs[i]));
  return out;
}

}  // namespace zhaoshang::audit
