// The workbench's 跟进 to-dos (issue 10.2), on both engines: a new lead owes its first activity
// within the lead_response clock, a project in negotiation a progress report every
// progress_report working days from its last activity; an activity answers either.
#include <algorithm>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;
constexpr int64_t kDay = 86'400'000;

// The follow-up to-do of project `id`, or null.
const json::value* FollowUp(const Reply& todos, int64_t id) {
  for (const auto& i : todos.json.at("todos").at("items").as_array())
    if (i.at("kind").as_string() == "follow_up" && i.at("project_id").as_int64() == id) return &i;
  return nullptr;
}

TEST(FollowUpApi, ANewLeadOwesItsFirstActivityAndAnActivityAnswersIt) {
  TestApp t;  // Wednesday 2026-11-18
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply lead =
      promoter.Post("/api/v1/projects", NewLead("跟进测试项目", "安庆跟进测试科技有限公司"));
  ASSERT_EQ(lead.status, 201) << lead.body;
  const int64_t id = lead.json.at("id").as_int64();
  Reply todos = promoter.Get("/api/v1/workbench");
  ASSERT_EQ(todos.status, 200) << todos.body;
  const json::value* f = FollowUp(todos, id);
  ASSERT_TRUE(f) << todos.body;
  EXPECT_EQ(f->at("detail").as_string(), "lead_response");
  EXPECT_EQ(f->at("deadline").as_string(), "2026-11-19");  // one working day
  EXPECT_EQ(f->at("clock").as_string(), "due_soon");
  EXPECT_GE(todos.json.at("todos").at("counts").at("follow_ups").as_int64(), 1);
  // Friday: overdue.
  t.clock.Set(kT0 + 2 * kDay);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  todos = promoter.Get("/api/v1/workbench");
  ASSERT_TRUE(FollowUp(todos, id));
  EXPECT_EQ(FollowUp(todos, id)->at("clock").as_string(), "overdue");
  ASSERT_EQ(
      promoter
          .Post("/api/v1/projects/" + std::to_string(id) + "/activities",
                json::object{{"kind", "call"}, {"date", "2026-11-20"}, {"summary", "电话初步沟通"}})
          .status,
      201);
  EXPECT_FALSE(FollowUp(promoter.Get("/api/v1/workbench"), id));
  // Nobody else owes it.
  Client coordinator(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  EXPECT_EQ(coordinator.Get("/api/v1/workbench")
                .json.at("todos")
                .at("counts")
                .at("follow_ups")
                .as_int64(),
            0);
}

TEST(FollowUpApi, NegotiationOwesAProgressReportTenWorkingDaysAfterTheLastActivity) {
  TestApp t;
  Client receiver(*t.app);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  Reply page = receiver.Get("/api/v1/projects?stage=negotiating&page_size=1");
  ASSERT_EQ(page.status, 200);
  ASSERT_FALSE(page.json.at("items").as_array().empty());
  const int64_t id = page.json.at("items").at(0).at("id").as_int64();
  ASSERT_EQ(
      receiver
          .Post("/api/v1/projects/" + std::to_string(id) + "/activities",
                json::object{{"kind", "visit"}, {"date", "2026-11-18"}, {"summary", "实地考察"}})
          .status,
      201);
  EXPECT_FALSE(FollowUp(receiver.Get("/api/v1/workbench"), id));  // due 2026-12-02
  // Tuesday 2026-12-01: due soon (tomorrow); Thursday 2026-12-03: overdue.
  t.clock.Set(kT0 + 13 * kDay);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  Reply todos = receiver.Get("/api/v1/workbench");
  ASSERT_TRUE(FollowUp(todos, id)) << todos.body;
  EXPECT_EQ(FollowUp(todos, id)->at("detail").as_string(), "progress_report");
  EXPECT_EQ(FollowUp(todos, id)->at("deadline").as_string(), "2026-12-02");
  EXPECT_EQ(FollowUp(todos, id)->at("clock").as_string(), "due_soon");
  t.clock.Set(kT0 + 15 * kDay);
  ASSERT_EQ(receiver.Login("receiver").status, 200);
  EXPECT_EQ(FollowUp(receiver.Get("/api/v1/workbench"), id)->at("clock").as_string(), "overdue");
}

}  // namespace
}  // namespace zhaoshang::testing
