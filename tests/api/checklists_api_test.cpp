// Stage checklists (阶段清单) through App::Handle, on both engines: the demo lists, ticks recorded
// and audited on the project's current stage only, scopes, the coordinator keeping a stage's
// list (bad input changes nothing), a required item as the stage guard on moving forward.
#include <algorithm>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

int64_t Count(App& app, const std::string& sql) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, {}).value_or(-1);
}

struct Lead {
  explicit Lead(TestApp& t) : promoter(*t.app) {
    EXPECT_EQ(promoter.Login("promoter").status, 200);
    Reply made = promoter.Post("/api/v1/projects", NewLead("清单测试项目", "清单测试科技有限公司"));
    EXPECT_EQ(made.status, 201) << made.body;
    id = made.json.at("id").as_int64();
    path = "/api/v1/projects/" + std::to_string(id);
  }
  Client promoter;
  int64_t id = 0;
  std::string path;
};

TEST(ChecklistsApi, APartyTicksTheCurrentStagesItemsAndEachTickIsRecorded) {
  TestApp t;
  Lead lead(t);
  Reply list = lead.promoter.Get(lead.path + "/checklist");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.json.at("stage").as_string(), "lead");
  EXPECT_TRUE(list.json.at("capabilities").at("tick").as_bool());
  const auto& items = list.json.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("title").as_string(), "核实投资方主体信息");
  EXPECT_EQ(items[0].at("evidence_kind").as_string(), "business_licence");
  EXPECT_FALSE(items[0].at("evidence_held").as_bool());
  const std::string item = std::to_string(items[0].at("id").as_int64());

  Reply ticked = lead.promoter.Post(lead.path + "/checklist/" + item + "/tick",
                                    json::object{{"note", "已查验营业执照原件"}});
  ASSERT_EQ(ticked.status, 200) << ticked.body;
  const auto& first = ticked.json.at("items").at(0);
  EXPECT_TRUE(first.at("ticked").as_bool());
  EXPECT_EQ(first.at("ticked_by_name").as_string(), "张伟");
  EXPECT_EQ(first.at("note").as_string(), "已查验营业执照原件");
  // Ticking again changes nothing; unticking is recorded too.
  ASSERT_EQ(lead.promoter.Post(lead.path + "/checklist/" + item + "/tick", json::object{}).status,
            200);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'project.checklist_tick'"),
            1);
  Reply unticked = lead.promoter.Call("DELETE", lead.path + "/checklist/" + item + "/tick");
  ASSERT_EQ(unticked.status, 200) << unticked.body;
  EXPECT_FALSE(unticked.json.at("items").at(0).at("ticked").as_bool());
  EXPECT_EQ(
      Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'project.checklist_untick'"), 1);

  // Another stage's item is not this project's to tick; notes are one line.
  Reply all = lead.promoter.Get("/api/v1/checklists");
  ASSERT_EQ(all.status, 200);
  const std::string other =
      std::to_string(all.json.at("stages").at("signed").at(0).at("id").as_int64());
  EXPECT_EQ(lead.promoter.Post(lead.path + "/checklist/" + other + "/tick", json::object{}).status,
            404);
  EXPECT_EQ(
      lead.promoter.Post(lead.path + "/checklist/" + item + "/tick", json::object{{"note", "a\nb"}})
          .Field("note"),
      "invalid_value");

  // The evidence the item asks for shows once the file is attached.
  ASSERT_EQ(lead.promoter
                .Call("POST", lead.path + "/attachments?kind=business_licence&name=licence.pdf",
                      "%PDF-1.7\n%%EOF\n", "application/octet-stream")
                .status,
            201);
  EXPECT_TRUE(lead.promoter.Get(lead.path + "/checklist")
                  .json.at("items")
                  .at(0)
                  .at("evidence_held")
                  .as_bool());

  // Scope: another promoter does not see it; the leader reads but does not tick.
  Client other_promoter(*t.app), leader(*t.app);
  ASSERT_EQ(other_promoter.Login("yxpromoter").status, 200);
  ASSERT_EQ(leader.Login("leader").status, 200);
  EXPECT_EQ(other_promoter.Get(lead.path + "/checklist").status, 404);
  EXPECT_EQ(other_promoter.Post(lead.path + "/checklist/" + item + "/tick", json::object{}).status,
            404);
  Reply read = leader.Get(lead.path + "/checklist");
  ASSERT_EQ(read.status, 200);
  EXPECT_FALSE(read.json.at("capabilities").at("tick").as_bool());
  EXPECT_EQ(leader.Post(lead.path + "/checklist/" + item + "/tick", json::object{}).status, 403);
}

TEST(ChecklistsApi, TheCoordinatorKeepsAStagesListAndBadInputChangesNothing) {
  TestApp t;
  Client coordinator(*t.app), promoter(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply before = coordinator.Get("/api/v1/checklists");
  ASSERT_EQ(before.status, 200);
  const auto& lead = before.json.at("stages").at("lead").as_array();
  const json::value signed_id = before.json.at("stages").at("signed").at(0).at("id");
  auto put = [&](Client& c, const std::string& stage, json::array items) {
    return c.Put("/api/v1/checklists/" + stage, json::object{{"items", std::move(items)}});
  };
  EXPECT_EQ(put(promoter, "lead", {}).status, 403);
  EXPECT_EQ(put(coordinator, "shelved", {}).status, 404);
  EXPECT_EQ(put(coordinator, "lead", {json::object{{"title", "甲"}}, json::object{{"title", "甲"}}})
                .Field("items.1.title"),
            "duplicate");
  EXPECT_EQ(put(coordinator, "lead", {json::object{{"title", "甲"}, {"evidence_kind", "passport"}}})
                .Field("items.0.evidence_kind"),
            "invalid_value");
  EXPECT_EQ(put(coordinator, "lead", {json::object{{"id", signed_id}, {"title", "甲"}}})
                .Field("items.0.id"),
            "not_found");
  EXPECT_EQ(coordinator.Get("/api/v1/checklists").json, before.json);

  // Keep the first item (its ticks stay), drop the others, add one.
  Reply saved = put(coordinator, "lead",
                    {json::object{{"id", lead[0].at("id")},
                                  {"title", "核实投资方主体信息"},
                                  {"evidence_kind", "business_licence"},
                                  {"required", true}},
                     json::object{{"title", "登记投资方联系人"}, {"detail", "姓名、职务、电话"}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  const auto& now = saved.json.at("stages").at("lead").as_array();
  ASSERT_EQ(now.size(), 2u);
  EXPECT_EQ(now[0].at("id"), lead[0].at("id"));
  EXPECT_TRUE(now[0].at("required").as_bool());
  EXPECT_EQ(now[1].at("title").as_string(), "登记投资方联系人");
  EXPECT_EQ(Count(*t.app,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'guide.checklist' AND "
                  "actor_login = 'coordinator'"),
            1);
}

TEST(ChecklistsApi, ARequiredItemHoldsTheProjectInItsStageUntilTicked) {
  TestApp t;
  Lead lead(t);
  Client coordinator(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  Reply all = coordinator.Get("/api/v1/checklists");
  json::array items;
  for (const auto& it : all.json.at("stages").at("lead").as_array()) {
    json::object o = it.as_object();
    o.erase("stage");
    o["required"] = o.at("title").as_string() == "首次接洽并记录跟进";
    items.push_back(std::move(o));
  }
  ASSERT_EQ(coordinator.Put("/api/v1/checklists/lead", json::object{{"items", items}}).status, 200);

  Reply p = lead.promoter.Get(lead.path);
  const auto& options = p.json.at("capabilities").at("transitions").as_array();
  auto review = std::find_if(options.begin(), options.end(), [](const json::value& o) {
    return o.at("to").as_string() == "in_review";
  });
  ASSERT_NE(review, options.end());
  EXPECT_EQ(review->at("checklist"), (json::array{"首次接洽并记录跟进"}));
  auto move = [&] {
    return lead.promoter.Post(
        lead.path + "/transitions",
        json::object{{"to", "in_review"},
                     {"version", lead.promoter.Get(lead.path).json.at("version")},
                     {"fields", json::object{}}});
  };
  // The board's card says the same as the project's page (a drop opens the dialog at once).
  Reply board = lead.promoter.Get("/api/v1/projects/board?stage=lead&with=capabilities");
  ASSERT_EQ(board.status, 200) << board.body;
  const json::value* card = nullptr;
  for (const auto& col : board.json.at("columns").as_array())
    for (const auto& c : col.at("items").as_array())
      if (c.at("id").as_int64() == lead.id) card = &c;
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->at("capabilities"), lead.promoter.Get(lead.path).json.at("capabilities"));
  Reply refused = move();
  EXPECT_EQ(refused.Code(), "guard_failed");
  EXPECT_EQ(refused.Field("checklist"), "required");
  // Ticked, the lead moves on.
  int64_t item = 0;
  Reply checklist = lead.promoter.Get(lead.path + "/checklist");
  for (const auto& it : checklist.json.at("items").as_array())
    if (it.at("required").as_bool()) item = it.at("id").as_int64();
  ASSERT_EQ(
      lead.promoter.Post(lead.path + "/checklist/" + std::to_string(item) + "/tick", json::object{})
          .status,
      200);
  Reply moved = move();
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json.at("stage").as_string(), "in_review");
  // The new stage shows its own list.
  EXPECT_EQ(lead.promoter.Get(lead.path + "/checklist").json.at("stage").as_string(), "in_review");
}

}  // namespace
}  // namespace zhaoshang::testing
