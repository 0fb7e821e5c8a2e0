#include "zhaoshang/audit/audit_verify.hpp"

#include <map>

#include "zhaoshang/audit/audit_anchor.hpp"
#include "zhaoshang/audit/audit_archive.hpp"
#include "zhaoshang/audit/audit_store.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang::audit {
namespace {
constexpr int64_t kPage = 2000;

std::string N(int64_t v) { return std::to_string(v); }

// Checkpoints in seq order, a page at a time (a busy server writes one a minute for years).
// Each one is checked as it comes: consecutive seq, MAC, head never moving back.
class CheckpointCursor {
 public:
  CheckpointCursor(db::Connection& c, const std::string& key) : c_(c), key_(key) {}

  // nullopt at the end or when broken (then why() is set).
  std::optional<Checkpoint> Next() {
    if (i_ == page_.size()) {
      page_ = store::CheckpointsAfter(c_, last_seq_, kPage);
      i_ = 0;
      if (page_.empty()) return std::nullopt;
    }
    Checkpoint cp = page_[i_++];
    if (cp.seq != last_seq_ + 1) {
      why_ = "checkpoint " + N(last_seq_ + 1) + " is missing (checkpoints were deleted)";
      return std::nullopt;
    }
    if (!MacMatches(CheckpointMac(key_, cp), cp.mac)) {
      why_ = "checkpoint " + N(cp.seq) +
             " has a wrong MAC: the audit key is wrong, or the checkpoint was forged";
      return std::nullopt;
    }
    if (prev_ && (cp.last_id < prev_->last_id || cp.count < prev_->count)) {
      why_ = "checkpoint " + N(cp.seq) + " lies behind checkpoint " + N(prev_->seq);
      return std::nullopt;
    }
    last_seq_ = cp.seq;
    prev_ = cp;
    ++count_;
    return cp;
  }
  const std::string& why() const { return why_; }
  int64_t count() const { return count_; }

 private:
  db::Connection& c_;
  const std::string& key_;
  std::vector<Checkpoint> page_;
  size_t i_ = 0;
  int64_t last_seq_ = 0, count_ = 0;
  std::optional<Checkpoint> prev_;
  std::string why_;
};
}  // namespace

std::optional<std::string> Follow(ChainPos& pos, const Record& r) {
  if (r.chain_version != 1 && r.chain_version != 2)
    return "unknown chain_version " + N(r.chain_version);
  if (r.chain_version == 1 && pos.after_v2)
    return std::string("a version-1 row after version-2 rows (inserted behind the application)");
  if (r.chain_version == 2 && r.id != pos.id + 1)
    return "ids are not consecutive: expected " + N(pos.id + 1) + " (rows were removed)";
  if (r.prev_hash != pos.hash)
    return std::string("prev_hash is not the previous row's hash (a row was removed or changed)");
  if (Sm3Hex(ChainInput(r)) != r.hash) return std::string("the hash does not match the row");
  pos.id = r.id;
  pos.hash = r.hash;
  pos.after_v2 = pos.after_v2 || r.chain_version == 2;
  return std::nullopt;
}

VerifyResult Verify(db::Connection& c, const Result<std::string>& key,
                    const std::string& anchor_file) {
  VerifyResult v;
  auto broken = [&v](std::optional<int64_t> id, std::string why) {
    return v.Broken(id, std::move(why));
  };
  if (!key) return broken(std::nullopt, key.error().message);

  // Archive entries: the chain starts where the last one ends.
  ChainPos pos;
  std::map<int64_t, std::string> archived_hash;  // last_id → last_hash
  for (const ArchiveEntry& a : ListArchives(c)) {
    const int64_t next = static_cast<int64_t>(archived_hash.size()) + 1;
    if (a.id != next) return broken(std::nullopt, "archive entry " + N(next) + " is missing");
    if (!MacMatches(ArchiveMac(*key, a), a.mac))
      return broken(a.first_id, "archive entry " + N(a.id) +
                                    " has a wrong MAC: wrong audit key, or the entry was forged");
    if (a.prev_hash != pos.hash || a.first_id <= pos.id)
      return broken(a.first_id,
                    "archive entry " + N(a.id) + " does not continue the chain before it");
    pos.id = a.last_id;
    pos.hash = a.last_hash;
    v.archived += a.count;
    archived_hash[a.last_id] = a.last_hash;
  }

  CheckpointCursor cps(c, *key);
  std::optional<Checkpoint> cp = cps.Next();
  // Checkpoints of archived rows: `audit verify --archive` checks the rows themselves.
  while (cp && cp->last_id <= pos.id) {
    auto it = archived_hash.find(cp->last_id);
    if ((it != archived_hash.end() && it->second != cp->last_hash) || cp->count > v.archived)
      return broken(cp->last_id, "archive disagrees with checkpoint " + N(cp->seq));
    cp = cps.Next();
  }
  if (!cps.why().empty()) return broken(std::nullopt, cps.why());

  for (int64_t after = pos.id;;) {
    auto rows = RowsAfter(c, after, kPage);
    if (rows.empty()) break;
    for (const Record& r : rows) {
      if (cp && cp->last_id < r.id)
        return broken(cp->last_id, "checkpoint " + N(cp->seq) + " anchors row " + N(cp->last_id) +
                                       ", which is missing");
      if (auto why = Follow(pos, r)) return broken(r.id, *why);
      ++v.checked;
      while (cp && cp->last_id == r.id) {
        if (cp->last_hash != r.hash)
          return broken(r.id, "the row differs from checkpoint " + N(cp->seq) +
                                  ": the log was rewritten up to here");
        if (cp->count != v.archived + v.checked)
          return broken(r.id, "checkpoint " + N(cp->seq) + " counted " + N(cp->count) +
                                  " rows up to here, the log has " + N(v.archived + v.checked));
        cp = cps.Next();
      }
      if (!cps.why().empty()) return broken(std::nullopt, cps.why());
      after = r.id;
    }
  }
  if (cp)
    return broken(pos.id + 1, "rows were removed from the end: checkpoint " + N(cp->seq) +
                                  " anchors row " + N(cp->last_id) + " (" + N(cp->count) +
                                  " rows), the log ends at row " + N(pos.id) + " (" +
                                  N(v.archived + v.checked) + " rows)");
  v.checkpoints = cps.count();

  // The anchor file: what someone who can only write the database cannot reach.
  if (!anchor_file.empty()) {
    auto file = ReadAnchorFile(anchor_file);
    if (!file) return broken(std::nullopt, file.error().message);
    if (!*file) {
      if (v.checkpoints > 0)
        return broken(std::nullopt, "the anchor file " + anchor_file +
                                        " is missing, but the database holds " + N(v.checkpoints) +
                                        " checkpoints");
      // Rows with nothing anchoring them: what deleting every checkpoint and the anchor file
      // leaves (a server anchors its log at start; an older installation once with
      // `zhaoshang audit checkpoint`).
      if (v.checked + v.archived > 0)
        return broken(std::nullopt, "the log has " + N(v.checked + v.archived) +
                                        " rows but no keyed checkpoint and no anchor file " +
                                        anchor_file);
    } else {
      const Checkpoint& f = **file;
      if (!MacMatches(CheckpointMac(*key, f), f.mac))
        return broken(std::nullopt, "the anchor file " + anchor_file +
                                        " has a wrong MAC: wrong audit key, or the file was "
                                        "altered");
      if (f.last_id > pos.id)
        return broken(pos.id + 1, "rows were removed from the end: the anchor file's checkpoint " +
                                      N(f.seq) + " anchors row " + N(f.last_id) +
                                      ", the log ends at row " + N(pos.id));
      if (f.seq > v.checkpoints)
        return broken(std::nullopt, "the anchor file's checkpoint " + N(f.seq) +
                                        " is not in the database (checkpoints were deleted)");
      // Checkpoints 1..n all passed above; the file's must be the very same one.
      auto in_db = store::CheckpointBySeq(c, f.seq);
      if (!in_db || in_db->at != f.at || in_db->count != f.count || in_db->last_id != f.last_id ||
          in_db->last_hash != f.last_hash)
        return broken(f.last_id,
                      "the anchor file's checkpoint " + N(f.seq) + " differs from the database's");
    }
  }
  return v;
}

}  // namespace zhaoshang::audit
