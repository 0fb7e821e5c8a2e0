// The pure parts of issue 8.3: what the hashes and MACs cover, the anchor and archive formats,
// keys, dates and the chain-walking rule.
#include "zhaoshang/audit/audit_anchor.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "zhaoshang/audit/audit_archive.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_verify.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang::audit {
namespace {

Record Row(int64_t id, int64_t version) {
  Record r;
  r.id = id;
  r.at = 1'795'000'000'000;
  r.actor_login = "张伟";
  r.action = "user.update";
  r.object_type = "user";
  r.object_id = "7";
  r.diff_json = R"({"name":{"from":"a","to":"b"}})";
  r.prev_hash = kGenesisHash;
  r.chain_version = version;
  r.hash = Sm3Hex(ChainInput(r));
  return r;
}

TEST(ChainInput, Version1IsTheOldTextAndVersion2CoversTheId) {
  Record v1 = Row(1, 1);
  // Byte for byte what rows written before migration 0006 were hashed over.
  EXPECT_EQ(ChainInput(v1), "64:" + kGenesisHash +
                                "|13:1795000000000|1:0|6:张伟|0:|0:|11:user.update|4:user|1:7|"
                                "30:{\"name\":{\"from\":\"a\",\"to\":\"b\"}}|0:|");
  Record other = v1;
  other.id = 2;
  EXPECT_EQ(ChainInput(other), ChainInput(v1));  // why version 1 could not see renumbering
  Record v2 = Row(1, 2), v2b = Row(2, 2);
  EXPECT_NE(ChainInput(v2), ChainInput(v2b));
  EXPECT_EQ(ChainInput(v2).rfind("4:v2:1|", 0), 0u);
}

TEST(Follow, ChecksLinkHashIdsAndVersions) {
  ChainPos pos;
  Record a = Row(1, 2);
  EXPECT_FALSE(Follow(pos, a));
  Record b = Row(2, 2);
  b.prev_hash = a.hash;
  b.hash = Sm3Hex(ChainInput(b));
  ChainPos at_a = pos;
  EXPECT_FALSE(Follow(pos, b));

  Record gap = Row(3, 2);  // follows a, but claims id 3
  gap.prev_hash = a.hash;
  gap.hash = Sm3Hex(ChainInput(gap));
  ChainPos p = at_a;
  EXPECT_NE(Follow(p, gap).value_or("").find("not consecutive"), std::string::npos);

  Record changed = b;
  changed.object_id = "8";
  p = at_a;
  EXPECT_NE(Follow(p, changed).value_or("").find("hash does not match"), std::string::npos);

  Record unlinked = b;
  unlinked.prev_hash = std::string(64, '1');
  p = at_a;
  EXPECT_NE(Follow(p, unlinked).value_or("").find("prev_hash"), std::string::npos);

  Record old = Row(3, 1);
  old.prev_hash = b.hash;
  old.hash = Sm3Hex(ChainInput(old));
  p = pos;
  EXPECT_NE(Follow(p, old).value_or("").find("version-1 row after"), std::string::npos);
  ChainPos fresh;  // version 1 rows alone are fine, whatever their ids
  Record old1 = Row(7, 1);
  EXPECT_FALSE(Follow(fresh, old1));
}

Checkpoint Cp() { return Checkpoint{3, 1'795'000'000'000, 120, 118, std::string(64, 'a'), ""}; }

TEST(Checkpoint, TheMacCoversEveryFieldAndTheKey) {
  const std::string key(32, 'k');
  Checkpoint cp = Cp();
  const std::string mac = CheckpointMac(key, cp);
  EXPECT_EQ(mac.size(), 64u);
  EXPECT_NE(CheckpointMac(std::string(32, 'j'), cp), mac);
  for (int field = 0; field < 5; ++field) {
    Checkpoint x = Cp();
    if (field == 0) x.seq++;
    if (field == 1) x.at++;
    if (field == 2) x.count++;
    if (field == 3) x.last_id++;
    if (field == 4) x.last_hash[0] = 'b';
    EXPECT_NE(CheckpointMac(key, x), mac) << field;
  }
  EXPECT_TRUE(MacMatches(mac, CheckpointMac(key, cp)));
  EXPECT_FALSE(MacMatches(mac, std::string(64, '0')));
  EXPECT_FALSE(MacMatches(mac, mac.substr(1)));
}

TEST(Checkpoint, AnchorFormatRoundTrips) {
  Checkpoint cp = Cp();
  cp.mac = CheckpointMac(std::string(32, 'k'), cp);
  auto back = ParseAnchor(FormatAnchor(cp));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->seq, cp.seq);
  EXPECT_EQ(back->count, cp.count);
  EXPECT_EQ(back->last_id, cp.last_id);
  EXPECT_EQ(back->last_hash, cp.last_hash);
  EXPECT_EQ(back->mac, cp.mac);
  EXPECT_FALSE(ParseAnchor("not json"));
  EXPECT_FALSE(ParseAnchor(R"({"seq":1})"));
}

TEST(ArchiveEntry, TheMacCoversTheFileAndTheEnds) {
  ArchiveEntry a{
      1, 5, 1, 30, 30, kGenesisHash, std::string(64, 'c'), "x.jsonl", std::string(64, 'd'), ""};
  const std::string key(32, 'k');
  std::string mac = ArchiveMac(key, a);
  ArchiveEntry b = a;
  b.file_sm3[0] = 'e';
  EXPECT_NE(ArchiveMac(key, b), mac);
  b = a;
  b.last_id = 29;
  EXPECT_NE(ArchiveMac(key, b), mac);
  b = a;
  b.file_name = "renamed.jsonl";  // operators may rename the file
  EXPECT_EQ(ArchiveMac(key, b), mac);
}

TEST(ArchiveRow, JsonLinesKeepEveryColumn) {
  Record r = Row(9, 2);
  r.unit_name = "安庆市投资促进局";
  r.diff_json = "{\"x\":\"line\\nbreak\"}";
  r.hash = Sm3Hex(ChainInput(r));
  std::string line = RowToJsonLine(r);
  EXPECT_EQ(line.find('\n'), line.size() - 1);  // one line, whatever the diff holds
  EXPECT_NE(line.find("\"actor_id\":null"), std::string::npos);
  auto back = RowFromJsonLine(line);
  ASSERT_TRUE(back);
  EXPECT_EQ(ChainInput(*back), ChainInput(r));
  EXPECT_EQ(back->hash, r.hash);
  EXPECT_EQ(back->chain_version, 2);
  EXPECT_FALSE(RowFromJsonLine("{}"));
}

TEST(ArchiveDates, ParseAndRetentionCutoff) {
  // The archive's date is the platform's one ISO date (core/date.hpp: IsIsoDate, 1990–2100).
  EXPECT_EQ(ParseDateUtc("1990-01-02"), int64_t{7306} * kDayMs);  // 7 306 days after 1970-01-01
  EXPECT_FALSE(ParseDateUtc("1970-01-02"));
  EXPECT_FALSE(ParseDateUtc("2026-+1-+1"));  // sscanf's %2u read "+1" as 1
  EXPECT_FALSE(ParseDateUtc("2026- 1- 1"));
  EXPECT_EQ(ParseDateUtc("2026-05-30"), 1'780'099'200'000);
  EXPECT_FALSE(ParseDateUtc("2026-02-30"));
  EXPECT_FALSE(ParseDateUtc("2026-5-30"));
  EXPECT_FALSE(ParseDateUtc("2026-05-30x"));
  EXPECT_FALSE(ParseDateUtc("yesterday"));
  // 2026-11-30T14:00Z: 184 days back from that day is 2026-05-30.
  const int64_t now = *ParseDateUtc("2026-11-30") + int64_t{14} * 3'600'000;
  EXPECT_EQ(LatestArchiveCutoff(now), *ParseDateUtc("2026-05-30"));
  EXPECT_EQ(LatestArchiveCutoff(*ParseDateUtc("2026-11-30")), *ParseDateUtc("2026-05-30"));
}

class KeyFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("zs-key-" + RandomHex(6));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(KeyFiles, EnvKeyMustBeHexAndLongEnough) {
  const std::string hex64(64, 'a');
  EXPECT_EQ(LoadKey({hex64, ""})->size(), kMinKeyBytes);
  EXPECT_NE(LoadKey({std::string(62, 'a'), ""}).error().message.find("shorter than 32 bytes"),
            std::string::npos);
  EXPECT_NE(LoadKey({std::string(64, 'g'), ""}).error().message.find("not hex"), std::string::npos);
  EXPECT_FALSE(LoadKey({"", ""}));
}

TEST_F(KeyFiles, ServeCreatesAPrivateKeyFileOnceAndVerifyOnlyReadsIt) {
  const std::string path = (dir_ / "var" / "audit.key").string();
  EXPECT_FALSE(LoadKey({"", path}));  // nothing creates it but serve
  EXPECT_FALSE(std::filesystem::exists(path));
  bool created = false;
  auto key = LoadOrCreateKey({"", path}, &created);
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_TRUE(created);
  EXPECT_EQ(key->size(), kMinKeyBytes);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = LoadOrCreateKey({"", path}, &created);
  EXPECT_FALSE(created);
  EXPECT_EQ(*again, *key);
  EXPECT_EQ(*LoadKey({"", path}), *key);
  std::ofstream(path, std::ios::trunc) << "abcd\n";
  EXPECT_FALSE(LoadKey({"", path}));
}

TEST_F(KeyFiles, TheAnchorFileIsReplacedWhole) {
  const std::string path = (dir_ / "audit.anchor").string();
  auto none = ReadAnchorFile(path);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  Checkpoint cp = Cp();
  ASSERT_TRUE(WriteFileAtomically(path, FormatAnchor(cp)));
  cp.seq = 4;
  ASSERT_TRUE(WriteFileAtomically(path, FormatAnchor(cp)));
  EXPECT_EQ((*ReadAnchorFile(path))->seq, 4);
  EXPECT_FALSE(std::filesystem::exists(path + ".tmp"));
  std::ofstream(path, std::ios::trunc) << "garbage";
  EXPECT_FALSE(ReadAnchorFile(path));
}

}  // namespace
}  // namespace zhaoshang::audit
