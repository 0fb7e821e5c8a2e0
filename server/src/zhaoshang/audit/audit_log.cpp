#include "zhaoshang/audit/audit_log.hpp"

#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang::audit {

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

void LockChain(db::Connection& c) { store::LockChain(c); }

void Append(db::Connection& c, int64_t now_ms, const Actor& actor, const Entry& e) {
  // Serialise appenders on PostgreSQL; SQLite write transactions are serialised already.
  LockChain(c);
  Record r;
  auto prev = store::Head(c);
  // The very first row, or everything before was archived: continue from the archive.
  if (!prev) prev = store::LastArchived(c);
  r.id = prev ? prev->id + 1 : 1;
  r.prev_hash = prev ? prev->hash : kGenesisHash;
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
  store::InsertRecord(c, r);
}

std::vector<Record> RowsAfter(db::Connection& c, int64_t after, int64_t limit) {
  return store::RowsAfter(c, after, limit);
}

}  // namespace zhaoshang::audit
