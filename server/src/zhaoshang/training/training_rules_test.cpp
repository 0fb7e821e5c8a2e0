#include "zhaoshang/training/training_rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace zhaoshang::training {
namespace {

Question Single() {  // 2 points; option 2 is right
  return {1,
          QuestionKind::kSingle,
          "首次联系线索应在几个工作日内？",
          {{1, "3 个", false}, {2, "1 个", true}, {3, "5 个", false}},
          2,
          ""};
}
Question Multiple() {  // 4 points; options 1, 3 and 4 are right
  return {
      2,
      QuestionKind::kMultiple,
      "判断线索是否值得跟进要看哪些方面？",
      {{1, "主体真实", true}, {2, "只看政策", false}, {3, "需求明确", true}, {4, "产业相符", true}},
      4,
      ""};
}
Question TrueFalse() {  // 1 point; "错" is right
  return {3,
          QuestionKind::kTrueFalse,
          "第一次见面就可以承诺政策。",
          {{1, "对", false}, {2, "错", true}},
          1,
          ""};
}

TEST(CheckQuestion, EachKindHasItsRightAnswers) {
  EXPECT_TRUE(CheckQuestion(Single()).empty());
  EXPECT_TRUE(CheckQuestion(Multiple()).empty());
  EXPECT_TRUE(CheckQuestion(TrueFalse()).empty());
  Question two_right = Single();
  two_right.options[0].correct = true;
  EXPECT_EQ(CheckQuestion(two_right)["options"], "one_right_answer");
  Question one_right = Multiple();
  one_right.options[0].correct = one_right.options[2].correct = false;
  EXPECT_EQ(CheckQuestion(one_right)["options"], "two_right_answers");
  Question three = TrueFalse();
  three.options.push_back({3, "不一定", false});
  EXPECT_EQ(CheckQuestion(three)["options"], "invalid_value");
  Question bad = Single();
  bad.stem.clear();
  bad.points = 0;
  bad.options[1].text = bad.options[0].text;
  bad.options.resize(2);
  auto f = CheckQuestion(bad);
  EXPECT_EQ(f["stem"], "required");
  EXPECT_EQ(f["points"], "invalid_value");
  EXPECT_EQ(f["options.1.text"], "duplicate");
  Question lone = Single();
  lone.options.resize(1);
  lone.options[0].correct = true;
  EXPECT_EQ(CheckQuestion(lone)["options"], "too_few");
}

TEST(GradeAttempt, PartialMultipleChoiceEarnsHalfWithoutAWrongOption) {
  const std::vector<Question> qs = {Single(), Multiple(), TrueFalse()};
  QuizRules rules;  // pass 60 %, half for a subset
  // Single right (2), multiple with two of its three right options (4 / 2 = 2), true/false
  // wrong (0): 4 of 7 points, 57 % — not passed.
  Grade g = GradeAttempt(qs, {{1, {2}}, {2, {1, 3}}, {3, {1}}}, rules);
  EXPECT_EQ(g.points, 7);
  EXPECT_EQ(g.earned, 4);
  EXPECT_EQ(g.pct, 57);
  EXPECT_FALSE(g.passed);
  ASSERT_EQ(g.questions.size(), 3u);
  EXPECT_EQ(g.questions[1].earned, 2);
  EXPECT_FALSE(g.questions[1].correct);
  EXPECT_TRUE(g.questions[0].correct);
  // Strict: a subset earns nothing — 2 of 7, 28 %.
  rules.partial = PartialRule::kStrict;
  g = GradeAttempt(qs, {{1, {2}}, {2, {1, 3}}, {3, {1}}}, rules);
  EXPECT_EQ(g.earned, 2);
  EXPECT_EQ(g.pct, 28);
  // Every option right, in any order: full marks, 100 %, passed.
  g = GradeAttempt(qs, {{3, {2}}, {2, {4, 3, 1}}, {1, {2}}}, rules);
  EXPECT_EQ(g.earned, 7);
  EXPECT_EQ(g.pct, 100);
  EXPECT_TRUE(g.passed);
}

TEST(GradeAttempt, WrongUnknownExtraAndMissingAnswersEarnNothing) {
  const std::vector<Question> qs = {Single(), Multiple(), TrueFalse()};
  QuizRules rules;
  // A wrong option among right ones; two options on a single choice; an unknown option id;
  // nothing for the true/false question; an answer to a question not on the paper.
  Grade g = GradeAttempt(qs, {{2, {1, 2, 3}}, {1, {2, 3}}, {3, {9}}, {77, {1}}}, rules);
  EXPECT_EQ(g.earned, 0);
  g = GradeAttempt(qs, {}, rules);
  EXPECT_EQ(g.earned, 0);
  EXPECT_EQ(g.pct, 0);
  // The first answer to a question counts, not a later one.
  g = GradeAttempt({Single()}, {{1, {1}}, {1, {2}}}, rules);
  EXPECT_EQ(g.earned, 0);
  // The pass mark is inclusive: 6 of 10 at 60 % passes.
  std::vector<Question> ten;
  for (int i = 0; i < 10; ++i) {
    Question q = TrueFalse();
    q.id = 100 + i;
    ten.push_back(q);
  }
  std::vector<Answer> six;
  six.reserve(10);
  for (int i = 0; i < 10; ++i) six.push_back({100 + i, {i < 6 ? 2 : 1}});
  g = GradeAttempt(ten, six, rules);
  EXPECT_EQ(g.pct, 60);
  EXPECT_TRUE(g.passed);
}

TEST(DrawPaper, TheSameSeedShowsTheSamePaperAndGradingIgnoresTheOrder) {
  std::vector<Question> bank;
  for (int i = 0; i < 20; ++i) {
    Question q = i % 2 ? Multiple() : Single();
    q.id = i + 1;
    bank.push_back(q);
  }
  auto a = DrawPaper(bank, 10, 42), b = DrawPaper(bank, 10, 42), c = DrawPaper(bank, 10, 43);
  ASSERT_EQ(a.size(), 10u);
  std::vector<int64_t> ia, ib, ic;
  for (size_t i = 0; i < 10; ++i)
    ia.push_back(a[i].id), ib.push_back(b[i].id), ic.push_back(c[i].id);
  EXPECT_EQ(ia, ib);
  EXPECT_NE(ia, ic);
  EXPECT_EQ(std::set<int64_t>(ia.begin(), ia.end()).size(), 10u);  // no question twice
  // Options keep their ids: the right ones chosen by id score full marks on the shuffled paper.
  std::vector<Answer> right;
  for (const auto& q : a) {
    Answer ans{q.id, {}};
    for (const auto& o : q.options)
      if (o.correct) ans.chosen.push_back(o.id);
    right.push_back(ans);
  }
  Grade g = GradeAttempt(a, right, QuizRules{});
  EXPECT_EQ(g.pct, 100);
  EXPECT_EQ(DrawPaper(bank, 0, 1).size(), 20u);
  EXPECT_EQ(DrawPaper(bank, 99, 1).size(), 20u);
}

TEST(AttemptRefusal, WindowRetakesAndAPass) {
  QuizRules r;
  r.max_attempts = 2;
  r.opens_at = 1000;
  r.closes_at = 2000;
  EXPECT_EQ(AttemptRefusal(r, 0, false, 999), "quiz_not_open");
  EXPECT_EQ(AttemptRefusal(r, 0, false, 1000), "");
  EXPECT_EQ(AttemptRefusal(r, 1, false, 1500), "");
  EXPECT_EQ(AttemptRefusal(r, 2, false, 1500), "retakes_exhausted");
  EXPECT_EQ(AttemptRefusal(r, 1, true, 1500), "already_passed");
  EXPECT_EQ(AttemptRefusal(r, 0, false, 2000), "quiz_closed");
}

TEST(SignIn, ACodeWorksForItsSessionWhileItRuns) {
  const std::string key = "k-0123456789abcdef";
  const int64_t start = 1'800'000'000'000, end = start + int64_t{2} * 3'600'000;
  const std::string code = SignInCode(key, 7, start, end);
  EXPECT_EQ(code.size(), 32u);
  EXPECT_EQ(SignInRefusal(key, code, 7, start, end, start + 60'000), "");
  EXPECT_EQ(SignInRefusal(key, code, 7, start, end, start - kSignInEarlyMs), "");
  EXPECT_EQ(SignInRefusal(key, code, 7, start, end, start - kSignInEarlyMs - 1),
            "session_not_started");
  EXPECT_EQ(SignInRefusal(key, code, 7, start, end, end + 1), "session_ended");
  // Another session, a moved window, another key, an edited code.
  EXPECT_EQ(SignInRefusal(key, code, 8, start, end, start), "invalid_code");
  EXPECT_EQ(SignInRefusal(key, code, 7, start, end + 1, start), "invalid_code");
  EXPECT_EQ(SignInRefusal("other-key", code, 7, start, end, start), "invalid_code");
  std::string edited = code;
  edited[0] = edited[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(SignInRefusal(key, edited, 7, start, end, start), "invalid_code");
  EXPECT_EQ(SignInRefusal(key, "", 7, start, end, start), "invalid_code");
}

}  // namespace
}  // namespace zhaoshang::training
