#include "zhaoshang/training/training_rules.hpp"

#include <algorithm>
#include <random>
#include <set>

#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/random.hpp"

namespace zhaoshang::training {

std::string_view QuestionKindName(QuestionKind k) {
  switch (k) {
    case QuestionKind::kSingle:
      return "single";
    case QuestionKind::kMultiple:
      return "multiple";
    case QuestionKind::kTrueFalse:
      return "true_false";
  }
  return "single";
}

std::optional<QuestionKind> ParseQuestionKind(std::string_view s) {
  for (auto k : {QuestionKind::kSingle, QuestionKind::kMultiple, QuestionKind::kTrueFalse})
    if (QuestionKindName(k) == s) return k;
  return std::nullopt;
}

std::map<std::string, std::string> CheckQuestion(const Question& q) {
  std::map<std::string, std::string> bad;
  if (q.stem.empty())
    bad["stem"] = "required";
  else if (Utf8Length(q.stem) > kMaxStemChars)
    bad["stem"] = "too_long";
  if (q.points < 1 || q.points > 100) bad["points"] = "invalid_value";
  const size_t n = q.options.size();
  const auto right =
      std::count_if(q.options.begin(), q.options.end(), [](const Option& o) { return o.correct; });
  std::set<std::string> texts;
  std::set<int> ids;
  for (size_t i = 0; i < n; ++i) {
    const Option& o = q.options[i];
    const std::string at = "options." + std::to_string(i) + ".text";
    if (o.text.empty())
      bad[at] = "required";
    else if (Utf8Length(o.text) > kMaxOptionChars)
      bad[at] = "too_long";
    else if (!texts.insert(o.text).second)
      bad[at] = "duplicate";
    if (!ids.insert(o.id).second) bad["options." + std::to_string(i) + ".id"] = "duplicate";
  }
  if (q.kind == QuestionKind::kTrueFalse) {
    if (n != 2)
      bad["options"] = "invalid_value";
    else if (right != 1)
      bad["options"] = "one_right_answer";
  } else if (n < kMinOptions || n > kMaxOptions) {
    bad["options"] = n < kMinOptions ? "too_few" : "too_many";
  } else if (q.kind == QuestionKind::kSingle && right != 1) {
    bad["options"] = "one_right_answer";
  } else if (q.kind == QuestionKind::kMultiple && right < 2) {
    bad["options"] = "two_right_answers";
  }
  return bad;
}

namespace {
// Points earned on one question for the chosen option ids.
int Earned(const Question& q, const std::vector<int>& chosen_in, PartialRule partial) {
  std::set<int> chosen(chosen_in.begin(), chosen_in.end());
  if (chosen.empty()) return 0;
  std::set<int> right, all;
  for (const auto& o : q.options) {
    all.insert(o.id);
    if (o.correct) right.insert(o.id);
  }
  for (int c : chosen)
    if (!all.count(c) || !right.count(c)) return 0;  // an unknown or a wrong option: nothing
  if (chosen == right) return q.points;
  // Some of the right options and no wrong one.
  if (q.kind == QuestionKind::kMultiple && partial == PartialRule::kHalfForSubset)
    return q.points / 2;
  return 0;
}
}  // namespace

Grade GradeAttempt(const std::vector<Question>& questions, const std::vector<Answer>& answers,
                   const QuizRules& rules) {
  std::map<int64_t, const Answer*> by;
  for (const auto& a : answers) by.emplace(a.question_id, &a);  // the first answer counts
  Grade g;
  g.questions.reserve(questions.size());
  for (const auto& q : questions) {
    QuestionResult r{q.id, q.points, 0, false};
    if (auto it = by.find(q.id); it != by.end()) {
      // A single choice or true/false answered with more than one option is wrong.
      if (q.kind != QuestionKind::kMultiple && it->second->chosen.size() > 1)
        r.earned = 0;
      else
        r.earned = Earned(q, it->second->chosen, rules.partial);
    }
    r.correct = r.earned == r.points;
    g.points += r.points;
    g.earned += r.earned;
    g.questions.push_back(r);
  }
  g.pct = g.points > 0 ? g.earned * 100 / g.points : 0;
  g.passed = g.points > 0 && g.earned * 100 >= rules.pass_pct * g.points;
  return g;
}

std::vector<Question> DrawPaper(const std::vector<Question>& bank, int count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Question> paper = bank;
  std::shuffle(paper.begin(), paper.end(), rng);
  if (count > 0 && static_cast<size_t>(count) < paper.size()) paper.resize(count);
  for (auto& q : paper)
    if (q.kind != QuestionKind::kTrueFalse) std::shuffle(q.options.begin(), q.options.end(), rng);
  return paper;
}

std::string AttemptRefusal(const QuizRules& rules, int attempts_made, bool passed, int64_t now) {
  if (rules.opens_at && now < *rules.opens_at) return "quiz_not_open";
  if (rules.closes_at && now >= *rules.closes_at) return "quiz_closed";
  if (passed) return "already_passed";
  if (attempts_made >= rules.max_attempts) return "retakes_exhausted";
  return "";
}

std::string SignInCode(std::string_view key, int64_t session_id, int64_t starts_at,
                       int64_t ends_at) {
  const std::string data = "training-session:" + std::to_string(session_id) + ":" +
                           std::to_string(starts_at) + ":" + std::to_string(ends_at);
  return HmacSm3Hex(std::string(key), data).substr(0, 32);
}

std::string SignInRefusal(std::string_view key, std::string_view code, int64_t session_id,
                          int64_t starts_at, int64_t ends_at, int64_t now) {
  const std::string want = SignInCode(key, session_id, starts_at, ends_at);
  // Compared in constant time: the code is a bearer secret.
  unsigned diff = want.size() ^ code.size();
  for (size_t i = 0; i < want.size(); ++i)
    diff |= static_cast<unsigned char>(want[i]) ^
            static_cast<unsigned char>(i < code.size() ? code[i] : 0);
  if (diff != 0) return "invalid_code";
  if (now < starts_at - kSignInEarlyMs) return "session_not_started";
  if (now > ends_at) return "session_ended";
  return "";
}

}  // namespace zhaoshang::training
