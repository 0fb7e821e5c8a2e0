// Park profiles, matching and routing with accept/decline, on SQLite and PostgreSQL.
#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

std::string Id(int64_t v) { return std::to_string(v); }

int64_t ProjectAt(App& app, const std::string& stage) {
  auto c = app.db().Acquire();
  return *c->QueryInt("SELECT MIN(id) FROM projects WHERE stage = ? AND pending_routing_id IS NULL",
                      {stage});
}

TEST(MatchingApi, AParkEditsOnlyItsOwnProfile) {
  TestApp t;
  Client park(*t.app), coordinator(*t.app), promoter(*t.app);
  ASSERT_EQ(park.Login("receiver").status, 200);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  const std::string jkq = Id(UnitIdByCode(*t.app, "AQ-JKQ")),
                    gxq = Id(UnitIdByCode(*t.app, "AQ-GXQ"));
  Reply list = park.Get("/api/v1/parks");
  ASSERT_EQ(list.status, 200);
  int editable = 0;
  for (const auto& p : list.json.at("items").as_array()) editable += p.at("can_edit").as_bool();
  EXPECT_EQ(editable, 1);
  Reply mine = park.Get("/api/v1/parks/" + jkq);
  ASSERT_EQ(mine.status, 200);
  EXPECT_GT(mine.json.at("carriers").as_array().size(), 0u);
  json::object body{{"positioning", "新能源汽车整车及核心零部件"},
                    {"target_codes", json::array{"3612", "3670"}},
                    {"min_intensity_yuan_per_mu", 3'200'000},
                    {"version", mine.json.at("version")}};
  Reply saved = park.Put("/api/v1/parks/" + jkq, body);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json.at("min_intensity_yuan_per_mu").as_int64(), 3'200'000);
  EXPECT_EQ(park.Put("/api/v1/parks/" + jkq, body).status, 409);  // stale version
  Reply other = park.Get("/api/v1/parks/" + gxq);
  body["version"] = other.json.at("version");
  Reply denied = park.Put("/api/v1/parks/" + gxq, body);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(denied.Code(), "forbidden");
  EXPECT_EQ(promoter.Put("/api/v1/parks/" + gxq, body).status, 403);
  body["target_codes"] = json::array{"9999"};
  Reply bad = coordinator.Put("/api/v1/parks/" + gxq, body);
  EXPECT_EQ(bad.Field("target_codes"), "invalid_value");
  EXPECT_EQ(coordinator.Get("/api/v1/parks/" + gxq).json.at("version"), other.json.at("version"));

  // Carriers: a land parcel needs its area; versions guard edits and deletes.
  Reply noarea =
      park.Post("/api/v1/parks/" + jkq + "/carriers",
                json::object{{"kind", "land"}, {"name", "新地块"}, {"status", "available"}});
  EXPECT_EQ(noarea.Field("area_mu_x100"), "required");
  Reply baddate =
      park.Post("/api/v1/parks/" + jkq + "/carriers", json::object{{"kind", "land"},
                                                                   {"name", "新地块"},
                                                                   {"status", "available"},
                                                                   {"area_mu_x100", 100},
                                                                   {"ready_date", "2026-99-99"}});
  EXPECT_EQ(baddate.Field("ready_date"), "invalid_value");  // the one date validator
  Reply land =
      park.Post("/api/v1/parks/" + jkq + "/carriers", json::object{{"kind", "land"},
                                                                   {"name", "JKQ-2026-09 地块"},
                                                                   {"status", "available"},
                                                                   {"area_mu_x100", 30000},
                                                                   {"land_use", "industrial"}});
  ASSERT_EQ(land.status, 201) << land.body;
  const std::string cid = Id(land.json.at("id").as_int64());
  Reply reserved = park.Patch("/api/v1/parks/" + jkq + "/carriers/" + cid,
                              json::object{{"status", "reserved"}, {"version", 1}});
  ASSERT_EQ(reserved.status, 200) << reserved.body;
  EXPECT_EQ(reserved.json.at("area_mu_x100").as_int64(), 30000);
  EXPECT_EQ(park.Call("DELETE", "/api/v1/parks/" + jkq + "/carriers/" + cid + "?version=1").status,
            409);
  EXPECT_EQ(park.Call("DELETE", "/api/v1/parks/" + jkq + "/carriers/" + cid + "?version=2").status,
            204);
}

// The park card's Edit button shows what the server says: the detail carries can_edit, computed
// by the rule the writes check (a receiver's park.write covers its own park subtree only).
TEST(MatchingApi, TheParkDetailSaysWhoMayEditItAsTheListDoes) {
  TestApp t;
  for (const char* login : {"receiver", "coordinator", "promoter"}) {
    Client c(*t.app);
    ASSERT_EQ(c.Login(login).status, 200);
    Reply list = c.Get("/api/v1/parks");
    ASSERT_EQ(list.status, 200) << list.body;
    int editable = 0;
    for (const auto& p : list.json.at("items").as_array()) {
      const std::string id = Id(p.at("unit_id").as_int64());
      Reply one = c.Get("/api/v1/parks/" + id);
      ASSERT_EQ(one.status, 200) << one.body;
      EXPECT_EQ(one.json.at("can_edit").as_bool(), p.at("can_edit").as_bool())
          << login << " " << id;
      editable += one.json.at("can_edit").as_bool();
    }
    const int64_t parks = static_cast<int64_t>(list.json.at("items").as_array().size());
    if (std::string(login) == "receiver") EXPECT_EQ(editable, 1);
    if (std::string(login) == "coordinator") EXPECT_EQ(editable, parks);
    if (std::string(login) == "promoter") EXPECT_EQ(editable, 0);
  }
  Client park(*t.app);
  ASSERT_EQ(park.Login("receiver").status, 200);
  const std::string jkq = Id(UnitIdByCode(*t.app, "AQ-JKQ")),
                    gxq = Id(UnitIdByCode(*t.app, "AQ-GXQ"));
  EXPECT_TRUE(park.Get("/api/v1/parks/" + jkq).json.at("can_edit").as_bool());
  EXPECT_FALSE(park.Get("/api/v1/parks/" + gxq).json.at("can_edit").as_bool());
  Reply mine = park.Get("/api/v1/parks/" + jkq);
  Reply saved =
      park.Put("/api/v1/parks/" + jkq,
               json::object{{"positioning", "新能源汽车"}, {"version", mine.json.at("version")}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(saved.json.at("can_edit").as_bool());
}

TEST(MatchingApi, RanksParksWithReasonsAndShowsExclusionsApart) {
  TestApp t;
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  // A refinery project is excluded by 经开区 (excluded industry) and by the parks that refuse
  // chemicals; the preview writes nothing.
  auto c = t.app->db().Acquire();
  const int64_t before = *c->QueryInt("SELECT COUNT(*) FROM projects", {});
  Reply r =
      promoter.Post("/api/v1/matching/preview", json::object{{"industry_code", "2511"},
                                                             {"land_mu_x100", 20000},
                                                             {"fixed_investment_yuan", 800'000'000},
                                                             {"name", "炼化一体化项目"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(*c->QueryInt("SELECT COUNT(*) FROM projects", {}), before);
  const auto& items = r.json.at("items").as_array();
  ASSERT_EQ(items.size(), 8u);  // 5 parks and 3 districts
  bool seen_excluded = false;
  for (const auto& f : items) {
    if (f.at("excluded").as_bool()) {
      seen_excluded = true;
      EXPECT_FALSE(f.at("exclusions").as_array().empty());
    } else {
      EXPECT_FALSE(seen_excluded) << "an excluded park ranked above an eligible one";
    }
    for (const auto& comp : f.at("components").as_array())
      EXPECT_FALSE(comp.at("reasons").as_array().empty());
  }
  EXPECT_TRUE(seen_excluded);
  for (const auto& f : items)
    if (f.at("unit_name") == "安庆经济技术开发区")
      EXPECT_EQ(f.at("exclusions").at(0).at("code").as_string(), "excluded_industry");

  // A new-energy vehicle project fits 经开区 best.
  r = promoter.Post("/api/v1/matching/preview", json::object{{"industry_code", "3612"},
                                                             {"land_mu_x100", 10000},
                                                             {"fixed_investment_yuan", 400'000'000},
                                                             {"annual_tax_yuan", 30'000'000},
                                                             {"power_kva", 10000}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json.at("items").at(0).at("unit_name").as_string(), "安庆经济技术开发区");
  EXPECT_EQ(r.json.at("items").at(0).at("components").at(0).at("reasons").at(0).at("code"),
            "industry_same_code");
  EXPECT_EQ(promoter.Post("/api/v1/matching/preview", json::object{{"industry_code", "X"}})
                .Field("industry_code"),
            "invalid_value");
  // A saved project: same ranking through its own route, within scope only.
  const int64_t mine = *c->QueryInt(
      "SELECT MIN(p.project_id) FROM project_promoters p JOIN users u ON u.id = p.user_id WHERE "
      "u.login = 'promoter'",
      {});
  EXPECT_EQ(promoter.Get("/api/v1/projects/" + Id(mine) + "/matches").status, 200);
  Client other(*t.app);
  ASSERT_EQ(other.Login("yxpromoter").status, 200);
  EXPECT_EQ(other.Get("/api/v1/projects/" + Id(mine) + "/matches").status, 404);
}

// Each routing row says whether the caller may route its project again (re-route after a
// decline): the server's answer beside respond and withdraw, not the client's copy of the rule.
TEST(MatchingApi, ADeclinedRoutingOffersReroutingToWhoeverMayRoute) {
  TestApp t;
  int declined = 0;
  for (const char* login : {"coordinator", "leader", "receiver"}) {
    Client c(*t.app);
    ASSERT_EQ(c.Login(login).status, 200);
    Reply all = c.Get("/api/v1/routings?page_size=200");
    ASSERT_EQ(all.status, 200) << all.body;
    for (const auto& r : all.json.at("items").as_array()) {
      const bool is_declined = r.at("status").as_string() == "declined";
      const bool may_route = std::string(login) == "coordinator";
      EXPECT_EQ(r.at("capabilities").at("reroute").as_bool(), is_declined && may_route)
          << login << " routing " << r.at("id").as_int64();
      if (may_route) declined += is_declined;
    }
  }
  EXPECT_GE(declined, 1);  // the demo has declines
}

TEST(MatchingApi, TheParkDeclinesWithAReasonAndTheStatisticsShowIt) {
  TestApp t;
  Client coordinator(*t.app), park(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(park.Login("receiver").status, 200);
  const int64_t id = ProjectAt(*t.app, "approved");
  const int64_t jkq = UnitIdByCode(*t.app, "AQ-JKQ");
  Reply project = coordinator.Get("/api/v1/projects/" + Id(id));
  ASSERT_EQ(project.status, 200) << project.body;
  Reply routed = coordinator.Post(
      "/api/v1/projects/" + Id(id) + "/routings",
      json::object{{"park_id", jkq}, {"note", "请评估"}, {"version", project.json.at("version")}});
  ASSERT_EQ(routed.status, 201) << routed.body;
  const std::string rid = Id(routed.json.at("id").as_int64());
  EXPECT_EQ(coordinator
                .Post("/api/v1/projects/" + Id(id) + "/routings",
                      json::object{{"park_id", jkq},
                                   {"version", project.json.at("version").as_int64() + 1}})
                .Code(),
            "transition_not_allowed");  // one pending routing at a time
  Reply pending = park.Get("/api/v1/routings?status=pending");
  ASSERT_EQ(pending.status, 200) << pending.body;
  ASSERT_EQ(pending.json.at("total").as_int64(), 1);
  EXPECT_EQ(pending.json.at("items").at(0).at("project_id").as_int64(), id);
  // The park sees only routings to itself, not the demo's declines at other parks.
  Reply all = park.Get("/api/v1/routings?page_size=200");
  for (const auto& r : all.json.at("items").as_array()) EXPECT_EQ(r.at("park_id").as_int64(), jkq);

  // Until it accepts, the park only answers: it cannot shelve or edit the project.
  Reply shelve = park.Post("/api/v1/projects/" + Id(id) + "/transitions",
                           json::object{{"to", "shelved"},
                                        {"version", project.json.at("version").as_int64() + 1},
                                        {"reason_code", "investor_paused"},
                                        {"fields", json::object{}}});
  EXPECT_EQ(shelve.status, 403) << shelve.body;
  EXPECT_EQ(park.Post("/api/v1/routings/" + rid + "/decline", json::object{}).Field("reason_code"),
            "required");
  EXPECT_EQ(
      park.Post("/api/v1/routings/" + rid + "/decline", json::object{{"reason_code", "other"}})
          .Field("reason"),
      "required");
  Reply declined = park.Post(
      "/api/v1/routings/" + rid + "/decline",
      json::object{{"reason_code", "industry_mismatch"}, {"reason", "园区不发展该细分领域"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json.at("status").as_string(), "declined");
  Reply back = coordinator.Get("/api/v1/projects/" + Id(id));
  EXPECT_EQ(back.json.at("stage").as_string(), "approved");
  EXPECT_EQ(back.json.at("responsible_unit_name").as_string(), "安庆市投资促进局");
  EXPECT_EQ(back.json.at("next_step").as_string(), "route_to_park");

  Reply stats = coordinator.Get("/api/v1/routings/stats");
  ASSERT_EQ(stats.status, 200) << stats.body;
  bool found = false;
  for (const auto& s : stats.json.at("by_park").as_array())
    if (s.at("unit_id").as_int64() == jkq) {
      found = true;
      EXPECT_EQ(s.at("declined").as_int64(), 1);
      EXPECT_EQ(s.at("reasons").at("industry_mismatch").as_int64(), 1);
    }
  EXPECT_TRUE(found);
  int64_t reporting_declines = 0;
  for (const auto& s : stats.json.at("by_reporting_unit").as_array())
    reporting_declines += s.at("declined").as_int64();
  EXPECT_EQ(reporting_declines, 3);  // the demo's two and this one
  Reply own = park.Get("/api/v1/routings/stats");
  for (const auto& s : own.json.at("by_park").as_array())
    EXPECT_EQ(s.at("unit_id").as_int64(), jkq);
  auto c = t.app->db().Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'project.routing_declined' "
                        "AND object_id = ?",
                        {Id(id)}),
            1);
}

}  // namespace
}  // namespace zhaoshang::testing
