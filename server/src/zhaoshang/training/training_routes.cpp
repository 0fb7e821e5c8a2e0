// Routes: training courses and their question banks, quizzes and certificates, sessions with
// enrolment and QR sign-in, and completion (with its Excel).
#include "zhaoshang/training/training_routes.hpp"

#include <set>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "zhaoshang/app/render.hpp"
#include "zhaoshang/core/json_input.hpp"
#include "zhaoshang/reports/xlsx_book.hpp"
#include "zhaoshang/reports/xlsx_file.hpp"
#include "zhaoshang/training/course_service.hpp"
#include "zhaoshang/training/session_service.hpp"
#include "zhaoshang/training/training_permissions.hpp"
#include "zhaoshang/training/training_rules.hpp"

namespace zhaoshang::training {
namespace json = boost::json;
using http::ErrorResponse;
using http::JsonResponse;

namespace {
struct Deps {
  CourseService& courses;
  SessionService& sessions;
};

json::value OptInt(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }
json::value OptStr(const std::optional<std::string>& v) { return v ? json::value(*v) : nullptr; }

// Reads `key` as an array of positive ids (at most `max`).
std::vector<int64_t> ReadIds(JsonInput& in, const std::string& key, size_t max) {
  in.Mark(key);
  std::vector<int64_t> out;
  const auto* raw = in.raw().if_contains(key);
  if (!raw || raw->is_null()) return out;
  if (!raw->is_array()) {
    in.AddError(key, "wrong_type");
    return out;
  }
  if (raw->as_array().size() > max) {
    in.AddError(key, "too_many");
    return out;
  }
  for (const auto& v : raw->as_array()) {
    if (!v.is_int64() || v.as_int64() <= 0) {
      in.AddError(key, "invalid_value");
      return {};
    }
    out.push_back(v.as_int64());
  }
  return out;
}

// An optional "YYYY-MM-DD" (null or absent: none).
std::optional<std::string> ReadDate(JsonInput& in, const std::string& key) {
  if (in.IsNull(key)) {
    in.Mark(key);
    return std::nullopt;
  }
  auto s = in.String(key, false, 10);
  if (s && s->empty()) return std::nullopt;
  return s;
}

int ReadInt(JsonInput& in, const std::string& key, int fallback) {
  auto v = in.Int(key, false);
  if (!v) return fallback;
  if (*v < -1'000'000 || *v > 1'000'000) {
    in.AddError(key, "invalid_value");
    return fallback;
  }
  return static_cast<int>(*v);
}

// Moves a nested input's errors under "<prefix>.".
void Nest(JsonInput& outer, JsonInput& inner, const std::string& prefix) {
  if (auto st = inner.Finish(); !st)
    for (const auto& [k, v] : st.error().fields) outer.AddError(prefix + k, v);
}

Result<Course> ParseCourse(const std::string& body) {
  auto in = JsonInput::Parse(body);
  if (!in) return Fail(in.error());
  Course x;
  x.title = in->String("title", true, kMaxCourseTitleChars + 1).value_or("");
  x.summary = in->Text("summary", false, kMaxSummaryChars + 1).value_or("");
  x.outline = in->Text("outline", false, kMaxOutlineChars + 1).value_or("");
  x.owner_unit_id = in->Int("owner_unit_id", false).value_or(0);
  x.article_ids = ReadIds(*in, "article_ids", kMaxCourseArticles);
  in->Mark("quiz");
  if (const auto* q = in->raw().if_contains("quiz"); q && !q->is_null()) {
    if (!q->is_object()) {
      in->AddError("quiz", "wrong_type");
    } else {
      JsonInput qi = JsonInput::FromObject(q->as_object());
      x.quiz.pass_pct = ReadInt(qi, "pass_pct", x.quiz.pass_pct);
      x.quiz.max_attempts = ReadInt(qi, "max_attempts", x.quiz.max_attempts);
      x.quiz.question_count = ReadInt(qi, "question_count", x.quiz.question_count);
      x.quiz.time_limit_min = ReadInt(qi, "time_limit_min", x.quiz.time_limit_min);
      if (auto p = qi.String("partial", false, 10)) {
        if (auto r = ParsePartial(*p))
          x.quiz.partial = *r;
        else
          qi.AddError("partial", "invalid_value");
      }
      x.opens_on = ReadDate(qi, "opens_on");
      x.closes_on = ReadDate(qi, "closes_on");
      Nest(*in, qi, "quiz.");
    }
  }
  if (auto st = in->Finish(); !st) return Fail(st.error());
  return x;
}

Result<Question> ParseQuestion(const std::string& body) {
  auto in = JsonInput::Parse(body);
  if (!in) return Fail(in.error());
  Question q;
  if (auto k = in->String("kind", true, 20)) {
    if (auto kind = ParseQuestionKind(*k))
      q.kind = *kind;
    else
      in->AddError("kind", "invalid_value");
  }
  q.stem = in->Text("stem", true, kMaxStemChars + 1).value_or("");
  q.points = ReadInt(*in, "points", 1);
  q.explanation = in->Text("explanation", false, kMaxExplanationChars + 1).value_or("");
  in->Mark("options");
  const auto* raw = in->raw().if_contains("options");
  if (!raw || !raw->is_array()) {
    in->AddError("options", raw ? "wrong_type" : "required");
  } else if (raw->as_array().size() > kMaxOptions) {
    in->AddError("options", "too_many");
  } else {
    size_t i = 0;
    for (const auto& o : raw->as_array()) {
      const std::string at = "options." + std::to_string(i++) + ".";
      if (!o.is_object()) {
        in->AddError(at.substr(0, at.size() - 1), "wrong_type");
        continue;
      }
      JsonInput oi = JsonInput::FromObject(o.as_object());
      Option opt;
      opt.text = oi.String("text", true, kMaxOptionChars + 1).value_or("");
      opt.correct = oi.Bool("correct", false).value_or(false);
      oi.Int("id", false);  // ids are given again by position
      Nest(*in, oi, at);
      q.options.push_back(std::move(opt));
    }
  }
  if (auto st = in->Finish(); !st) return Fail(st.error());
  return q;
}

Result<Session> ParseSession(const std::string& body) {
  auto in = JsonInput::Parse(body);
  if (!in) return Fail(in.error());
  Session s;
  s.starts_at = in->Int("starts_at", true).value_or(0);
  s.ends_at = in->Int("ends_at", true).value_or(0);
  s.place = in->String("place", true, kMaxPlaceChars + 1).value_or("");
  s.trainer = in->String("trainer", false, kMaxTrainerChars + 1).value_or("");
  s.capacity = ReadInt(*in, "capacity", 0);
  in->Mark("quotas");
  if (const auto* raw = in->raw().if_contains("quotas"); raw && !raw->is_null()) {
    if (!raw->is_array()) {
      in->AddError("quotas", "wrong_type");
    } else if (raw->as_array().size() > 200) {
      in->AddError("quotas", "too_many");
    } else {
      size_t i = 0;
      for (const auto& q : raw->as_array()) {
        const std::string at = "quotas." + std::to_string(i++) + ".";
        if (!q.is_object()) {
          in->AddError(at.substr(0, at.size() - 1), "wrong_type");
          continue;
        }
        JsonInput qi = JsonInput::FromObject(q.as_object());
        Quota quota;
        quota.unit_id = qi.Int("unit_id", true).value_or(0);
        quota.seats = ReadInt(qi, "seats", 0);
        Nest(*in, qi, at);
        s.quotas.push_back(std::move(quota));
      }
    }
  }
  if (auto st = in->Finish(); !st) return Fail(st.error());
  return s;
}

json::object QuizJson(const Course& x) {
  return {{"pass_pct", x.quiz.pass_pct},
          {"max_attempts", x.quiz.max_attempts},
          {"question_count", x.quiz.question_count},
          {"time_limit_min", x.quiz.time_limit_min},
          {"partial", PartialName(x.quiz.partial)},
          {"opens_on", OptStr(x.opens_on)},
          {"closes_on", OptStr(x.closes_on)}};
}

json::object CourseJson(const CourseView& v) {
  const Course& x = v.course;
  json::array ids, articles;
  for (int64_t id : x.article_ids) ids.push_back(id);
  for (const auto& [id, title] : v.articles)
    articles.push_back(json::object{{"id", id}, {"title", title}});
  const bool open = v.mine.open_attempt_id.has_value();
  return {
      {"id", x.id},
      {"title", x.title},
      {"summary", x.summary},
      {"owner_unit_id", x.owner_unit_id},
      {"owner_unit_name", x.owner_unit_name},
      {"article_ids", std::move(ids)},
      {"articles", std::move(articles)},
      {"quiz", QuizJson(x)},
      {"question_total", x.question_total},
      {"session_count", x.session_count},
      {"updated_at", x.updated_at},
      {"mine", json::object{{"attempts", v.mine.attempts},
                            {"best_pct", v.mine.best_pct ? json::value(*v.mine.best_pct) : nullptr},
                            {"passed", v.mine.passed},
                            {"certificate_id", OptInt(v.mine.certificate_id)},
                            {"open_attempt_id", OptInt(v.mine.open_attempt_id)},
                            {"may_attempt", open || v.refusal.empty()},
                            {"refusal", v.refusal}}},
      {"capabilities", json::object{{"edit", v.editable}, {"attempt", open || v.refusal.empty()}}}};
}

json::object QuestionJson(const Question& q, int64_t course_id) {
  json::array options;
  for (const auto& o : q.options)
    options.push_back(json::object{{"id", o.id}, {"text", o.text}, {"correct", o.correct}});
  return {{"id", q.id},
          {"course_id", course_id},
          {"kind", QuestionKindName(q.kind)},
          {"stem", q.stem},
          {"options", std::move(options)},
          {"points", q.points},
          {"explanation", q.explanation}};
}

json::object EnrolmentJson(const Enrolment& e) {
  return {{"user_id", e.user_id},
          {"name", e.name},
          {"unit_name", e.unit_name},
          {"enrolled_at", e.enrolled_at},
          {"attended_at", OptInt(e.attended_at)},
          {"via", OptStr(e.via)}};
}

json::object SessionJson(const SessionView& v) {
  const Session& s = v.session;
  json::array quotas;
  for (const auto& q : s.quotas)
    quotas.push_back(json::object{{"unit_id", q.unit_id},
                                  {"unit_name", q.unit_name},
                                  {"seats", q.seats},
                                  {"enrolled", q.enrolled}});
  json::object o{
      {"id", s.id},
      {"course_id", s.course_id},
      {"course_title", s.course_title},
      {"starts_at", s.starts_at},
      {"ends_at", s.ends_at},
      {"place", s.place},
      {"trainer", s.trainer},
      {"capacity", s.capacity},
      {"enrolled", s.enrolled},
      {"attended", s.attended},
      {"state", v.state},
      {"quotas", std::move(quotas)},
      {"mine",
       json::object{{"enrolled", v.mine.has_value()},
                    {"attended_at", v.mine ? OptInt(v.mine->attended_at) : json::value(nullptr)}}},
      {"capabilities",
       json::object{{"enrol", v.may_enrol}, {"cancel", v.may_cancel}, {"manage", v.manage}}}};
  if (v.manage) {
    json::array es;
    for (const auto& e : v.enrolments) es.push_back(EnrolmentJson(e));
    o["enrolments"] = std::move(es);
  }
  return o;
}

http::Response SessionResponse(const Result<SessionView>& r, int status = 200) {
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(status, SessionJson(*r));
}

json::object AttemptJson(const AttemptView& v) {
  const Attempt& a = v.attempt;
  json::array questions;
  for (const auto& q : a.paper) {
    json::array options;
    for (const auto& o : q.options) options.push_back(json::object{{"id", o.id}, {"text", o.text}});
    questions.push_back(json::object{{"id", q.id},
                                     {"kind", QuestionKindName(q.kind)},
                                     {"stem", q.stem},
                                     {"points", q.points},
                                     {"options", std::move(options)}});
  }
  json::value result = nullptr;
  if (v.grade) {
    std::map<int64_t, const Answer*> answers;
    for (const auto& x : a.answers) answers.emplace(x.question_id, &x);
    json::array rs;
    for (size_t i = 0; i < a.paper.size() && i < v.grade->questions.size(); ++i) {
      const Question& q = a.paper[i];
      const QuestionResult& r = v.grade->questions[i];
      // Option ids ascending (the order they were written in).
      std::set<int> picked, correct;
      if (auto it = answers.find(q.id); it != answers.end())
        picked.insert(it->second->chosen.begin(), it->second->chosen.end());
      for (const auto& o : q.options)
        if (o.correct) correct.insert(o.id);
      json::array chosen(picked.begin(), picked.end()), right(correct.begin(), correct.end());
      rs.push_back(json::object{{"id", q.id},
                                {"earned", r.earned},
                                {"points", r.points},
                                {"correct", r.correct},
                                {"chosen", std::move(chosen)},
                                {"right", std::move(right)},
                                {"explanation", q.explanation}});
    }
    result = json::object{{"earned", v.grade->earned}, {"points", v.grade->points},
                          {"pct", v.grade->pct},       {"passed", v.grade->passed},
                          {"pass_pct", v.pass_pct},    {"certificate_id", OptInt(v.certificate_id)},
                          {"questions", std::move(rs)}};
  }
  return {{"id", a.id},
          {"course_id", a.course_id},
          {"course_title", v.course_title},
          {"number", a.number},
          {"max_attempts", v.max_attempts},
          {"started_at", a.started_at},
          {"deadline_at", OptInt(a.deadline_at)},
          {"submitted_at", OptInt(a.submitted_at)},
          {"questions", std::move(questions)},
          {"result", std::move(result)}};
}

json::object CertificateJson(const Certificate& x) {
  return {{"id", x.id},
          {"serial", x.serial},
          {"course_id", x.course_id},
          {"course_title", x.course_title},
          {"user_id", x.user_id},
          {"user_name", x.user_name},
          {"unit_name", x.unit_name},
          {"issued_at", x.issued_at},
          {"pct", x.pct},
          {"issuer_unit_name", x.issuer_unit_name}};
}

// --- courses -------------------------------------------------------------------------------

http::Response ListCourses(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& v : d.courses.List(*ctx.principal)) items.push_back(CourseJson(v));
  return JsonResponse(
      200, json::object{
               {"items", std::move(items)},
               {"capabilities", json::object{{"create", d.courses.MayCreate(*ctx.principal)}}}});
}

// The course as its page shows it: outline, articles, sessions, the caller's record.
http::Response CourseDetail(const Deps& d, RequestContext& ctx, int64_t id, int status) {
  auto v = d.courses.Get(*ctx.principal, id);
  if (!v) return ErrorResponse(v.error());
  json::object o = CourseJson(*v);
  o["outline"] = v->course.outline;
  o["outline_html"] = v->outline_html;
  json::array sessions;
  for (const auto& s : d.sessions.List(*ctx.principal, id, "all"))
    sessions.push_back(SessionJson(s));
  o["sessions"] = std::move(sessions);
  return JsonResponse(status, o);
}

http::Response GetCourse(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("course not found"));
  return CourseDetail(d, ctx, *id, 200);
}

http::Response CreateCourse(const Deps& d, RequestContext& ctx) {
  auto in = ParseCourse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto v = d.courses.Create(*ctx.principal, std::move(*in), ctx.Actor());
  if (!v) return ErrorResponse(v.error());
  return CourseDetail(d, ctx, v->course.id, 201);
}

http::Response UpdateCourse(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("course not found"));
  auto in = ParseCourse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  auto v = d.courses.Update(*ctx.principal, *id, std::move(*in), ctx.Actor());
  if (!v) return ErrorResponse(v.error());
  return CourseDetail(d, ctx, *id, 200);
}

// --- the question bank ---------------------------------------------------------------------

http::Response ListQuestions(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("course not found"));
  auto qs = d.courses.Questions(*ctx.principal, *id);
  if (!qs) return ErrorResponse(qs.error());
  json::array items;
  for (const auto& q : *qs) items.push_back(QuestionJson(q, *id));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response AddQuestion(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("course not found"));
  auto q = ParseQuestion(ctx.req.body);
  if (!q) return ErrorResponse(q.error());
  auto r = d.courses.AddQuestion(*ctx.principal, *id, std::move(*q), ctx.Actor());
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(201, QuestionJson(*r, *id));
}

http::Response UpdateQuestion(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("question not found"));
  auto q = ParseQuestion(ctx.req.body);
  if (!q) return ErrorResponse(q.error());
  auto r = d.courses.UpdateQuestion(*ctx.principal, *id, std::move(*q), ctx.Actor());
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(200, QuestionJson(*r, 0));
}

http::Response DeleteQuestion(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("question not found"));
  if (auto st = d.courses.DeleteQuestion(*ctx.principal, *id, ctx.Actor()); !st)
    return ErrorResponse(st.error());
  return http::NoContent();
}

// --- quizzes and certificates --------------------------------------------------------------

http::Response StartAttempt(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("course not found"));
  bool resumed = false;
  auto r = d.courses.Start(*ctx.principal, *id, ctx.Actor(), &resumed);
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(resumed ? 200 : 201, AttemptJson(*r));
}

http::Response GetAttempt(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("attempt not found"));
  auto r = d.courses.GetAttempt(*ctx.principal, *id);
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(200, AttemptJson(*r));
}

// {"answers":[{"question_id","chosen":[option id]}]}
http::Response SubmitAttempt(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("attempt not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  in->Mark("answers");
  std::vector<Answer> answers;
  const auto* raw = in->raw().if_contains("answers");
  if (!raw || !raw->is_array()) {
    in->AddError("answers", raw ? "wrong_type" : "required");
  } else if (raw->as_array().size() > static_cast<size_t>(kMaxQuestionCount)) {
    in->AddError("answers", "too_many");
  } else {
    size_t i = 0;
    for (const auto& x : raw->as_array()) {
      const std::string at = "answers." + std::to_string(i++) + ".";
      if (!x.is_object()) {
        in->AddError(at.substr(0, at.size() - 1), "wrong_type");
        continue;
      }
      JsonInput xi = JsonInput::FromObject(x.as_object());
      Answer a;
      a.question_id = xi.Int("question_id", true).value_or(0);
      for (int64_t c : ReadIds(xi, "chosen", kMaxOptions)) a.chosen.push_back(static_cast<int>(c));
      Nest(*in, xi, at);
      answers.push_back(std::move(a));
    }
  }
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  auto r = d.courses.Submit(*ctx.principal, *id, std::move(answers), ctx.Actor());
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(200, AttemptJson(*r));
}

http::Response GetCertificate(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("certificate not found"));
  auto r = d.courses.GetCertificate(*ctx.principal, *id);
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(200, CertificateJson(*r));
}

http::Response MyCertificates(const Deps& d, RequestContext& ctx) {
  json::array items;
  for (const auto& x : d.courses.MyCertificates(*ctx.principal))
    items.push_back(CertificateJson(x));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

// --- sessions ------------------------------------------------------------------------------

http::Response ListSessions(const Deps& d, RequestContext& ctx) {
  int64_t course_id = 0;
  if (const std::string c = ctx.req.Query("course_id"); !c.empty()) {
    auto n = ParseDigits(c);
    if (!n) return ErrorResponse(InvalidArgument({{"course_id", "invalid_value"}}));
    course_id = *n;
  }
  std::string when = ctx.req.Query("when");
  if (when.empty()) when = "upcoming";
  if (when != "upcoming" && when != "past" && when != "all")
    return ErrorResponse(InvalidArgument({{"when", "invalid_value"}}));
  json::array items;
  for (const auto& s : d.sessions.List(*ctx.principal, course_id, when))
    items.push_back(SessionJson(s));
  return JsonResponse(200, json::object{{"items", std::move(items)}});
}

http::Response GetSession(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  return SessionResponse(d.sessions.Get(*ctx.principal, *id));
}

http::Response CreateSession(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("course not found"));
  auto s = ParseSession(ctx.req.body);
  if (!s) return ErrorResponse(s.error());
  return SessionResponse(d.sessions.Create(*ctx.principal, *id, std::move(*s), ctx.Actor()), 201);
}

http::Response UpdateSession(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  auto s = ParseSession(ctx.req.body);
  if (!s) return ErrorResponse(s.error());
  return SessionResponse(d.sessions.Update(*ctx.principal, *id, std::move(*s), ctx.Actor()));
}

// {"user_id"?}
http::Response Enrol(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  int64_t user_id = 0;
  if (!ctx.req.body.empty()) {
    auto in = JsonInput::Parse(ctx.req.body);
    if (!in) return ErrorResponse(in.error());
    user_id = in->Int("user_id", false).value_or(0);
    if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  }
  return SessionResponse(d.sessions.Enrol(*ctx.principal, *id, user_id, ctx.Actor()));
}

http::Response Cancel(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  return SessionResponse(d.sessions.Cancel(*ctx.principal, *id, ctx.Actor()));
}

http::Response SignInCodeOf(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  auto r = d.sessions.SignInCode(*ctx.principal, *id);
  if (!r) return ErrorResponse(r.error());
  return JsonResponse(
      200, json::object{{"code", r->code},
                        {"path", "/training/sign-in/" + std::to_string(*id) + "?code=" + r->code},
                        {"valid_from", r->valid_from},
                        {"valid_to", r->valid_to}});
}

// {"code"}
http::Response SignIn(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  const std::string code = in->String("code", true, 64).value_or("");
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return SessionResponse(d.sessions.SignIn(*ctx.principal, *id, code, ctx.Actor()));
}

// {"user_id","attended"}
http::Response MarkAttendance(const Deps& d, RequestContext& ctx) {
  auto id = ctx.IdParam(0);
  if (!id) return ErrorResponse(NotFound("session not found"));
  auto in = JsonInput::Parse(ctx.req.body);
  if (!in) return ErrorResponse(in.error());
  const int64_t user_id = in->Int("user_id", true).value_or(0);
  const bool attended = in->Bool("attended", true).value_or(false);
  if (auto st = in->Finish(); !st) return ErrorResponse(st.error());
  return SessionResponse(
      d.sessions.MarkAttendance(*ctx.principal, *id, user_id, attended, ctx.Actor()));
}

// --- completion ----------------------------------------------------------------------------

Result<CompletionReport> ReadCompletion(const Deps& d, RequestContext& ctx) {
  std::map<std::string, std::string> bad;
  auto read = [&](const char* key) -> int64_t {
    const std::string v = ctx.req.Query(key);
    if (v.empty()) return 0;
    auto n = ParseDigits(v);
    if (!n) bad[key] = "invalid_value";
    return n.value_or(0);
  };
  const int64_t course_id = read("course_id"), unit_id = read("unit_id");
  if (!bad.empty()) return Fail(InvalidArgument(bad));
  return d.courses.Completion(*ctx.principal, course_id, unit_id);
}

http::Response Completion(const Deps& d, RequestContext& ctx) {
  auto r = ReadCompletion(d, ctx);
  if (!r) return ErrorResponse(r.error());
  json::array courses, units, people;
  for (const auto& [id, title] : r->courses)
    courses.push_back(json::object{{"id", id}, {"title", title}});
  for (const auto& u : r->units)
    units.push_back(json::object{{"unit_id", u.unit_id},
                                 {"unit_name", u.unit_name},
                                 {"staff", u.staff},
                                 {"enrolled", u.enrolled},
                                 {"attended", u.attended},
                                 {"passed", u.passed},
                                 {"rate_pct", u.rate_pct}});
  for (const auto& p : r->people) {
    json::object per;
    for (const auto& [cid, pc] : p.courses)
      per[std::to_string(cid)] =
          json::object{{"attended", pc.attended},
                       {"passed", pc.passed},
                       {"best_pct", pc.best_pct ? json::value(*pc.best_pct) : nullptr}};
    people.push_back(json::object{{"user_id", p.user_id},
                                  {"name", p.name},
                                  {"unit_name", p.unit_name},
                                  {"sessions_attended", p.sessions_attended},
                                  {"courses_passed", p.courses_passed},
                                  {"courses", std::move(per)}});
  }
  return JsonResponse(200, json::object{{"courses", std::move(courses)},
                                        {"units", std::move(units)},
                                        {"people", std::move(people)}});
}

http::Response CompletionXlsx(const Deps& d, RequestContext& ctx) {
  auto r = ReadCompletion(d, ctx);
  if (!r) return ErrorResponse(r.error());
  reports::Book book;
  auto* ws = book.Sheet("按单位");
  book.Header(ws, {"单位", "应训人数", "报名人数", "参训人数", "考核通过人数", "完成率（%）"});
  int row = 1;
  for (const auto& u : r->units) {
    int col = 0;
    reports::Str(ws, row, col++, u.unit_name);
    reports::Num(ws, row, col++, u.staff);
    reports::Num(ws, row, col++, u.enrolled);
    reports::Num(ws, row, col++, u.attended);
    reports::Num(ws, row, col++, u.passed);
    reports::Num(ws, row, col++, u.rate_pct);
    ++row;
  }
  auto* people = book.Sheet("按人员");
  std::vector<std::string> head = {"姓名", "单位", "参训次数", "通过课程数"};
  for (const auto& [id, title] : r->courses) head.push_back(title);
  book.Header(people, head);
  row = 1;
  for (const auto& p : r->people) {
    int col = 0;
    reports::Str(people, row, col++, p.name);
    reports::Str(people, row, col++, p.unit_name);
    reports::Num(people, row, col++, p.sessions_attended);
    reports::Num(people, row, col++, p.courses_passed);
    for (const auto& [id, title] : r->courses) {
      auto it = p.courses.find(id);
      std::string cell = "未参加";
      if (it != p.courses.end()) {
        const PersonCourse& pc = it->second;
        cell =
            pc.passed ? "已通过" : (pc.best_pct ? "未通过" : (pc.attended ? "已参训" : "未参加"));
        if (pc.best_pct) cell += "（" + std::to_string(*pc.best_pct) + "分）";
      }
      reports::Str(people, row, col++, cell);
    }
    ++row;
  }
  return reports::XlsxFile(book.Close(), "training-completion.xlsx", "培训完成情况.xlsx");
}
}  // namespace

void RegisterTrainingRoutes(AppRouter& r, CourseService& courses, SessionService& sessions) {
  auto with = BindTo(Deps{courses, sessions});
  r.Add("GET", "/api/v1/training/courses", perm::kTrainingRead, with(ListCourses));
  r.Add("POST", "/api/v1/training/courses", perm::kTrainingManage, with(CreateCourse));
  r.Add("GET", "/api/v1/training/courses/{id}", perm::kTrainingRead, with(GetCourse));
  r.Add("PUT", "/api/v1/training/courses/{id}", perm::kTrainingManage, with(UpdateCourse));
  r.Add("GET", "/api/v1/training/courses/{id}/questions", perm::kTrainingManage,
        with(ListQuestions));
  r.Add("POST", "/api/v1/training/courses/{id}/questions", perm::kTrainingManage,
        with(AddQuestion));
  r.Add("PUT", "/api/v1/training/questions/{id}", perm::kTrainingManage, with(UpdateQuestion));
  r.Add("DELETE", "/api/v1/training/questions/{id}", perm::kTrainingManage, with(DeleteQuestion));
  r.Add("POST", "/api/v1/training/courses/{id}/attempts", perm::kTrainingRead, with(StartAttempt));
  r.Add("GET", "/api/v1/training/attempts/{id}", perm::kTrainingRead, with(GetAttempt));
  r.Add("POST", "/api/v1/training/attempts/{id}/submit", perm::kTrainingRead, with(SubmitAttempt));
  r.Add("GET", "/api/v1/training/certificates", perm::kTrainingRead, with(MyCertificates));
  r.Add("GET", "/api/v1/training/certificates/{id}", perm::kTrainingRead, with(GetCertificate));
  r.Add("GET", "/api/v1/training/sessions", perm::kTrainingRead, with(ListSessions));
  r.Add("POST", "/api/v1/training/courses/{id}/sessions", perm::kTrainingManage,
        with(CreateSession));
  r.Add("GET", "/api/v1/training/sessions/{id}", perm::kTrainingRead, with(GetSession));
  r.Add("PUT", "/api/v1/training/sessions/{id}", perm::kTrainingManage, with(UpdateSession));
  r.Add("POST", "/api/v1/training/sessions/{id}/enrolment", perm::kTrainingRead, with(Enrol));
  r.Add("DELETE", "/api/v1/training/sessions/{id}/enrolment", perm::kTrainingRead, with(Cancel));
  r.Add("GET", "/api/v1/training/sessions/{id}/sign-in-code", perm::kTrainingManage,
        with(SignInCodeOf));
  r.Add("POST", "/api/v1/training/sessions/{id}/sign-in", perm::kTrainingRead, with(SignIn));
  r.Add("PUT", "/api/v1/training/sessions/{id}/attendance", perm::kTrainingManage,
        with(MarkAttendance));
  r.Add("GET", "/api/v1/training/completion", perm::kTrainingReport, with(Completion));
  r.Add("GET", "/api/v1/training/completion.xlsx", perm::kTrainingReport, with(CompletionXlsx));
}

}  // namespace zhaoshang::training
