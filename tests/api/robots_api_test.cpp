// Group robots (企业微信 / 钉钉) through the application and a mock robot started by the test, on
// both engines: delivery in each robot's format with DingTalk's signature, retries after a 500
// with backoff on the injected clock, giving up after the last attempt, a robot that never
// answers, the delivery log, bad input, and the secret never shown.
#include "support/mock_robot.hpp"
#include "support/test_env.hpp"

#include "zhaoshang/notify/robot_message.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;
using std::chrono::milliseconds;

constexpr const char* kSecret = "SECtest0123456789";

struct RobotCast {
  explicit RobotCast(TestApp& t) : admin(*t.app), receiver(*t.app), coordinator(*t.app) {
    EXPECT_EQ(admin.Login("sysadmin").status, 200);
    EXPECT_EQ(receiver.Login("receiver").status, 200);
    EXPECT_EQ(coordinator.Login("coordinator").status, 200);
    power = UnitIdByCode(*t.app, "AQ-GDGS");
    Reply p = receiver.Get("/api/v1/projects?page_size=1&stage=signed");
    project = p.json.at("items").as_array().at(0).at("id").as_int64();
  }
  Reply AddRobot(const std::string& kind, const std::string& url, const std::string& secret = "") {
    json::object body{{"unit_id", power}, {"kind", kind}, {"name", kind + " 群"}, {"url", url}};
    if (!secret.empty()) body["secret"] = secret;
    return admin.Post("/api/v1/robots", body);
  }
  Reply Raise(const std::string& need) {
    return receiver.Post("/api/v1/projects/" + std::to_string(project) + "/factor-requests",
                         json::object{{"type", "power"}, {"need", need}});
  }
  Client admin, receiver, coordinator;
  int64_t power = 0, project = 0;
};

std::vector<json::object> Log(Client& admin) {
  Reply r = admin.Get("/api/v1/robots/deliveries?page_size=100");
  EXPECT_EQ(r.status, 200) << r.body;
  std::vector<json::object> out;
  for (const auto& x : r.json.at("items").as_array()) out.push_back(x.as_object());
  return out;
}

TEST(RobotsApi, DeliveredInEachRobotsFormatWithTheDingTalkSignature) {
  TestApp t;
  MockRobot robot(kSecret);
  RobotCast s(t);
  Reply wecom = s.AddRobot("wecom", robot.Url("/ok?key=abc"));
  ASSERT_EQ(wecom.status, 201) << wecom.body;
  EXPECT_EQ(wecom.json.at("url").as_string(), robot.Url("/ok"));  // the key is not shown
  Reply ding = s.AddRobot("dingtalk", robot.Url("/ding?access_token=t"), kSecret);
  ASSERT_EQ(ding.status, 201) << ding.body;
  EXPECT_TRUE(ding.json.at("has_secret").as_bool());
  EXPECT_EQ(ding.body.find(kSecret), std::string::npos);
  // Raising the request only queues: nothing has reached the robot yet.
  ASSERT_EQ(s.Raise("新增 2000 kVA 专变").status, 201);
  EXPECT_TRUE(robot.Hits("/ok").empty());
  auto run = t.app->notify().DeliverDue(t.clock.NowMs(), "test:1", "https://zs.example",
                                        milliseconds(2000));
  EXPECT_EQ(run.delivered, 2);
  auto w = robot.Hits("/ok");
  ASSERT_EQ(w.size(), 1U);
  auto wb = json::parse(w[0].body).as_object();
  EXPECT_EQ(wb.at("msgtype"), "markdown");
  const std::string content(wb.at("markdown").at("content").as_string());
  EXPECT_NE(content.find("新的要素保障申请"), std::string::npos) << content;
  EXPECT_NE(content.find("https://zs.example/factor-requests/"), std::string::npos) << content;
  auto d = robot.Hits("/ding");
  ASSERT_EQ(d.size(), 1U);
  EXPECT_TRUE(d[0].signature_ok) << d[0].query;
  EXPECT_TRUE(json::parse(d[0].body).at("markdown").as_object().contains("title"));
  for (const auto& x : Log(s.admin)) EXPECT_EQ(x.at("status").as_string(), "delivered");
  // Delivered once: a second run sends nothing.
  EXPECT_EQ(t.app->notify().DeliverDue(t.clock.NowMs(), "test:1", "", milliseconds(2000)).delivered,
            0);
  EXPECT_EQ(robot.Hits("/ok").size(), 1U);
}

// A routing's message links to the park's routing list of that project (the path is fixed when
// the message is queued: the delivery alone does not know the project).
TEST(RobotsApi, ARoutingMessageLinksToWhereTheParkAnswers) {
  TestApp t;
  MockRobot robot(kSecret);
  RobotCast s(t);
  const int64_t park = UnitIdByCode(*t.app, "AQ-JKQ");
  ASSERT_EQ(s.admin
                .Post("/api/v1/robots", json::object{{"unit_id", park},
                                                     {"kind", "wecom"},
                                                     {"name", "经开区招商群"},
                                                     {"url", robot.Url("/park?key=k")}})
                .status,
            201);
  Reply pool = s.coordinator.Get("/api/v1/projects?stage=approved&page_size=50");
  ASSERT_EQ(pool.status, 200);
  int64_t id = 0, version = 0;
  for (const auto& p : pool.json.at("items").as_array())
    if (p.at("pending_routing_id").is_null()) {
      id = p.at("id").as_int64();
      version = p.at("version").as_int64();
      break;
    }
  ASSERT_NE(id, 0) << pool.body;
  Reply routed = s.coordinator.Post("/api/v1/projects/" + std::to_string(id) + "/routings",
                                    json::object{{"park_id", park}, {"version", version}});
  ASSERT_EQ(routed.status, 201) << routed.body;
  t.app->notify().DeliverDue(t.clock.NowMs(), "test:1", "https://zs.example", milliseconds(2000));
  auto hits = robot.Hits("/park");
  ASSERT_FALSE(hits.empty());
  const std::string content(json::parse(hits.back().body).at("markdown").at("content").as_string());
  EXPECT_NE(content.find("https://zs.example/routings?project_id=" + std::to_string(id)),
            std::string::npos)
      << content;
}

TEST(RobotsApi, RetriedWithBackoffThenGivenUp) {
  TestApp t;
  MockRobot robot;
  RobotCast s(t);
  ASSERT_EQ(s.AddRobot("wecom", robot.Url("/fail")).status, 201);
  ASSERT_EQ(s.AddRobot("wecom", robot.Url("/flaky")).status, 201);
  ASSERT_EQ(s.Raise("临时用电").status, 201);
  auto deliver = [&] {
    return t.app->notify().DeliverDue(t.clock.NowMs(), "test:1", "", milliseconds(2000));
  };
  auto first = deliver();
  EXPECT_EQ(first.retrying, 2);
  // Not due again before the backoff has passed.
  EXPECT_EQ(deliver().retrying + deliver().delivered, 0);
  EXPECT_EQ(robot.Hits("/fail").size(), 1U);
  t.clock.Advance(60'000);
  auto second = deliver();
  EXPECT_EQ(second.delivered, 1);  // the flaky robot took it the second time
  EXPECT_EQ(robot.Hits("/flaky").size(), 2U);
  // The failing robot: after each wait of the schedule one more attempt, until the last; then
  // it is given up and tried no more.
  for (int i = 0; i < notify::kMaxAttempts; ++i) {
    t.clock.Advance(*notify::RetryDelayMs(notify::kMaxAttempts - 1));
    deliver();
  }
  EXPECT_EQ(robot.Hits("/fail").size(), static_cast<size_t>(notify::kMaxAttempts));
  ASSERT_EQ(s.admin.Login("sysadmin").status, 200);  // the session idled out meanwhile
  bool failed = false;
  for (const auto& x : Log(s.admin))
    if (x.at("status").as_string() == "failed") {
      failed = true;
      EXPECT_EQ(x.at("attempts").as_int64(), notify::kMaxAttempts);
      EXPECT_NE(std::string(x.at("last_error").as_string()).find("500"), std::string::npos);
    }
  EXPECT_TRUE(failed);
}

TEST(RobotsApi, ARobotThatNeverAnswersTimesOutAndIsRetried) {
  TestApp t;
  MockRobot robot;
  RobotCast s(t);
  ASSERT_EQ(s.AddRobot("dingtalk", robot.Url("/hang")).status, 201);
  ASSERT_EQ(s.Raise("双回路供电").status, 201);
  auto run = t.app->notify().DeliverDue(t.clock.NowMs(), "test:1", "", milliseconds(300));
  EXPECT_EQ(run.retrying, 1);
  auto log = Log(s.admin);
  ASSERT_EQ(log.size(), 1U);
  EXPECT_EQ(log[0].at("status").as_string(), "pending");
  EXPECT_FALSE(log[0].at("last_error").as_string().empty());
}

TEST(RobotsApi, BadInputAndWhoMayManage) {
  TestApp t;
  RobotCast s(t);
  EXPECT_EQ(s.AddRobot("wecom", "ftp://robot.example/x").Field("url"), "invalid_url");
  EXPECT_EQ(s.AddRobot("wecom", "https://u:p@robot.example/x").Field("url"), "invalid_url");
  EXPECT_EQ(s.AddRobot("feishu", "https://robot.example/x").Field("kind"), "invalid_value");
  Reply nounit = s.admin.Post(
      "/api/v1/robots",
      json::object{{"unit_id", 999999}, {"kind", "wecom"}, {"url", "https://robot.example/x"}});
  EXPECT_EQ(nounit.Field("unit_id"), "not_found");
  EXPECT_TRUE(
      s.admin.Get("/api/v1/robots").json.at("items").as_array().empty());  // nothing half-written
  EXPECT_EQ(s.coordinator.Get("/api/v1/robots").status, 403);
  EXPECT_EQ(s.coordinator.Get("/api/v1/robots/deliveries").status, 403);
  // Disabled robots get nothing queued; a stale version is refused.
  Reply r = s.AddRobot("wecom", "https://robot.example/hook");
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string path = "/api/v1/robots/" + std::to_string(r.json.at("id").as_int64());
  Reply off =
      s.admin.Patch(path, json::object{{"version", r.json.at("version")}, {"enabled", false}});
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(
      s.admin.Patch(path, json::object{{"version", r.json.at("version")}, {"name", "x"}}).Code(),
      "version_conflict");
  ASSERT_EQ(s.Raise("增容").status, 201);
  EXPECT_TRUE(Log(s.admin).empty());
  // The test message is queued for the robot.
  EXPECT_EQ(s.admin.Post(path + "/test", json::object{}).status, 202);
  EXPECT_EQ(Log(s.admin).size(), 1U);
}

TEST(RobotsApi, PreferencesTurnAKindOffForOnePerson) {
  TestApp t;
  RobotCast s(t);
  Client power(*t.app);
  ASSERT_EQ(power.Login("gdcollab").status, 200);
  Reply prefs = power.Get("/api/v1/notifications/preferences");
  ASSERT_EQ(prefs.status, 200) << prefs.body;
  EXPECT_TRUE(prefs.json.at("kinds").at("factor_raised").as_bool());
  EXPECT_EQ(power
                .Put("/api/v1/notifications/preferences",
                     json::object{{"kinds", json::object{{"nope", false}}}})
                .Field("kinds"),
            "invalid_value");
  EXPECT_EQ(power
                .Put("/api/v1/notifications/preferences",
                     json::object{{"kinds", json::object{{"factor_raised", "no"}}}})
                .Field("kinds"),
            "invalid_value");
  ASSERT_EQ(power
                .Put("/api/v1/notifications/preferences",
                     json::object{{"kinds", json::object{{"factor_raised", false}}}})
                .status,
            200);
  const int64_t before =
      power.Get("/api/v1/notifications/unread-count").json.at("unread").as_int64();
  ASSERT_EQ(s.Raise("专线").status, 201);
  EXPECT_EQ(power.Get("/api/v1/notifications/unread-count").json.at("unread").as_int64(), before);
  EXPECT_FALSE(power.Get("/api/v1/notifications/preferences")
                   .json.at("kinds")
                   .at("factor_raised")
                   .as_bool());
}

}  // namespace
}  // namespace zhaoshang::testing
