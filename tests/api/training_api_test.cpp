// Training (应知应会) through App::Handle, on both engines: a quiz taken, graded and certified;
// retakes and their limit; the quiz's window and the attempt's time limit; the sign-in code that
// works only while its session runs; seats and quotas; bad input that stores nothing; who keeps
// which course; completion per unit in the reader's scope, and its Excel.
#include <algorithm>
#include <map>
#include <set>

#include "support/test_env.hpp"
#include "zhaoshang/core/date.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

constexpr int64_t kMinute = 60'000;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

int64_t Count(App& app, const std::string& sql) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, {}).value_or(-1);
}

int64_t CourseId(Client& c, const std::string& title) {
  Reply r = c.Get("/api/v1/training/courses");
  EXPECT_EQ(r.status, 200) << r.body;
  for (const auto& x : r.json.at("items").as_array())
    if (x.at("title").as_string() == title) return x.at("id").as_int64();
  ADD_FAILURE() << "no course " << title;
  return 0;
}

constexpr const char* kBasic = "招商引资应知应会（基础）";

// The right options of every question of a course's bank (read by a manager).
std::map<int64_t, std::vector<int64_t>> RightOptions(Client& manager, int64_t course) {
  Reply r = manager.Get("/api/v1/training/courses/" + std::to_string(course) + "/questions");
  EXPECT_EQ(r.status, 200) << r.body;
  std::map<int64_t, std::vector<int64_t>> out;
  for (const auto& q : r.json.at("items").as_array())
    for (const auto& o : q.at("options").as_array())
      if (o.at("correct").as_bool()) out[q.at("id").as_int64()].push_back(o.at("id").as_int64());
  return out;
}

// Answers to a paper: the right ones, or for `wrong` the first option that is not right.
json::array Answers(const Reply& paper, const std::map<int64_t, std::vector<int64_t>>& right,
                    bool wrong) {
  json::array out;
  for (const auto& q : paper.json.at("questions").as_array()) {
    const int64_t id = q.at("id").as_int64();
    json::array chosen;
    if (!wrong) {
      for (int64_t o : right.at(id)) chosen.push_back(o);
    } else {
      for (const auto& o : q.at("options").as_array()) {
        const int64_t oid = o.at("id").as_int64();
        const auto& r = right.at(id);
        if (std::find(r.begin(), r.end(), oid) == r.end()) {
          chosen.push_back(oid);
          break;
        }
      }
    }
    out.push_back(json::object{{"question_id", id}, {"chosen", std::move(chosen)}});
  }
  return out;
}

std::string Path(const char* prefix, int64_t id, const char* suffix = "") {
  return std::string("/api/v1/training/") + prefix + "/" + std::to_string(id) + suffix;
}

TEST(TrainingApi, APromoterTakesTheQuizPassesAndGetsACertificate) {
  TestApp t;
  Client pro(*t.app), co(*t.app), other(*t.app);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(other.Login("szpromoter").status, 200);
  const int64_t course = CourseId(pro, kBasic);
  const auto right = RightOptions(co, course);
  ASSERT_EQ(right.size(), 12u);

  Reply paper = pro.Post(Path("courses", course, "/attempts"), json::object{});
  ASSERT_EQ(paper.status, 201) << paper.body;
  EXPECT_EQ(paper.json.at("number").as_int64(), 1);
  EXPECT_EQ(paper.json.at("questions").as_array().size(), 12u);
  // The paper shows no answer.
  EXPECT_EQ(paper.body.find("correct"), std::string::npos);
  EXPECT_TRUE(paper.json.at("result").is_null());
  const int64_t attempt = paper.json.at("id").as_int64();
  // Starting again resumes the open attempt: the same paper.
  Reply again = pro.Post(Path("courses", course, "/attempts"), json::object{});
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json.at("id").as_int64(), attempt);
  EXPECT_EQ(json::serialize(again.json.at("questions")),
            json::serialize(paper.json.at("questions")));
  // Someone else's attempt is not found.
  EXPECT_EQ(other.Get(Path("attempts", attempt)).status, 404);
  EXPECT_EQ(
      other.Post(Path("attempts", attempt, "/submit"), json::object{{"answers", json::array{}}})
          .status,
      404);

  Reply graded = pro.Post(Path("attempts", attempt, "/submit"),
                          json::object{{"answers", Answers(paper, right, false)}});
  ASSERT_EQ(graded.status, 200) << graded.body;
  const auto& result = graded.json.at("result");
  EXPECT_TRUE(result.at("passed").as_bool());
  EXPECT_EQ(result.at("pct").as_int64(), 100);
  EXPECT_EQ(result.at("earned").as_int64(), result.at("points").as_int64());
  ASSERT_TRUE(result.at("certificate_id").is_int64());
  const int64_t cert = result.at("certificate_id").as_int64();
  // Each question says what was chosen and what was right.
  for (const auto& q : result.at("questions").as_array())
    EXPECT_EQ(json::serialize(q.at("chosen")), json::serialize(q.at("right")));

  // Handing in twice is refused, and the grade stays.
  Reply twice = pro.Post(Path("attempts", attempt, "/submit"),
                         json::object{{"answers", Answers(paper, right, true)}});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.Code(), "attempt_submitted");
  EXPECT_EQ(pro.Get(Path("attempts", attempt)).json.at("result").at("pct").as_int64(), 100);
  // Passed: no further attempt.
  Reply after = pro.Post(Path("courses", course, "/attempts"), json::object{});
  EXPECT_EQ(after.status, 409);
  EXPECT_EQ(after.Code(), "already_passed");

  Reply c = pro.Get(Path("certificates", cert));
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json.at("user_name").as_string(), "张伟");
  EXPECT_EQ(c.json.at("course_title").as_string(), kBasic);
  EXPECT_EQ(c.json.at("issuer_unit_name").as_string(), "中共安庆市委党校");
  EXPECT_EQ(std::string(c.json.at("serial").as_string()).rfind("ZS-PX-", 0), 0u);
  // Another promoter may not read it; the coordinator (completion of every unit) may.
  EXPECT_EQ(other.Get(Path("certificates", cert)).status, 404);
  EXPECT_EQ(co.Get(Path("certificates", cert)).status, 200);
  Reply mine = pro.Get("/api/v1/training/certificates");
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json.at("items").as_array().size(), 1u);
  Reply list = pro.Get(Path("courses", course));
  EXPECT_TRUE(list.json.at("mine").at("passed").as_bool());
  EXPECT_EQ(list.json.at("mine").at("certificate_id").as_int64(), cert);
  EXPECT_EQ(list.json.at("mine").at("refusal").as_string(), "already_passed");
  EXPECT_GE(
      Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'training.attempt_submit'"), 1);
}

TEST(TrainingApi, RetakesAreLimitedAndALateHandInStoresNothing) {
  TestApp t;
  Client pro(*t.app), co(*t.app);
  ASSERT_EQ(pro.Login("jkpromoter").status, 200);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  const int64_t course = CourseId(pro, kBasic);
  const auto right = RightOptions(co, course);
  // Three attempts, each failed (max_attempts 3 in the demo's basic course).
  for (int i = 1; i <= 3; ++i) {
    Reply paper = pro.Post(Path("courses", course, "/attempts"), json::object{});
    ASSERT_EQ(paper.status, 201) << paper.body;
    EXPECT_EQ(paper.json.at("number").as_int64(), i);
    if (i == 3) {
      // The third runs past its 30 minutes (and the 2 minutes' grace): refused, nothing kept.
      t.clock.Advance(33 * kMinute);
      ASSERT_EQ(pro.Login("jkpromoter").status, 200);
      Reply late = pro.Post(Path("attempts", paper.json.at("id").as_int64(), "/submit"),
                            json::object{{"answers", Answers(paper, right, false)}});
      EXPECT_EQ(late.status, 409) << late.body;
      EXPECT_EQ(late.Code(), "time_up");
      EXPECT_TRUE(pro.Get(Path("attempts", paper.json.at("id").as_int64()))
                      .json.at("submitted_at")
                      .is_null());
      break;
    }
    Reply graded = pro.Post(Path("attempts", paper.json.at("id").as_int64(), "/submit"),
                            json::object{{"answers", Answers(paper, right, true)}});
    ASSERT_EQ(graded.status, 200) << graded.body;
    EXPECT_FALSE(graded.json.at("result").at("passed").as_bool());
    EXPECT_TRUE(graded.json.at("result").at("certificate_id").is_null());
  }
  Reply fourth = pro.Post(Path("courses", course, "/attempts"), json::object{});
  // The third (late) attempt is still open: starting resumes it rather than a fourth.
  EXPECT_EQ(fourth.status, 200);
  EXPECT_EQ(fourth.json.at("number").as_int64(), 3);
  Reply list = pro.Get(Path("courses", course));
  EXPECT_EQ(list.json.at("mine").at("attempts").as_int64(), 3);
  EXPECT_FALSE(list.json.at("mine").at("passed").as_bool());
  EXPECT_EQ(Count(*t.app,
                  "SELECT COUNT(*) FROM training_certificates c JOIN users u ON u.id = "
                  "c.user_id WHERE u.login = 'jkpromoter'"),
            0);
}

TEST(TrainingApi, TheQuizWindowAndTheRetakeLimitRefuseAnAttempt) {
  TestApp t;
  Client tr(*t.app), pro(*t.app);
  ASSERT_EQ(tr.Login("trainer").status, 200);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  // A one-attempt quiz whose last day is today (the manual clock's).
  const std::string today = LocalDateOfMs(t.clock.NowMs());
  Reply made = tr.Post(
      "/api/v1/training/courses",
      json::object{
          {"title", "窗口测验"},
          {"quiz", json::object{{"max_attempts", 1}, {"opens_on", today}, {"closes_on", today}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t course = made.json.at("id").as_int64();
  Reply none = pro.Post(Path("courses", course, "/attempts"), json::object{});
  EXPECT_EQ(none.status, 409);
  EXPECT_EQ(none.Code(), "no_questions");
  Reply q = tr.Post(
      Path("courses", course, "/questions"),
      json::object{{"kind", "true_false"},
                   {"stem", "线索应在 24 小时内录入。"},
                   {"options", json::array{json::object{{"text", "正确"}, {"correct", true}},
                                           json::object{{"text", "错误"}}}}});
  ASSERT_EQ(q.status, 201) << q.body;
  Reply paper = pro.Post(Path("courses", course, "/attempts"), json::object{});
  ASSERT_EQ(paper.status, 201) << paper.body;
  // The attempt is due at the quiz's close (the end of today), not after it.
  EXPECT_EQ(paper.json.at("deadline_at").as_int64(), LocalDayStartMs(AddDays(today, 1)));
  Reply wrong =
      pro.Post(Path("attempts", paper.json.at("id").as_int64(), "/submit"),
               json::object{{"answers", json::array{json::object{{"question_id", q.json.at("id")},
                                                                 {"chosen", json::array{2}}}}}});
  ASSERT_EQ(wrong.status, 200) << wrong.body;
  EXPECT_FALSE(wrong.json.at("result").at("passed").as_bool());
  Reply exhausted = pro.Post(Path("courses", course, "/attempts"), json::object{});
  EXPECT_EQ(exhausted.status, 409);
  EXPECT_EQ(exhausted.Code(), "retakes_exhausted");
  // Tomorrow the quiz is closed for everyone.
  t.clock.Advance(kDay);
  Client late(*t.app);
  ASSERT_EQ(late.Login("szpromoter").status, 200);
  Reply closed = late.Post(Path("courses", course, "/attempts"), json::object{});
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(closed.Code(), "quiz_closed");
}

TEST(TrainingApi, TheSignInCodeWorksOnlyWhileItsSessionRuns) {
  TestApp t;
  Client co(*t.app), pro(*t.app), pro2(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  const int64_t course = CourseId(co, kBasic);
  const int64_t start = t.clock.NowMs() + 2 * kHour;
  Reply s =
      co.Post(Path("courses", course, "/sessions"), json::object{{"starts_at", start},
                                                                 {"ends_at", start + 3 * kHour},
                                                                 {"place", "党校 101"},
                                                                 {"trainer", "孙丽"},
                                                                 {"capacity", 30}});
  ASSERT_EQ(s.status, 201) << s.body;
  const int64_t id = s.json.at("id").as_int64();
  EXPECT_EQ(s.json.at("state").as_string(), "upcoming");
  // Only a manager reads the code.
  EXPECT_EQ(pro.Get(Path("sessions", id, "/sign-in-code")).status, 403);
  Reply code = co.Get(Path("sessions", id, "/sign-in-code"));
  ASSERT_EQ(code.status, 200) << code.body;
  const std::string k(code.json.at("code").as_string());
  EXPECT_EQ(code.json.at("valid_from").as_int64(), start - 30 * kMinute);
  EXPECT_NE(std::string(code.json.at("path").as_string()).find(k), std::string::npos);
  const json::object body{{"code", k}};

  Reply early = pro.Post(Path("sessions", id, "/sign-in"), body);
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.Code(), "session_not_started");
  Reply bad = pro.Post(Path("sessions", id, "/sign-in"), json::object{{"code", "0" + k.substr(1)}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Field("code"), "invalid_code");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM training_enrolments WHERE session_id = " +
                              std::to_string(id)),
            0);

  t.clock.Advance(2 * kHour - 20 * kMinute);  // 20 minutes before the start
  ASSERT_EQ(pro.Login("promoter").status, 200);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  Reply in = pro.Post(Path("sessions", id, "/sign-in"), body);
  ASSERT_EQ(in.status, 200) << in.body;
  EXPECT_TRUE(in.json.at("mine").at("enrolled").as_bool());  // a walk-in took a seat
  const int64_t at = in.json.at("mine").at("attended_at").as_int64();
  Reply twice = pro.Post(Path("sessions", id, "/sign-in"), body);
  EXPECT_EQ(twice.status, 200);
  EXPECT_EQ(twice.json.at("mine").at("attended_at").as_int64(), at);
  // A code of another session does not sign in here.
  Reply other =
      co.Post(Path("courses", course, "/sessions"), json::object{{"starts_at", start},
                                                                 {"ends_at", start + kHour},
                                                                 {"place", "党校 102"},
                                                                 {"capacity", 5}});
  ASSERT_EQ(other.status, 201);
  const std::string other_code(
      co.Get(Path("sessions", other.json.at("id").as_int64(), "/sign-in-code"))
          .json.at("code")
          .as_string());
  ASSERT_EQ(pro2.Login("yxpromoter").status, 200);
  EXPECT_EQ(
      pro2.Post(Path("sessions", id, "/sign-in"), json::object{{"code", other_code}}).Field("code"),
      "invalid_code");

  t.clock.Advance(3 * kHour + 21 * kMinute);  // after the end
  ASSERT_EQ(pro2.Login("yxpromoter").status, 200);
  Reply ended = pro2.Post(Path("sessions", id, "/sign-in"), body);
  EXPECT_EQ(ended.status, 409);
  EXPECT_EQ(ended.Code(), "session_ended");
  ASSERT_EQ(co.Login("coordinator").status, 200);
  Reply detail = co.Get(Path("sessions", id));
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.json.at("attended").as_int64(), 1);
  EXPECT_EQ(detail.json.at("enrolments").as_array().size(), 1u);
  EXPECT_EQ(detail.json.at("enrolments").as_array()[0].at("via").as_string(), "qr");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'training.sign_in'"), 1);
}

TEST(TrainingApi, SeatsAndQuotasAreKept) {
  TestApp t;
  Client co(*t.app), pro(*t.app), sz(*t.app), yx(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(pro.Login("promoter").status, 200);   // 驻上海招商组, under 投促局
  ASSERT_EQ(sz.Login("szpromoter").status, 200);  // 驻深圳招商组, under 投促局
  ASSERT_EQ(yx.Login("yxpromoter").status, 200);  // 宜秀区投资促进中心
  const int64_t course = CourseId(co, kBasic);
  const int64_t start = t.clock.NowMs() + kDay;
  // Seats for 投促局's subtree only, one of them.
  Reply units = co.Get("/api/v1/org/units");
  ASSERT_EQ(units.status, 200) << units.body;
  int64_t tcj = 0;
  for (const auto& u : units.json.at("items").as_array())
    if (u.at("code").as_string() == "AQ-TCJ") tcj = u.at("id").as_int64();
  ASSERT_GT(tcj, 0);
  Reply s =
      co.Post(Path("courses", course, "/sessions"),
              json::object{{"starts_at", start},
                           {"ends_at", start + kHour},
                           {"place", "党校 201"},
                           {"capacity", 2},
                           {"quotas", json::array{json::object{{"unit_id", tcj}, {"seats", 1}}}}});
  ASSERT_EQ(s.status, 201) << s.body;
  const int64_t id = s.json.at("id").as_int64();
  EXPECT_FALSE(yx.Get(Path("sessions", id)).json.at("capabilities").at("enrol").as_bool());
  Reply no_quota = yx.Post(Path("sessions", id, "/enrolment"), json::object{});
  EXPECT_EQ(no_quota.status, 409);
  EXPECT_EQ(no_quota.Code(), "quota_full");
  Reply ok = pro.Post(Path("sessions", id, "/enrolment"), json::object{});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json.at("mine").at("enrolled").as_bool());
  EXPECT_EQ(ok.json.at("quotas").as_array()[0].at("enrolled").as_int64(), 1);
  Reply full = sz.Post(Path("sessions", id, "/enrolment"), json::object{});
  EXPECT_EQ(full.status, 409);
  EXPECT_EQ(full.Code(), "quota_full");
  // A quota below the seats taken, a capacity below those enrolled: refused, nothing changed.
  Reply shrink =
      co.Put(Path("sessions", id),
             json::object{{"starts_at", start},
                          {"ends_at", start + kHour},
                          {"place", "党校 201"},
                          {"capacity", 2},
                          {"quotas", json::array{json::object{{"unit_id", tcj}, {"seats", 0}}}}});
  EXPECT_EQ(shrink.status, 400);
  // Without quotas the capacity alone decides.
  Reply open = co.Put(Path("sessions", id), json::object{{"starts_at", start},
                                                         {"ends_at", start + kHour},
                                                         {"place", "党校 201"},
                                                         {"capacity", 2}});
  ASSERT_EQ(open.status, 200) << open.body;
  ASSERT_EQ(sz.Post(Path("sessions", id, "/enrolment"), json::object{}).status, 200);
  Reply over = yx.Post(Path("sessions", id, "/enrolment"), json::object{});
  EXPECT_EQ(over.status, 409);
  EXPECT_EQ(over.Code(), "session_full");
  Reply below = co.Put(Path("sessions", id), json::object{{"starts_at", start},
                                                          {"ends_at", start + kHour},
                                                          {"place", "党校 201"},
                                                          {"capacity", 1}});
  EXPECT_EQ(below.status, 400);
  EXPECT_EQ(below.Field("capacity"), "below_enrolled");
  // Leaving before the start frees the seat; another user may not be enrolled by a promoter.
  ASSERT_EQ(sz.Call("DELETE", Path("sessions", id, "/enrolment")).status, 200);
  Reply forbidden =
      pro.Post(Path("sessions", id, "/enrolment"),
               json::object{{"user_id", yx.Login("yxpromoter").json.at("user").at("id")}});
  EXPECT_EQ(forbidden.status, 403);
  // The manager marks attendance by hand; an unenrolled user cannot be marked.
  Reply detail = co.Get(Path("sessions", id));
  const int64_t pro_id = detail.json.at("enrolments").as_array()[0].at("user_id").as_int64();
  Reply mark = co.Put(Path("sessions", id, "/attendance"),
                      json::object{{"user_id", pro_id}, {"attended", true}});
  ASSERT_EQ(mark.status, 200) << mark.body;
  EXPECT_EQ(mark.json.at("attended").as_int64(), 1);
  EXPECT_EQ(mark.json.at("enrolments").as_array()[0].at("via").as_string(), "manual");
  Reply unknown = co.Put(Path("sessions", id, "/attendance"),
                         json::object{{"user_id", int64_t{999999}}, {"attended", true}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.Field("user_id"), "not_enrolled");
}

TEST(TrainingApi, BadInputIsRefusedAndNothingIsStored) {
  TestApp t;
  Client tr(*t.app);
  ASSERT_EQ(tr.Login("trainer").status, 200);
  const int64_t course = CourseId(tr, kBasic);
  const int64_t courses = Count(*t.app, "SELECT COUNT(*) FROM training_courses");
  const int64_t questions = Count(*t.app, "SELECT COUNT(*) FROM training_questions");
  const int64_t sessions = Count(*t.app, "SELECT COUNT(*) FROM training_sessions");

  auto course_error = [&](const json::object& body, const std::string& field) {
    Reply r = tr.Post("/api/v1/training/courses", body);
    EXPECT_EQ(r.status, 400) << r.body;
    return r.Field(field);
  };
  EXPECT_EQ(course_error({{"title", "x"}, {"outline", "<script>alert(1)</script>"}}, "outline"),
            "html_not_allowed");
  EXPECT_EQ(course_error({{"title", "x"}, {"outline", "[a](javascript:alert(1))"}}, "outline"),
            "unsafe_link");
  EXPECT_EQ(course_error({{"title", ""}}, "title"), "required");
  EXPECT_EQ(course_error({{"title", "x"}, {"article_ids", json::array{999999}}}, "article_ids"),
            "not_found");
  EXPECT_EQ(
      course_error({{"title", "x"}, {"quiz", json::object{{"pass_pct", 0}}}}, "quiz.pass_pct"),
      "invalid_value");
  EXPECT_EQ(course_error(
                {{"title", "x"},
                 {"quiz", json::object{{"opens_on", "2026-12-10"}, {"closes_on", "2026-12-01"}}}},
                "quiz.closes_on"),
            "before_start");
  EXPECT_EQ(course_error({{"title", "x"}, {"quiz", json::object{{"opens_on", "2026-99-99"}}}},
                         "quiz.opens_on"),
            "invalid_date");

  auto question_error = [&](const json::object& body, const std::string& field) {
    Reply r = tr.Post(Path("courses", course, "/questions"), body);
    EXPECT_EQ(r.status, 400) << r.body;
    return r.Field(field);
  };
  auto opt = [](const char* text, bool right) {
    return json::object{{"text", text}, {"correct", right}};
  };
  EXPECT_EQ(question_error({{"kind", "single"},
                            {"stem", "两个对的单选"},
                            {"options", json::array{opt("甲", true), opt("乙", true)}}},
                           "options"),
            "one_right_answer");
  EXPECT_EQ(question_error({{"kind", "multiple"},
                            {"stem", "一个对的多选"},
                            {"options", json::array{opt("甲", true), opt("乙", false)}}},
                           "options"),
            "two_right_answers");
  EXPECT_EQ(question_error({{"kind", "single"},
                            {"stem", "重复选项"},
                            {"options", json::array{opt("甲", true), opt("甲", false)}}},
                           "options.1.text"),
            "duplicate");
  EXPECT_EQ(question_error({{"kind", "essay"}, {"stem", "x"}, {"options", json::array{}}}, "kind"),
            "invalid_value");

  Reply late_end = tr.Post(Path("courses", course, "/sessions"),
                           json::object{{"starts_at", t.clock.NowMs() + kDay},
                                        {"ends_at", t.clock.NowMs() + kDay - kHour},
                                        {"place", "党校"},
                                        {"capacity", 10}});
  EXPECT_EQ(late_end.status, 400);
  EXPECT_EQ(late_end.Field("ends_at"), "before_start");
  Reply over =
      tr.Post(Path("courses", course, "/sessions"),
              json::object{{"starts_at", t.clock.NowMs() + kDay},
                           {"ends_at", t.clock.NowMs() + kDay + kHour},
                           {"place", "党校"},
                           {"capacity", 2},
                           {"quotas", json::array{json::object{{"unit_id", 1}, {"seats", 2}},
                                                  json::object{{"unit_id", 2}, {"seats", 1}}}}});
  EXPECT_EQ(over.status, 400);
  EXPECT_EQ(over.Field("quotas"), "over_capacity");
  // An answer to a question not on the paper.
  Client pro(*t.app);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  Reply paper = pro.Post(Path("courses", course, "/attempts"), json::object{});
  ASSERT_EQ(paper.status, 201);
  Reply stray =
      pro.Post(Path("attempts", paper.json.at("id").as_int64(), "/submit"),
               json::object{{"answers", json::array{json::object{{"question_id", int64_t{999999}},
                                                                 {"chosen", json::array{1}}}}}});
  EXPECT_EQ(stray.status, 400);
  EXPECT_EQ(stray.Field("answers.0.question_id"), "not_in_paper");
  EXPECT_TRUE(
      pro.Get(Path("attempts", paper.json.at("id").as_int64())).json.at("submitted_at").is_null());

  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM training_courses"), courses);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM training_questions"), questions);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM training_sessions"), sessions);
}

TEST(TrainingApi, WhoKeepsWhichCourse) {
  TestApp t;
  Client tr(*t.app), co(*t.app), pro(*t.app), rec(*t.app);
  ASSERT_EQ(tr.Login("trainer").status, 200);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(pro.Login("promoter").status, 200);
  ASSERT_EQ(rec.Login("receiver").status, 200);
  const int64_t course = CourseId(tr, kBasic);
  EXPECT_TRUE(tr.Get(Path("courses", course)).json.at("capabilities").at("edit").as_bool());
  EXPECT_FALSE(pro.Get(Path("courses", course)).json.at("capabilities").at("edit").as_bool());
  EXPECT_TRUE(tr.Get("/api/v1/training/courses").json.at("capabilities").at("create").as_bool());
  EXPECT_FALSE(pro.Get("/api/v1/training/courses").json.at("capabilities").at("create").as_bool());
  EXPECT_EQ(pro.Get(Path("courses", course, "/questions")).status, 403);
  EXPECT_EQ(rec.Post("/api/v1/training/courses", json::object{{"title", "园区课程"}}).status, 403);
  // The party school keeps its own unit's courses only; the coordinator keeps every course.
  Reply units = co.Get("/api/v1/org/units");
  int64_t tcj = 0;
  for (const auto& u : units.json.at("items").as_array())
    if (u.at("code").as_string() == "AQ-TCJ") tcj = u.at("id").as_int64();
  Reply elsewhere = tr.Post("/api/v1/training/courses",
                            json::object{{"title", "别家的课"}, {"owner_unit_id", tcj}});
  EXPECT_EQ(elsewhere.status, 403);
  Reply co_course = co.Post("/api/v1/training/courses",
                            json::object{{"title", "投促局的课"}, {"owner_unit_id", tcj}});
  ASSERT_EQ(co_course.status, 201) << co_course.body;
  const int64_t mine = co_course.json.at("id").as_int64();
  EXPECT_EQ(tr.Put(Path("courses", mine), json::object{{"title", "改名"}}).status, 403);
  Reply edited =
      co.Put(Path("courses", course),
             json::object{{"title", std::string(kBasic)},
                          {"summary", "协调员修改的摘要"},
                          {"quiz", json::object{{"max_attempts", 3}, {"time_limit_min", 30}}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json.at("summary").as_string(), "协调员修改的摘要");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'training.course_update'"),
            1);
  // A question removed from the bank leaves the papers already drawn as they were.
  Reply paper = pro.Post(Path("courses", course, "/attempts"), json::object{});
  ASSERT_EQ(paper.status, 201);
  const int64_t first = paper.json.at("questions").as_array()[0].at("id").as_int64();
  ASSERT_EQ(tr.Call("DELETE", Path("questions", first)).status, 204);
  EXPECT_EQ(tr.Get(Path("courses", course, "/questions")).json.at("items").as_array().size(), 11u);
  EXPECT_EQ(pro.Get(Path("attempts", paper.json.at("id").as_int64()))
                .json.at("questions")
                .as_array()
                .size(),
            12u);
}

TEST(TrainingApi, CompletionIsCountedPerUnitInTheReadersScope) {
  TestApp t;
  Client co(*t.app), head(*t.app), pro(*t.app);
  ASSERT_EQ(co.Login("coordinator").status, 200);
  ASSERT_EQ(head.Login("unithead").status, 200);  // 宜秀区
  ASSERT_EQ(pro.Login("promoter").status, 200);
  EXPECT_EQ(pro.Get("/api/v1/training/completion").status, 403);
  Reply all = co.Get("/api/v1/training/completion");
  ASSERT_EQ(all.status, 200) << all.body;
  std::map<std::string, json::object> units;
  for (const auto& u : all.json.at("units").as_array())
    units[std::string(u.at("unit_name").as_string())] = u.as_object();
  // The demo: 黄磊 (宜秀区投资促进中心) passed the basic course and attended its session.
  ASSERT_TRUE(units.count("宜秀区投资促进中心"));
  const auto& yx = units.at("宜秀区投资促进中心");
  EXPECT_EQ(yx.at("staff").as_int64(), 1);
  EXPECT_EQ(yx.at("passed").as_int64(), 1);
  EXPECT_EQ(yx.at("attended").as_int64(), 1);
  EXPECT_EQ(yx.at("rate_pct").as_int64(), 100);
  // The experts are nobody's staff.
  EXPECT_FALSE(units.count("招商项目预审专家库"));
  // A unit head sees its subtree only.
  Reply mine = head.Get("/api/v1/training/completion");
  ASSERT_EQ(mine.status, 200) << mine.body;
  std::set<std::string> seen;
  for (const auto& u : mine.json.at("units").as_array())
    seen.insert(std::string(u.at("unit_name").as_string()));
  EXPECT_TRUE(seen.count("宜秀区投资促进中心"));
  EXPECT_FALSE(seen.count("驻上海招商组"));
  // Per course: nobody has passed the industry course yet.
  int64_t ev = 0;
  for (const auto& c : all.json.at("courses").as_array())
    if (c.at("title").as_string() == "新能源汽车产业链招商实务") ev = c.at("id").as_int64();
  Reply per = co.Get("/api/v1/training/completion?course_id=" + std::to_string(ev));
  ASSERT_EQ(per.status, 200);
  for (const auto& u : per.json.at("units").as_array()) EXPECT_EQ(u.at("passed").as_int64(), 0);
  EXPECT_EQ(co.Get("/api/v1/training/completion?course_id=abc").Field("course_id"),
            "invalid_value");
  Reply x = co.Get("/api/v1/training/completion.xlsx");
  ASSERT_EQ(x.status, 200);
  EXPECT_EQ(x.body.substr(0, 2), "PK");
  EXPECT_NE(x.Header("Content-Disposition").find("attachment"), std::string::npos);
}

}  // namespace
}  // namespace zhaoshang::testing
