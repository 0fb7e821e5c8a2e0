#include "zhaoshang/training/training_rules.hpp"

#include <algorithm>
#include <random>
#include <set>

#include "zhaoshang/core/date.hpp"
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

std::string_view PartialName(PartialRule p) {
  return p == PartialRule::kStrict ? "strict" : "half";
}

std::optional<PartialRule> ParsePartial(std::string_view s) {
  if (s == "half") return PartialRule::kHalfForSubset;
  if (s == "strict") return PartialRule::kStrict;
  return std::nullopt;
}

std::map<std::string, std::string> CheckQuiz(const QuizRules& q,
                                             const std::optional<std::string>& opens_on,
                                             const std::optional<std::string>& closes_on) {
  std::map<std::string, std::string> bad;
  if (q.pass_pct < 1 || q.pass_pct > 100) bad["quiz.pass_pct"] = "invalid_value";
  if (q.max_attempts < 1 || q.max_attempts > kMaxAttemptsLimit)
    bad["quiz.max_attempts"] = "invalid_value";
  if (q.question_count < 0 || q.question_count > kMaxQuestionCount)
    bad["quiz.question_count"] = "invalid_value";
  if (q.time_limit_min < 0 || q.time_limit_min > kMaxTimeLimitMin)
    bad["quiz.time_limit_min"] = "invalid_value";
  if (opens_on && !IsIsoDate(*opens_on)) bad["quiz.opens_on"] = "invalid_date";
  if (closes_on && !IsIsoDate(*closes_on)) bad["quiz.closes_on"] = "invalid_date";
  if (opens_on && closes_on && !bad.count("quiz.opens_on") && !bad.count("quiz.closes_on") &&
      *closes_on < *opens_on)
    bad["quiz.closes_on"] = "before_start";
  return bad;
}

std::optional<int64_t> AttemptDeadline(const QuizRules& rules, int64_t started_at) {
  std::optional<int64_t> d;
  if (rules.time_limit_min > 0) d = started_at + int64_t{rules.time_limit_min} * 60 * 1000;
  if (rules.closes_at && (!d || *rules.closes_at < *d)) d = rules.closes_at;
  return d;
}

std::string SubmitRefusal(const QuizRules& rules, bool submitted,
                          const std::optional<int64_t>& deadline_at, int64_t now) {
  if (submitted) return "attempt_submitted";
  if (rules.closes_at && now >= *rules.closes_at + kSubmitGraceMs) return "quiz_closed";
  if (deadline_at && now > *deadline_at + kSubmitGraceMs) return "time_up";
  return "";
}

std::map<std::string, std::string> CheckSession(const Session& s, int enrolled) {
  std::map<std::string, std::string> bad;
  if (s.starts_at <= 0) bad["starts_at"] = "required";
  if (s.ends_at <= s.starts_at)
    bad["ends_at"] = "before_start";
  else if (s.ends_at - s.starts_at > kMaxSessionMs)
    bad["ends_at"] = "too_long";
  if (s.place.empty())
    bad["place"] = "required";
  else if (Utf8Length(s.place) > kMaxPlaceChars)
    bad["place"] = "too_long";
  if (Utf8Length(s.trainer) > kMaxTrainerChars) bad["trainer"] = "too_long";
  if (s.capacity < 1 || s.capacity > kMaxCapacity)
    bad["capacity"] = "invalid_value";
  else if (s.capacity < enrolled)
    bad["capacity"] = "below_enrolled";
  std::set<int64_t> units;
  int64_t seats = 0;
  for (size_t i = 0; i < s.quotas.size(); ++i) {
    const Quota& q = s.quotas[i];
    const std::string at = "quotas." + std::to_string(i);
    if (!units.insert(q.unit_id).second) bad[at + ".unit_id"] = "duplicate";
    if (q.seats < 1 || q.seats > std::max(s.capacity, 1)) bad[at + ".seats"] = "invalid_value";
    seats += q.seats;
  }
  if (!bad.count("capacity") && seats > s.capacity) bad["quotas"] = "over_capacity";
  return bad;
}

std::string_view SessionState(int64_t starts_at, int64_t ends_at, int64_t now) {
  if (now < starts_at) return "upcoming";
  if (now <= ends_at) return "running";
  return "ended";
}

int64_t SeatUnit(const std::vector<Quota>& quotas, const std::vector<int64_t>& chain) {
  if (quotas.empty()) return chain.empty() ? 0 : chain.front();
  for (int64_t u : chain)
    for (const auto& q : quotas)
      if (q.unit_id == u) return u;
  return 0;
}

std::string SeatRefusal(const Session& s, int64_t seat_unit, int enrolled_total,
                        int enrolled_of_unit) {
  if (enrolled_total >= s.capacity) return "session_full";
  if (s.quotas.empty()) return "";
  for (const auto& q : s.quotas)
    if (q.unit_id == seat_unit) return enrolled_of_unit >= q.seats ? "quota_full" : "";
  return "quota_full";
}

std::string CertificateSerial(int64_t issued_at, int64_t id) {
  std::string n = std::to_string(id);
  if (n.size() < 6) n.insert(0, 6 - n.size(), '0');
  return "ZS-PX-" + LocalDateOfMs(issued_at).substr(0, 4) + "-" + n;
}

}  // namespace zhaoshang::training
