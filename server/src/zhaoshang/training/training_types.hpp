#pragma once
// Training (应知应会): courses, question banks, quizzes and their attempts, sessions and
// attendance, certificates and completion. The types the rules, the store and the services share.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace zhaoshang::training {

// 单选 · 多选 · 判断.
enum class QuestionKind { kSingle, kMultiple, kTrueFalse };

struct Option {
  int id = 0;  // stable within the question (its position when written): answers name these
  std::string text;
  bool correct = false;
};

struct Question {
  int64_t id = 0;
  QuestionKind kind = QuestionKind::kSingle;
  std::string stem;
  std::vector<Option> options;
  int points = 1;
  std::string explanation;  // shown after grading
};

// A multiple-choice question answered with only some of the right options and no wrong one:
// none of the points (kStrict) or half of them, rounded down (kHalfForSubset: 少选得一半分).
enum class PartialRule { kStrict, kHalfForSubset };

struct QuizRules {
  int pass_pct = 60;       // the share of the points that passes
  int max_attempts = 3;    // attempts per person (the first one included)
  int question_count = 0;  // drawn from the bank per attempt; 0: every question
  int time_limit_min = 0;  // per attempt; 0: none
  PartialRule partial = PartialRule::kHalfForSubset;
  std::optional<int64_t> opens_at, closes_at;  // epoch ms; none: always open
};

// One person's answer to one question: the option ids chosen.
struct Answer {
  int64_t question_id = 0;
  std::vector<int> chosen;
};

struct QuestionResult {
  int64_t question_id = 0;
  int points = 0, earned = 0;
  bool correct = false;  // every point earned
};

struct Grade {
  int points = 0, earned = 0;
  int pct = 0;  // earned / points, rounded down
  bool passed = false;
  std::vector<QuestionResult> questions;
};

// A course: its outline (Markdown), the guide articles it builds on, and its quiz. The quiz's
// window is kept as dates (opens_on's first moment to closes_on's last) and given to the rules as
// `quiz.opens_at`/`closes_at`.
struct Course {
  int64_t id = 0;
  std::string title, summary, outline;
  int64_t owner_unit_id = 0;
  std::string owner_unit_name;
  std::vector<int64_t> article_ids;
  QuizRules quiz;
  std::optional<std::string> opens_on, closes_on;
  int question_total = 0, session_count = 0;  // read with the course
  int64_t created_by = 0, created_at = 0, updated_at = 0;
};

struct Quota {
  int64_t unit_id = 0;
  std::string unit_name;
  int seats = 0;
  int enrolled = 0;  // read
};

struct Session {
  int64_t id = 0, course_id = 0;
  std::string course_title;
  int64_t starts_at = 0, ends_at = 0;
  std::string place, trainer;
  int capacity = 0;
  int enrolled = 0, attended = 0;  // read
  std::vector<Quota> quotas;
  int64_t owner_unit_id = 0;  // the course's
};

struct Enrolment {
  int64_t session_id = 0, user_id = 0, seat_unit_id = 0;
  std::string name, unit_name;  // read
  int64_t enrolled_at = 0, enrolled_by = 0;
  std::optional<int64_t> attended_at;
  std::optional<std::string> via;  // "qr", "manual"
};

struct Attempt {
  int64_t id = 0, course_id = 0, user_id = 0;
  int number = 0;
  std::vector<Question> paper;  // as drawn, options in the order shown, with the right ones
  int64_t started_at = 0;
  std::optional<int64_t> deadline_at, submitted_at;
  std::vector<Answer> answers;
  int earned = 0, points = 0, pct = 0;
  bool passed = false;
};

struct Certificate {
  int64_t id = 0, course_id = 0, user_id = 0, attempt_id = 0;
  std::string serial, course_title, user_name, unit_name, issuer_unit_name;
  int pct = 0;
  int64_t issued_at = 0;
};

// One person's record in one course (completion).
struct PersonCourse {
  bool attended = false, passed = false;
  std::optional<int> best_pct;
};

struct PersonCompletion {
  int64_t user_id = 0, unit_id = 0;
  std::string name, unit_name;
  int sessions_attended = 0, courses_passed = 0;
  std::map<int64_t, PersonCourse> courses;
};

struct UnitCompletion {
  int64_t unit_id = 0;
  std::string unit_name;
  int staff = 0, enrolled = 0, attended = 0, passed = 0;
  int rate_pct = 0;
};

}  // namespace zhaoshang::training
