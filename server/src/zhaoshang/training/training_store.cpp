#include "zhaoshang/training/training_store.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "zhaoshang/core/date.hpp"
#include "zhaoshang/core/text.hpp"
#include "zhaoshang/training/training_rules.hpp"

namespace zhaoshang::training::store {
namespace json = boost::json;

namespace {
db::Param OptText(const std::optional<std::string>& v) {
  return v ? db::Param(*v) : db::Param(nullptr);
}

json::array OptionsJson(const std::vector<Option>& options) {
  json::array a;
  for (const auto& o : options)
    a.push_back(json::object{{"id", o.id}, {"text", o.text}, {"correct", o.correct}});
  return a;
}

std::vector<Option> ParseOptions(const json::value& v) {
  std::vector<Option> out;
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    Option opt;
    if (const auto* id = o.if_contains("id"); id && id->is_int64())
      opt.id = static_cast<int>(id->as_int64());
    if (const auto* t = o.if_contains("text"); t && t->is_string()) opt.text = t->as_string();
    if (const auto* r = o.if_contains("correct"); r && r->is_bool()) opt.correct = r->as_bool();
    out.push_back(std::move(opt));
  }
  return out;
}

json::value ParseOrNull(const std::string& s) {
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  return ec ? json::value(nullptr) : v;
}

std::string PaperJson(const std::vector<Question>& paper) {
  json::array a;
  for (const auto& q : paper)
    a.push_back(json::object{{"id", q.id},
                             {"kind", QuestionKindName(q.kind)},
                             {"stem", q.stem},
                             {"points", q.points},
                             {"explanation", q.explanation},
                             {"options", OptionsJson(q.options)}});
  return json::serialize(a);
}

std::vector<Question> ParsePaper(const std::string& s) {
  std::vector<Question> out;
  const json::value v = ParseOrNull(s);
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto& o = x.as_object();
    Question q;
    if (const auto* id = o.if_contains("id"); id && id->is_int64()) q.id = id->as_int64();
    if (const auto* k = o.if_contains("kind"); k && k->is_string())
      q.kind = ParseQuestionKind(std::string(k->as_string())).value_or(QuestionKind::kSingle);
    if (const auto* t = o.if_contains("stem"); t && t->is_string()) q.stem = t->as_string();
    if (const auto* p = o.if_contains("points"); p && p->is_int64())
      q.points = static_cast<int>(p->as_int64());
    if (const auto* e = o.if_contains("explanation"); e && e->is_string())
      q.explanation = e->as_string();
    if (const auto* opts = o.if_contains("options")) q.options = ParseOptions(*opts);
    out.push_back(std::move(q));
  }
  return out;
}

std::string AnswersJson(const std::vector<Answer>& answers) {
  json::array a;
  for (const auto& x : answers) {
    json::array chosen;
    for (int c : x.chosen) chosen.push_back(c);
    a.push_back(json::object{{"question_id", x.question_id}, {"chosen", std::move(chosen)}});
  }
  return json::serialize(a);
}

std::vector<Answer> ParseAnswers(const std::string& s) {
  std::vector<Answer> out;
  const json::value v = ParseOrNull(s);
  if (!v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    Answer a;
    if (const auto* q = x.as_object().if_contains("question_id"); q && q->is_int64())
      a.question_id = q->as_int64();
    if (const auto* ch = x.as_object().if_contains("chosen"); ch && ch->is_array())
      for (const auto& c : ch->as_array())
        if (c.is_int64()) a.chosen.push_back(static_cast<int>(c.as_int64()));
    out.push_back(std::move(a));
  }
  return out;
}

constexpr const char* kCourseSelect =
    "SELECT c.id, c.title, c.summary, c.outline, c.owner_unit_id, COALESCE(u.name, ''), "
    "c.article_ids, c.pass_pct, c.max_attempts, c.question_count, c.time_limit_min, c.partial, "
    "c.opens_on, c.closes_on, c.created_by, c.created_at, c.updated_at, "
    "(SELECT COUNT(*) FROM training_questions q WHERE q.course_id = c.id AND q.active = 1), "
    "(SELECT COUNT(*) FROM training_sessions s WHERE s.course_id = c.id) "
    "FROM training_courses c LEFT JOIN org_units u ON u.id = c.owner_unit_id ";

std::vector<Course> Courses(const db::ResultSet& rs) {
  std::vector<Course> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    Course x;
    x.id = r.Int(0);
    x.title = r.Text(1);
    x.summary = r.Text(2);
    x.outline = r.Text(3);
    x.owner_unit_id = r.Int(4);
    x.owner_unit_name = r.Text(5);
    x.article_ids = SplitIds(r.Text(6));
    x.quiz.pass_pct = static_cast<int>(r.Int(7));
    x.quiz.max_attempts = static_cast<int>(r.Int(8));
    x.quiz.question_count = static_cast<int>(r.Int(9));
    x.quiz.time_limit_min = static_cast<int>(r.Int(10));
    x.quiz.partial = ParsePartial(r.Text(11)).value_or(PartialRule::kHalfForSubset);
    x.opens_on = r.OptText(12);
    x.closes_on = r.OptText(13);
    x.created_by = r.OptInt(14).value_or(0);
    x.created_at = r.Int(15);
    x.updated_at = r.Int(16);
    x.question_total = static_cast<int>(r.Int(17));
    x.session_count = static_cast<int>(r.Int(18));
    out.push_back(std::move(x));
  }
  return out;
}

db::Params CourseParams(const Course& x) {
  return {x.title,
          x.summary,
          x.outline,
          x.owner_unit_id,
          JoinIds(x.article_ids),
          int64_t{x.quiz.pass_pct},
          int64_t{x.quiz.max_attempts},
          int64_t{x.quiz.question_count},
          int64_t{x.quiz.time_limit_min},
          std::string(PartialName(x.quiz.partial)),
          OptText(x.opens_on),
          OptText(x.closes_on),
          x.updated_at};
}

std::vector<Question> Questions(const db::ResultSet& rs, size_t from) {
  std::vector<Question> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    Question q;
    q.id = r.Int(from);
    q.kind = ParseQuestionKind(r.Text(from + 1)).value_or(QuestionKind::kSingle);
    q.stem = r.Text(from + 2);
    q.options = ParseOptions(ParseOrNull(r.Text(from + 3)));
    q.points = static_cast<int>(r.Int(from + 4));
    q.explanation = r.Text(from + 5);
    out.push_back(std::move(q));
  }
  return out;
}

constexpr const char* kSessionSelect =
    "SELECT s.id, s.course_id, c.title, s.starts_at, s.ends_at, s.place, s.trainer, s.capacity, "
    "c.owner_unit_id, "
    "(SELECT COUNT(*) FROM training_enrolments e WHERE e.session_id = s.id), "
    "(SELECT COUNT(*) FROM training_enrolments e WHERE e.session_id = s.id AND "
    "e.attended_at IS NOT NULL) "
    "FROM training_sessions s JOIN training_courses c ON c.id = s.course_id ";

// Sessions with their quotas (and the seats each has taken), in one query for the quotas.
std::vector<Session> Sessions(db::Connection& c, const db::ResultSet& rs) {
  std::vector<Session> out;
  out.reserve(rs.size());
  std::set<int64_t> ids;
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    Session s;
    s.id = r.Int(0);
    s.course_id = r.Int(1);
    s.course_title = r.Text(2);
    s.starts_at = r.Int(3);
    s.ends_at = r.Int(4);
    s.place = r.Text(5);
    s.trainer = r.Text(6);
    s.capacity = static_cast<int>(r.Int(7));
    s.owner_unit_id = r.Int(8);
    s.enrolled = static_cast<int>(r.Int(9));
    s.attended = static_cast<int>(r.Int(10));
    ids.insert(s.id);
    out.push_back(std::move(s));
  }
  if (ids.empty()) return out;
  db::Params p;
  const std::string in = db::InList(ids, p);
  auto qs = c.Query(
      "SELECT q.session_id, q.unit_id, COALESCE(u.name, ''), q.seats, "
      "(SELECT COUNT(*) FROM training_enrolments e WHERE e.session_id = q.session_id AND "
      "e.seat_unit_id = q.unit_id) "
      "FROM training_session_quotas q LEFT JOIN org_units u ON u.id = q.unit_id "
      "WHERE q.session_id IN (" +
          in + ") ORDER BY q.session_id, u.sort_order, q.unit_id",
      p);
  std::map<int64_t, std::vector<Quota>> by;
  for (size_t i = 0; i < qs.size(); ++i)
    by[qs[i].Int(0)].push_back({qs[i].Int(1), qs[i].Text(2), static_cast<int>(qs[i].Int(3)),
                                static_cast<int>(qs[i].Int(4))});
  for (auto& s : out)
    if (auto it = by.find(s.id); it != by.end()) s.quotas = std::move(it->second);
  return out;
}

void PutQuotas(db::Connection& c, const Session& s) {
  c.Execute("DELETE FROM training_session_quotas WHERE session_id = ?", {s.id});
  for (const auto& q : s.quotas)
    c.Execute("INSERT INTO training_session_quotas(session_id, unit_id, seats) VALUES (?,?,?)",
              {s.id, q.unit_id, int64_t{q.seats}});
}

constexpr const char* kEnrolmentSelect =
    "SELECT e.session_id, e.user_id, e.seat_unit_id, COALESCE(u.name, ''), COALESCE(o.name, ''), "
    "e.enrolled_at, e.enrolled_by, e.attended_at, e.attended_via FROM training_enrolments e "
    "LEFT JOIN users u ON u.id = e.user_id LEFT JOIN org_units o ON o.id = u.unit_id ";

std::vector<Enrolment> Enrolments(const db::ResultSet& rs) {
  std::vector<Enrolment> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5),
                   r.OptInt(6).value_or(0), r.OptInt(7), r.OptText(8)});
  }
  return out;
}

constexpr const char* kAttemptSelect =
    "SELECT id, course_id, user_id, number, paper, started_at, deadline_at, submitted_at, "
    "answers, earned, points, pct, passed FROM training_attempts ";

constexpr const char* kCertificateSelect =
    "SELECT x.id, x.course_id, x.user_id, x.attempt_id, x.serial, c.title, COALESCE(u.name, ''), "
    "COALESCE(o.name, ''), COALESCE(w.name, ''), x.pct, x.issued_at "
    "FROM training_certificates x JOIN training_courses c ON c.id = x.course_id "
    "LEFT JOIN users u ON u.id = x.user_id LEFT JOIN org_units o ON o.id = u.unit_id "
    "LEFT JOIN org_units w ON w.id = c.owner_unit_id ";

std::vector<Certificate> Certificates(const db::ResultSet& rs) {
  std::vector<Certificate> out;
  out.reserve(rs.size());
  for (size_t i = 0; i < rs.size(); ++i) {
    const db::Row r = rs[i];
    Certificate x;
    x.id = r.Int(0);
    x.course_id = r.Int(1);
    x.user_id = r.Int(2);
    x.attempt_id = r.Int(3);
    x.serial = r.Text(4);
    x.course_title = r.Text(5);
    x.user_name = r.Text(6);
    x.unit_name = r.Text(7);
    x.issuer_unit_name = r.Text(8);
    x.pct = static_cast<int>(r.Int(9));
    x.issued_at = r.Int(10);
    out.push_back(std::move(x));
  }
  return out;
}
}  // namespace

int64_t InsertCourse(db::Connection& c, const Course& x) {
  db::Params p = CourseParams(x);
  p.emplace_back(x.created_by > 0 ? db::Param(x.created_by) : db::Param(nullptr));
  p.emplace_back(x.created_at);
  return c
      .QueryInt(
          "INSERT INTO training_courses(title, summary, outline, owner_unit_id, article_ids, "
          "pass_pct, max_attempts, question_count, time_limit_min, partial, opens_on, closes_on, "
          "updated_at, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
          "RETURNING id",
          p)
      .value();
}

void UpdateCourse(db::Connection& c, const Course& x) {
  db::Params p = CourseParams(x);
  p.emplace_back(x.id);
  c.Execute(
      "UPDATE training_courses SET title = ?, summary = ?, outline = ?, owner_unit_id = ?, "
      "article_ids = ?, pass_pct = ?, max_attempts = ?, question_count = ?, time_limit_min = ?, "
      "partial = ?, opens_on = ?, closes_on = ?, updated_at = ? WHERE id = ?",
      p);
}

std::optional<Course> GetCourse(db::Connection& c, int64_t id) {
  auto rows = Courses(c.Query(std::string(kCourseSelect) + "WHERE c.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Course> ListCourses(db::Connection& c) {
  return Courses(c.Query(std::string(kCourseSelect) + "ORDER BY c.created_at DESC, c.id DESC"));
}

std::vector<Question> Bank(db::Connection& c, int64_t course_id) {
  return Questions(c.Query("SELECT id, kind, stem, options, points, explanation FROM "
                           "training_questions WHERE course_id = ? AND active = 1 ORDER BY id",
                           {course_id}),
                   0);
}

std::optional<std::pair<int64_t, Question>> GetQuestion(db::Connection& c, int64_t id) {
  auto rs = c.Query(
      "SELECT course_id, id, kind, stem, options, points, explanation FROM training_questions "
      "WHERE id = ? AND active = 1",
      {id});
  if (rs.empty()) return std::nullopt;
  return std::make_pair(rs[0].Int(0), Questions(rs, 1).front());
}

int64_t InsertQuestion(db::Connection& c, int64_t course_id, const Question& q, int64_t now) {
  return c
      .QueryInt(
          "INSERT INTO training_questions(course_id, kind, stem, options, points, explanation, "
          "updated_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
          {course_id, std::string(QuestionKindName(q.kind)), q.stem,
           json::serialize(OptionsJson(q.options)), int64_t{q.points}, q.explanation, now})
      .value();
}

void UpdateQuestion(db::Connection& c, const Question& q, int64_t now) {
  c.Execute(
      "UPDATE training_questions SET kind = ?, stem = ?, options = ?, points = ?, "
      "explanation = ?, updated_at = ? WHERE id = ?",
      {std::string(QuestionKindName(q.kind)), q.stem, json::serialize(OptionsJson(q.options)),
       int64_t{q.points}, q.explanation, now, q.id});
}

void DeactivateQuestion(db::Connection& c, int64_t id, int64_t now) {
  c.Execute("UPDATE training_questions SET active = 0, updated_at = ? WHERE id = ?", {now, id});
}

int64_t InsertSession(db::Connection& c, const Session& s, int64_t by, int64_t now) {
  Session x = s;
  x.id = c.QueryInt(
              "INSERT INTO training_sessions(course_id, starts_at, ends_at, place, trainer, "
              "capacity, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?) "
              "RETURNING id",
              {s.course_id, s.starts_at, s.ends_at, s.place, s.trainer, int64_t{s.capacity},
               by > 0 ? db::Param(by) : db::Param(nullptr), now, now})
             .value();
  PutQuotas(c, x);
  return x.id;
}

void UpdateSession(db::Connection& c, const Session& s, int64_t now) {
  c.Execute(
      "UPDATE training_sessions SET starts_at = ?, ends_at = ?, place = ?, trainer = ?, "
      "capacity = ?, updated_at = ? WHERE id = ?",
      {s.starts_at, s.ends_at, s.place, s.trainer, int64_t{s.capacity}, now, s.id});
  PutQuotas(c, s);
}

std::optional<Session> GetSession(db::Connection& c, int64_t id) {
  auto rows = Sessions(c, c.Query(std::string(kSessionSelect) + "WHERE s.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<Session> ListSessions(db::Connection& c, int64_t course_id, const std::string& when,
                                  int64_t now) {
  std::string sql = std::string(kSessionSelect) + "WHERE 1 = 1";
  db::Params p;
  if (course_id > 0) {
    sql += " AND s.course_id = ?";
    p.emplace_back(course_id);
  }
  if (when == "upcoming") {
    sql += " AND s.ends_at >= ? ORDER BY s.starts_at, s.id";
    p.emplace_back(now);
  } else if (when == "past") {
    sql += " AND s.ends_at < ? ORDER BY s.starts_at DESC, s.id DESC";
    p.emplace_back(now);
  } else {
    sql += " ORDER BY s.starts_at DESC, s.id DESC";
  }
  return Sessions(c, c.Query(sql + " LIMIT 500", p));
}

std::vector<Enrolment> Enrolments(db::Connection& c, int64_t session_id) {
  return Enrolments(c.Query(
      std::string(kEnrolmentSelect) + "WHERE e.session_id = ? ORDER BY e.enrolled_at, e.user_id",
      {session_id}));
}

std::optional<Enrolment> GetEnrolment(db::Connection& c, int64_t session_id, int64_t user_id) {
  auto rows =
      Enrolments(c.Query(std::string(kEnrolmentSelect) + "WHERE e.session_id = ? AND e.user_id = ?",
                         {session_id, user_id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::map<int64_t, Enrolment> EnrolmentsOf(db::Connection& c, int64_t user_id) {
  std::map<int64_t, Enrolment> out;
  for (auto& e :
       Enrolments(c.Query(std::string(kEnrolmentSelect) + "WHERE e.user_id = ?", {user_id})))
    out.emplace(e.session_id, std::move(e));
  return out;
}

bool InsertEnrolment(db::Connection& c, const Enrolment& e) {
  return c.Execute(
             "INSERT INTO training_enrolments(session_id, user_id, seat_unit_id, enrolled_at, "
             "enrolled_by, attended_at, attended_via) VALUES (?,?,?,?,?,?,?) "
             "ON CONFLICT (session_id, user_id) DO NOTHING",
             {e.session_id, e.user_id, e.seat_unit_id, e.enrolled_at,
              e.enrolled_by > 0 ? db::Param(e.enrolled_by) : db::Param(nullptr),
              db::Nullable(e.attended_at), OptText(e.via)}) > 0;
}

bool DeleteEnrolment(db::Connection& c, int64_t session_id, int64_t user_id) {
  return c.Execute("DELETE FROM training_enrolments WHERE session_id = ? AND user_id = ?",
                   {session_id, user_id}) > 0;
}

bool SetAttended(db::Connection& c, int64_t session_id, int64_t user_id, std::optional<int64_t> at,
                 const std::optional<std::string>& via) {
  return c.Execute(
             "UPDATE training_enrolments SET attended_at = ?, attended_via = ? "
             "WHERE session_id = ? AND user_id = ?",
             {db::Nullable(at), OptText(via), session_id, user_id}) > 0;
}

int64_t InsertAttempt(db::Connection& c, const Attempt& a) {
  return c
      .QueryInt(
          "INSERT INTO training_attempts(course_id, user_id, number, paper, started_at, "
          "deadline_at) VALUES (?,?,?,?,?,?) RETURNING id",
          {a.course_id, a.user_id, int64_t{a.number}, PaperJson(a.paper), a.started_at,
           db::Nullable(a.deadline_at)})
      .value();
}

std::optional<Attempt> GetAttempt(db::Connection& c, int64_t id) {
  auto rs = c.Query(std::string(kAttemptSelect) + "WHERE id = ?", {id});
  if (rs.empty()) return std::nullopt;
  const db::Row r = rs[0];
  Attempt a;
  a.id = r.Int(0);
  a.course_id = r.Int(1);
  a.user_id = r.Int(2);
  a.number = static_cast<int>(r.Int(3));
  a.paper = ParsePaper(r.Text(4));
  a.started_at = r.Int(5);
  a.deadline_at = r.OptInt(6);
  a.submitted_at = r.OptInt(7);
  if (!r.IsNull(8)) a.answers = ParseAnswers(r.Text(8));
  a.earned = static_cast<int>(r.OptInt(9).value_or(0));
  a.points = static_cast<int>(r.OptInt(10).value_or(0));
  a.pct = static_cast<int>(r.OptInt(11).value_or(0));
  a.passed = r.Int(12) != 0;
  return a;
}

bool SubmitAttempt(db::Connection& c, const Attempt& a) {
  return c.Execute(
             "UPDATE training_attempts SET submitted_at = ?, answers = ?, earned = ?, points = ?, "
             "pct = ?, passed = ? WHERE id = ? AND submitted_at IS NULL",
             {db::Nullable(a.submitted_at), AnswersJson(a.answers), int64_t{a.earned},
              int64_t{a.points}, int64_t{a.pct}, int64_t{a.passed ? 1 : 0}, a.id}) > 0;
}

std::map<int64_t, QuizRecord> QuizRecords(db::Connection& c, int64_t user_id) {
  std::map<int64_t, QuizRecord> out;
  auto rs = c.Query(
      "SELECT course_id, COUNT(*), MAX(pct), MAX(passed), "
      "MAX(CASE WHEN submitted_at IS NULL THEN id END) FROM training_attempts "
      "WHERE user_id = ? GROUP BY course_id",
      {user_id});
  for (size_t i = 0; i < rs.size(); ++i) {
    QuizRecord& r = out[rs[i].Int(0)];
    r.attempts = static_cast<int>(rs[i].Int(1));
    if (!rs[i].IsNull(2)) r.best_pct = static_cast<int>(rs[i].Int(2));
    r.passed = rs[i].Int(3) != 0;
    r.open_attempt_id = rs[i].OptInt(4);
  }
  auto cs = c.Query("SELECT course_id, id FROM training_certificates WHERE user_id = ?", {user_id});
  for (size_t i = 0; i < cs.size(); ++i) out[cs[i].Int(0)].certificate_id = cs[i].Int(1);
  return out;
}

int64_t InsertCertificate(db::Connection& c, const Certificate& x) {
  const int64_t id =
      c.QueryInt(
           "INSERT INTO training_certificates(course_id, user_id, attempt_id, serial, pct, "
           "issued_at) VALUES (?,?,?,?,?,?) RETURNING id",
           {x.course_id, x.user_id, x.attempt_id, "attempt-" + std::to_string(x.attempt_id),
            int64_t{x.pct}, x.issued_at})
          .value();
  c.Execute("UPDATE training_certificates SET serial = ? WHERE id = ?",
            {CertificateSerial(x.issued_at, id), id});
  return id;
}

std::optional<Certificate> GetCertificate(db::Connection& c, int64_t id) {
  auto rows = Certificates(c.Query(std::string(kCertificateSelect) + "WHERE x.id = ?", {id}));
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<int64_t> CertificateOf(db::Connection& c, int64_t course_id, int64_t user_id) {
  return c.QueryInt("SELECT id FROM training_certificates WHERE course_id = ? AND user_id = ?",
                    {course_id, user_id});
}

std::vector<Certificate> CertificatesOf(db::Connection& c, int64_t user_id) {
  return Certificates(
      c.Query(std::string(kCertificateSelect) + "WHERE x.user_id = ? ORDER BY x.issued_at DESC",
              {user_id}));
}

std::vector<PersonCompletion> Completion(db::Connection& c, const std::vector<std::string>& roles,
                                         bool all, const std::set<int64_t>& units,
                                         int64_t course_id) {
  std::vector<PersonCompletion> out;
  if (roles.empty() || (!all && units.empty())) return out;
  db::Params p;
  std::string in_roles;
  for (const auto& r : roles) {
    in_roles += in_roles.empty() ? "?" : ",?";
    p.emplace_back(r);
  }
  std::string sql =
      "SELECT u.id, u.name, u.unit_id, COALESCE(o.name, '') FROM users u "
      "LEFT JOIN org_units o ON o.id = u.unit_id WHERE u.active = 1 AND EXISTS (SELECT 1 FROM "
      "user_roles r WHERE r.user_id = u.id AND r.role IN (" +
      in_roles + "))";
  if (!all) sql += " AND u.unit_id IN (" + db::InList(units, p) + ")";
  auto rs = c.Query(sql + " ORDER BY o.sort_order, u.unit_id, u.id", p);
  std::map<int64_t, size_t> at;
  for (size_t i = 0; i < rs.size(); ++i) {
    PersonCompletion x;
    x.user_id = rs[i].Int(0);
    x.name = rs[i].Text(1);
    x.unit_id = rs[i].Int(2);
    x.unit_name = rs[i].Text(3);
    at[x.user_id] = out.size();
    out.push_back(std::move(x));
  }
  if (out.empty()) return out;
  const std::string course = course_id > 0 ? " AND s.course_id = ?" : "";
  auto with_course = [&](db::Params q) {
    if (course_id > 0) q.emplace_back(course_id);
    return q;
  };
  auto attended = c.Query(
      "SELECT e.user_id, s.course_id, COUNT(*) FROM training_enrolments e JOIN "
      "training_sessions s ON s.id = e.session_id WHERE e.attended_at IS NOT NULL" +
          course + " GROUP BY e.user_id, s.course_id",
      with_course({}));
  for (size_t i = 0; i < attended.size(); ++i)
    if (auto it = at.find(attended[i].Int(0)); it != at.end()) {
      auto& x = out[it->second];
      x.sessions_attended += static_cast<int>(attended[i].Int(2));
      x.courses[attended[i].Int(1)].attended = true;
    }
  const std::string course_a = course_id > 0 ? " AND course_id = ?" : "";
  auto best = c.Query(
      "SELECT user_id, course_id, MAX(pct), MAX(passed) FROM training_attempts WHERE "
      "submitted_at IS NOT NULL" +
          course_a + " GROUP BY user_id, course_id",
      with_course({}));
  for (size_t i = 0; i < best.size(); ++i)
    if (auto it = at.find(best[i].Int(0)); it != at.end()) {
      auto& pc = out[it->second].courses[best[i].Int(1)];
      pc.best_pct = static_cast<int>(best[i].Int(2));
      if (best[i].Int(3) != 0) {
        pc.passed = true;
        ++out[it->second].courses_passed;
      }
    }
  return out;
}

std::set<int64_t> EnrolledUsers(db::Connection& c, int64_t course_id) {
  std::set<int64_t> out;
  auto rs = course_id > 0 ? c.Query(
                                "SELECT DISTINCT e.user_id FROM training_enrolments e JOIN "
                                "training_sessions s ON s.id = e.session_id WHERE s.course_id = ?",
                                {course_id})
                          : c.Query("SELECT DISTINCT user_id FROM training_enrolments");
  for (size_t i = 0; i < rs.size(); ++i) out.insert(rs[i].Int(0));
  return out;
}

std::map<int64_t, std::string> CourseTitles(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, title FROM training_courses", "id", ids);
}

std::map<int64_t, std::string> QuestionStems(db::Connection& c, const std::set<int64_t>& ids) {
  return db::NamesById(c, "SELECT id, stem FROM training_questions", "id", ids);
}

std::map<int64_t, std::string> SessionNames(db::Connection& c, const std::set<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  db::Params p;
  auto rs = c.Query(
      "SELECT s.id, c.title, s.starts_at FROM training_sessions s JOIN training_courses c ON "
      "c.id = s.course_id WHERE s.id IN (" +
          db::InList(ids, p) + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i)
    out[rs[i].Int(0)] = rs[i].Text(1) + " " + LocalDateOfMs(rs[i].Int(2));
  return out;
}

std::map<int64_t, std::string> AttemptNames(db::Connection& c, const std::set<int64_t>& ids) {
  std::map<int64_t, std::string> out;
  if (ids.empty()) return out;
  db::Params p;
  auto rs = c.Query(
      "SELECT a.id, c.title, a.number FROM training_attempts a JOIN training_courses c ON "
      "c.id = a.course_id WHERE a.id IN (" +
          db::InList(ids, p) + ")",
      p);
  for (size_t i = 0; i < rs.size(); ++i)
    out[rs[i].Int(0)] = rs[i].Text(1) + " #" + std::to_string(rs[i].Int(2));
  return out;
}

}  // namespace zhaoshang::training::store
