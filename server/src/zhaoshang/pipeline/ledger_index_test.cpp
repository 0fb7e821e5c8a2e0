#include "zhaoshang/pipeline/ledger_index.hpp"

#include <random>

#include <gtest/gtest.h>

namespace zhaoshang::pipeline {
namespace {

LedgerInput Entry(int64_t id, int64_t total, const std::string& deadline, uint8_t stage = 0,
                  std::vector<int32_t> promoters = {1}) {
  LedgerInput in;
  in.entry.id = id;
  in.entry.created_at = id * 1000;
  in.entry.total_investment = total;
  in.entry.step_deadline = PackDate(deadline);
  in.entry.stage = stage;
  in.entry.reporting = 7;
  in.promoters = std::move(promoters);
  return in;
}

ProjectScope All() {
  ProjectScope s;
  s.kind = ProjectScope::Kind::kAll;
  return s;
}

TEST(LedgerIndex, PacksOnlyIsoDates) {
  EXPECT_EQ(PackDate("2026-03-01"), 20260301);
  EXPECT_EQ(PackDate("2026-3-01"), 0);
  EXPECT_EQ(PackDate("2026-03-0a"), 0);
  EXPECT_EQ(PackDate(""), 0);
}

TEST(LedgerIndex, ProjectsWithoutADeadlineComeLastInBothDirections) {
  LedgerIndex ix;
  ix.Reset({Entry(1, 0, "2026-05-01"), Entry(2, 0, ""), Entry(3, 0, "2026-04-01"), Entry(4, 0, ""),
            Entry(5, 0, "2026-05-01")});
  ProjectFilter f;
  f.sort = "step_deadline";
  f.limit = 10;
  f.ascending = true;
  int64_t total = 0;
  EXPECT_EQ(ix.Page(All(), f, &total), (std::vector<int64_t>{3, 1, 5, 2, 4}));
  EXPECT_EQ(total, 5);
  f.ascending = false;
  EXPECT_EQ(ix.Page(All(), f, nullptr), (std::vector<int64_t>{5, 1, 3, 4, 2}));
  f.offset = 3;
  f.limit = 1;
  EXPECT_EQ(ix.Page(All(), f, nullptr), (std::vector<int64_t>{4}));
}

TEST(LedgerIndex, AnUpdateMovesTheEntryAndItsPromoters) {
  LedgerIndex ix;
  ix.Reset({Entry(1, 100, ""), Entry(2, 200, ""), Entry(3, 300, "")});
  ProjectFilter f;
  f.sort = "total_investment";
  f.limit = 3;
  EXPECT_EQ(ix.Page(All(), f, nullptr), (std::vector<int64_t>{3, 2, 1}));
  ix.Upsert({Entry(1, 900, "", 0, {1, 42})});
  EXPECT_EQ(ix.Page(All(), f, nullptr), (std::vector<int64_t>{1, 3, 2}));
  ProjectScope self;
  self.kind = ProjectScope::Kind::kSelf;
  self.user_id = 42;
  int64_t total = 0;
  EXPECT_EQ(ix.Page(self, f, &total), (std::vector<int64_t>{1}));
  EXPECT_EQ(total, 1);
  ix.Upsert({Entry(1, 900, "", 0, {1})}, {3});
  EXPECT_TRUE(ix.Page(self, f, nullptr).empty());
  EXPECT_EQ(ix.Page(All(), f, &total), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(total, 2);
  EXPECT_EQ(ix.size(), 2u);
}

// One bulk load, a bulk upsert and thousands of single upserts must give one index.
TEST(LedgerIndex, BulkAndIncrementalUpdatesAgree) {
  std::mt19937 rng(7);
  auto draw = [&](int64_t id) {
    auto in = Entry(id, static_cast<int64_t>(rng() % 50),
                    rng() % 3 ? "2026-0" + std::to_string(1 + rng() % 9) + "-15" : "",
                    static_cast<uint8_t>(rng() % 10), {static_cast<int32_t>(1 + rng() % 5)});
    in.entry.stage_since = static_cast<int64_t>(rng() % 20);
    in.entry.band = static_cast<uint8_t>(rng() % 6);
    return in;
  };
  std::vector<LedgerInput> all;
  for (int64_t id = 1; id <= 3000; ++id) all.push_back(draw(id));
  LedgerIndex bulk, half, single;
  bulk.Reset(all);
  half.Reset({all.begin(), all.begin() + 1000});
  half.Upsert({all.begin() + 1000, all.end()});
  for (const auto& in : all) single.Upsert({in});
  std::vector<LedgerInput> changes;
  changes.reserve(200);
  for (int i = 0; i < 200; ++i) changes.push_back(draw(static_cast<int64_t>(1 + rng() % 3000)));
  for (const auto& c : changes) {
    bulk.Upsert({c});
    half.Upsert({c});
    single.Upsert({c});
  }
  for (const char* sort : {"created_at", "total_investment", "stage_since", "step_deadline"})
    for (bool asc : {true, false})
      for (int stage = -1; stage < 10; stage += 3) {
        ProjectFilter f;
        f.sort = sort;
        f.ascending = asc;
        f.limit = 40;
        f.offset = 25;
        if (stage >= 0) f.stages = {"lead", "negotiating"};
        int64_t t1 = 0, t2 = 0, t3 = 0;
        auto a = bulk.Page(All(), f, &t1);
        EXPECT_EQ(a.size(), 40u);
        EXPECT_EQ(a, half.Page(All(), f, &t2)) << sort << asc;
        EXPECT_EQ(a, single.Page(All(), f, &t3)) << sort << asc;
        EXPECT_EQ(t1, t2);
        EXPECT_EQ(t1, t3);
      }
}

}  // namespace
}  // namespace zhaoshang::pipeline
