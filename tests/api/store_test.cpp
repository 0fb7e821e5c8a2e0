// Store tests: run on SQLite and on PostgreSQL (ZS_TEST_DB).
#include <atomic>
#include <thread>

#include "support/test_env.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_verify.hpp"
#include "zhaoshang/db/migrations.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang::testing {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = db::Database::Open(tdb_.url(), 3);
    applied_ = db::Migrate(*db_, kT0);
  }
  TestDatabase tdb_;
  std::unique_ptr<db::Database> db_;
  std::vector<std::string> applied_;
};

TEST_F(StoreTest, MigrationsApplyOnceAndAreRecorded) {
  EXPECT_EQ(db_->dialect() == db::Dialect::kPostgres, EngineName() == "postgresql");
  EXPECT_FALSE(applied_.empty());
  EXPECT_TRUE(db::Migrate(*db_, kT0 + 1).empty());
  auto c = db_->Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM schema_migrations", {}),
            static_cast<int64_t>(applied_.size()));
}

TEST_F(StoreTest, StaleVersionIsRefused) {
  auto c = db_->Acquire();
  org::Unit root{0, std::nullopt, "安庆市", "city", "AQ", 1};
  root.id = org::store::InsertUnit(*c, root, kT0);
  org::Unit a = *org::store::GetUnit(*c, root.id);
  org::Unit b = a;
  a.name = "A";
  b.name = "B";
  EXPECT_TRUE(org::store::UpdateUnit(*c, a, kT0));
  EXPECT_FALSE(org::store::UpdateUnit(*c, b, kT0));  // b still carries version 1
  EXPECT_EQ(org::store::GetUnit(*c, root.id)->name, "A");
  EXPECT_EQ(org::store::GetUnit(*c, root.id)->version, 2);
}

TEST_F(StoreTest, SubtreeFollowsTheTree) {
  auto c = db_->Acquire();
  auto add = [&](std::optional<int64_t> parent, const char* code) {
    return org::store::InsertUnit(*c, {0, parent, code, "department", code, 1}, kT0);
  };
  int64_t city = add(std::nullopt, "C");
  int64_t d1 = add(city, "D1");
  int64_t d2 = add(city, "D2");
  int64_t p1 = add(d1, "P1");
  int64_t t1 = add(p1, "T1");
  EXPECT_EQ(org::store::Subtree(*c, d1), (std::set<int64_t>{d1, p1, t1}));
  EXPECT_EQ(org::store::Subtree(*c, d2), (std::set<int64_t>{d2}));
  EXPECT_EQ(org::store::Subtree(*c, city).size(), 5u);
}

// "The last five passwords" in the order they were chosen, even when several changes share one
// millisecond: the history's id breaks the tie, not where the rows happen to lie (an UPDATE moves
// a row to the end of the heap on PostgreSQL).
TEST_F(StoreTest, PasswordHistoryTiesOnTheMillisecondAreBrokenByTheOrderOfWriting) {
  auto c = db_->Acquire();
  const int64_t unit = org::store::InsertUnit(*c, {0, std::nullopt, "U", "city", "U", 1}, kT0);
  org::User u;
  u.login = "tie";
  u.name = "并列";
  u.unit_id = unit;
  u.password_hash = "h0";
  const int64_t id = org::store::InsertUser(*c, u, kT0);
  for (const char* h : {"h1", "h2", "h3", "h4", "h5", "h6"})
    org::store::SetPassword(*c, id, h, kT0 + 1, false);  // one millisecond for all six
  c->Execute("UPDATE password_history SET changed_at = changed_at WHERE password_hash IN (?, ?)",
             {std::string("h0"), std::string("h1")});
  EXPECT_EQ(org::store::RecentPasswordHashes(*c, id, 5),
            (std::vector<std::string>{"h6", "h5", "h4", "h3", "h2"}));
}

TEST_F(StoreTest, UniqueViolationIsFlaggedAndRollbackLeavesNothing) {
  auto c = db_->Acquire();
  org::store::InsertUnit(*c, {0, std::nullopt, "X", "city", "X", 1}, kT0);
  try {
    db::Transaction tx(*c, true);
    org::store::InsertUnit(*c, {0, std::nullopt, "Y", "city", "Y", 1}, kT0);
    org::store::InsertUnit(*c, {0, std::nullopt, "X again", "city", "X", 1}, kT0);
    tx.Commit();
    FAIL() << "duplicate code was accepted";
  } catch (const db::DbError& e) {
    EXPECT_TRUE(e.unique_violation()) << e.what();
  }
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM org_units", {}), 1);  // Y rolled back with it
}

TEST_F(StoreTest, AuditChainVerifiesAndDetectsAChangedByte) {
  auto c = db_->Acquire();
  Actor a{0, "tester", "测试单位", "127.0.0.1", "r1"};
  for (int i = 0; i < 5; ++i)
    audit::Append(*c, kT0 + i, a,
                  {"test.write", "thing", std::to_string(i), R"({"n":{"from":null,"to":"1"}})"});
  auto ok = audit::Verify(*c, std::string(32, 'k'), "");
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.checked, 5);
  int64_t third = c->QueryInt("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2", {}).value();
  // One byte of the diff changed behind the application's back.
  DropAuditGuards(*c);
  c->Execute("UPDATE audit_log SET diff = ? WHERE id = ?",
             {std::string(R"({"n":{"from":null,"to":"2"}})"), third});
  auto bad = audit::Verify(*c, std::string(32, 'k'), "");
  EXPECT_FALSE(bad.ok);
  EXPECT_EQ(bad.first_broken_id, third);
}

TEST_F(StoreTest, AuditChainDetectsADeletedRow) {
  auto c = db_->Acquire();
  Actor a{0, "tester", "", "cli", "r"};
  for (int i = 0; i < 4; ++i) audit::Append(*c, kT0, a, {"x", "t", std::to_string(i), "{}"});
  int64_t second = c->QueryInt("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1", {}).value();
  DropAuditGuards(*c);
  c->Execute("DELETE FROM audit_log WHERE id = ?", {second});
  auto v = audit::Verify(*c, std::string(32, 'k'), "");
  EXPECT_FALSE(v.ok);
  EXPECT_EQ(v.first_broken_id, second + 1);
}

TEST_F(StoreTest, ContainsSearchFindsChineseAndIgnoresWildcards) {
  auto c = db_->Acquire();
  org::store::InsertUnit(*c, {0, std::nullopt, "安庆经济技术开发区", "park", "A", 1}, kT0);
  org::store::InsertUnit(*c, {0, std::nullopt, "100%_park", "park", "B", 1}, kT0);
  auto count = [&](const std::string& q) {
    return c->QueryInt("SELECT COUNT(*) FROM org_units WHERE " + db::Contains(c->dialect(), "name"),
                       {q});
  };
  EXPECT_EQ(count("经济"), 1);
  EXPECT_EQ(count("%_"), 1);
  EXPECT_EQ(count("_"), 1);
  EXPECT_EQ(count("园区"), 0);
}

TEST_F(StoreTest, NestedTransactionsAreSavepoints) {
  auto c = db_->Acquire();
  {
    db::Transaction outer(*c, true);
    c->Execute("INSERT INTO settings(key, value) VALUES ('outer', '1')", {});
    {
      db::Transaction inner(*c, true);
      c->Execute("INSERT INTO settings(key, value) VALUES ('inner', '1')", {});
    }  // not committed: rolled back to the savepoint only
    {
      db::Transaction kept(*c, true);
      c->Execute("INSERT INTO settings(key, value) VALUES ('kept', '1')", {});
      kept.Commit();
    }
    outer.Commit();
  }
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM settings WHERE key IN ('outer', 'kept')", {}), 2);
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM settings WHERE key = 'inner'", {}), 0);
  EXPECT_EQ(c->depth, 0);
}

// Concurrent writers share commits; one that fails loses only its own work.
TEST_F(StoreTest, GroupedWritesCommitEveryoneButTheOneThatFailed) {
  constexpr int kThreads = 3, kEach = 40;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      auto c = db_->Acquire();
      for (int i = 0; i < kEach; ++i) {
        const std::string key = "k" + std::to_string(t) + "_" + std::to_string(i);
        try {
          db_->WriteGrouped(*c, [&](db::Connection& w) {
            w.Execute("INSERT INTO settings(key, value) VALUES (?, 'v')", {key});
            // Every tenth write of thread 0 fails after writing: it must leave nothing.
            if (t == 0 && i % 10 == 0)
              w.Execute("INSERT INTO settings(key, value) VALUES (?, 'v')", {key});
          });
        } catch (const db::DbError& e) {
          EXPECT_TRUE(e.unique_violation());
          ++failures;
        }
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), kEach / 10);
  auto c = db_->Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM settings WHERE key LIKE 'k%'", {}),
            kThreads * kEach - kEach / 10);
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM settings WHERE key = 'k0_10'", {}), 0);
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM settings WHERE key = 'k0_11'", {}), 1);
}

}  // namespace
}  // namespace zhaoshang::testing
