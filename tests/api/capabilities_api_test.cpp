// What the server says a user may do (`capabilities` on projects and routings, the rules in
// GET /meta) is what it then allows: checked against the server's own answers, on both engines.
#include "support/test_env.hpp"
#include "zhaoshang/app/demo.hpp"
#include "zhaoshang/pipeline/investor_name.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

std::string Path(int64_t id) { return "/api/v1/projects/" + std::to_string(id); }
int64_t Version(const Reply& r) { return r.json.at("version").as_int64(); }

// The capability entry for a move to `to`, or null.
const json::object* Option(const Reply& project, const std::string& to) {
  for (const auto& t : project.json.at("capabilities").at("transitions").as_array())
    if (t.at("to") == to.c_str()) return &t.as_object();
  return nullptr;
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& s : v.as_array()) out.emplace_back(s.as_string());
  return out;
}

// Moves as the dialog would: only what the capability entry asks for, the first reason code
// offered, free text when required.
Reply MoveAsAsked(Client& c, const Reply& project, const std::string& to) {
  const json::object* o = Option(project, to);
  json::object fields;
  json::object body{{"to", to}, {"version", Version(project)}};
  if (o) {
    for (const auto& f : Strings(o->at("ask"))) {
      if (f == "receiving_unit_id") fields[f] = project.json.at("preferred_unit_id");
      if (f == "contracted_investment_yuan") fields[f] = 800'000'000;
      if (f.ends_with("_date")) fields[f] = pipeline::DateOfMs(kT0);
    }
    auto codes = Strings(o->at("reason_codes"));
    if (!codes.empty()) body["reason_code"] = codes.front();
    if (o->at("reason") == "required") body["reason"] = "专班会议纪要第12期";
  }
  body["fields"] = std::move(fields);
  return c.Post(Path(project.json.at("id").as_int64()) + "/transitions", body);
}

TEST(CapabilitiesApi, EditIsOfferedExactlyWhenTheServerAcceptsTheEdit) {
  TestApp t;
  int checked = 0, editable = 0;
  for (const auto& account : DemoAccounts()) {
    Client c(*t.app);
    ASSERT_EQ(c.Login(account.login).status, 200) << account.login;
    Reply list = c.Get("/api/v1/projects?page_size=8&sort=created_at&order=asc");
    if (list.status != 200) continue;  // no project.read: nothing to offer
    for (const auto& row : list.json.at("items").as_array()) {
      Reply p = c.Get(Path(row.at("id").as_int64()));
      ASSERT_EQ(p.status, 200) << p.body;
      const bool offered = p.json.at("capabilities").at("edit").as_bool();
      Reply edit = c.Patch(Path(row.at("id").as_int64()),
                           json::object{{"version", Version(p)}, {"jobs", 120}});
      EXPECT_EQ(offered, edit.status == 200)
          << account.login << " on project " << row.at("id") << ": " << edit.body;
      if (offered) EXPECT_TRUE(edit.json.at("capabilities").at("edit").as_bool());
      ++checked;
      editable += offered;
    }
  }
  EXPECT_GT(checked, 20);
  EXPECT_GT(editable, 0);
  EXPECT_LT(editable, checked);  // both answers occur
}

TEST(CapabilitiesApi, EveryOfferedMoveIsAcceptedWithWhatItAsksAndNoOtherMoveIs) {
  TestApp t;
  Client promoter(*t.app), coordinator(*t.app), park(*t.app);
  promoter.Login("promoter");
  coordinator.Login("coordinator");
  park.Login("receiver");
  Reply lead =
      promoter.Post("/api/v1/projects", NewLead("储能电池模组项目", "合肥储能科技有限公司"));
  ASSERT_EQ(lead.status, 201) << lead.body;
  const int64_t id = lead.json.at("id").as_int64();
  // The promoter's lead: edit, log, submit for review — not adjudicate, not route.
  const auto& caps = lead.json.at("capabilities");
  EXPECT_TRUE(caps.at("edit").as_bool());
  EXPECT_TRUE(caps.at("add_activity").as_bool());
  EXPECT_FALSE(caps.at("adjudicate").as_bool());
  EXPECT_FALSE(caps.at("route").as_bool());
  ASSERT_NE(Option(lead, "in_review"), nullptr);
  EXPECT_TRUE(Strings(Option(lead, "in_review")->at("ask")).empty());
  EXPECT_EQ(Option(lead, "approved"), nullptr);
  // Every stage not offered is refused (403 or not allowed), whatever the body carries.
  for (pipeline::Stage s : pipeline::AllStages()) {
    const std::string to(pipeline::StageName(s));
    if (Option(lead, to)) continue;
    Reply refused = MoveAsAsked(promoter, lead, to);
    EXPECT_NE(refused.status, 200) << to << ": " << refused.body;
  }
  Reply submitted = MoveAsAsked(promoter, lead, "in_review");
  ASSERT_EQ(submitted.status, 200) << submitted.body;

  // The coordinator decides; the approval asks for a reason, the rejection offers its codes.
  Reply review = coordinator.Get(Path(id));
  ASSERT_NE(Option(review, "approved"), nullptr);
  EXPECT_EQ(Option(review, "approved")->at("reason"), "required");
  ASSERT_NE(Option(review, "rejected"), nullptr);
  EXPECT_EQ(Strings(Option(review, "rejected")->at("reason_codes")).size(),
            pipeline::ReasonCodes(pipeline::Stage::kRejected, false).size());
  EXPECT_EQ(Option(promoter.Get(Path(id)), "approved"), nullptr);
  Reply approved = MoveAsAsked(coordinator, review, "approved");
  ASSERT_EQ(approved.status, 200) << approved.body;

  // In the pool: routing is offered to the coordinator only, and never as a stage move.
  EXPECT_TRUE(approved.json.at("capabilities").at("route").as_bool());
  EXPECT_EQ(Option(approved, "negotiating"), nullptr);
  EXPECT_FALSE(promoter.Get(Path(id)).json.at("capabilities").at("route").as_bool());
  const int64_t jkq = UnitIdByCode(*t.app, "AQ-JKQ");
  Reply routed = coordinator.Post(Path(id) + "/routings",
                                  json::object{{"park_id", jkq}, {"version", Version(approved)}});
  ASSERT_EQ(routed.status, 201) << routed.body;
  EXPECT_FALSE(routed.json.at("capabilities").at("respond").as_bool() &&
               !routed.json.at("capabilities").at("withdraw").as_bool());
  EXPECT_TRUE(routed.json.at("capabilities").at("withdraw").as_bool());
  EXPECT_FALSE(coordinator.Get(Path(id)).json.at("capabilities").at("route").as_bool());
  // The park sees it may answer but not withdraw; the routing list says so per row.
  Reply pending = park.Get("/api/v1/routings?status=pending&project_id=" + std::to_string(id));
  ASSERT_EQ(pending.status, 200) << pending.body;
  ASSERT_EQ(pending.json.at("items").as_array().size(), 1u);
  const auto& row_caps = pending.json.at("items").at(0).at("capabilities");
  EXPECT_TRUE(row_caps.at("respond").as_bool());
  EXPECT_FALSE(row_caps.at("withdraw").as_bool());
  const std::string rid = std::to_string(routed.json.at("id").as_int64());
  EXPECT_EQ(
      park.Post("/api/v1/routings/" + rid + "/withdraw", json::object{{"reason", "x"}}).status,
      403);
  Reply accepted = park.Post("/api/v1/routings/" + rid + "/accept", json::object{});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_FALSE(accepted.json.at("capabilities").at("respond").as_bool());  // answered

  // Negotiating with the park: signing asks for the date and the amount, not the park.
  Reply talks = park.Get(Path(id));
  ASSERT_NE(Option(talks, "signed"), nullptr);
  EXPECT_EQ(Strings(Option(talks, "signed")->at("ask")),
            (std::vector<std::string>{"signing_date", "contracted_investment_yuan"}));
  Reply sign = MoveAsAsked(park, talks, "signed");
  ASSERT_EQ(sign.status, 200) << sign.body;
  EXPECT_EQ(sign.json.at("stage").as_string(), "signed");
}

TEST(CapabilitiesApi, ARoutingEndedByAStageChangeStoresACodeNotProse) {
  TestApp t;
  Client coordinator(*t.app);
  coordinator.Login("coordinator");
  Reply pool = coordinator.Get("/api/v1/projects?stage=approved&page_size=50");
  ASSERT_EQ(pool.status, 200);
  const json::value* free = nullptr;
  for (const auto& row : pool.json.at("items").as_array())
    if (row.at("pending_routing_id").is_null()) free = &row;
  ASSERT_NE(free, nullptr);
  const int64_t id = free->at("id").as_int64();
  Reply routed = coordinator.Post(
      Path(id) + "/routings",
      json::object{{"park_id", UnitIdByCode(*t.app, "AQ-GXQ")}, {"version", free->at("version")}});
  ASSERT_EQ(routed.status, 201) << routed.body;
  Reply p = coordinator.Get(Path(id));
  Reply shelved =
      coordinator.Post(Path(id) + "/transitions", json::object{{"to", "shelved"},
                                                               {"version", Version(p)},
                                                               {"reason_code", "investor_paused"},
                                                               {"fields", json::object{}}});
  ASSERT_EQ(shelved.status, 200) << shelved.body;
  Reply r = coordinator.Get("/api/v1/routings?project_id=" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  const auto& routing = r.json.at("items").at(0);
  EXPECT_EQ(routing.at("status").as_string(), "withdrawn");
  EXPECT_EQ(routing.at("reason_code").as_string(), pipeline::kStageChanged);
  EXPECT_EQ(routing.at("reason").as_string(), "shelved");
  EXPECT_EQ(shelved.json.at("responsible_user_name").as_string(),
            routed.json.at("routed_by_name").as_string());
}

TEST(CapabilitiesApi, MetaServesTheRuleConstantsOfTheServer) {
  TestApp t;
  Client anyone(*t.app);
  Reply meta = anyone.Get("/api/v1/meta");
  ASSERT_EQ(meta.status, 200);
  const auto& rules = meta.json.at("rules");
  EXPECT_DOUBLE_EQ(rules.at("collision_threshold").as_double(), pipeline::kCollisionThreshold);
  EXPECT_EQ(rules.at("routing_days").at("default").as_int64(), pipeline::kDefaultRoutingDays);
  EXPECT_EQ(rules.at("routing_days").at("max").as_int64(), pipeline::kMaxRoutingDays);
  EXPECT_EQ(rules.at("deadline_days").at("max").as_int64(), pipeline::kMaxDeadlineDays);
  EXPECT_EQ(Strings(rules.at("decline_reason_codes")).size(),
            pipeline::DeclineReasonCodes().size());
  // The limits it serves are the limits it enforces.
  Client coordinator(*t.app);
  coordinator.Login("coordinator");
  auto put = [&](int64_t routing_days) {
    return coordinator.Put(
        "/api/v1/pipeline/settings",
        json::object{{"stage_deadline_days", json::object{}}, {"routing_days", routing_days}});
  };
  EXPECT_EQ(put(rules.at("routing_days").at("max").as_int64()).status, 200);
  EXPECT_EQ(put(rules.at("routing_days").at("max").as_int64() + 1).Field("routing_days"),
            "invalid_value");
  EXPECT_EQ(put(rules.at("routing_days").at("min").as_int64() - 1).Field("routing_days"),
            "invalid_value");
}

}  // namespace
}  // namespace zhaoshang::testing
