#pragma once
// Training (应知应会): courses, question banks, quizzes and their attempts, sessions and
// attendance. The types the pure rules and (later) the store and service share.
#include <cstdint>
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

}  // namespace zhaoshang::training
