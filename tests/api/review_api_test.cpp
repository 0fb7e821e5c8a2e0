// The pre-review panel through the API, on SQLite and PostgreSQL: what an outside expert can
// see, score sheets, recusal, the quorum, closing a round and its decisions.
#include <set>

#include "support/test_env.hpp"
#include "zhaoshang/review/review_types.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

std::string Id(int64_t v) { return std::to_string(v); }

json::object Scores(int v) {
  json::object s;
  for (const char* k : {"industry_fit", "investment_intensity", "tax_per_mu", "technology",
                        "environment_energy", "investor_credibility", "land_availability"})
    s[k] = v;
  return s;
}

int64_t DemoRound(Client& c) {
  Reply r = c.Get("/api/v1/review/rounds?status=open");
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json.at("items").at(0).at("id").as_int64();
}

// The panel dialog offers whom the server says a panel may take (GET /review/eligible-members,
// the rule a save checks): every one it lists is accepted, and an active account it leaves out
// is refused as not_eligible.
TEST(ReviewApi, TheEligibleMembersAreExactlyWhomAPanelAccepts) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("coordinator").status, 200);
  Reply all = c.Get("/api/v1/review/eligible-members");
  ASSERT_EQ(all.status, 200) << all.body;
  std::set<std::string> listed;
  json::array members;
  for (const auto& u : all.json.at("items").as_array()) {
    listed.insert(std::string(u.at("login").as_string()));
    EXPECT_FALSE(u.as_object().contains("locked_until"));  // names and roles, no account state
    members.push_back(json::object{{"user_id", u.at("id")}, {"category", "academic"}});
  }
  for (const char* login :
       {"receiver", "collaborator", "reviewer", "expert", "expert2", "coordinator", "unithead"})
    EXPECT_TRUE(listed.count(login)) << login;
  for (const char* login :
       {"promoter", "trainer", "statistician", "leader", "sysadmin", "secadmin", "auditadmin"}) {
    EXPECT_FALSE(listed.count(login)) << login;
    json::object panel{
        {"name", "临时专班"},
        {"members", json::array{json::object{{"user_id", UserIdByLogin(*t.app, login)},
                                             {"category", "academic"}}}}};
    EXPECT_EQ(c.Post("/api/v1/review/panels", panel).Field("members"), "not_eligible") << login;
  }
  Reply everyone =
      c.Post("/api/v1/review/panels", json::object{{"name", "全体可选成员"}, {"members", members}});
  EXPECT_EQ(everyone.status, 201) << everyone.body;
  // The search narrows by login or name.
  Reply experts = c.Get("/api/v1/review/eligible-members?q=expert");
  ASSERT_EQ(experts.status, 200) << experts.body;
  std::set<std::string> found;
  for (const auto& u : experts.json.at("items").as_array())
    found.insert(std::string(u.at("login").as_string()));
  EXPECT_EQ(found, (std::set<std::string>{"expert", "expert2"}));
  EXPECT_EQ(c.Get("/api/v1/review/eligible-members?q=" + std::string(51, 'a')).Field("q"),
            "too_long");
}

TEST(ReviewApi, AnOutsideExpertSeesOnlyTheirRound) {
  TestApp t;
  Client expert(*t.app);
  ASSERT_EQ(expert.Login("expert").status, 200);
  auto c = t.app->db().Acquire();
  const int64_t any = *c->QueryInt("SELECT MIN(id) FROM projects", {});
  Reply project = expert.Get("/api/v1/projects/" + Id(any));
  EXPECT_EQ(project.status, 403);
  EXPECT_EQ(project.body.find("investor"), std::string::npos) << "project data in a denial";
  EXPECT_EQ(expert.Get("/api/v1/projects").status, 403);
  EXPECT_EQ(expert.Get("/api/v1/parks").status, 403);
  Reply rounds = expert.Get("/api/v1/review/rounds");
  ASSERT_EQ(rounds.status, 200);
  ASSERT_EQ(rounds.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(rounds.json.at("items").at(0).at("my_pending").as_int64(), 1);
  Reply work = expert.Get("/api/v1/workbench");
  ASSERT_EQ(work.status, 200);
  EXPECT_EQ(work.json.at("review_rounds").as_array().size(), 1u);

  // A round the expert does not sit on: not found, nothing in the body.
  Client coordinator(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  Reply panel = coordinator.Post(
      "/api/v1/review/panels",
      json::object{
          {"name", "另一个专班"},
          {"members", json::array{json::object{{"user_id", UserIdByLogin(*t.app, "reviewer")},
                                               {"category", "factor_department"}}}}});
  ASSERT_EQ(panel.status, 201) << panel.body;
  const int64_t in_review = *c->QueryInt(
      "SELECT MIN(id) FROM projects WHERE stage = 'in_review' AND id NOT IN (SELECT project_id "
      "FROM review_items)",
      {});
  Reply other = coordinator.Post("/api/v1/review/rounds",
                                 json::object{{"panel_id", panel.json.at("id")},
                                              {"title", "专项评审"},
                                              {"deadline", "2026-12-20"},
                                              {"project_ids", json::array{in_review}}});
  ASSERT_EQ(other.status, 201) << other.body;
  Reply hidden = expert.Get("/api/v1/review/rounds/" + Id(other.json.at("id").as_int64()));
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.body.find("专项评审"), std::string::npos);
  EXPECT_EQ(expert.Get("/api/v1/review/rounds").json.at("items").as_array().size(), 1u);
}

TEST(ReviewApi, SheetsQuorumAndClosingMoveTheProjects) {
  TestApp t;
  Client expert(*t.app), expert2(*t.app), coordinator(*t.app), promoter(*t.app);
  ASSERT_EQ(expert.Login("expert").status, 200);
  ASSERT_EQ(expert2.Login("expert2").status, 200);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  const int64_t round = DemoRound(expert);
  Reply r = expert.Get("/api/v1/review/rounds/" + Id(round));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& item = r.json.at("items").at(0);
  const std::string pid = Id(item.at("project_id").as_int64());
  EXPECT_EQ(item.at("tally").at("voted").as_int64(), 2);
  EXPECT_TRUE(item.at("tally").at("approve").is_null());  // how others voted stays sealed
  EXPECT_FALSE(item.at("tally").at("quorum_met").as_bool());
  EXPECT_FALSE(item.as_object().contains("sheets"));  // others' sheets stay hidden while open
  EXPECT_TRUE(item.at("prefill").at("industry_fit").is_int64());
  EXPECT_FALSE(item.at("project").as_object().contains("contacts"));

  const std::string sheet = "/api/v1/review/rounds/" + Id(round) + "/items/" + pid + "/sheet";
  json::object partial = Scores(7);
  partial.erase("technology");
  Reply bad = expert.Put(sheet, json::object{{"scores", partial}, {"vote", "approve"}});
  EXPECT_EQ(bad.Field("scores.technology"), "required");
  EXPECT_EQ(expert.Put(sheet, json::object{{"scores", Scores(3)}, {"vote", "reject"}})
                .Field("reason_codes"),
            "required");
  // Closing without the quorum is refused and changes nothing.
  Reply refused = coordinator.Post("/api/v1/review/rounds/" + Id(round) + "/close", json::object{});
  EXPECT_EQ(refused.Code(), "quorum_not_met");
  EXPECT_EQ(refused.Field(pid), "quorum_not_met");
  EXPECT_EQ(coordinator.Get("/api/v1/projects/" + pid).json.at("stage").as_string(), "in_review");

  // expert2 recuses: 3 eligible, 2 votes already reach two thirds.
  Reply recused =
      expert2.Put(sheet, json::object{{"recused", true}, {"comment", "曾任投资方顾问"}});
  ASSERT_EQ(recused.status, 200) << recused.body;
  r = expert.Get("/api/v1/review/rounds/" + Id(round));
  EXPECT_EQ(r.json.at("items").at(0).at("tally").at("eligible").as_int64(), 3);
  EXPECT_TRUE(r.json.at("items").at(0).at("tally").at("quorum_met").as_bool());
  Reply voted = expert.Put(
      sheet, json::object{{"scores", Scores(9)}, {"vote", "approve"}, {"comment", "技术路线成熟"}});
  ASSERT_EQ(voted.status, 200) << voted.body;
  EXPECT_EQ(voted.json.at("weighted").as_int64(), 90);
  EXPECT_EQ(expert.Post("/api/v1/review/rounds/" + Id(round) + "/close", json::object{}).status,
            403);  // only the coordinator closes

  Reply closed = coordinator.Post("/api/v1/review/rounds/" + Id(round) + "/close", json::object{});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json.at("status").as_string(), "closed");
  const auto& decision = closed.json.at("items").at(0).at("decision");
  EXPECT_EQ(decision.at("outcome").as_string(), "approve");
  EXPECT_FALSE(decision.at("recommended_parks").as_array().empty());
  EXPECT_EQ(closed.json.at("items").at(0).at("sheets").as_array().size(), 4u);
  EXPECT_EQ(coordinator.Get("/api/v1/projects/" + pid).json.at("stage").as_string(), "approved");
  // The panel's approval is recorded as a code, with the round's title as its reason text.
  Reply timeline = coordinator.Get("/api/v1/projects/" + pid + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  const json::value* moved = nullptr;
  for (const auto& e : timeline.json.at("items").as_array())
    if (e.at("kind") == "transition" && e.at("to") == "approved") moved = &e;
  ASSERT_NE(moved, nullptr) << timeline.body;
  EXPECT_EQ(moved->at("reason_code").as_string(), review::kPanelApproved);
  EXPECT_EQ(moved->at("reason").as_string(), closed.json.at("title").as_string());
  EXPECT_EQ(expert
                .Put(sheet, json::object{{"scores", Scores(1)},
                                         {"vote", "reject"},
                                         {"reason_codes", json::array{"other"}}})
                .Code(),
            "transition_not_allowed");  // the round is closed
}

TEST(ReviewApi, RejectionAndQuestionsGoBackToThePromoter) {
  TestApp t;
  Client coordinator(*t.app), reviewer(*t.app), expert(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(reviewer.Login("reviewer").status, 200);
  ASSERT_EQ(expert.Login("expert").status, 200);
  auto c = t.app->db().Acquire();
  auto ids = c->Query(
      "SELECT id FROM projects WHERE stage = 'in_review' AND id NOT IN (SELECT project_id FROM "
      "review_items) ORDER BY id LIMIT 3",
      {});
  ASSERT_EQ(ids.size(), 3u);
  const int64_t a = ids[0].Int(0), b = ids[1].Int(0), direct = ids[2].Int(0);
  Reply panel = coordinator.Post(
      "/api/v1/review/panels",
      json::object{
          {"name", "两人专班"},
          {"quorum_num", 1},
          {"quorum_den", 1},
          {"members", json::array{json::object{{"user_id", UserIdByLogin(*t.app, "reviewer")},
                                               {"category", "factor_department"}},
                                  json::object{{"user_id", UserIdByLogin(*t.app, "expert")},
                                               {"category", "academic"}}}}});
  ASSERT_EQ(panel.status, 201) << panel.body;
  Reply round = coordinator.Post("/api/v1/review/rounds",
                                 json::object{{"panel_id", panel.json.at("id")},
                                              {"title", "第13期"},
                                              {"deadline", "2026-12-20"},
                                              {"project_ids", json::array{a, b, direct}}});
  ASSERT_EQ(round.status, 201) << round.body;
  const std::string base = "/api/v1/review/rounds/" + Id(round.json.at("id").as_int64());
  auto put = [&](Client& who, int64_t p, json::object body) {
    Reply r = who.Put(base + "/items/" + Id(p) + "/sheet", std::move(body));
    EXPECT_EQ(r.status, 200) << r.body;
  };
  put(reviewer, a,
      {{"scores", Scores(2)},
       {"vote", "reject"},
       {"reason_codes", json::array{"environment_energy"}}});
  put(expert, a,
      {{"scores", Scores(3)},
       {"vote", "reject"},
       {"reason_codes", json::array{"environment_energy", "below_threshold"}}});
  put(reviewer, b, {{"scores", Scores(6)}, {"vote", "more_info"}, {"questions", "请补充能评报告"}});
  put(expert, b, {{"scores", Scores(8)}, {"vote", "approve"}});
  // A direct decision by the coordinator takes the third project off the agenda.
  Reply p3 = coordinator.Get("/api/v1/projects/" + Id(direct));
  Reply moved = coordinator.Post("/api/v1/projects/" + Id(direct) + "/transitions",
                                 json::object{{"to", "approved"},
                                              {"version", p3.json.at("version")},
                                              {"reason", "市领导专题会议决定"},
                                              {"fields", json::object{}}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  Reply closed = coordinator.Post(base + "/close", json::object{});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json.at("items").as_array().size(), 2u);
  Reply ra = coordinator.Get("/api/v1/projects/" + Id(a));
  EXPECT_EQ(ra.json.at("stage").as_string(), "rejected");
  EXPECT_EQ(ra.json.at("close_reason_code").as_string(), "environment_energy");
  EXPECT_EQ(ra.json.at("close_reason").as_string(), closed.json.at("title").as_string());
  Reply rb = coordinator.Get("/api/v1/projects/" + Id(b));
  EXPECT_EQ(rb.json.at("stage").as_string(), "lead");  // 1 of 2 approves: short of 2/3
  EXPECT_EQ(rb.json.at("close_reason_code").as_string(), "need_clarification");
  EXPECT_EQ(rb.json.at("close_reason").as_string(), "请补充能评报告");
}

}  // namespace
}  // namespace zhaoshang::testing
