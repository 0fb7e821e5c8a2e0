#pragma once
// Training, pure: what a question must hold, grading (multiple choice with partial answers),
// the questions an attempt draws and the order it shows them in, whether a person may start an
// attempt, and the attendance sign-in code that is valid only while its session runs. No SQL, no
// HTTP.
#include <map>
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

}  // namespace zhaoshang::training
