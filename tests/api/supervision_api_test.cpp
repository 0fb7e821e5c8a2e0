// Supervision (督办) through App::Handle, on both engines: issued, replied, closed and reopened;
// who sees and who may act; bad input.
#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

int64_t FirstOf(Client& c, const std::string& query) {
  Reply r = c.Get("/api/v1/projects?page_size=1&" + query);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json.at("items").as_array().at(0).at("id").as_int64();
}

Reply Step(Client& c, const Reply& item, const std::string& step, json::object body) {
  body["version"] = item.json.at("version").as_int64();
  return c.Post("/api/v1/supervision/" + std::to_string(item.json.at("id").as_int64()) + "/" + step,
                body);
}

int64_t Unread(Client& c) {
  return c.Get("/api/v1/notifications/unread-count").json.at("unread").as_int64();
}

TEST(SupervisionApi, IssuedRepliedClosedAndReopened) {
  TestApp t;  // Wednesday 2026-11-18
  Client coordinator(*t.app), leader(*t.app), park(*t.app), promoter(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(leader.Login("leader").status, 200);
  ASSERT_EQ(park.Login("receiver").status, 200);  // 安庆经济技术开发区
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  const int64_t project = FirstOf(park, "stage=construction");
  const int64_t park_unread = Unread(park);
  Reply item =
      coordinator.Post("/api/v1/supervision",
                       json::object{{"subject_type", "project"},
                                    {"subject_id", project},
                                    {"title", "加快推进二期厂房建设"},
                                    {"instruction", "请于本周内报告二期厂房施工进度及存在问题"},
                                    {"leader_instruction", "请经开区主要负责同志亲自督办。——赵敏"},
                                    {"priority", "urgent"}});
  ASSERT_EQ(item.status, 201) << item.body;
  EXPECT_EQ(item.json.at("unit_name").as_string(), "安庆经济技术开发区");  // responsible unit
  EXPECT_EQ(item.json.at("deadline").as_string(), "2026-11-23");           // 3 working days
  EXPECT_EQ(item.json.at("clock").as_string(), "on_time");
  EXPECT_EQ(Unread(park), park_unread + 1);
  const std::string path = "/api/v1/supervision/" + std::to_string(item.json.at("id").as_int64());
  // Another unit neither sees it nor answers it.
  EXPECT_EQ(promoter.Get(path).status, 404);
  Reply theirs = promoter.Get("/api/v1/supervision?page_size=100");
  for (const auto& i : theirs.json.at("items").as_array())
    EXPECT_NE(i.at("id"), item.json.at("id"));
  // The park replies; the issuer hears of it; more progress may follow.
  Reply seen = park.Get(path);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(seen.json.at("capabilities").at("reply").as_bool());
  EXPECT_FALSE(seen.json.at("capabilities").at("close").as_bool());
  const int64_t coordinator_unread = Unread(coordinator);
  Reply replied = Step(park, seen, "reply", {{"note", "主体结构已封顶，设备基础施工中"}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(replied.json.at("status").as_string(), "replied");
  EXPECT_TRUE(replied.json.at("clock").is_null());
  EXPECT_EQ(Unread(coordinator), coordinator_unread + 1);
  EXPECT_EQ(Step(park, replied, "close", {}).status, 403);  // only the issuer side closes
  Reply closed = Step(coordinator, replied, "close", {{"note", "进度符合要求"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json.at("status").as_string(), "closed");
  EXPECT_EQ(Step(park, closed, "reply", {{"note", "补充"}}).Code(), "invalid_status");
  // A leader reopens it with a new deadline.
  t.clock.Advance(int64_t{2} * 86'400'000);  // Friday 20 Nov
  ASSERT_EQ(leader.Login("leader").status, 200);
  ASSERT_EQ(park.Login("receiver").status, 200);
  Reply reopened = Step(leader, closed, "reopen", {{"note", "设备到货延迟，请继续跟踪"}});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.json.at("status").as_string(), "open");
  EXPECT_EQ(reopened.json.at("deadline").as_string(), "2026-11-25");  // Mon, Tue, Wed
  EXPECT_EQ(reopened.json.at("events").as_array().size(), 4u);  // issued, replied, closed, reopened
  EXPECT_TRUE(park.Get(path).json.at("capabilities").at("reply").as_bool());
  // Reopened again with the deadline the leader chooses; a past date or a deadline on another
  // step is refused and changes nothing.
  Reply replied2 = Step(park, reopened, "reply", {{"note", "设备已到货"}});
  ASSERT_EQ(replied2.status, 200) << replied2.body;
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);  // idle since Wednesday
  Reply closed2 = Step(coordinator, replied2, "close", {{"note", "ok"}});
  ASSERT_EQ(closed2.status, 200) << closed2.body;
  EXPECT_EQ(Step(leader, closed2, "reopen", {{"note", "再跟进"}, {"deadline", "2026-11-19"}})
                .Field("deadline"),
            "invalid_value");
  EXPECT_EQ(Step(leader, closed2, "reopen", {{"note", "再跟进"}, {"deadline", "2026-13-01"}})
                .Field("deadline"),
            "invalid_value");
  EXPECT_EQ(Step(coordinator, closed2, "close", {{"deadline", "2026-12-31"}}).Field("deadline"),
            "unknown_field");
  Reply chosen =
      Step(leader, closed2, "reopen", {{"note", "年底前落实"}, {"deadline", "2026-12-31"}});
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  EXPECT_EQ(chosen.json.at("deadline").as_string(), "2026-12-31");
}

TEST(SupervisionApi, OnAFactorRequestTheDepartmentReplies) {
  TestApp t;
  Client coordinator(*t.app), land(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(land.Login("collaborator").status, 200);
  Reply queue = coordinator.Get("/api/v1/factor-requests?status=unresolvable");
  ASSERT_FALSE(queue.json.at("items").as_array().empty()) << queue.body;
  const auto& request = queue.json.at("items").as_array()[0];
  Reply item = coordinator.Post("/api/v1/supervision",
                                json::object{{"subject_type", "factor_request"},
                                             {"subject_id", request.at("id")},
                                             {"title", "用地指标协调"},
                                             {"instruction", "请提出省级统筹的申报方案"},
                                             {"deadline", "2026-12-04"}});
  ASSERT_EQ(item.status, 201) << item.body;
  EXPECT_EQ(item.json.at("unit_id"), request.at("department_id"));
  EXPECT_EQ(item.json.at("project_id"), request.at("project_id"));
  EXPECT_EQ(item.json.at("deadline").as_string(), "2026-12-04");
  // Named by what it is about: the request's project and its type in words.
  EXPECT_EQ(item.json.at("project_name"), request.at("project_name"));
  EXPECT_EQ(item.json.at("subject_name").as_string(),
            std::string(request.at("project_name").as_string()) + " · 用地");
  Reply listed = land.Get("/api/v1/supervision?status=open");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_FALSE(listed.json.at("items").as_array().empty());
  EXPECT_EQ(Step(land, item, "reply", {{"note", "已起草申报材料"}}).status, 200);
}

TEST(SupervisionApi, BadInputIsRefusedAndOnlyIssuersIssue) {
  TestApp t;
  Client coordinator(*t.app), park(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(park.Login("receiver").status, 200);
  auto issue = [&](Client& c, const json::object& o) {
    json::object body{{"subject_type", "unit"},
                      {"subject_id", UnitIdByCode(*t.app, "AQ-GXQ")},
                      {"title", "招商任务推进"},
                      {"instruction", "请报送本季度签约项目清单"}};
    for (auto& [k, v] : o) body[k] = v;
    return c.Post("/api/v1/supervision", body);
  };
  EXPECT_EQ(issue(park, {}).status, 403);
  EXPECT_EQ(issue(coordinator, {{"subject_type", "city"}}).Field("subject_type"), "invalid_value");
  EXPECT_EQ(issue(coordinator, {{"priority", "asap"}}).Field("priority"), "invalid_value");
  EXPECT_EQ(issue(coordinator, {{"deadline", "2026-11-01"}}).Field("deadline"), "invalid_value");
  EXPECT_EQ(issue(coordinator, {{"subject_id", 999999}}).Field("subject_id"), "not_found");
  EXPECT_EQ(
      issue(coordinator, {{"subject_type", "project"}, {"subject_id", 999999}}).Field("subject_id"),
      "not_found");
  EXPECT_EQ(issue(coordinator, {{"title", ""}}).Field("title"), "required");
  Reply ok = issue(coordinator, {});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json.at("unit_name").as_string(), "安庆高新技术产业开发区");
  EXPECT_EQ(Step(coordinator, ok, "reply", {{"note", "x"}}).status, 403);  // not the addressee
  EXPECT_EQ(coordinator.Get("/api/v1/supervision?status=done").Field("status"), "invalid_value");
  Reply stale = Step(coordinator, ok, "close", {});
  ASSERT_EQ(stale.status, 200);
  EXPECT_EQ(Step(coordinator, ok, "reopen", {{"note", "x"}}).Code(), "version_conflict");
  EXPECT_EQ(Step(coordinator, stale, "reopen", {}).Field("note"), "required");
}

}  // namespace
}  // namespace zhaoshang::testing
