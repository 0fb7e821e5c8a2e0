#pragma once
// All SQL of the training module: training_courses, training_questions, training_sessions,
// training_session_quotas, training_enrolments, training_attempts, training_certificates.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"
#include "zhaoshang/training/training_types.hpp"

namespace zhaoshang::training::store {

// Courses, with the owner unit's name, the size of the bank and the number of sessions.
int64_t InsertCourse(db::Connection& c, const Course& x);
void UpdateCourse(db::Connection& c, const Course& x);
std::optional<Course> GetCourse(db::Connection& c, int64_t id);
std::vector<Course> ListCourses(db::Connection& c);  // newest first

// The question bank (active questions, oldest first).
std::vector<Question> Bank(db::Connection& c, int64_t course_id);
// The question and its course, active or not.
std::optional<std::pair<int64_t, Question>> GetQuestion(db::Connection& c, int64_t id);
int64_t InsertQuestion(db::Connection& c, int64_t course_id, const Question& q, int64_t now);
void UpdateQuestion(db::Connection& c, const Question& q, int64_t now);
void DeactivateQuestion(db::Connection& c, int64_t id, int64_t now);

// Sessions with their course's title and owner unit, the seats taken and the quotas.
int64_t InsertSession(db::Connection& c, const Session& s, int64_t by, int64_t now);
// Updates the row and makes `s.quotas` the session's quotas.
void UpdateSession(db::Connection& c, const Session& s, int64_t now);
std::optional<Session> GetSession(db::Connection& c, int64_t id);
// course_id 0: every course. `when`: "upcoming" (not ended, soonest first), "past" (ended,
// latest first), anything else every session, latest first.
std::vector<Session> ListSessions(db::Connection& c, int64_t course_id, const std::string& when,
                                  int64_t now);

std::vector<Enrolment> Enrolments(db::Connection& c, int64_t session_id);
std::optional<Enrolment> GetEnrolment(db::Connection& c, int64_t session_id, int64_t user_id);
// The caller's enrolments by session id.
std::map<int64_t, Enrolment> EnrolmentsOf(db::Connection& c, int64_t user_id);
// False when already enrolled.
bool InsertEnrolment(db::Connection& c, const Enrolment& e);
bool DeleteEnrolment(db::Connection& c, int64_t session_id, int64_t user_id);
// Marks (or, with no time, clears) attendance; false when not enrolled.
bool SetAttended(db::Connection& c, int64_t session_id, int64_t user_id, std::optional<int64_t> at,
                 const std::optional<std::string>& via);

int64_t InsertAttempt(db::Connection& c, const Attempt& a);
std::optional<Attempt> GetAttempt(db::Connection& c, int64_t id);
// Records the answers and the grade; false when it was handed in already.
bool SubmitAttempt(db::Connection& c, const Attempt& a);
// One person's quiz record per course.
struct QuizRecord {
  int attempts = 0;
  std::optional<int> best_pct;
  bool passed = false;
  std::optional<int64_t> open_attempt_id, certificate_id;
};
std::map<int64_t, QuizRecord> QuizRecords(db::Connection& c, int64_t user_id);

// Issues the certificate (its serial from its id); the id.
int64_t InsertCertificate(db::Connection& c, const Certificate& x);
std::optional<Certificate> GetCertificate(db::Connection& c, int64_t id);
// The id of a person's certificate of a course, if any.
std::optional<int64_t> CertificateOf(db::Connection& c, int64_t course_id, int64_t user_id);
std::vector<Certificate> CertificatesOf(db::Connection& c, int64_t user_id);

// Completion: the people who hold any of `roles` (active accounts, in `units` unless `all`),
// with what they attended and passed (of `course_id`, or any course when 0).
std::vector<PersonCompletion> Completion(db::Connection& c, const std::vector<std::string>& roles,
                                         bool all, const std::set<int64_t>& units,
                                         int64_t course_id);
// People enrolled in sessions (of `course_id`, or any) by user id.
std::set<int64_t> EnrolledUsers(db::Connection& c, int64_t course_id);

// Names by id (the audit log's objects): course titles, question stems, "<course> <date>" for
// sessions, "<course> #n" for attempts.
std::map<int64_t, std::string> CourseTitles(db::Connection& c, const std::set<int64_t>& ids);
std::map<int64_t, std::string> QuestionStems(db::Connection& c, const std::set<int64_t>& ids);
std::map<int64_t, std::string> SessionNames(db::Connection& c, const std::set<int64_t>& ids);
std::map<int64_t, std::string> AttemptNames(db::Connection& c, const std::set<int64_t>& ids);

}  // namespace zhaoshang::training::store
