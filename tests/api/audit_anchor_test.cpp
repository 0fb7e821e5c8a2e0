// Issue 8.3: truncation and rewriting of the audit chain are caught; the database refuses
// UPDATE, DELETE and TRUNCATE; only `audit archive` removes rows, and only old ones. Runs on
// SQLite and PostgreSQL (ZS_TEST_DB). The "attacker" writes the database directly, dropping
// the triggers first; it holds neither the key nor the anchor file.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_env.hpp"
#include "zhaoshang/audit/audit_anchor.hpp"
#include "zhaoshang/audit/audit_archive.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_verify.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/db/migrations.hpp"

namespace zhaoshang::testing {
namespace {

class AuditAnchor : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::Database::Open(tdb_.url(), 3);
    db::Migrate(*db_, kT0);
  }
  // The test plays the server that wrote these rows into an empty log: it may anchor them.
  audit::Anchoring anchoring() const { return {key_, anchor_, true}; }
  void AppendN(db::Connection& c, int n, int64_t at = kT0) {
    for (int i = 0; i < n; ++i)
      audit::Append(c, at, actor_, {"test.write", "thing", std::to_string(i), "{}"});
  }
  std::optional<audit::Checkpoint> Checkpoint(db::Connection& c) {
    auto r = audit::WriteCheckpoint(c, anchoring(), kT0);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : std::nullopt;
  }
  audit::VerifyResult V(db::Connection& c) { return audit::Verify(c, key_, anchor_); }
  int64_t Head(db::Connection& c) {
    return c.QueryInt("SELECT MAX(id) FROM audit_log", {}).value_or(0);
  }
  // Recomputes prev_hash and hash of every row from `from` on, as an attacker without the
  // key can: the SM3 chain alone is unkeyed.
  void Rehash(db::Connection& c, int64_t from) {
    auto prev = c.Query("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", {from});
    std::string prev_hash = prev.empty() ? audit::kGenesisHash : prev[0].Text(0);
    for (auto r : audit::RowsAfter(c, from - 1, 100000)) {
      r.prev_hash = prev_hash;
      r.hash = Sm3Hex(audit::ChainInput(r));
      c.Execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                {r.prev_hash, r.hash, r.id});
      prev_hash = r.hash;
    }
  }

  TestDatabase tdb_;
  TempDir files_;
  std::unique_ptr<db::Database> db_;
  std::string key_ = *FromHex(kTestAuditKeyHex);
  std::string anchor_ = files_.path() + "/audit.anchor";
  Actor actor_{0, "tester", "测试单位", "127.0.0.1", "r1"};
};

TEST_F(AuditAnchor, AnUntouchedLogVerifiesWithItsCheckpointsAndAnchor) {
  auto c = db_->Acquire();
  AppendN(*c, 10);
  EXPECT_EQ(c->QueryInt("SELECT MIN(id) FROM audit_log", {}), 1);
  auto cp = Checkpoint(*c);
  ASSERT_TRUE(cp);
  EXPECT_EQ(cp->seq, 1);
  EXPECT_EQ(cp->last_id, 10);
  EXPECT_EQ(cp->count, 10);
  EXPECT_TRUE(std::filesystem::exists(anchor_));
  EXPECT_FALSE(Checkpoint(*c)) << "the head did not move: no new checkpoint";
  AppendN(*c, 5);
  EXPECT_EQ(Checkpoint(*c)->seq, 2);
  auto v = V(*c);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 15);
  EXPECT_EQ(v.checkpoints, 2);
  auto file = audit::ReadAnchorFile(anchor_);
  ASSERT_TRUE(file && *file);
  EXPECT_EQ((*file)->seq, 2);
}

TEST_F(AuditAnchor, DeletingTheLastRowIsCaught) {
  auto c = db_->Acquire();
  AppendN(*c, 10);
  Checkpoint(*c);
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_log WHERE id = 10", {});
  auto v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 10);
  EXPECT_NE(v.reason.find("removed from the end"), std::string::npos) << v.reason;
}

TEST_F(AuditAnchor, DeletingTheLast100IsCaughtEvenWithTheirCheckpoints) {
  auto c = db_->Acquire();
  AppendN(*c, 50);
  Checkpoint(*c);
  AppendN(*c, 100);
  Checkpoint(*c);
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_log WHERE id > 50", {});
  auto v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 51);
  // The database now agrees with itself; only the anchor file outside it remembers.
  c->Execute("DELETE FROM audit_checkpoints WHERE seq = 2", {});
  v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 51);
  EXPECT_NE(v.reason.find("anchor file"), std::string::npos) << v.reason;
  // And the server does not paper over it with a new checkpoint.
  EXPECT_FALSE(audit::WriteCheckpoint(*c, anchoring(), kT0));
}

TEST_F(AuditAnchor, DeletingEveryRowIsCaught) {
  auto c = db_->Acquire();
  AppendN(*c, 5);
  Checkpoint(*c);
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_log", {});
  EXPECT_FALSE(V(*c).ok);
  c->Execute("DELETE FROM audit_checkpoints", {});
  auto v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 1);
  // Without the anchor file too, nothing would be left to notice: that is what it is for.
  std::filesystem::remove(anchor_);
  EXPECT_TRUE(V(*c).ok);
}

TEST_F(AuditAnchor, RemovingEveryCheckpointAndTheAnchorFileIsCaughtAndNotResealed) {
  auto c = db_->Acquire();
  AppendN(*c, 200);
  Checkpoint(*c);
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_checkpoints", {});
  c->Execute("DELETE FROM audit_log WHERE id > 150", {});
  std::filesystem::remove(anchor_);
  auto v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("no keyed checkpoint"), std::string::npos) << v.reason;
  // A server starting on it does not anchor the forgery (it did not write those rows).
  auto r = audit::WriteCheckpoint(*c, {key_, anchor_, false}, kT0);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("no keyed checkpoint"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(anchor_));
  EXPECT_FALSE(V(*c).ok);
}

TEST_F(AuditAnchor, RewritingARowAndRehashingToTheEndIsCaught) {
  auto c = db_->Acquire();
  AppendN(*c, 20);
  Checkpoint(*c);
  DropAuditGuards(*c);
  c->Execute("UPDATE audit_log SET diff = ? WHERE id = 5",
             {std::string(R"({"amount":{"from":1,"to":2}})")});
  Rehash(*c, 5);
  // The unkeyed chain is whole again: every row follows the one before.
  audit::ChainPos pos;
  for (const auto& r : audit::RowsAfter(*c, 0, 100)) EXPECT_FALSE(audit::Follow(pos, r));
  auto v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 20);
  EXPECT_NE(v.reason.find("rewritten"), std::string::npos) << v.reason;
  c->Execute("DELETE FROM audit_checkpoints", {});
  v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("anchor file"), std::string::npos) << v.reason;
}

TEST_F(AuditAnchor, AGapInIdsIsCaught) {
  auto c = db_->Acquire();
  AppendN(*c, 5);
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_log WHERE id = 3", {});
  Rehash(*c, 4);  // prev_hash and hash agree again, but 3 is missing
  auto v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 4);
  EXPECT_NE(v.reason.find("not consecutive"), std::string::npos) << v.reason;
}

TEST_F(AuditAnchor, AWrongOrMissingKeyFails) {
  auto c = db_->Acquire();
  AppendN(*c, 3);
  Checkpoint(*c);
  auto v = audit::Verify(*c, std::string(32, 'x'), anchor_);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("wrong MAC"), std::string::npos) << v.reason;
  auto missing = audit::LoadKey({"", files_.path() + "/no.key"});
  ASSERT_FALSE(missing);
  v = audit::Verify(*c, missing, anchor_);
  EXPECT_FALSE(v.ok);
  EXPECT_NE(v.reason.find("no.key"), std::string::npos) << v.reason;
  // Nor does a forged checkpoint pass: the attacker has no key.
  DropAuditGuards(*c);
  c->Execute("UPDATE audit_checkpoints SET count = 2", {});
  EXPECT_FALSE(V(*c).ok);
}

TEST_F(AuditAnchor, OldRowsWithoutIdsStillVerifyButNotAfterNewOnes) {
  auto c = db_->Acquire();
  // Rows as written before migration 0006: chain_version 1, the id not hashed.
  std::string prev = audit::kGenesisHash;
  auto insert_v1 = [&](int64_t id) {
    audit::Record r;
    r.id = id;
    r.at = kT0;
    r.actor_login = "old";
    r.action = "test.old";
    r.diff_json = "{}";
    r.prev_hash = prev;
    r.chain_version = 1;
    r.hash = Sm3Hex(audit::ChainInput(r));
    c->Execute(
        "INSERT INTO audit_log(id, at, actor_login, unit_name, source, action, object_type, "
        "object_id, diff, request_id, prev_hash, hash) VALUES (?,?,?,'','',?,'','',?,'',?,?)",
        {r.id, r.at, r.actor_login, r.action, r.diff_json, r.prev_hash, r.hash});
    prev = r.hash;
  };
  insert_v1(1);
  insert_v1(3);  // identity columns may skip on PostgreSQL: version 1 ids need not be consecutive
  AppendN(*c, 2);
  EXPECT_EQ(Head(*c), 5);
  Checkpoint(*c);  // the upgraded server anchors the log once
  auto v = V(*c);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.checked, 4);
  prev = *c->Query("SELECT hash FROM audit_log WHERE id = 5")[0].OptText(0);
  insert_v1(6);  // hashed correctly, but the old way after new rows
  v = V(*c);
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, 6);
}

TEST_F(AuditAnchor, TheDatabaseRefusesUpdateDeleteAndTruncate) {
  auto c = db_->Acquire();
  AppendN(*c, 3);
  Checkpoint(*c);
  auto refused = [&](const std::string& sql) {
    try {
      c->Execute(sql, {});
    } catch (const db::DbError& e) {
      return std::string(e.what()).find("append-only") != std::string::npos ||
             std::string(e.what()).find("184 days") != std::string::npos;
    }
    return false;
  };
  EXPECT_TRUE(refused("UPDATE audit_log SET source = 'x' WHERE id = 2"));
  EXPECT_TRUE(refused("DELETE FROM audit_log WHERE id = 3"));
  EXPECT_TRUE(refused("DELETE FROM audit_log"));
  EXPECT_TRUE(refused("UPDATE audit_checkpoints SET count = 0"));
  EXPECT_TRUE(refused("DELETE FROM audit_checkpoints"));
  if (c->dialect() == db::Dialect::kPostgres) {
    EXPECT_TRUE(refused("TRUNCATE audit_log"));
    EXPECT_TRUE(refused("TRUNCATE audit_checkpoints"));
  }
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log", {}), 3);
  EXPECT_TRUE(V(*c).ok);
  // Row triggers fire only on rows: give audit_archives one.
  c->Execute(
      "INSERT INTO audit_archives(id, at, first_id, last_id, count, prev_hash, last_hash, "
      "file_name, file_sm3, mac) VALUES (1, 0, 1, 1, 1, '', '', '', '', '')",
      {});
  EXPECT_TRUE(refused("UPDATE audit_archives SET count = 0"));
  EXPECT_TRUE(refused("DELETE FROM audit_archives"));
  if (c->dialect() == db::Dialect::kPostgres) EXPECT_TRUE(refused("TRUNCATE audit_archives"));
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_archives", {}), 1);
}

int64_t RealNow() { return SystemClock().NowMs(); }

TEST_F(AuditAnchor, TheRetentionTriggerAgreesWithTheConstant) {
  // The trigger compares with the database's clock, so these rows are dated by the real one.
  auto c = db_->Acquire();
  const int64_t now = RealNow();
  AppendN(*c, 1, now - (audit::kRetentionDays + 1) * audit::kDayMs);
  AppendN(*c, 1, now - (audit::kRetentionDays - 1) * audit::kDayMs);
  EXPECT_THROW(c->Execute("DELETE FROM audit_log WHERE id = 2", {}), db::DbError);
  EXPECT_EQ(c->Execute("DELETE FROM audit_log WHERE id = 1", {}), 1);
}

TEST_F(AuditAnchor, ArchiveRefusesADateInsideTheRetentionPeriod) {
  auto c = db_->Acquire();
  const int64_t now = RealNow();
  AppendN(*c, 3, now - 400 * audit::kDayMs);
  const int64_t latest = audit::LatestArchiveCutoff(now);
  const std::string out = files_.path() + "/a.jsonl";
  auto r = audit::Archive(*c, anchoring(), actor_, now, latest + audit::kDayMs, out);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("184 days"), std::string::npos) << r.error().message;
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log", {}), 3);
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(AuditAnchor, ArchiveCannotDeleteYoungRowsWhateverTheServerClockSays) {
  auto c = db_->Acquire();
  const int64_t now = RealNow();
  AppendN(*c, 4, now - 10 * audit::kDayMs);
  Checkpoint(*c);
  // A server clock 400 days ahead lets the date through; the database's trigger does not.
  const int64_t skewed = now + 400 * audit::kDayMs;
  const std::string out = files_.path() + "/a.jsonl";
  auto r = audit::Archive(*c, anchoring(), actor_, skewed, audit::LatestArchiveCutoff(skewed), out);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("184 days"), std::string::npos) << r.error().message;
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log", {}), 4);
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_archives", {}), 0);
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".part"));
  EXPECT_TRUE(V(*c).ok);
}

TEST_F(AuditAnchor, ArchivedRowsLeaveAVerifiableChainAndAVerifiableFile) {
  auto c = db_->Acquire();
  ManualClock clock(RealNow() - 300 * audit::kDayMs);
  AppendN(*c, 30, clock.NowMs());
  Checkpoint(*c);
  clock.Advance(290 * audit::kDayMs);  // 10 days ago
  AppendN(*c, 5, clock.NowMs());
  clock.Advance(10 * audit::kDayMs);  // today
  const std::string out = files_.path() + "/audit-2026.jsonl";
  auto e = audit::Archive(*c, anchoring(), actor_, clock.NowMs(),
                          audit::LatestArchiveCutoff(clock.NowMs()), out);
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_EQ(e->first_id, 1);
  EXPECT_EQ(e->last_id, 30);
  EXPECT_EQ(e->count, 30);
  EXPECT_EQ(c->QueryInt("SELECT MIN(id) FROM audit_log", {}), 31);
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'audit.archive'", {}), 1);
  AppendN(*c, 2, clock.NowMs());
  auto v = V(*c);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.archived, 30);
  EXPECT_EQ(v.checked, 8);  // 5 + the audit.archive row + 2
  auto a = audit::VerifyArchiveFile(*c, key_, out);
  EXPECT_TRUE(a.ok) << a.reason;
  EXPECT_EQ(a.checked, 30);
  EXPECT_FALSE(audit::VerifyArchiveFile(*c, std::string(32, 'x'), out).ok);

  // One character of the file changed: its chain breaks.
  std::stringstream text;
  text << std::ifstream(out).rdbuf();
  std::string s = text.str();
  s.replace(s.find("tester"), 6, "Tester");
  std::ofstream(out, std::ios::trunc) << s;
  a = audit::VerifyArchiveFile(*c, key_, out);
  EXPECT_FALSE(a.ok);
  EXPECT_EQ(a.first_broken_id, 1);

  // The archive entry is what the remaining chain starts from: removing it is caught.
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_archives", {});
  EXPECT_FALSE(V(*c).ok);
}

}  // namespace
}  // namespace zhaoshang::testing
