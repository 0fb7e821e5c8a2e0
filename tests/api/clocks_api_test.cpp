// The working-day calendar and the clocks' durations through App::Handle, on both engines.
#include <algorithm>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;
constexpr int64_t kDayMs = 86'400'000;

const json::object* DayOf(const Reply& year, const std::string& date) {
  for (const auto& d : year.json.at("days").as_array())
    if (d.at("date").as_string() == date) return &d.as_object();
  return nullptr;
}

std::string MarkOf(const Reply& year, const std::string& date) {
  const auto* d = DayOf(year, date);
  if (!d) return "missing";
  return d->at("marked").is_null() ? "" : std::string(d->at("marked").as_string());
}

TEST(ClocksApi, TheYearShipsWithTheOfficialHolidaysAndMakeUpDays) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply y = promoter.Get("/api/v1/calendar?year=2026");
  ASSERT_EQ(y.status, 200) << y.body;
  EXPECT_EQ(y.json.at("days").as_array().size(), 365u);
  EXPECT_TRUE(DayOf(y, "2026-02-14")->at("working").as_bool());  // Saturday, 调休上班
  EXPECT_EQ(MarkOf(y, "2026-02-14"), "workday");
  EXPECT_EQ(DayOf(y, "2026-02-14")->at("name").as_string(), "春节调休上班");
  EXPECT_FALSE(DayOf(y, "2026-02-16")->at("working").as_bool());  // Monday, 春节
  EXPECT_EQ(MarkOf(y, "2026-02-16"), "holiday");
  EXPECT_FALSE(DayOf(y, "2026-03-07")->at("working").as_bool());  // an ordinary Saturday
  EXPECT_EQ(MarkOf(y, "2026-03-07"), "");
  EXPECT_FALSE(y.json.at("capabilities").at("edit").as_bool());
  Client coordinator(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  EXPECT_TRUE(
      coordinator.Get("/api/v1/calendar?year=2026").json.at("capabilities").at("edit").as_bool());
  EXPECT_EQ(promoter.Get("/api/v1/calendar?year=1800").Field("year"), "invalid_value");
  EXPECT_EQ(promoter.Get("/api/v1/calendar?year=abc").Field("year"), "invalid_value");
  EXPECT_EQ(promoter.Get("/api/v1/calendar").json.at("year").as_int64(), 2026);  // this year
}

TEST(ClocksApi, TheCoordinatorMarksADayAndUnmarksIt) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("coordinator").status, 200);
  Reply off = c.Put("/api/v1/calendar/days/2026-05-06",
                    json::object{{"working", false}, {"name", "防汛停工"}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(off.json.at("marked").as_string(), "holiday");
  Reply y = c.Get("/api/v1/calendar?year=2026");
  EXPECT_FALSE(DayOf(y, "2026-05-06")->at("working").as_bool());
  EXPECT_EQ(DayOf(y, "2026-05-06")->at("name").as_string(), "防汛停工");
  // Working again on a Wednesday is the weekday rule: the mark goes.
  Reply on = c.Put("/api/v1/calendar/days/2026-05-06", json::object{{"working", true}});
  ASSERT_EQ(on.status, 200) << on.body;
  EXPECT_TRUE(on.json.at("marked").is_null());
  EXPECT_EQ(MarkOf(c.Get("/api/v1/calendar?year=2026"), "2026-05-06"), "");
  // A Saturday worked is a make-up day.
  EXPECT_EQ(c.Put("/api/v1/calendar/days/2026-05-16", json::object{{"working", true}})
                .json.at("marked")
                .as_string(),
            "workday");
  // Both changes are in the audit log.
  Client audit(*t.app);
  ASSERT_EQ(audit.Login("auditadmin").status, 200);
  EXPECT_EQ(audit.Get("/api/v1/audit?action=calendar.day_update").json.at("total").as_int64(), 3);
  // Bad input changes nothing.
  EXPECT_EQ(c.Put("/api/v1/calendar/days/2026-02-30", json::object{{"working", true}}).status, 404);
  EXPECT_EQ(
      c.Put("/api/v1/calendar/days/2026-05-07", json::object{{"working", "no"}}).Field("working"),
      "wrong_type");
  EXPECT_EQ(c.Put("/api/v1/calendar/days/2026-05-07", json::object{}).Field("working"), "required");
  EXPECT_EQ(MarkOf(c.Get("/api/v1/calendar?year=2026"), "2026-05-07"), "");
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  EXPECT_EQ(
      promoter.Put("/api/v1/calendar/days/2026-05-07", json::object{{"working", false}}).status,
      403);
}

TEST(ClocksApi, ImportReplacesTheYearsOfTheFileOrNothing) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("coordinator").status, 200);
  Reply bad = c.Call("POST", "/api/v1/calendar/import",
                     "日期,类型,名称\n2026-02-14,放假,x\n2026-13-01,放假,y\n2026-02-15,vacation\n",
                     "text/csv");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Field("line.3"), "invalid_date");
  EXPECT_EQ(bad.Field("line.4"), "invalid_kind");
  EXPECT_EQ(MarkOf(c.Get("/api/v1/calendar?year=2026"), "2026-02-14"), "workday");  // untouched
  Reply next =
      c.Call("POST", "/api/v1/calendar/import",
             "date,kind,name\n2027-02-06,上班,春节调休上班\n2027-02-08,放假,春节\n", "text/csv");
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(next.json.at("days").as_int64(), 2);
  EXPECT_EQ(next.json.at("years").as_array().at(0).as_int64(), 2027);
  Reply y2027 = c.Get("/api/v1/calendar?year=2027");
  EXPECT_TRUE(DayOf(y2027, "2027-02-06")->at("working").as_bool());  // a Saturday
  EXPECT_FALSE(DayOf(y2027, "2027-02-08")->at("working").as_bool());
  EXPECT_EQ(MarkOf(c.Get("/api/v1/calendar?year=2026"), "2026-02-14"), "workday");  // other year
  // Re-importing 2026 with one day replaces the whole year.
  ASSERT_EQ(
      c.Call("POST", "/api/v1/calendar/import", "2026-10-01,holiday,国庆节\n", "text/csv").status,
      200);
  Reply y2026 = c.Get("/api/v1/calendar?year=2026");
  EXPECT_EQ(MarkOf(y2026, "2026-02-14"), "");
  EXPECT_EQ(MarkOf(y2026, "2026-10-01"), "holiday");
  EXPECT_EQ(c.Call("POST", "/api/v1/calendar/import", "", "text/csv").status, 400);
}

TEST(ClocksApi, DurationsHaveDefaultsAndServerRanges) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("coordinator").status, 200);
  Reply got = c.Get("/api/v1/clocks");
  ASSERT_EQ(got.status, 200) << got.body;
  std::map<std::string, int64_t> days;
  for (const auto& k : got.json.at("items").as_array())
    days[std::string(k.at("kind").as_string())] = k.at("days").as_int64();
  EXPECT_EQ(days.at("lead_response"), 1);
  EXPECT_EQ(days.at("lead_judgement_large"), 7);
  EXPECT_EQ(days.at("progress_report"), 10);
  Reply put =
      c.Put("/api/v1/clocks", json::object{{"durations", json::object{{"lead_response", 2}}}});
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(c.Put("/api/v1/clocks", json::object{{"durations", json::object{{"lead_response", 0}}}})
                .Field("lead_response"),
            "invalid_value");
  EXPECT_EQ(
      c.Put("/api/v1/clocks", json::object{{"durations", json::object{{"nap", 3}}}}).Field("nap"),
      "unknown_field");
  EXPECT_EQ(c.Put("/api/v1/clocks", json::object{{"durations", json::array{}}}).Field("durations"),
            "wrong_type");
  Reply after = c.Get("/api/v1/clocks");
  for (const auto& k : after.json.at("items").as_array())
    if (k.at("kind").as_string() == "lead_response") EXPECT_EQ(k.at("days").as_int64(), 2);
}

boost::json::object SmallLead(const std::string& name) {
  auto lead = NewLead(name, name + "有限公司");
  lead["total_investment_yuan"] = int64_t(200'000'000);  // 2 亿元: the ordinary 3 days
  lead["fixed_investment_yuan"] = int64_t(150'000'000);
  return lead;
}

std::vector<int64_t> IdsOf(const Reply& list) {
  std::vector<int64_t> ids;
  for (const auto& p : list.json.at("items").as_array()) ids.push_back(p.at("id").as_int64());
  return ids;
}

bool Has(const std::vector<int64_t>& ids, int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

TEST(ClocksApi, StepDeadlinesCountWorkingDaysOnTheCalendar) {
  TestApp t;  // now: Wednesday 2026-11-18
  Client coordinator(*t.app), promoter(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply small = promoter.Post("/api/v1/projects", SmallLead("石墨烯导热膜项目"));
  ASSERT_EQ(small.status, 201) << small.body;
  EXPECT_EQ(small.json.at("step_deadline").as_string(), "2026-11-23");  // Thu, Fri, Mon
  EXPECT_EQ(small.json.at("clock").as_string(), "on_time");
  // Two days off by the calendar push the next lead's deadline past them.
  for (const char* day : {"2026-11-19", "2026-11-20"})
    ASSERT_EQ(coordinator
                  .Put(std::string("/api/v1/calendar/days/") + day,
                       json::object{{"working", false}, {"name", "停电检修"}})
                  .status,
              200);
  Reply later = promoter.Post("/api/v1/projects", SmallLead("碳纤维复合材料项目"));
  ASSERT_EQ(later.status, 201) << later.body;
  EXPECT_EQ(later.json.at("step_deadline").as_string(), "2026-11-25");  // Mon, Tue, Wed
  // A lead of 5 亿元 and more is judged within 7 working days (the lead_judgement_large clock).
  Reply big = promoter.Post("/api/v1/projects", NewLead("氢能重卡项目", "氢能重卡有限公司"));
  ASSERT_EQ(big.status, 201) << big.body;
  EXPECT_EQ(big.json.at("step_deadline").as_string(), "2026-12-01");  // 7: 23–27 Nov, 30 Nov, 1 Dec
}

TEST(ClocksApi, ClockStatesAndTheLedgerFilterFollowTheDays) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply lead = promoter.Post("/api/v1/projects", SmallLead("光伏支架项目"));
  ASSERT_EQ(lead.status, 201) << lead.body;
  const int64_t id = lead.json.at("id").as_int64();
  const std::string path = "/api/v1/projects/" + std::to_string(id);
  auto state = [&] { return std::string(promoter.Get(path).json.at("clock").as_string()); };
  auto listed = [&](const std::string& clock) {
    return Has(IdsOf(promoter.Get("/api/v1/projects?page_size=100&clock=" + clock)), id);
  };
  EXPECT_EQ(state(), "on_time");  // deadline Monday 23 Nov
  EXPECT_TRUE(listed("on_time"));
  EXPECT_FALSE(listed("due_soon"));
  t.clock.Advance(2 * kDayMs);                        // Friday 20 Nov: one working day left
  ASSERT_EQ(promoter.Login("promoter").status, 200);  // the session timed out meanwhile
  EXPECT_EQ(state(), "due_soon");
  EXPECT_TRUE(listed("due_soon"));
  EXPECT_FALSE(listed("on_time"));
  EXPECT_FALSE(listed("overdue"));
  t.clock.Advance(4 * kDayMs);  // Tuesday 24 Nov
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  EXPECT_EQ(state(), "overdue");
  EXPECT_TRUE(listed("overdue"));
  EXPECT_FALSE(listed("due_soon"));
  EXPECT_EQ(promoter.Get("/api/v1/projects?clock=late").Field("clock"), "invalid_value");
}

}  // namespace
}  // namespace zhaoshang::testing
