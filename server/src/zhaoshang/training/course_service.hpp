#pragma once
// Training courses (应知应会): the outline and the guide articles a course builds on, its
// question bank, the quiz — a paper drawn and shuffled per attempt, graded on hand-in, limited
// retakes, a certificate on the first pass — and completion per person and per unit. Audited.
// No SQL text, no HTTP.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zhaoshang/auth/principal.hpp"
#include "zhaoshang/core/actor.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/core/error.hpp"
#include "zhaoshang/db/database.hpp"
#include "zhaoshang/training/training_store.hpp"
#include "zhaoshang/training/training_types.hpp"

namespace zhaoshang::training {

struct CourseView {
  Course course;
  std::string outline_html;                               // Get only
  std::vector<std::pair<int64_t, std::string>> articles;  // id, title (those that exist)
  store::QuizRecord mine;
  std::string refusal;  // why the caller may not start an attempt now, or empty
  bool editable = false;
};

struct AttemptView {
  Attempt attempt;
  std::string course_title;
  int max_attempts = 0, pass_pct = 0;
  std::optional<Grade> grade;  // once handed in
  std::optional<int64_t> certificate_id;
};

struct CompletionReport {
  std::vector<std::pair<int64_t, std::string>> courses;  // id, title
  std::vector<UnitCompletion> units;
  std::vector<PersonCompletion> people;
};

class CourseService {
 public:
  CourseService(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  std::vector<CourseView> List(const auth::Principal& who);
  Result<CourseView> Get(const auth::Principal& who, int64_t id);
  // Whether the caller may create a course (for its own unit).
  bool MayCreate(const auth::Principal& who);
  // owner_unit_id 0: the caller's unit. Errors: invalid_argument (title, outline's Markdown,
  // article_ids=not_found, quiz.*, owner_unit_id=not_found), forbidden (out of the caller's
  // training.manage scope).
  Result<CourseView> Create(const auth::Principal& who, Course in, const Actor& a);
  Result<CourseView> Update(const auth::Principal& who, int64_t id, Course in, const Actor& a);

  Result<std::vector<Question>> Questions(const auth::Principal& who, int64_t course_id);
  // Option ids are given 1..n in the order written.
  Result<Question> AddQuestion(const auth::Principal& who, int64_t course_id, Question q,
                               const Actor& a);
  Result<Question> UpdateQuestion(const auth::Principal& who, int64_t id, Question q,
                                  const Actor& a);
  Status DeleteQuestion(const auth::Principal& who, int64_t id, const Actor& a);

  // A new paper, or the caller's attempt still open (`resumed`). Conflict with the refusal as
  // its code: quiz_not_open, quiz_closed, retakes_exhausted, already_passed, no_questions.
  Result<AttemptView> Start(const auth::Principal& who, int64_t course_id, const Actor& a,
                            bool* resumed);
  Result<AttemptView> GetAttempt(const auth::Principal& who, int64_t id);
  // Grades and records; a pass issues the certificate. Conflict: attempt_submitted,
  // quiz_closed, time_up; invalid_argument: answers.N.question_id=not_in_paper.
  Result<AttemptView> Submit(const auth::Principal& who, int64_t id, std::vector<Answer> answers,
                             const Actor& a);

  Result<Certificate> GetCertificate(const auth::Principal& who, int64_t id);
  std::vector<Certificate> MyCertificates(const auth::Principal& who);

  // Units and people in the caller's training.report scope (unit_id 0: all of it).
  Result<CompletionReport> Completion(const auth::Principal& who, int64_t course_id,
                                      int64_t unit_id);

  // The quiz rules with the window as moments (the course keeps dates).
  static QuizRules RulesOf(const Course& c);
  // The roles whose holders are staff (they hold training.read).
  static std::vector<std::string> StaffRoles();

 private:
  bool MayManage(db::Connection& c, const auth::Principal& who, int64_t owner_unit_id);
  std::map<std::string, std::string> CheckCourse(db::Connection& c, const Course& x);
  CourseView ViewOf(db::Connection& c, const auth::Principal& who, Course x,
                    const store::QuizRecord& mine, bool full);
  static AttemptView ViewOfAttempt(const Course& x, Attempt a,
                                   std::optional<int64_t> certificate_id);

  db::Database& db_;
  const Clock& clock_;
};

}  // namespace zhaoshang::training
