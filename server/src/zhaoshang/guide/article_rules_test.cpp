#include "zhaoshang/guide/article_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::guide {
namespace {

std::string Ops(const std::vector<DiffLine>& d) {
  std::string s;
  for (const auto& l : d) s += std::string(1, l.op) + l.text + "|";
  return s;
}

TEST(LineDiff, KeepsTheCommonLinesAndMarksTheRest) {
  auto d = LineDiff("标题\n第一段\n第二段\n结尾\n", "标题\n第一段（修订）\n第二段\n新增\n结尾\n");
  EXPECT_EQ(Ops(d), "=标题|-第一段|+第一段（修订）|=第二段|+新增|=结尾|");
  // Line numbers on each side.
  EXPECT_EQ(d[1].old_no, 2);
  EXPECT_EQ(d[1].new_no, 0);
  EXPECT_EQ(d[2].new_no, 2);
  EXPECT_EQ(d[4].new_no, 4);
  EXPECT_EQ(d[5].old_no, 4);
  EXPECT_EQ(d[5].new_no, 5);
}

TEST(LineDiff, EqualEmptyAndWholeReplacements) {
  EXPECT_EQ(Ops(LineDiff("a\nb", "a\nb")), "=a|=b|");
  EXPECT_EQ(Ops(LineDiff("", "x\ny")), "+x|+y|");
  EXPECT_EQ(Ops(LineDiff("x\ny", "")), "-x|-y|");
  EXPECT_EQ(Ops(LineDiff("a\r\nb\r\n", "a\nb\n")), "=a|=b|");
  // A moved line: one removal, one addition, the rest kept.
  EXPECT_EQ(Ops(LineDiff("1\n2\n3\n4", "2\n3\n4\n1")), "-1|=2|=3|=4|+1|");
}

TEST(LineDiff, TheScriptRebuildsBothTexts) {
  const std::string a = "a\nb\nc\nd\ne\nf\ng", b = "a\nx\nc\ne\ny\nf\ng\nh";
  std::string ra, rb;
  for (const auto& l : LineDiff(a, b)) {
    if (l.op != '+') ra += l.text + "\n";
    if (l.op != '-') rb += l.text + "\n";
  }
  EXPECT_EQ(ra, a + "\n");
  EXPECT_EQ(rb, b + "\n");
}

TEST(CheckArticle, NamesEachBadField) {
  Article a;
  a.category = "gossip";
  a.body = "<script>alert(1)</script>";
  a.review_on = "2026-01-01";
  auto bad = CheckArticle(a, RenderMarkdown(a.body), "2026-12-01");
  EXPECT_EQ(bad["category"], "invalid_value");
  EXPECT_EQ(bad["title"], "required");
  EXPECT_EQ(bad["body"], "html_not_allowed");
  EXPECT_EQ(bad["review_on"], "in_past");
  a.category = "technique";
  a.title = "首次洽谈";
  a.body = "[x](javascript:alert(1))";
  a.review_on = "2027-06-30";
  bad = CheckArticle(a, RenderMarkdown(a.body), "2026-12-01");
  EXPECT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad["body"], "unsafe_link");
  a.body = "## 要点\n\n先问清需求。";
  EXPECT_TRUE(CheckArticle(a, RenderMarkdown(a.body), "2026-12-01").empty());
  a.review_on = "2026-02-30";
  EXPECT_EQ(CheckArticle(a, RenderMarkdown(a.body), "2026-12-01")["review_on"], "invalid_value");
}

}  // namespace
}  // namespace zhaoshang::guide
