#include <gtest/gtest.h>

#include "zhaoshang/catalog/catalog_types.hpp"
#include "zhaoshang/catalog/csv.hpp"
#include "zhaoshang/catalog/industries.hpp"

namespace zhaoshang::catalog {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(ParseCsv, SplitsFieldsAndLinesWithLfOrCrLf) {
  EXPECT_EQ(ParseCsv("a,b\nc,d\r\ne,f"), (Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}}));
}

TEST(ParseCsv, QuotedFieldsKeepCommasLineBreaksAndDoubledQuotes) {
  EXPECT_EQ(ParseCsv("\"a,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n"),
            (Rows{{"a,1", "say \"hi\"", "two\nlines"}}));
}

TEST(ParseCsv, EmptyFieldsCountButBlankLinesDoNot) {
  EXPECT_EQ(ParseCsv("a,,c\n\n,\n"), (Rows{{"a", "", "c"}, {"", ""}}));
  EXPECT_EQ(ParseCsv("\"\"\n"), (Rows{{""}}));
  EXPECT_TRUE(ParseCsv("").empty());
}

TEST(ChainNodeCodes, JoinAndSplitRoundTripAndDropEmptyParts) {
  EXPECT_EQ(JoinCodes({"3841", "3849"}), "3841;3849");
  EXPECT_EQ(JoinCodes({}), "");
  EXPECT_EQ(SplitCodes("3841;3849"), (std::vector<std::string>{"3841", "3849"}));
  EXPECT_EQ(SplitCodes(";3841;;3849;"), (std::vector<std::string>{"3841", "3849"}));
  EXPECT_TRUE(SplitCodes("").empty());
  EXPECT_EQ(SplitCodes(JoinCodes({"C", "36", "3612"})),
            (std::vector<std::string>{"C", "36", "3612"}));
}

TEST(Industries, EmbeddedCatalogHasTheFourLevels) {
  const auto& all = Industries::Embedded();
  const Industry* section = all.Find("C");
  ASSERT_NE(section, nullptr);
  EXPECT_EQ(section->level, 1);
  EXPECT_TRUE(section->parent.empty());
  const Industry* cls = all.Find("3612");
  ASSERT_NE(cls, nullptr);
  EXPECT_EQ(cls->level, 4);
  EXPECT_EQ(cls->parent, "361");
  EXPECT_EQ(all.Find("9999x"), nullptr);
  // Every non-root row names a parent that exists, one level up.
  for (const auto& ind : all.all()) {
    if (ind.parent.empty()) continue;
    const Industry* p = all.Find(ind.parent);
    ASSERT_NE(p, nullptr) << ind.code;
    EXPECT_EQ(p->level, ind.level - 1) << ind.code;
  }
}

TEST(Industries, PathOfWalksUpToTheSection) {
  auto p = Industries::Embedded().PathOf("3612");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->section, "C");
  EXPECT_EQ(p->division, "36");
  EXPECT_EQ(p->group, "361");
  auto d = Industries::Embedded().PathOf("36");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->section, "C");
  EXPECT_EQ(d->division, "36");
  EXPECT_TRUE(d->group.empty());
  EXPECT_FALSE(Industries::Embedded().PathOf("nope").has_value());
}

}  // namespace
}  // namespace zhaoshang::catalog
