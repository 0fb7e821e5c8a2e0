#include "zhaoshang/audit/audit_store.hpp"

namespace zhaoshang::audit::store {
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

constexpr const char* kCheckpointColumns = "seq, at, count, last_id, last_hash, mac";

Checkpoint CheckpointFrom(const db::Row& r) {
  return Checkpoint{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Text(4), r.Text(5)};
}

std::optional<ChainPos> PosFrom(const db::ResultSet& rs) {
  if (rs.empty()) return std::nullopt;
  ChainPos p;
  p.id = rs[0].Int(0);
  p.hash = rs[0].Text(1);
  return p;
}
}  // namespace

void LockChain(db::Connection& c) {
  if (c.dialect() == db::Dialect::kPostgres) c.Query("SELECT pg_advisory_xact_lock(7402)");
}

std::optional<ChainPos> Head(db::Connection& c) {
  return PosFrom(c.Query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
}

void InsertRecord(db::Connection& c, const Record& r) {
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
  if (!f.object_id.empty()) {
    where += " AND object_id = ?";
    p.emplace_back(f.object_id);
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

std::vector<Record> ObjectHistory(db::Connection& c, const std::string& object_type,
                                  const std::string& object_id,
                                  const std::vector<std::string>& actions, int64_t limit) {
  db::Params p{object_type, object_id};
  std::string in;
  for (const auto& a : actions) {
    in += in.empty() ? "?" : ",?";
    p.emplace_back(a);
  }
  p.emplace_back(limit);
  auto rs = c.Query(std::string("SELECT ") + kColumns +
                        " FROM audit_log WHERE object_type = ? AND object_id = ? AND action IN (" +
                        in + ") ORDER BY id DESC LIMIT ?",
                    p);
  std::vector<Record> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) out.push_back(FromRow(rs[i]));
  return out;
}

bool EverWritten(db::Connection& c) {
  return !c.Query("SELECT 1 FROM audit_log LIMIT 1").empty() ||
         !c.Query("SELECT 1 FROM audit_archives LIMIT 1").empty();
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

std::optional<std::string> RowHash(db::Connection& c, int64_t id) {
  auto rs = c.Query("SELECT hash FROM audit_log WHERE id = ?", {id});
  if (rs.empty()) return std::nullopt;
  return rs[0].Text(0);
}

int64_t ChainRowCount(db::Connection& c) {
  return c.QueryInt("SELECT COALESCE(SUM(count), 0) FROM audit_archives", {}).value_or(0) +
         c.QueryInt("SELECT COUNT(*) FROM audit_log", {}).value_or(0);
}

int64_t DeleteThrough(db::Connection& c, int64_t last_id) {
  return c.Execute("DELETE FROM audit_log WHERE id <= ?", {last_id});
}

std::optional<Checkpoint> CheckpointBySeq(db::Connection& c, int64_t seq) {
  auto rs = c.Query(
      std::string("SELECT ") + kCheckpointColumns + " FROM audit_checkpoints WHERE seq = ?", {seq});
  if (rs.empty()) return std::nullopt;
  return CheckpointFrom(rs[0]);
}

std::optional<Checkpoint> NewestCheckpoint(db::Connection& c) {
  auto rs = c.Query(std::string("SELECT ") + kCheckpointColumns +
                    " FROM audit_checkpoints ORDER BY seq DESC LIMIT 1");
  if (rs.empty()) return std::nullopt;
  return CheckpointFrom(rs[0]);
}

std::vector<Checkpoint> CheckpointsAfter(db::Connection& c, int64_t after_seq, int64_t limit) {
  auto rs = c.Query(
      "SELECT seq, at, count, last_id, last_hash, mac FROM audit_checkpoints WHERE seq > ? "
      "ORDER BY seq LIMIT ?",
      {after_seq, limit});
  std::vector<Checkpoint> out;
  for (size_t k = 0; k < rs.size(); ++k) out.push_back(CheckpointFrom(rs[k]));
  return out;
}

std::map<int64_t, std::string> CheckpointHashes(db::Connection& c, int64_t first_id,
                                                int64_t last_id) {
  auto rs =
      c.Query("SELECT last_id, last_hash FROM audit_checkpoints WHERE last_id BETWEEN ? AND ?",
              {first_id, last_id});
  std::map<int64_t, std::string> out;
  for (size_t i = 0; i < rs.size(); ++i) out[rs[i].Int(0)] = rs[i].Text(1);
  return out;
}

void InsertCheckpoint(db::Connection& c, const Checkpoint& cp) {
  c.Execute(
      "INSERT INTO audit_checkpoints(seq, at, count, last_id, last_hash, mac) "
      "VALUES (?,?,?,?,?,?)",
      {cp.seq, cp.at, cp.count, cp.last_id, cp.last_hash, cp.mac});
}

std::vector<ArchiveEntry> Archives(db::Connection& c) {
  auto rs = c.Query(
      "SELECT id, at, first_id, last_id, count, prev_hash, last_hash, file_name, file_sm3, mac "
      "FROM audit_archives ORDER BY id");
  std::vector<ArchiveEntry> out;
  for (size_t i = 0; i < rs.size(); ++i) {
    auto r = rs[i];
    out.push_back(ArchiveEntry{r.Int(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Text(5),
                               r.Text(6), r.Text(7), r.Text(8), r.Text(9)});
  }
  return out;
}

std::optional<ChainPos> LastArchived(db::Connection& c) {
  return PosFrom(c.Query("SELECT last_id, last_hash FROM audit_archives ORDER BY id DESC LIMIT 1"));
}

int64_t ArchivedTo(db::Connection& c) {
  return c.QueryInt("SELECT COALESCE(MAX(last_id), 0) FROM audit_archives", {}).value_or(0);
}

void InsertArchive(db::Connection& c, const ArchiveEntry& e) {
  c.Execute(
      "INSERT INTO audit_archives(id, at, first_id, last_id, count, prev_hash, last_hash, "
      "file_name, file_sm3, mac) VALUES (?,?,?,?,?,?,?,?,?,?)",
      {e.id, e.at, e.first_id, e.last_id, e.count, e.prev_hash, e.last_hash, e.file_name,
       e.file_sm3, e.mac});
}

}  // namespace zhaoshang::audit::store
