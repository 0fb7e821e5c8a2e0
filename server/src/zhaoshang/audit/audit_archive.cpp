#include "zhaoshang/audit/audit_archive.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include <boost/json.hpp>

#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang::audit {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {
constexpr int64_t kPage = 2000;

std::string N(int64_t v) { return std::to_string(v); }

Error Refused(std::string message) {
  return Error{ErrorCode::kInvalidArgument, "audit_archive", std::move(message)};
}

// An archive file being written: removed unless kept.
class PartFile {
 public:
  explicit PartFile(std::string path) : path_(std::move(path)) {
    f_ = std::fopen(path_.c_str(), "wbx");  // x: never clobber
  }
  ~PartFile() {
    if (f_) std::fclose(f_);
    if (!kept_) std::remove(path_.c_str());
  }
  bool ok() const { return f_ != nullptr; }
  bool Write(const std::string& s) { return std::fwrite(s.data(), 1, s.size(), f_) == s.size(); }
  bool Sync() {
    bool ok = std::fflush(f_) == 0 && ::fsync(fileno(f_)) == 0;
    ok = std::fclose(f_) == 0 && ok;
    f_ = nullptr;
    return ok;
  }
  void Keep() { kept_ = true; }

 private:
  std::string path_;
  FILE* f_ = nullptr;
  bool kept_ = false;
};
}  // namespace

std::string ArchiveInput(const ArchiveEntry& a) {
  std::string s;
  AppendField(s, "zhaoshang-audit-archive-v1");
  AppendField(s, N(a.id));
  AppendField(s, N(a.at));
  AppendField(s, N(a.first_id));
  AppendField(s, N(a.last_id));
  AppendField(s, N(a.count));
  AppendField(s, a.prev_hash);
  AppendField(s, a.last_hash);
  AppendField(s, a.file_sm3);
  return s;
}

std::string ArchiveMac(const std::string& key, const ArchiveEntry& a) {
  return HmacSm3Hex(key, ArchiveInput(a));
}

std::vector<ArchiveEntry> ListArchives(db::Connection& c) { return store::Archives(c); }

std::optional<int64_t> ParseDateUtc(const std::string& s) {
  if (!IsIsoDate(s)) return std::nullopt;  // the one validator ("2026-+1-+1" is no date)
  return UtcDayStartMs(s);
}

int64_t LatestArchiveCutoff(int64_t now_ms) {
  int64_t today = now_ms - ((now_ms % kDayMs) + kDayMs) % kDayMs;
  return today - kRetentionDays * kDayMs;
}

std::string RowToJsonLine(const Record& r) {
  return json::serialize(
             json::object{{"id", r.id},
                          {"at", r.at},
                          {"actor_id", r.actor_id ? json::value(r.actor_id) : json::value(nullptr)},
                          {"actor_login", r.actor_login},
                          {"unit_name", r.unit_name},
                          {"source", r.source},
                          {"action", r.action},
                          {"object_type", r.object_type},
                          {"object_id", r.object_id},
                          {"diff", r.diff_json},
                          {"request_id", r.request_id},
                          {"prev_hash", r.prev_hash},
                          {"hash", r.hash},
                          {"chain_version", r.chain_version}}) +
         "\n";
}

Result<Record> RowFromJsonLine(const std::string& line) {
  boost::system::error_code ec;
  json::value v = json::parse(line, ec);
  Record r;
  try {
    if (ec) throw std::runtime_error("not JSON");
    const auto& o = v.as_object();
    auto text = [&](const char* k) { return json::value_to<std::string>(o.at(k)); };
    r.id = json::value_to<int64_t>(o.at("id"));
    r.at = json::value_to<int64_t>(o.at("at"));
    r.actor_id = o.at("actor_id").is_null() ? 0 : json::value_to<int64_t>(o.at("actor_id"));
    r.actor_login = text("actor_login");
    r.unit_name = text("unit_name");
    r.source = text("source");
    r.action = text("action");
    r.object_type = text("object_type");
    r.object_id = text("object_id");
    r.diff_json = text("diff");
    r.request_id = text("request_id");
    r.prev_hash = text("prev_hash");
    r.hash = text("hash");
    r.chain_version = json::value_to<int64_t>(o.at("chain_version"));
  } catch (const std::exception&) {
    return Fail(Refused("not an audit row"));
  }
  return r;
}

Result<ArchiveEntry> Archive(db::Connection& c, const Anchoring& a, const Actor& actor,
                             int64_t now_ms, int64_t before_ms, const std::string& out_file) {
  const int64_t latest = LatestArchiveCutoff(now_ms);
  if (before_ms > latest)
    return Fail(Refused("refused: audit rows are kept " + N(kRetentionDays) +
                        " days; --before must be " + DateOfMs(latest) + " or earlier"));
  if (fs::exists(out_file)) return Fail(Refused(out_file + " exists; archive into a new file"));
  // A log that does not verify is evidence: it is not moved anywhere.
  if (VerifyResult v = Verify(c, a.key, a.anchor_file); !v.ok)
    return Fail(Refused("the audit log does not verify (" + v.reason + "); nothing archived"));

  ArchiveEntry e;
  {
    db::Transaction tx(c, true);
    LockChain(c);
    auto archives = ListArchives(c);
    ChainPos pos;
    if (!archives.empty()) {
      pos.id = archives.back().last_id;
      pos.hash = archives.back().last_hash;
    }
    const std::string part = out_file + ".part";
    PartFile file(part);
    if (!file.ok()) return Fail(Refused("cannot create " + part));
    Sm3Stream sm3;
    bool done = false;
    for (int64_t after = pos.id; !done;) {
      auto rows = RowsAfter(c, after, kPage);
      if (rows.empty()) break;
      for (const Record& r : rows) {
        if (r.at >= before_ms) {
          done = true;  // a prefix of the chain: the rest stays, even older rows after it
          break;
        }
        if (e.count == 0) {
          e.first_id = r.id;
          e.prev_hash = r.prev_hash;
        }
        if (auto why = Follow(pos, r)) return Fail(Refused("row " + N(r.id) + ": " + *why));
        std::string line = RowToJsonLine(r);
        if (!file.Write(line)) return Fail(Refused("cannot write " + part));
        sm3.Update(line);
        ++e.count;
        after = r.id;
      }
    }
    if (e.count == 0)
      return Fail(Refused("nothing to archive: the oldest audit row is not before the date"));
    if (!file.Sync()) return Fail(Refused("cannot write " + part));
    e.id = archives.empty() ? 1 : archives.back().id + 1;
    e.at = now_ms;
    e.last_id = pos.id;
    e.last_hash = pos.hash;
    e.file_name = out_file;
    e.file_sm3 = sm3.HexFinal();
    e.mac = ArchiveMac(a.key, e);
    store::InsertArchive(c, e);
    json::object diff{{"archive", json::object{{"first_id", e.first_id},
                                               {"last_id", e.last_id},
                                               {"count", e.count},
                                               {"last_hash", e.last_hash},
                                               {"file", e.file_name},
                                               {"file_sm3", e.file_sm3}}}};
    Append(
        c, now_ms, actor,
        {"audit.archive", "audit_log", N(e.first_id) + "-" + N(e.last_id), json::serialize(diff)});
    try {
      // The retention trigger has the last word: it refuses rows younger than the period by
      // the database's clock, whatever clock this process runs on.
      int64_t deleted = store::DeleteThrough(c, e.last_id);
      if (deleted != e.count)
        return Fail(Refused("deleted " + N(deleted) + " rows, archived " + N(e.count)));
    } catch (const db::DbError& err) {
      return Fail(Refused(std::string("the database refused: ") + err.what()));
    }
    std::error_code ec;
    fs::rename(part, out_file, ec);
    if (ec) return Fail(Refused("cannot rename " + part + ": " + ec.message()));
    file.Keep();
    try {
      tx.Commit();
    } catch (...) {
      std::remove(out_file.c_str());
      throw;
    }
  }
  // Anchor the new head (the audit.archive row) right away.
  if (auto cp = WriteCheckpoint(c, a, now_ms); !cp) return Fail(cp.error());
  return e;
}

VerifyResult VerifyArchiveFile(db::Connection& c, const Result<std::string>& key,
                               const std::string& file) {
  VerifyResult v;
  auto broken = [&v](std::optional<int64_t> id, std::string why) {
    return v.Broken(id, std::move(why));
  };
  if (!key) return broken(std::nullopt, key.error().message);
  std::ifstream in(file, std::ios::binary);
  if (!in) return broken(std::nullopt, "cannot read " + file);
  Sm3Stream sm3;
  std::optional<ArchiveEntry> entry;
  ChainPos pos;
  std::map<int64_t, std::string> anchored;  // checkpoints of these rows: last_id → last_hash
  std::string line;
  while (std::getline(in, line)) {
    line += '\n';
    sm3.Update(line);
    auto r = RowFromJsonLine(line);
    if (!r) return broken(std::nullopt, "line " + N(v.checked + 1) + " is not an audit row");
    if (!entry) {
      for (const auto& a : ListArchives(c))
        if (a.first_id == r->id) entry = a;
      if (!entry)
        return broken(r->id, "no archive entry in the database starts at row " + N(r->id));
      pos.id = entry->first_id - 1;
      pos.hash = entry->prev_hash;
      anchored = store::CheckpointHashes(c, entry->first_id, entry->last_id);
    }
    if (auto why = Follow(pos, *r)) return broken(r->id, *why);
    if (auto it = anchored.find(r->id); it != anchored.end() && it->second != r->hash)
      return broken(r->id, "the row differs from its checkpoint: the archive was rewritten");
    ++v.checked;
  }
  if (!entry) return broken(std::nullopt, file + " holds no audit rows");
  if (!MacMatches(ArchiveMac(*key, *entry), entry->mac))
    return broken(entry->first_id, "archive entry " + N(entry->id) +
                                       " has a wrong MAC: wrong audit key, or a forged entry");
  if (v.checked != entry->count || pos.id != entry->last_id || pos.hash != entry->last_hash)
    return broken(pos.id + 1, "the file holds rows " + N(entry->first_id) + "–" + N(pos.id) +
                                  ", the archive entry recorded " + N(entry->first_id) + "–" +
                                  N(entry->last_id) + " (" + N(entry->count) + " rows)");
  if (sm3.HexFinal() != entry->file_sm3)
    return broken(std::nullopt, "the file's SM3 differs from its archive entry");
  return v;
}

}  // namespace zhaoshang::audit
