// Factor-guarantee requests (要素保障) through App::Handle, on both engines: the lifecycle with
// pass-on and the escalation of what a department cannot resolve, scopes, bad input.
#include <algorithm>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

Reply Step(Client& c, const Reply& req, const std::string& action, json::object body) {
  body["version"] = req.json.at("version").as_int64();
  return c.Post(
      "/api/v1/factor-requests/" + std::to_string(req.json.at("id").as_int64()) + "/" + action,
      body);
}

struct Cast {
  explicit Cast(TestApp& t)
      : receiver(*t.app), land(*t.app), power(*t.app), coordinator(*t.app), promoter(*t.app) {
    EXPECT_EQ(receiver.Login("receiver").status, 200);
    EXPECT_EQ(land.Login("collaborator").status, 200);  // 自然资源和规划局
    EXPECT_EQ(power.Login("gdcollab").status, 200);     // 供电公司
    EXPECT_EQ(coordinator.Login("coordinator").status, 200);
    EXPECT_EQ(promoter.Login("promoter").status, 200);
  }
  Client receiver, land, power, coordinator, promoter;
};

TEST(FactorsApi, ARequestIsPassedOnEscalatedReassignedAndResolved) {
  TestApp t;  // Wednesday 2026-11-18
  Cast c(t);
  const int64_t project = FirstProject(c.receiver, "signed");
  const std::string base = "/api/v1/projects/" + std::to_string(project) + "/factor-requests";
  Reply raised = c.receiver.Post(
      base, json::object{{"type", "power"}, {"need", "新增 2000 kVA 专变"}, {"quantity", 2000}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  EXPECT_EQ(raised.json.at("department_name").as_string(), "国网安庆供电公司");  // the mapping
  EXPECT_EQ(raised.json.at("status").as_string(), "open");
  EXPECT_EQ(raised.json.at("answer_deadline").as_string(), "2026-11-20");  // 2 working days
  EXPECT_EQ(raised.json.at("clock").as_string(), "on_time");
  EXPECT_TRUE(raised.json.at("capabilities").at("withdraw").as_bool());
  EXPECT_FALSE(raised.json.at("capabilities").at("accept").as_bool());
  const std::string path =
      "/api/v1/factor-requests/" + std::to_string(raised.json.at("id").as_int64());
  // The land bureau neither sees nor takes another department's request.
  EXPECT_EQ(c.land.Get(path).status, 404);
  EXPECT_EQ(Step(c.land, raised, "accept", {}).status, 404);
  // The power company accepts (the resolve clock starts) and passes it on.
  Reply accepted = Step(c.power, raised, "accept", {});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json.at("resolve_deadline").as_string(), "2026-12-16");  // 20 working days
  EXPECT_EQ(Step(c.power, accepted, "accept", {}).Code(), "invalid_status");
  Reply stale = Step(c.power, raised, "progress", {{"note", "x"}});
  EXPECT_EQ(stale.Code(), "version_conflict");
  Reply passed =
      Step(c.power, accepted, "pass-on",
           {{"department_id", UnitIdByCode(*t.app, "AQ-ZRZY")}, {"note", "需先落实用地红线"}});
  ASSERT_EQ(passed.status, 200) << passed.body;
  EXPECT_EQ(passed.json.at("status").as_string(), "open");
  EXPECT_EQ(passed.json.at("department_name").as_string(), "安庆市自然资源和规划局");
  EXPECT_TRUE(passed.json.at("resolve_deadline").is_null());
  EXPECT_EQ(c.power.Get(path).status, 404);  // no longer its business
  // The land bureau cannot resolve it: it goes to the coordinator.
  Reply cannot = Step(c.land, passed, "unresolvable",
                      {{"reason_code", "needs_higher_level"}, {"note", "需省电力公司批复"}});
  ASSERT_EQ(cannot.status, 200) << cannot.body;
  EXPECT_EQ(cannot.json.at("status").as_string(), "unresolvable");
  EXPECT_EQ(Step(c.land, cannot, "pass-on",
                 {{"department_id", UnitIdByCode(*t.app, "AQ-GDGS")}, {"note", "退回"}})
                .Code(),
            "invalid_status");
  Reply escalated = c.coordinator.Get("/api/v1/factor-requests?status=unresolvable&page_size=100");
  bool listed = false;
  for (const auto& r : escalated.json.at("items").as_array())
    listed = listed || r.at("id") == cannot.json.at("id");
  EXPECT_TRUE(listed) << "the coordinator's queue holds what departments cannot resolve";
  Reply back = Step(c.coordinator, cannot, "pass-on",
                    {{"department_id", UnitIdByCode(*t.app, "AQ-GDGS")},
                     {"note", "已协调省公司，请供电公司办理"}});
  ASSERT_EQ(back.status, 200) << back.body;
  Reply again = Step(c.power, back, "accept", {});
  ASSERT_EQ(again.status, 200) << again.body;
  Reply done = Step(c.power, again, "resolve", {{"outcome", "专变已送电"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("status").as_string(), "resolved");
  EXPECT_TRUE(done.json.at("clock").is_null());
  // raised, accepted, passed_on, unresolvable, passed_on, accepted, resolved
  EXPECT_EQ(done.json.at("events").as_array().size(), 7u);
  // The project page lists it; the statistics count it.
  Reply of_project = c.receiver.Get(base);
  ASSERT_EQ(of_project.status, 200) << of_project.body;
  EXPECT_FALSE(of_project.json.at("items").as_array().empty());
  Reply stats = c.coordinator.Get("/api/v1/factor-requests/stats");
  ASSERT_EQ(stats.status, 200) << stats.body;
  bool counted = false;
  for (const auto& s : stats.json.at("items").as_array())
    if (s.at("type").as_string() == "power" &&
        s.at("department_name").as_string() == "国网安庆供电公司") {
      counted = s.at("resolved").as_int64() >= 1 && s.at("on_time_rate").as_double() > 0;
    }
  EXPECT_TRUE(counted) << stats.body;
  // A department's statistics cover the requests it sees only.
  Reply own_stats = c.power.Get("/api/v1/factor-requests/stats");
  ASSERT_EQ(own_stats.status, 200);
  for (const auto& s : own_stats.json.at("items").as_array())
    EXPECT_EQ(s.at("department_name").as_string(), "国网安庆供电公司");
  // Every step is audited.
  Client audit(*t.app);
  ASSERT_EQ(audit.Login("auditadmin").status, 200);
  EXPECT_GE(audit.Get("/api/v1/audit?action=factor.passed_on").json.at("total").as_int64(), 2);
}

TEST(FactorsApi, ScopesAndWhoMayRaise) {
  TestApp t;
  Cast c(t);
  const int64_t signed_project = FirstProject(c.receiver, "signed");
  Reply r =
      c.receiver.Post("/api/v1/projects/" + std::to_string(signed_project) + "/factor-requests",
                      json::object{{"type", "environment"}, {"need", "环评批复"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string path = "/api/v1/factor-requests/" + std::to_string(r.json.at("id").as_int64());
  EXPECT_EQ(c.promoter.Get(path).status, 404);  // neither raised by them nor their project
  EXPECT_EQ(Step(c.promoter, r, "withdraw", {{"note", "x"}}).status, 404);
  // A lead is not yet a project that needs factors.
  const int64_t lead = FirstProject(c.promoter, "lead");
  Reply early = c.promoter.Post("/api/v1/projects/" + std::to_string(lead) + "/factor-requests",
                                json::object{{"type", "land"}, {"need", "用地"}});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.Code(), "stage_not_allowed");
  // Someone else's project is not found.
  EXPECT_EQ(c.promoter
                .Post("/api/v1/projects/" + std::to_string(signed_project) + "/factor-requests",
                      json::object{{"type", "land"}, {"need", "用地"}})
                .status,
            404);
  // The requester withdraws with a reason; then nothing moves.
  Reply gone = Step(c.receiver, r, "withdraw", {{"note", "项目调整方案"}});
  ASSERT_EQ(gone.status, 200) << gone.body;
  EXPECT_EQ(gone.json.at("status").as_string(), "withdrawn");
  EXPECT_EQ(Step(c.coordinator, gone, "accept", {}).Code(), "invalid_status");
}

TEST(FactorsApi, BadInputIsRefusedAndTheMappingDecidesTheDepartment) {
  TestApp t;
  Cast c(t);
  const std::string base =
      "/api/v1/projects/" + std::to_string(FirstProject(c.receiver, "signed")) + "/factor-requests";
  EXPECT_EQ(c.receiver.Post(base, json::object{{"type", "lunch"}, {"need", "x"}}).Field("type"),
            "invalid_value");
  EXPECT_EQ(
      c.receiver.Post(base, json::object{{"type", "environment"}, {"need", "x"}, {"quantity", 5}})
          .Field("quantity"),
      "invalid_value");
  EXPECT_EQ(c.receiver.Post(base, json::object{{"type", "land"}}).Field("need"), "required");
  EXPECT_EQ(
      c.receiver
          .Post(base, json::object{{"type", "land"}, {"need", "x"}, {"department_id", 999999}})
          .Field("department_id"),
      "not_found");
  // Water has no department yet: the requester must choose one, until the coordinator maps it.
  EXPECT_EQ(c.receiver.Post(base, json::object{{"type", "water"}, {"need", "日供水 500 吨"}})
                .Field("department_id"),
            "required");
  const int64_t fgw = UnitIdByCode(*t.app, "AQ-FGW");
  EXPECT_EQ(c.receiver.Put("/api/v1/factor-types/water", json::object{{"unit_id", fgw}}).status,
            403);
  ASSERT_EQ(c.coordinator.Put("/api/v1/factor-types/water", json::object{{"unit_id", fgw}}).status,
            200);
  Reply water = c.receiver.Post(
      base, json::object{{"type", "water"}, {"need", "日供水 500 吨"}, {"quantity", 500}});
  ASSERT_EQ(water.status, 201) << water.body;
  EXPECT_EQ(water.json.at("department_id").as_int64(), fgw);
  EXPECT_EQ(c.coordinator.Put("/api/v1/factor-types/nap", json::object{{"unit_id", fgw}}).status,
            404);
  ASSERT_EQ(
      c.coordinator.Put("/api/v1/factor-types/water", json::object{{"unit_id", nullptr}}).status,
      200);
  Reply types = c.coordinator.Get("/api/v1/factor-types");
  for (const auto& ty : types.json.at("items").as_array())
    if (ty.at("type").as_string() == "water") EXPECT_TRUE(ty.at("unit_id").is_null());
  // Steps with missing or wrong fields change nothing.
  EXPECT_EQ(Step(c.coordinator, water, "pass-on", {{"department_id", fgw}, {"note", "x"}})
                .Field("department_id"),
            "invalid_value");  // already there
  EXPECT_EQ(Step(c.coordinator, water, "pass-on", {{"department_id", fgw + 1000000}}).Field("note"),
            "required");
  EXPECT_EQ(
      Step(c.coordinator, water, "unresolvable", {{"reason_code", "tired"}}).Field("reason_code"),
      "invalid_value");
  Reply still = c.coordinator.Get("/api/v1/factor-requests/" +
                                  std::to_string(water.json.at("id").as_int64()));
  EXPECT_EQ(still.json.at("status").as_string(), "open");
  EXPECT_EQ(still.json.at("version").as_int64(), water.json.at("version").as_int64());
  EXPECT_EQ(c.coordinator.Get("/api/v1/factor-requests?status=late").Field("status"),
            "invalid_value");
}

TEST(FactorsApi, TheDemoHasAnOverdueRequestInTheQueue) {
  TestApp t;
  Cast c(t);
  Reply overdue = c.coordinator.Get("/api/v1/factor-requests?overdue=true");
  ASSERT_EQ(overdue.status, 200) << overdue.body;
  ASSERT_FALSE(overdue.json.at("items").as_array().empty());
  EXPECT_EQ(overdue.json.at("items").as_array()[0].at("clock").as_string(), "overdue");
}

std::vector<std::string> TodoKinds(Client& c, const std::string& clock = "") {
  Reply w = c.Get("/api/v1/workbench");
  EXPECT_EQ(w.status, 200) << w.body;
  std::vector<std::string> kinds;
  for (const auto& item : w.json.at("todos").at("items").as_array())
    if (clock.empty() || (item.at("clock").is_string() && item.at("clock").as_string() == clock))
      kinds.emplace_back(item.at("kind").as_string());
  return kinds;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(FactorsApi, TheWorkbenchListsEachCallersToDosWithTheirClocks) {
  TestApp t;
  Cast c(t);
  // The power company: the request it accepted (demo).
  EXPECT_TRUE(Contains(TodoKinds(c.power), "factor_request"));
  // The coordinator: what a department declared it cannot resolve, the overdue labour request,
  // and overdue projects anywhere.
  Reply w = c.coordinator.Get("/api/v1/workbench");
  ASSERT_EQ(w.status, 200) << w.body;
  const auto& todos = w.json.at("todos");
  EXPECT_GE(todos.at("counts").at("factor_requests").as_int64(), 2);
  EXPECT_TRUE(Contains(TodoKinds(c.coordinator, "overdue"), "factor_request"));
  EXPECT_TRUE(Contains(TodoKinds(c.coordinator, "overdue"), "project"));
  // Sorted by deadline: overdue first.
  std::string last;
  for (const auto& item : todos.at("items").as_array()) {
    if (!item.at("deadline").is_string()) continue;
    const std::string d(item.at("deadline").as_string());
    EXPECT_LE(last, d);
    last = d;
  }
  // A factor request's to-do shows the clock its own page shows (none once declared unresolvable).
  for (const auto& item : todos.at("items").as_array()) {
    if (item.at("kind").as_string() != "factor_request") continue;
    Reply r =
        c.coordinator.Get("/api/v1/factor-requests/" + std::to_string(item.at("id").as_int64()));
    EXPECT_EQ(item.at("clock"), r.json.at("clock")) << r.body;
  }
  // A promoter handles no factor requests and sees only their own projects.
  auto promoter = TodoKinds(c.promoter);
  EXPECT_FALSE(Contains(promoter, "factor_request"));
  Reply mine = c.promoter.Get("/api/v1/workbench");
  for (const auto& item : mine.json.at("todos").at("items").as_array())
    EXPECT_EQ(c.promoter.Get("/api/v1/projects/" + std::to_string(item.at("project_id").as_int64()))
                  .status,
              200);
}

int64_t Unread(Client& c) {
  Reply r = c.Get("/api/v1/notifications/unread-count");
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json.at("unread").as_int64();
}

TEST(FactorsApi, TheDepartmentIsToldAndTheRequesterHearsOfTheResolution) {
  TestApp t;
  Cast c(t);
  const int64_t power_before = Unread(c.power), receiver_before = Unread(c.receiver);
  Reply raised = c.receiver.Post(
      "/api/v1/projects/" + std::to_string(FirstProject(c.receiver, "signed")) + "/factor-requests",
      json::object{{"type", "power"}, {"need", "临时用电 315 kVA"}, {"quantity", 315}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  EXPECT_EQ(Unread(c.power), power_before + 1);
  EXPECT_EQ(Unread(c.receiver), receiver_before);  // not told of their own step
  Reply inbox = c.power.Get("/api/v1/notifications?unread=true");
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  const auto& first = inbox.json.at("items").as_array().at(0);
  EXPECT_EQ(first.at("kind").as_string(), "factor_raised");
  EXPECT_EQ(first.at("object_type").as_string(), "factor_request");
  EXPECT_EQ(first.at("object_id"), raised.json.at("id"));
  const std::string read =
      "/api/v1/notifications/" + std::to_string(first.at("id").as_int64()) + "/read";
  EXPECT_EQ(c.receiver.Post(read, json::object{}).status, 404);  // someone else's
  Reply after = c.power.Post(read, json::object{});
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json.at("unread").as_int64(), power_before);
  EXPECT_EQ(c.power.Post(read, json::object{}).status, 200);  // reading twice is fine
  // Accepted and resolved: the requester hears of it.
  Reply accepted = Step(c.power, raised, "accept", {});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  ASSERT_EQ(Step(c.power, accepted, "resolve", {{"outcome", "已接入临时电源"}}).status, 200);
  EXPECT_EQ(Unread(c.receiver), receiver_before + 1);
  ASSERT_EQ(c.receiver.Post("/api/v1/notifications/read-all", json::object{}).status, 200);
  EXPECT_EQ(Unread(c.receiver), 0);
  EXPECT_EQ(c.power.Get("/api/v1/notifications?unread=maybe").Field("unread"), "invalid_value");
}

// The audit log names a request by its project and type, a supervision item by its title.
TEST(FactorsApi, TheAuditLogNamesRequestsAndSupervisionItems) {
  TestApp t;
  Cast c(t);
  const int64_t project = FirstProject(c.receiver, "signed");
  Reply raised = c.receiver.Post(
      "/api/v1/projects/" + std::to_string(project) + "/factor-requests",
      json::object{{"type", "power"}, {"need", "新增 2000 kVA 专变"}, {"quantity", 2000}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  Client aud(*t.app);
  ASSERT_EQ(aud.Login("auditadmin").status, 200);
  Reply r = aud.Get("/api/v1/audit?object_type=factor_request&object_id=" +
                    std::to_string(raised.json.at("id").as_int64()));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json.at("total").as_int64(), 1);
  EXPECT_EQ(r.json.at("items").at(0).at("object_name").as_string(),
            std::string(raised.json.at("project_name").as_string()) + " · 用电");
  Reply issued =
      c.coordinator.Post("/api/v1/supervision", json::object{{"subject_type", "project"},
                                                             {"subject_id", project},
                                                             {"title", "加快落实供电"},
                                                             {"instruction", "请一周内反馈"},
                                                             {"priority", "urgent"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  r = aud.Get("/api/v1/audit?object_type=supervision_item&object_id=" +
              std::to_string(issued.json.at("id").as_int64()));
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_GE(r.json.at("total").as_int64(), 1);
  EXPECT_EQ(r.json.at("items").at(0).at("object_name").as_string(), "加快落实供电");
}

}  // namespace
}  // namespace zhaoshang::testing
