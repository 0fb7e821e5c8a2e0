#pragma once
// Training, pure: what a question must hold, grading (multiple choice with partial answers),
// the questions an attempt draws and the order it shows them in, whether a person may start an
// attempt, and the attendance sign-in code that is valid only while its session runs. No SQL, no
// HTTP.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhaoshang/training/training_types.hpp"

namespace zhaoshang::training {

std::string_view QuestionKindName(QuestionKind k);
std::optional<QuestionKind> ParseQuestionKind(std::string_view s);

inline constexpr size_t kMinOptions = 2, kMaxOptions = 8, kMaxStemChars = 500,
                        kMaxOptionChars = 200;

// Field errors of a question as written ("options" …): a single choice has exactly one right
// option, a multiple choice at least two, a true/false question exactly two options and one of
// them right; options 2–8, unique, none empty; points 1–100.
std::map<std::string, std::string> CheckQuestion(const Question& q);

// Grades answers against the questions of an attempt (an answer to a question not in it is
// ignored; a question not answered earns nothing; an option id the question lacks makes the
// answer wrong).
Grade GradeAttempt(const std::vector<Question>& questions, const std::vector<Answer>& answers,
                   const QuizRules& rules);

// The questions an attempt asks, in the order it shows them, and each question's options
// shuffled: a deterministic function of the seed (the attempt's), so the same attempt shows the
// same paper again. `count` 0 or more than the bank: every question.
std::vector<Question> DrawPaper(const std::vector<Question>& bank, int count, uint64_t seed);

// Why a person may not start an attempt now, or empty: "quiz_not_open", "quiz_closed",
// "retakes_exhausted", "already_passed".
std::string AttemptRefusal(const QuizRules& rules, int attempts_made, bool passed, int64_t now);

// The code a session's QR sign-in link carries: HMAC-SM3 over the session id and its window,
// so a code from another session or an edited window does not verify. `key` is the server's
// secret.
std::string SignInCode(std::string_view key, int64_t session_id, int64_t starts_at,
                       int64_t ends_at);
// Why a sign-in is refused, or empty: "invalid_code", "session_not_started" (more than
// kSignInEarlyMs before the start), "session_ended" (after the end).
inline constexpr int64_t kSignInEarlyMs = int64_t{30} * 60 * 1000;
std::string SignInRefusal(std::string_view key, std::string_view code, int64_t session_id,
                          int64_t starts_at, int64_t ends_at, int64_t now);

// Course limits and what a course's quiz rules must hold ("quiz.pass_pct" …): pass mark 1–100,
// attempts 1–10, questions per paper 0–200, time limit 0–240 minutes, the last day not before
// the first.
inline constexpr size_t kMaxCourseTitleChars = 80, kMaxSummaryChars = 200, kMaxOutlineChars = 20000,
                        kMaxCourseArticles = 20, kMaxExplanationChars = 1000, kMaxPlaceChars = 100,
                        kMaxTrainerChars = 50;
inline constexpr int kMaxCapacity = 1000, kMaxAttemptsLimit = 10, kMaxQuestionCount = 200,
                     kMaxTimeLimitMin = 240;
std::map<std::string, std::string> CheckQuiz(const QuizRules& q,
                                             const std::optional<std::string>& opens_on,
                                             const std::optional<std::string>& closes_on);
std::string_view PartialName(PartialRule p);  // "half", "strict"
std::optional<PartialRule> ParsePartial(std::string_view s);

// The moment an attempt must be handed in by: its time limit, cut at the quiz's close; none
// when neither applies.
std::optional<int64_t> AttemptDeadline(const QuizRules& rules, int64_t started_at);
// A hand-in is taken up to this long after the deadline (the network, a slow phone).
inline constexpr int64_t kSubmitGraceMs = int64_t{2} * 60 * 1000;
// Why answers may not be handed in now, or empty: "attempt_submitted", "quiz_closed",
// "time_up".
std::string SubmitRefusal(const QuizRules& rules, bool submitted,
                          const std::optional<int64_t>& deadline_at, int64_t now);

// What a session must hold ("ends_at", "place", "capacity", "quotas" …): it ends after it starts
// and lasts at most 14 days, a place, capacity 1–1000 and not below those enrolled, quotas for
// distinct units with seats 1..capacity that sum to at most the capacity.
inline constexpr int64_t kMaxSessionMs = int64_t{14} * 24 * 3600 * 1000;
std::map<std::string, std::string> CheckSession(const Session& s, int enrolled);

// "upcoming" (before the start), "running", "ended" (after the end).
std::string_view SessionState(int64_t starts_at, int64_t ends_at, int64_t now);

// The quota a person's seat comes from: the first of `chain` (their unit, then its ancestors,
// nearest first) that has one; 0 when the session has quotas and none of them fits; the
// person's own unit when the session has none.
int64_t SeatUnit(const std::vector<Quota>& quotas, const std::vector<int64_t>& chain);
// Why a seat cannot be taken, or empty: "session_full" (capacity), "quota_full" (the unit's
// seats are taken, or the session has quotas and none for the unit).
std::string SeatRefusal(const Session& s, int64_t seat_unit, int enrolled_total,
                        int enrolled_of_unit);

// "ZS-PX-2026-000017": the year it was issued (in China) and the certificate's id.
std::string CertificateSerial(int64_t issued_at, int64_t id);

}  // namespace zhaoshang::training
