#include "zhaoshang/training/course_service.hpp"

#include <algorithm>
#include <string>

#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/diff.hpp"
#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/guide/guide_store.hpp"
#include "zhaoshang/guide/markdown.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/training/training_permissions.hpp"
#include "zhaoshang/training/training_rules.hpp"

namespace zhaoshang::training {

namespace {
Error CourseNotFound() { return NotFound("course not found"); }

Error OutOfScope() {
  return Error{ErrorCode::kForbidden,
               "forbidden",
               "you keep the courses of your own unit only",
               {{"owner_unit_id", "out_of_scope"}}};
}

Error Refused(const std::string& code, std::string message) {
  return Error{ErrorCode::kConflict, code, std::move(message), {}};
}

std::map<std::string, std::string> AuditFields(const Course& x) {
  return {{"title", x.title},
          {"summary", x.summary},
          {"owner_unit_id", std::to_string(x.owner_unit_id)},
          {"article_ids", JoinIds(x.article_ids)},
          {"pass_pct", std::to_string(x.quiz.pass_pct)},
          {"max_attempts", std::to_string(x.quiz.max_attempts)},
          {"question_count", std::to_string(x.quiz.question_count)},
          {"time_limit_min", std::to_string(x.quiz.time_limit_min)},
          {"partial", std::string(PartialName(x.quiz.partial))},
          {"opens_on", x.opens_on.value_or("")},
          {"closes_on", x.closes_on.value_or("")}};
}

std::map<std::string, std::string> QuestionFields(const Question& q) {
  std::string right, options;
  for (const auto& o : q.options) {
    options += (options.empty() ? "" : " | ") + o.text;
    if (o.correct) right += (right.empty() ? "" : ",") + std::to_string(o.id);
  }
  return {{"kind", std::string(QuestionKindName(q.kind))},
          {"stem", q.stem},
          {"options", options},
          {"right", right},
          {"points", std::to_string(q.points)}};
}

// Option ids are their positions, 1..n.
void NumberOptions(Question& q) {
  int n = 0;
  for (auto& o : q.options) o.id = ++n;
}

uint64_t NewSeed() { return std::stoull(RandomHex(8), nullptr, 16); }
}  // namespace

QuizRules CourseService::RulesOf(const Course& c) {
  QuizRules r = c.quiz;
  r.opens_at = c.opens_on ? std::optional<int64_t>(LocalDayStartMs(*c.opens_on)) : std::nullopt;
  r.closes_at = c.closes_on ? std::optional<int64_t>(LocalDayStartMs(AddDays(*c.closes_on, 1)))
                            : std::nullopt;
  return r;
}

std::vector<std::string> CourseService::StaffRoles() {
  std::vector<std::string> out;
  for (const auto& r : org::AllRoles())
    if (org::ResolveScope({std::string(r.code)}, perm::kTrainingRead)) out.emplace_back(r.code);
  return out;
}

bool CourseService::MayManage(db::Connection& c, const auth::Principal& who, int64_t owner) {
  return org::store::UnitInScope(c, who.roles, who.unit_id, perm::kTrainingManage, owner);
}

bool CourseService::MayCreate(const auth::Principal& who) {
  auto c = db_.Acquire();
  return MayManage(*c, who, who.unit_id);
}

std::map<std::string, std::string> CourseService::CheckCourse(db::Connection& c, const Course& x) {
  auto bad = CheckQuiz(x.quiz, x.opens_on, x.closes_on);
  if (x.title.empty())
    bad["title"] = "required";
  else if (Utf8Length(x.title) > kMaxCourseTitleChars)
    bad["title"] = "too_long";
  if (Utf8Length(x.summary) > kMaxSummaryChars) bad["summary"] = "too_long";
  if (Utf8Length(x.outline) > kMaxOutlineChars) {
    bad["outline"] = "too_long";
  } else if (auto r = guide::RenderMarkdown(x.outline); !r.problems.empty()) {
    bad["outline"] = r.problems.front();
  }
  if (x.article_ids.size() > kMaxCourseArticles) {
    bad["article_ids"] = "too_many";
  } else {
    std::set<int64_t> ids(x.article_ids.begin(), x.article_ids.end());
    if (ids.size() != x.article_ids.size())
      bad["article_ids"] = "duplicate";
    else if (guide::store::ArticleTitles(c, ids).size() != ids.size())
      bad["article_ids"] = "not_found";
  }
  if (!org::store::GetUnit(c, x.owner_unit_id)) bad["owner_unit_id"] = "not_found";
  return bad;
}

CourseView CourseService::ViewOf(db::Connection& c, const auth::Principal& who, Course x,
                                 const store::QuizRecord& mine, bool full) {
  CourseView v;
  v.editable = MayManage(c, who, x.owner_unit_id);
  v.mine = mine;
  if (x.question_total == 0)
    v.refusal = "no_questions";
  else if (!mine.open_attempt_id)
    v.refusal = AttemptRefusal(RulesOf(x), mine.attempts, mine.passed, clock_.NowMs());
  if (full) {
    v.outline_html = guide::RenderMarkdown(x.outline).html;
    const auto titles = guide::store::ArticleTitles(
        c, std::set<int64_t>(x.article_ids.begin(), x.article_ids.end()));
    for (int64_t id : x.article_ids)
      if (auto it = titles.find(id); it != titles.end()) v.articles.emplace_back(id, it->second);
  } else {
    x.outline.clear();
  }
  v.course = std::move(x);
  return v;
}

std::vector<CourseView> CourseService::List(const auth::Principal& who) {
  auto c = db_.Acquire();
  const auto records = store::QuizRecords(*c, who.user_id);
  const auto keeps = org::store::ScopeUnits(*c, who.roles, who.unit_id, perm::kTrainingManage);
  std::vector<CourseView> out;
  for (auto& x : store::ListCourses(*c)) {
    auto it = records.find(x.id);
    CourseView v = ViewOf(*c, who, std::move(x),
                          it != records.end() ? it->second : store::QuizRecord{}, false);
    v.editable = keeps.Has(v.course.owner_unit_id);
    out.push_back(std::move(v));
  }
  return out;
}

Result<CourseView> CourseService::Get(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto x = store::GetCourse(*c, id);
  if (!x) return Fail(CourseNotFound());
  const auto records = store::QuizRecords(*c, who.user_id);
  auto it = records.find(id);
  return ViewOf(*c, who, std::move(*x), it != records.end() ? it->second : store::QuizRecord{},
                true);
}

Result<CourseView> CourseService::Create(const auth::Principal& who, Course in, const Actor& a) {
  const int64_t now = clock_.NowMs();
  if (in.owner_unit_id == 0) in.owner_unit_id = who.unit_id;
  auto c = db_.Acquire();
  if (auto bad = CheckCourse(*c, in); !bad.empty()) return Fail(InvalidArgument(bad));
  if (!MayManage(*c, who, in.owner_unit_id)) return Fail(OutOfScope());
  in.created_by = who.user_id;
  in.created_at = in.updated_at = now;
  db::Transaction tx(*c, true);
  in.id = store::InsertCourse(*c, in);
  audit::Diff d;
  for (const auto& [k, v] : AuditFields(in)) d.Created(k, v);
  audit::Append(*c, now, a,
                {"training.course_create", "training_course", std::to_string(in.id), d.Json()});
  tx.Commit();
  return Get(who, in.id);
}

Result<CourseView> CourseService::Update(const auth::Principal& who, int64_t id, Course in,
                                         const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetCourse(*c, id);
  if (!before) return Fail(CourseNotFound());
  if (!MayManage(*c, who, before->owner_unit_id)) return Fail(OutOfScope());
  if (in.owner_unit_id == 0) in.owner_unit_id = before->owner_unit_id;
  if (auto bad = CheckCourse(*c, in); !bad.empty()) return Fail(InvalidArgument(bad));
  if (!MayManage(*c, who, in.owner_unit_id)) return Fail(OutOfScope());
  in.id = id;
  in.created_by = before->created_by;
  in.created_at = before->created_at;
  in.updated_at = now;
  audit::Diff d;
  const auto was = AuditFields(*before);
  for (const auto& [k, v] : AuditFields(in)) d.Change(k, was.at(k), v);
  if (in.outline != before->outline) d.Change("outline", "…", "(changed)");
  if (d.empty()) return Get(who, id);  // nothing changed
  store::UpdateCourse(*c, in);
  audit::Append(*c, now, a,
                {"training.course_update", "training_course", std::to_string(id), d.Json()});
  tx.Commit();
  return Get(who, id);
}

Result<std::vector<Question>> CourseService::Questions(const auth::Principal& who,
                                                       int64_t course_id) {
  auto c = db_.Acquire();
  auto x = store::GetCourse(*c, course_id);
  if (!x) return Fail(CourseNotFound());
  if (!MayManage(*c, who, x->owner_unit_id)) return Fail(OutOfScope());
  return store::Bank(*c, course_id);
}

Result<Question> CourseService::AddQuestion(const auth::Principal& who, int64_t course_id,
                                            Question q, const Actor& a) {
  const int64_t now = clock_.NowMs();
  NumberOptions(q);
  if (auto bad = CheckQuestion(q); !bad.empty()) return Fail(InvalidArgument(bad));
  if (Utf8Length(q.explanation) > kMaxExplanationChars)
    return Fail(InvalidArgument({{"explanation", "too_long"}}));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto x = store::GetCourse(*c, course_id);
  if (!x) return Fail(CourseNotFound());
  if (!MayManage(*c, who, x->owner_unit_id)) return Fail(OutOfScope());
  q.id = store::InsertQuestion(*c, course_id, q, now);
  audit::Diff d;
  d.Created("course_id", std::to_string(course_id));
  for (const auto& [k, v] : QuestionFields(q)) d.Created(k, v);
  audit::Append(*c, now, a,
                {"training.question_create", "training_question", std::to_string(q.id), d.Json()});
  tx.Commit();
  return q;
}

Result<Question> CourseService::UpdateQuestion(const auth::Principal& who, int64_t id, Question q,
                                               const Actor& a) {
  const int64_t now = clock_.NowMs();
  NumberOptions(q);
  q.id = id;
  if (auto bad = CheckQuestion(q); !bad.empty()) return Fail(InvalidArgument(bad));
  if (Utf8Length(q.explanation) > kMaxExplanationChars)
    return Fail(InvalidArgument({{"explanation", "too_long"}}));
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetQuestion(*c, id);
  if (!before) return Fail(NotFound("question not found"));
  auto x = store::GetCourse(*c, before->first);
  if (!x || !MayManage(*c, who, x->owner_unit_id)) return Fail(OutOfScope());
  audit::Diff d;
  const auto was = QuestionFields(before->second);
  for (const auto& [k, v] : QuestionFields(q)) d.Change(k, was.at(k), v);
  d.Change("explanation", before->second.explanation, q.explanation);
  if (d.empty()) return before->second;
  store::UpdateQuestion(*c, q, now);
  audit::Append(*c, now, a,
                {"training.question_update", "training_question", std::to_string(id), d.Json()});
  tx.Commit();
  return q;
}

Status CourseService::DeleteQuestion(const auth::Principal& who, int64_t id, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto before = store::GetQuestion(*c, id);
  if (!before) return Fail(NotFound("question not found"));
  auto x = store::GetCourse(*c, before->first);
  if (!x || !MayManage(*c, who, x->owner_unit_id)) return Fail(OutOfScope());
  store::DeactivateQuestion(*c, id, now);
  audit::Diff d;
  d.Change("stem", before->second.stem, std::nullopt);
  audit::Append(*c, now, a,
                {"training.question_delete", "training_question", std::to_string(id), d.Json()});
  tx.Commit();
  return {};
}

AttemptView CourseService::ViewOfAttempt(const Course& x, Attempt a,
                                         std::optional<int64_t> certificate_id) {
  AttemptView v;
  v.course_title = x.title;
  v.max_attempts = x.quiz.max_attempts;
  v.pass_pct = x.quiz.pass_pct;
  if (a.submitted_at) {
    Grade g = GradeAttempt(a.paper, a.answers, x.quiz);
    // What was recorded stands (the pass mark may have changed since).
    g.earned = a.earned;
    g.points = a.points;
    g.pct = a.pct;
    g.passed = a.passed;
    v.grade = std::move(g);
    v.certificate_id = certificate_id;
  }
  v.attempt = std::move(a);
  return v;
}

Result<AttemptView> CourseService::Start(const auth::Principal& who, int64_t course_id,
                                         const Actor& a, bool* resumed) {
  const int64_t now = clock_.NowMs();
  *resumed = false;
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto x = store::GetCourse(*c, course_id);
  if (!x) return Fail(CourseNotFound());
  const auto records = store::QuizRecords(*c, who.user_id);
  const store::QuizRecord mine =
      records.count(course_id) ? records.at(course_id) : store::QuizRecord{};
  if (mine.open_attempt_id) {
    auto open = store::GetAttempt(*c, *mine.open_attempt_id);
    if (open) {
      *resumed = true;
      return ViewOfAttempt(*x, std::move(*open), std::nullopt);
    }
  }
  const QuizRules rules = RulesOf(*x);
  if (auto why = AttemptRefusal(rules, mine.attempts, mine.passed, now); !why.empty())
    return Fail(Refused(why, "the quiz cannot be started now"));
  auto bank = store::Bank(*c, course_id);
  if (bank.empty()) return Fail(Refused("no_questions", "the course has no questions yet"));
  Attempt at;
  at.course_id = course_id;
  at.user_id = who.user_id;
  at.number = mine.attempts + 1;
  at.paper = DrawPaper(bank, rules.question_count, NewSeed());
  at.started_at = now;
  at.deadline_at = AttemptDeadline(rules, now);
  at.id = store::InsertAttempt(*c, at);
  audit::Diff d;
  d.Created("course_id", std::to_string(course_id));
  d.Created("number", std::to_string(at.number));
  d.Created("questions", std::to_string(at.paper.size()));
  audit::Append(*c, now, a,
                {"training.attempt_start", "training_attempt", std::to_string(at.id), d.Json()});
  tx.Commit();
  return ViewOfAttempt(*x, std::move(at), std::nullopt);
}

Result<AttemptView> CourseService::GetAttempt(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto at = store::GetAttempt(*c, id);
  if (!at || at->user_id != who.user_id) return Fail(NotFound("attempt not found"));
  auto x = store::GetCourse(*c, at->course_id);
  if (!x) return Fail(CourseNotFound());
  const auto cert = store::CertificateOf(*c, at->course_id, at->user_id);
  return ViewOfAttempt(*x, std::move(*at), cert);
}

Result<AttemptView> CourseService::Submit(const auth::Principal& who, int64_t id,
                                          std::vector<Answer> answers, const Actor& a) {
  const int64_t now = clock_.NowMs();
  auto c = db_.Acquire();
  db::Transaction tx(*c, true);
  auto at = store::GetAttempt(*c, id);
  if (!at || at->user_id != who.user_id) return Fail(NotFound("attempt not found"));
  auto x = store::GetCourse(*c, at->course_id);
  if (!x) return Fail(CourseNotFound());
  const QuizRules rules = RulesOf(*x);
  if (auto why = SubmitRefusal(rules, at->submitted_at.has_value(), at->deadline_at, now);
      !why.empty())
    return Fail(Refused(why, "the answers cannot be handed in"));
  std::set<int64_t> in_paper;
  for (const auto& q : at->paper) in_paper.insert(q.id);
  std::map<std::string, std::string> bad;
  for (size_t i = 0; i < answers.size(); ++i)
    if (!in_paper.count(answers[i].question_id))
      bad["answers." + std::to_string(i) + ".question_id"] = "not_in_paper";
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  const Grade g = GradeAttempt(at->paper, answers, rules);
  at->answers = std::move(answers);
  at->submitted_at = now;
  at->earned = g.earned;
  at->points = g.points;
  at->pct = g.pct;
  at->passed = g.passed;
  if (!store::SubmitAttempt(*c, *at))
    return Fail(Refused("attempt_submitted", "the answers were handed in already"));
  audit::Diff d;
  d.Created("score", std::to_string(g.earned) + "/" + std::to_string(g.points));
  d.Created("passed", g.passed ? "true" : "false");
  std::optional<int64_t> cert_id = store::CertificateOf(*c, at->course_id, who.user_id);
  if (g.passed && !cert_id) {
    Certificate cert;
    cert.course_id = at->course_id;
    cert.user_id = who.user_id;
    cert.attempt_id = at->id;
    cert.pct = g.pct;
    cert.issued_at = now;
    cert_id = store::InsertCertificate(*c, cert);
    d.Created("certificate_id", std::to_string(*cert_id));
  }
  audit::Append(*c, now, a,
                {"training.attempt_submit", "training_attempt", std::to_string(id), d.Json()});
  tx.Commit();
  return ViewOfAttempt(*x, std::move(*at), cert_id);
}

Result<Certificate> CourseService::GetCertificate(const auth::Principal& who, int64_t id) {
  auto c = db_.Acquire();
  auto x = store::GetCertificate(*c, id);
  if (!x) return Fail(NotFound("certificate not found"));
  if (x->user_id != who.user_id) {
    auto holder = org::store::GetUser(*c, x->user_id);
    if (!holder || !org::store::UnitInScope(*c, who.roles, who.unit_id, perm::kTrainingReport,
                                            holder->unit_id))
      return Fail(NotFound("certificate not found"));
  }
  return *x;
}

std::vector<Certificate> CourseService::MyCertificates(const auth::Principal& who) {
  auto c = db_.Acquire();
  return store::CertificatesOf(*c, who.user_id);
}

Result<CompletionReport> CourseService::Completion(const auth::Principal& who, int64_t course_id,
                                                   int64_t unit_id) {
  auto c = db_.Acquire();
  CompletionReport r;
  for (const auto& x : store::ListCourses(*c)) r.courses.emplace_back(x.id, x.title);
  if (course_id > 0 && std::none_of(r.courses.begin(), r.courses.end(),
                                    [&](const auto& p) { return p.first == course_id; }))
    return Fail(InvalidArgument({{"course_id", "not_found"}}));
  auto scope = org::store::ScopeUnits(*c, who.roles, who.unit_id, perm::kTrainingReport);
  if (unit_id > 0) {
    if (!org::store::GetUnit(*c, unit_id)) return Fail(InvalidArgument({{"unit_id", "not_found"}}));
    if (!scope.Has(unit_id)) return Fail(Forbidden("unit out of scope"));
    std::set<int64_t> sub = org::store::Subtree(*c, unit_id);
    if (!scope.all)
      for (auto it = sub.begin(); it != sub.end();)
        it = scope.units.count(*it) ? std::next(it) : sub.erase(it);
    scope = {false, std::move(sub)};
  }
  r.people = store::Completion(*c, StaffRoles(), scope.all, scope.units, course_id);
  const auto enrolled = store::EnrolledUsers(*c, course_id);
  std::map<int64_t, UnitCompletion> units;
  std::vector<int64_t> order;
  for (const auto& p : r.people) {
    auto [it, fresh] = units.try_emplace(p.unit_id);
    UnitCompletion& u = it->second;
    if (fresh) {
      u.unit_id = p.unit_id;
      u.unit_name = p.unit_name;
      order.push_back(p.unit_id);
    }
    ++u.staff;
    if (enrolled.count(p.user_id)) ++u.enrolled;
    if (p.sessions_attended > 0) ++u.attended;
    if (p.courses_passed > 0) ++u.passed;
  }
  for (int64_t id : order) {
    UnitCompletion u = units[id];
    u.rate_pct = u.staff > 0 ? u.passed * 100 / u.staff : 0;
    r.units.push_back(std::move(u));
  }
  return r;
}

}  // namespace zhaoshang::training
