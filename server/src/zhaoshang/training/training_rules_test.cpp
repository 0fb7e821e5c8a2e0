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

TEST(CheckQuiz, BoundsAndTheWindowsOrder) {
  QuizRules q;
  EXPECT_TRUE(CheckQuiz(q, std::nullopt, std::nullopt).empty());
  EXPECT_TRUE(CheckQuiz(q, "2026-12-01", "2026-12-01").empty());  // one day
  q.pass_pct = 0;
  q.max_attempts = 11;
  q.question_count = -1;
  q.time_limit_min = 241;
  const auto bad = CheckQuiz(q, "2026-12-02", "2026-12-01");
  EXPECT_EQ(bad.at("quiz.pass_pct"), "invalid_value");
  EXPECT_EQ(bad.at("quiz.max_attempts"), "invalid_value");
  EXPECT_EQ(bad.at("quiz.question_count"), "invalid_value");
  EXPECT_EQ(bad.at("quiz.time_limit_min"), "invalid_value");
  EXPECT_EQ(bad.at("quiz.closes_on"), "before_start");
  EXPECT_EQ(CheckQuiz(QuizRules{}, "2026-02-30", std::nullopt).at("quiz.opens_on"), "invalid_date");
  EXPECT_EQ(ParsePartial("strict"), PartialRule::kStrict);
  EXPECT_EQ(ParsePartial("half"), PartialRule::kHalfForSubset);
  EXPECT_FALSE(ParsePartial("some"));
}

TEST(SubmitRefusal, TheDeadlineIsTheTimeLimitCutAtTheClose) {
  QuizRules r;
  EXPECT_FALSE(AttemptDeadline(r, 1000));  // neither limit nor close
  r.time_limit_min = 30;
  EXPECT_EQ(AttemptDeadline(r, 1000), 1000 + 30 * 60'000);
  r.closes_at = 1000 + 10 * 60'000;  // the quiz closes first
  EXPECT_EQ(AttemptDeadline(r, 1000), r.closes_at);
  const auto deadline = AttemptDeadline(r, 1000);
  EXPECT_EQ(SubmitRefusal(r, false, deadline, *deadline + kSubmitGraceMs - 1), "");
  EXPECT_EQ(SubmitRefusal(r, false, deadline, *deadline + kSubmitGraceMs), "quiz_closed");
  EXPECT_EQ(SubmitRefusal(r, true, deadline, 1000), "attempt_submitted");
  QuizRules open;
  open.time_limit_min = 1;
  const auto d = AttemptDeadline(open, 0);
  EXPECT_EQ(SubmitRefusal(open, false, d, *d + kSubmitGraceMs), "");
  EXPECT_EQ(SubmitRefusal(open, false, d, *d + kSubmitGraceMs + 1), "time_up");
}

TEST(Sessions, WhatASessionHoldsAndItsState) {
  Session s;
  s.starts_at = 1000;
  s.ends_at = 2000;
  s.place = "党校";
  s.capacity = 10;
  EXPECT_TRUE(CheckSession(s, 0).empty());
  EXPECT_EQ(CheckSession(s, 11).at("capacity"), "below_enrolled");
  s.quotas = {{1, "", 6, 0}, {2, "", 5, 0}};
  EXPECT_EQ(CheckSession(s, 0).at("quotas"), "over_capacity");
  s.quotas = {{1, "", 5, 0}, {1, "", 5, 0}};
  EXPECT_EQ(CheckSession(s, 0).at("quotas.1.unit_id"), "duplicate");
  s.quotas = {{1, "", 0, 0}};
  EXPECT_EQ(CheckSession(s, 0).at("quotas.0.seats"), "invalid_value");
  s.quotas.clear();
  s.ends_at = 1000;
  EXPECT_EQ(CheckSession(s, 0).at("ends_at"), "before_start");
  s.ends_at = 1000 + kMaxSessionMs + 1;
  EXPECT_EQ(CheckSession(s, 0).at("ends_at"), "too_long");
  s.place.clear();
  EXPECT_EQ(CheckSession(s, 0).at("place"), "required");
  EXPECT_EQ(SessionState(1000, 2000, 999), "upcoming");
  EXPECT_EQ(SessionState(1000, 2000, 1000), "running");
  EXPECT_EQ(SessionState(1000, 2000, 2000), "running");
  EXPECT_EQ(SessionState(1000, 2000, 2001), "ended");
}

TEST(Seats, AQuotaOfTheNearestUnitUpTheTree) {
  Session s;
  s.capacity = 3;
  // Without quotas the seat is the person's own unit and only the capacity counts.
  EXPECT_EQ(SeatUnit(s.quotas, {7, 3, 1}), 7);
  EXPECT_EQ(SeatRefusal(s, 7, 2, 0), "");
  EXPECT_EQ(SeatRefusal(s, 7, 3, 0), "session_full");
  s.quotas = {{3, "", 1, 0}, {1, "", 2, 0}};
  EXPECT_EQ(SeatUnit(s.quotas, {7, 3, 1}), 3);  // the district's quota before the city's
  EXPECT_EQ(SeatUnit(s.quotas, {9, 1}), 1);
  EXPECT_EQ(SeatUnit(s.quotas, {8}), 0);  // no quota on the way up
  EXPECT_EQ(SeatRefusal(s, 3, 0, 0), "");
  EXPECT_EQ(SeatRefusal(s, 3, 1, 1), "quota_full");
  EXPECT_EQ(SeatRefusal(s, 0, 0, 0), "quota_full");
  EXPECT_EQ(SeatRefusal(s, 1, 3, 0), "session_full");
}

TEST(CertificateSerial, TheYearInChinaAndTheId) {
  // 2026-12-31 17:00 UTC is already 2027-01-01 in China.
  EXPECT_EQ(CertificateSerial(1'798'736'400'000, 17), "ZS-PX-2027-000017");
  EXPECT_EQ(CertificateSerial(1'798'700'000'000, 1'234'567), "ZS-PX-2026-1234567");
}

}  // namespace
}  // namespace zhaoshang::training
