#include "zhaoshang/search/search_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::search {
namespace {

std::string Show(const std::vector<Segment>& segs) {
  std::string s;
  for (const auto& g : segs) s += g.hit ? "[" + g.text + "]" : g.text;
  return s;
}

TEST(Grams, PairsForIdeographsWordsForLatin) {
  EXPECT_EQ(Grams("新能源汽车"), "新能 能源 源汽 汽车 车");
  EXPECT_EQ(Grams("招商，5G基站 EV-Battery"), "招商 商 5g 基站 站 ev battery");
  EXPECT_EQ(Grams("园"), "园");
  EXPECT_EQ(Grams("土地、电"), "土地 地 电");
  EXPECT_EQ(Grams(""), "");
  EXPECT_EQ(Grams("！？……"), "");
}

TEST(ParseQuery, TermsAsPhrasesOfTheirTokens) {
  auto t = ParseQuery("  新能源　电池 EV ");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].tokens, (std::vector<std::string>{"新能", "能源"}));
  EXPECT_FALSE(t[0].prefix);
  EXPECT_EQ(t[1].tokens, (std::vector<std::string>{"电池"}));
  EXPECT_EQ(t[2].text, "ev");
  EXPECT_TRUE(t[2].prefix);
  // One character: the prefix of its pairs.
  auto one = ParseQuery("园");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].tokens, (std::vector<std::string>{"园"}));
  EXPECT_TRUE(one[0].prefix);
  // Inside a term, a run that ends before a Latin word keeps its last character (as the text
  // does); the term's last run does not (the text may go on).
  auto mixed = ParseQuery("电池PACK生产");
  ASSERT_EQ(mixed.size(), 1u);
  EXPECT_EQ(mixed[0].tokens, (std::vector<std::string>{"电池", "池", "pack", "生产"}));
  EXPECT_FALSE(mixed[0].prefix);
  // Every term's tokens are a phrase of the text's tokens wherever the term occurs in the text.
  const std::string text = "动力电池PACK生产线，新能源汽车";
  std::string grams(1, ' ');
  grams += Grams(text);
  grams += ' ';
  for (const char* q : {"电池PACK生产", "力电", "新能源", "源汽车", "池PACK"}) {
    auto terms = ParseQuery(q);
    ASSERT_EQ(terms.size(), 1u) << q;
    std::string phrase(1, ' ');
    for (const auto& token : terms[0].tokens) phrase += token + " ";
    if (!terms[0].prefix) {
      EXPECT_NE(grams.find(phrase), std::string::npos) << q;
    }
  }
  // Nothing searchable, and at most kMaxTerms terms.
  EXPECT_TRUE(ParseQuery("，。！ ").empty());
  EXPECT_EQ(ParseQuery("一二 三四 五六 七八 九十 甲乙 丙丁").size(), kMaxTerms);
}

TEST(SearchContains, EveryTermCaseIgnoredForLatin) {
  auto t = ParseQuery("电池 pack");
  EXPECT_TRUE(Contains("动力电池PACK生产线", t));
  EXPECT_FALSE(Contains("动力电池生产线", t));
  // Adjacent pairs that are not adjacent in the text: a candidate the check drops.
  EXPECT_FALSE(Contains("新能，能源", ParseQuery("新能源")));
  EXPECT_TRUE(Contains("招商引资", ParseQuery("「招商」")));
}

TEST(Snippet, MarksEveryHitInTheWindow) {
  auto t = ParseQuery("土地 电价");
  EXPECT_EQ(Show(Snippet("园区土地充足，电价优惠，土地价格低。", t)),
            "园区[土地]充足，[电价]优惠，[土地]价格低。");
  // A hit deep in a long text: the window starts a third of its width before it, cut with "…".
  std::string text(300, 'x');
  text += "新能源汽车";
  text += std::string(300, 'y');
  auto s = Snippet(text, ParseQuery("新能源"), 30);
  ASSERT_GE(s.size(), 3u);
  EXPECT_EQ(s.front().text.substr(0, 3), "…");
  EXPECT_EQ(Show(s), "…xxxxxxxxxx[新能源]汽车yyyyyyyyyyyyyyy…");
  // No hit: the start.
  EXPECT_EQ(Show(Snippet("abc", ParseQuery("zz"), 10)), "abc");
  EXPECT_EQ(Show(Snippet("Battery PACK", ParseQuery("pack"), 20)), "Battery [PACK]");
}

}  // namespace
}  // namespace zhaoshang::search
