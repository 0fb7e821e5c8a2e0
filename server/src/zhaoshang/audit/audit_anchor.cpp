#include "zhaoshang/audit/audit_anchor.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sodium.h>
#include <boost/json.hpp>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang::audit {
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {
Error KeyError(std::string message) {
  return Error{ErrorCode::kUnavailable, "audit_key", std::move(message)};
}
Error AnchorError(std::string message) {
  return Error{ErrorCode::kConflict, "audit_anchor", std::move(message)};
}
Error IoError(const std::string& what, const std::string& path) {
  return Error{ErrorCode::kInternal, "io", what + " " + path + ": " + std::strerror(errno)};
}

Result<std::string> DecodeKey(const std::string& text, const std::string& where) {
  std::string hex = text;
  while (!hex.empty() && std::isspace(static_cast<unsigned char>(hex.back()))) hex.pop_back();
  auto key = FromHex(hex);
  if (!key) return Fail(KeyError("the audit key in " + where + " is not hex"));
  if (key->size() < kMinKeyBytes)
    return Fail(KeyError("the audit key in " + where + " is shorter than " +
                         std::to_string(kMinKeyBytes) + " bytes (" +
                         std::to_string(2 * kMinKeyBytes) + " hex digits)"));
  return *key;
}

bool Same(const Checkpoint& a, const Checkpoint& b) {
  return a.seq == b.seq && a.at == b.at && a.count == b.count && a.last_id == b.last_id &&
         a.last_hash == b.last_hash && a.mac == b.mac;
}

// The chain must still hold what cp anchored; rows moved out by `audit archive` are checked by
// `audit verify --archive` instead.
Status StillAnchored(db::Connection& c, const Checkpoint& cp) {
  if (cp.last_id <= store::ArchivedTo(c)) return {};
  auto hash = store::RowHash(c, cp.last_id);
  if (!hash)
    return Fail(AnchorError("checkpoint " + std::to_string(cp.seq) + " anchors audit row " +
                            std::to_string(cp.last_id) +
                            ", which is no longer in the log: run `zhaoshang audit verify`"));
  if (*hash != cp.last_hash)
    return Fail(AnchorError("audit row " + std::to_string(cp.last_id) +
                            " differs from checkpoint " + std::to_string(cp.seq) +
                            ": run `zhaoshang audit verify`"));
  return {};
}
}  // namespace

Result<std::string> LoadKey(const KeySource& s) {
  if (!s.key_hex.empty()) return DecodeKey(s.key_hex, "ZS_AUDIT_KEY");
  if (s.key_file.empty()) return Fail(KeyError("no audit key: set ZS_AUDIT_KEY or audit_key_file"));
  std::ifstream in(s.key_file);
  if (!in)
    return Fail(KeyError("cannot read the audit key file " + s.key_file +
                         " (the first `zhaoshang serve` creates it; or set ZS_AUDIT_KEY / "
                         "ZS_AUDIT_KEY_FILE)"));
  std::stringstream text;
  text << in.rdbuf();
  return DecodeKey(text.str(), s.key_file);
}

Result<std::string> LoadOrCreateKey(const KeySource& s, bool* created) {
  *created = false;
  if (s.key_hex.empty() && !s.key_file.empty() && !fs::exists(s.key_file)) {
    auto parent = fs::path(s.key_file).parent_path();
    std::error_code ec;
    if (!parent.empty()) fs::create_directories(parent, ec);
    // O_EXCL: two servers starting together must not each write a different key.
    int fd = ::open(s.key_file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
      std::string hex = RandomHex(kMinKeyBytes) + "\n";
      bool ok = ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) &&
                ::fsync(fd) == 0;
      ::close(fd);
      if (!ok) return Fail(IoError("cannot write the audit key file", s.key_file));
      *created = true;
    } else if (errno != EEXIST) {
      return Fail(IoError("cannot create the audit key file", s.key_file));
    }
  }
  return LoadKey(s);
}

std::string CheckpointInput(const Checkpoint& cp) {
  std::string s;
  AppendField(s, "zhaoshang-audit-checkpoint-v1");
  AppendField(s, std::to_string(cp.seq));
  AppendField(s, std::to_string(cp.at));
  AppendField(s, std::to_string(cp.count));
  AppendField(s, std::to_string(cp.last_id));
  AppendField(s, cp.last_hash);
  return s;
}

std::string CheckpointMac(const std::string& key, const Checkpoint& cp) {
  return HmacSm3Hex(key, CheckpointInput(cp));
}

bool MacMatches(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string FormatAnchor(const Checkpoint& cp) {
  return json::serialize(json::object{{"seq", cp.seq},
                                      {"at", cp.at},
                                      {"count", cp.count},
                                      {"last_id", cp.last_id},
                                      {"last_hash", cp.last_hash},
                                      {"mac", cp.mac}}) +
         "\n";
}

Result<Checkpoint> ParseAnchor(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  Checkpoint cp;
  try {
    if (ec) throw std::runtime_error("not JSON");
    const auto& o = v.as_object();
    cp.seq = json::value_to<int64_t>(o.at("seq"));
    cp.at = json::value_to<int64_t>(o.at("at"));
    cp.count = json::value_to<int64_t>(o.at("count"));
    cp.last_id = json::value_to<int64_t>(o.at("last_id"));
    cp.last_hash = json::value_to<std::string>(o.at("last_hash"));
    cp.mac = json::value_to<std::string>(o.at("mac"));
  } catch (const std::exception&) {
    return Fail(AnchorError("the audit anchor file is not a checkpoint"));
  }
  return cp;
}

Result<std::optional<Checkpoint>> ReadAnchorFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    if (!fs::exists(path)) return std::optional<Checkpoint>();
    return Fail(IoError("cannot read the audit anchor file", path));
  }
  std::stringstream text;
  text << in.rdbuf();
  auto cp = ParseAnchor(text.str());
  if (!cp) return Fail(AnchorError(path + ": " + cp.error().message));
  return std::optional<Checkpoint>(*cp);
}

Status WriteFileAtomically(const std::string& path, const std::string& data) {
  fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  // Per process: servers on one machine sharing a database share its anchor file, and one
  // must not rename away the other's half-written temporary.
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Fail(IoError("cannot create", tmp));
  bool ok = ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) {
    auto err = IoError("cannot write", path);
    ::unlink(tmp.c_str());
    return Fail(err);
  }
  // The rename is durable only once the directory entry is.
  std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return {};
}

std::optional<Checkpoint> NewestCheckpoint(db::Connection& c) { return store::NewestCheckpoint(c); }

Result<std::optional<Checkpoint>> WriteCheckpoint(db::Connection& c, const Anchoring& a,
                                                  int64_t now_ms) {
  auto file = ReadAnchorFile(a.anchor_file);
  if (!file) return Fail(file.error());
  if (*file && !MacMatches(CheckpointMac(a.key, **file), (*file)->mac))
    return Fail(AnchorError("the audit anchor file " + a.anchor_file +
                            " does not carry this key's MAC (wrong key, or the file was altered)"));
  std::optional<Checkpoint> anchor, inserted;
  {
    db::Transaction tx(c, true);
    LockChain(c);
    anchor = NewestCheckpoint(c);
    // Old anchors must still hold before a new one is written over them.
    if (*file) {
      auto in_db = store::CheckpointBySeq(c, (*file)->seq);
      if (!in_db || !Same(*in_db, **file))
        return Fail(AnchorError(
            "the anchor file " + a.anchor_file + " holds checkpoint " +
            std::to_string((*file)->seq) +
            " which this database does not: audit rows and checkpoints were removed, or the "
            "database was replaced (then move the anchor file aside; docs/operations.md). Run "
            "`zhaoshang audit verify`"));
      if (auto st = StillAnchored(c, **file); !st) return Fail(st.error());
    }
    if (anchor)
      if (auto st = StillAnchored(c, *anchor); !st) return Fail(st.error());
    auto head = store::Head(c);
    if (!*file && !anchor && head && !a.may_anchor_first)
      return Fail(AnchorError(
          "the audit log has rows but no keyed checkpoint and no anchor file " + a.anchor_file +
          ": checkpoints and the anchor file were removed, or this installation was never "
          "anchored (then run `zhaoshang audit checkpoint` once). Run `zhaoshang audit verify`"));
    const bool moved =
        head && (!anchor || anchor->last_id != head->id || anchor->last_hash != head->hash);
    if (moved) {
      Checkpoint cp;
      cp.seq = anchor ? anchor->seq + 1 : 1;
      cp.at = now_ms;
      // Every row is in the chain up to the head: a COUNT once a minute, not per append.
      cp.count = store::ChainRowCount(c);
      cp.last_id = head->id;
      cp.last_hash = head->hash;
      cp.mac = CheckpointMac(a.key, cp);
      store::InsertCheckpoint(c, cp);
      tx.Commit();
      anchor = inserted = cp;
    }
  }
  // The file follows the database: a crash in between leaves the previous checkpoint in the
  // file, which the database still holds.
  if (anchor && (!*file || (*file)->seq != anchor->seq)) {
    if (auto st = WriteFileAtomically(a.anchor_file, FormatAnchor(*anchor)); !st)
      return Fail(st.error());
  }
  return inserted;
}

}  // namespace zhaoshang::audit
