#include "zhaoshang/guide/qa_rules.hpp"

#include <gtest/gtest.h>

namespace zhaoshang::guide {
namespace {

TEST(QaRules, AQuestionHasATopicATitleAndSafeText) {
  QaQuestion q;
  q.topic = "technique";
  q.title = "投资方要求先给土地再注册公司怎么办？";
  EXPECT_TRUE(CheckAsk(q, RenderMarkdown(q.body)).empty());
  q.topic = "gossip";
  q.title.clear();
  q.body = "<script>alert(1)</script>";
  const auto bad = CheckAsk(q, RenderMarkdown(q.body));
  EXPECT_EQ(bad.at("topic"), "invalid_value");
  EXPECT_EQ(bad.at("title"), "required");
  EXPECT_EQ(bad.at("body"), "html_not_allowed");
  q.topic.clear();
  q.title = std::string(kMaxQuestionTitleChars + 1, 'x');
  q.body = std::string(kMaxQuestionBodyChars + 1, 'y');
  const auto long_ones = CheckAsk(q, RenderMarkdown(q.body));
  EXPECT_EQ(long_ones.at("topic"), "required");
  EXPECT_EQ(long_ones.at("title"), "too_long");
  EXPECT_EQ(long_ones.at("body"), "too_long");
}

TEST(QaRules, AnAnswerIsRequiredAndSafe) {
  EXPECT_EQ(CheckAnswer("", RenderMarkdown("")).at("body"), "required");
  EXPECT_EQ(CheckAnswer("[x](javascript:alert(1))", RenderMarkdown("[x](javascript:alert(1))"))
                .at("body"),
            "unsafe_link");
  EXPECT_TRUE(CheckAnswer("先签框架协议。", RenderMarkdown("先签框架协议。")).empty());
}

TEST(QaRules, APromotedAnswerQuotesTheQuestionAndSaysWhereItCameFrom) {
  QaQuestion q;
  q.topic = "technique";
  q.title = "首次见面带什么材料？";
  q.body = "第一次去企业拜访。\n需要准备哪些？";
  q.asked_by_name = "张伟";
  q.unit_name = "驻上海招商组";
  QaAnswer a;
  a.body = "带上园区名片和政策清单。";
  a.by_name = "孙丽";
  a.by_unit_name = "中共安庆市委党校";
  a.at = 1'796'100'000'000;  // 2026-12-01 in China
  const Article art = PromotedArticle(q, a);
  EXPECT_EQ(art.category, "technique");
  EXPECT_EQ(art.title, q.title);
  EXPECT_EQ(
      art.body,
      "## 问题\n\n> 第一次去企业拜访。\n> 需要准备哪些？\n\n## 解答\n\n带上园区名片和政策清单。"
      "\n\n---\n\n来自一线提问：张伟（驻上海招商组）提问，孙丽（中共安庆市委党校）解答，"
      "2026-12-01。\n");
  // The rendering keeps the quote and has nothing to refuse.
  const Rendered r = RenderMarkdown(art.body);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_NE(r.html.find("<blockquote>"), std::string::npos);
}

}  // namespace
}  // namespace zhaoshang::guide
