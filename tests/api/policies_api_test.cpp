// The policy library (政策库) and the matcher through App::Handle, on both engines: states on
// the demo day (in force, expiring within 90 days, expired, not yet in force), who keeps which
// policy, bad input that stores nothing, the matcher for a lead and a project, the owner told
// once when a policy nears its end, the Excel list.
#include <algorithm>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

int64_t Count(App& app, const std::string& sql) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, {}).value_or(-1);
}

json::object NewPolicy(int64_t owner) {
  return json::object{
      {"title", "测试政策"},
      {"issuer", "测试机关"},
      {"doc_number", "测〔2026〕1号"},
      {"level", "city"},
      {"effective_from", "2026-01-01"},
      {"expires_on", "2027-12-31"},
      {"owner_unit_id", owner},
      {"conditions", json::object{{"industry_codes", json::array{"36"}},
                                  {"min_investment_yuan", 100'000'000},
                                  {"land", "any"},
                                  {"foreign", "any"}}},
      {"grants",
       json::array{json::object{
           {"kind", "subsidy"}, {"rate_pct", 10}, {"cap_yuan", 10'000'000}, {"text", "补助"}}}},
      {"summary", "测试"}};
}

std::vector<std::string> Titles(const Reply& r, const std::string& fit = "") {
  std::vector<std::string> out;
  for (const auto& i : r.json.at("items").as_array())
    if (fit.empty() || i.at("fit").as_string() == fit) out.emplace_back(i.at("title").as_string());
  return out;
}

TEST(PoliciesApi, TheLibraryShowsEachPolicysStateOnTheDay) {
  TestApp t;  // 2026-11-18
  Client promoter(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  Reply all = promoter.Get("/api/v1/policies?page_size=50");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json.at("total").as_int64(), 10);
  EXPECT_EQ(all.json.at("expiring_days").as_int64(), 90);
  std::map<std::string, int> states;
  for (const auto& p : all.json.at("items").as_array()) {
    ++states[std::string(p.at("state").as_string())];
    EXPECT_FALSE(p.at("capabilities").at("edit").as_bool());  // a promoter keeps none
    EXPECT_FALSE(p.as_object().contains("source_text"));      // the list is light
  }
  EXPECT_EQ(states["expiring"], 1);
  EXPECT_EQ(states["expired"], 1);
  EXPECT_EQ(states["upcoming"], 1);
  EXPECT_EQ(states["current"], 7);
  EXPECT_EQ(Titles(promoter.Get("/api/v1/policies?state=expiring")),
            (std::vector<std::string>{"新能源汽车产业链招商专项奖励"}));
  Reply found = promoter.Get("/api/v1/policies?q=%E5%8E%82%E6%88%BF");  // 厂房
  EXPECT_EQ(Titles(found), (std::vector<std::string>{"安庆经济技术开发区标准化厂房租金减免办法"}));
  const int64_t id = found.json.at("items").at(0).at("id").as_int64();
  Reply one = promoter.Get("/api/v1/policies/" + std::to_string(id));
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.json.at("source_text").as_string().find("示例政策"), std::string::npos);
  EXPECT_EQ(promoter.Get("/api/v1/policies?state=soon").Field("state"), "invalid_value");
  EXPECT_EQ(promoter.Get("/api/v1/policies/999999").status, 404);
  Reply xlsx = promoter.Get("/api/v1/policies/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  // The export takes the list's filters, checked the same way.
  EXPECT_EQ(promoter.Get("/api/v1/policies/export.xlsx?state=bogus").Field("state"),
            "invalid_value");
  EXPECT_EQ(promoter.Get("/api/v1/policies/export.xlsx?level=park").status, 200);
}

TEST(PoliciesApi, EachUnitKeepsItsOwnPoliciesAndBadInputStoresNothing) {
  TestApp t;
  Client land(*t.app), park(*t.app), promoter(*t.app), coordinator(*t.app);
  ASSERT_EQ(land.Login("collaborator").status, 200);  // 自然资源和规划局
  ASSERT_EQ(park.Login("receiver").status, 200);      // 经开区
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  const int64_t zrzy = UnitIdByCode(*t.app, "AQ-ZRZY"), jxj = UnitIdByCode(*t.app, "AQ-JXJ"),
                jkq = UnitIdByCode(*t.app, "AQ-JKQ"), gxq = UnitIdByCode(*t.app, "AQ-GXQ");
  const int64_t before = Count(*t.app, "SELECT COUNT(*) FROM policies");
  Reply mine = land.Post("/api/v1/policies", NewPolicy(zrzy));
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_TRUE(mine.json.at("capabilities").at("edit").as_bool());
  EXPECT_EQ(land.Post("/api/v1/policies", NewPolicy(jxj)).Field("owner_unit_id"), "out_of_scope");
  EXPECT_EQ(park.Post("/api/v1/policies", NewPolicy(jkq)).status, 201);  // its subtree
  EXPECT_EQ(park.Post("/api/v1/policies", NewPolicy(gxq)).status, 403);
  EXPECT_EQ(promoter.Post("/api/v1/policies", NewPolicy(zrzy)).status, 403);

  json::object bad = NewPolicy(zrzy);
  bad["expires_on"] = "2025-12-31";
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("expires_on"), "before_start");
  bad = NewPolicy(zrzy);
  bad["conditions"].as_object()["industry_codes"] = json::array{"9999"};
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("conditions.industry_codes"), "not_found");
  bad = NewPolicy(zrzy);
  bad["conditions"].as_object()["land"] = "lots";
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("conditions.land"), "invalid_value");
  bad = NewPolicy(zrzy);
  bad["grants"].as_array()[0].as_object()["rate_pct"] = 150;
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("grants.0.rate_pct"), "invalid_value");
  bad = NewPolicy(zrzy);
  bad["title"] = std::string("a\0b", 3);
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("title"), "invalid_value");
  bad = NewPolicy(zrzy);
  bad["level"] = "county";
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("level"), "invalid_value");
  bad = NewPolicy(zrzy);
  bad["surprise"] = 1;
  EXPECT_EQ(land.Post("/api/v1/policies", bad).Field("surprise"), "unknown_field");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM policies"), before + 2);

  // An update needs the version read; another unit's policy is not the department's to change.
  const std::string path = "/api/v1/policies/" + std::to_string(mine.json.at("id").as_int64());
  json::object edit = NewPolicy(zrzy);
  edit["version"] = 1;
  edit["expires_on"] = "2028-06-30";
  Reply edited = land.Put(path, edit);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json.at("expires_on").as_string(), "2028-06-30");
  EXPECT_EQ(land.Put(path, edit).Code(), "version_conflict");
  edit["version"] = 2;
  EXPECT_EQ(park.Put(path, edit).status, 403);
  EXPECT_EQ(coordinator.Put(path, edit).status, 200);  // 投促局 keeps every policy
  EXPECT_EQ(Count(*t.app,
                  "SELECT COUNT(*) FROM audit_log WHERE action IN ('policy.create', "
                  "'policy.update') AND object_type = 'policy'"),
            10 + 2 + 2);  // the demo's ten, two here, two updates
}

TEST(PoliciesApi, TheMatcherSaysWhyAndWhatIsMissing) {
  TestApp t;
  Client promoter(*t.app), other(*t.app);
  ASSERT_EQ(promoter.Login("promoter").status, 200);
  // 新能源车整车, 12 亿元, 300 亩, domestic, in 经开区.
  json::object lead{{"industry_code", "3612"},
                    {"total_investment_yuan", 1'200'000'000},
                    {"land_mu_x100", 30'000},
                    {"foreign", false},
                    {"preferred_unit_id", UnitIdByCode(*t.app, "AQ-JKQ")}};
  Reply m = promoter.Post("/api/v1/policies/match", lead);
  ASSERT_EQ(m.status, 200) << m.body;
  auto matched = Titles(m, "match");
  std::sort(matched.begin(), matched.end());
  EXPECT_EQ(matched,
            (std::vector<std::string>{
                "安庆市产业人才安居办法", "安庆市支持新能源汽车产业高质量发展若干政策",
                "安徽省制造业高质量发展专项资金管理办法", "新能源汽车产业链招商专项奖励"}));
  auto near = Titles(m, "near_miss");
  std::sort(near.begin(), near.end());
  EXPECT_EQ(near, (std::vector<std::string>{"安庆市外资项目到资奖励办法",
                                            "安庆经济技术开发区标准化厂房租金减免办法"}));
  EXPECT_EQ(m.json.at("matches").as_int64(), 4);
  EXPECT_EQ(m.json.at("near_misses").as_int64(), 2);
  // Provincial before city; the reasons and the missing condition as codes with figures.
  EXPECT_EQ(m.json.at("items").at(0).at("level").as_string(), "provincial");
  for (const auto& i : m.json.at("items").as_array()) {
    if (i.at("title").as_string() == "安庆经济技术开发区标准化厂房租金减免办法") {
      EXPECT_EQ(i.at("missing").at(0).at("code").as_string(), "new_land_used");
      EXPECT_EQ(i.at("missing").at(0).at("params").at("mu_x100").as_int64(), 30'000);
    }
    if (i.at("title").as_string() == "安庆市支持新能源汽车产业高质量发展若干政策")
      EXPECT_EQ(i.at("met").at(0).at("params").at("code").as_string(), "3612");
  }
  lead["industry_code"] = "9999";
  EXPECT_EQ(promoter.Post("/api/v1/policies/match", lead).Field("industry_code"), "not_found");

  // A project: as the caller may read it.
  Reply made =
      promoter.Post("/api/v1/projects", NewLead("政策匹配测试项目", "政策匹配测试有限公司"));
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string path =
      "/api/v1/projects/" + std::to_string(made.json.at("id").as_int64()) + "/policies";
  Reply of = promoter.Get(path);
  ASSERT_EQ(of.status, 200) << of.body;
  EXPECT_GE(of.json.at("matches").as_int64(), 1);  // 人才安居 asks nothing
  ASSERT_EQ(other.Login("yxpromoter").status, 200);
  EXPECT_EQ(other.Get(path).status, 404);
}

TEST(PoliciesApi, TheOwnerIsToldOnceWhenAPolicyNearsItsEnd) {
  TestApp t;
  Client coordinator(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  const std::string kinds = "SELECT COUNT(*) FROM notifications WHERE kind = 'policy_expiring'";
  EXPECT_EQ(t.app->policies().TellExpiring(), 1);
  EXPECT_EQ(t.app->policies().TellExpiring(), 0);  // once
  const int64_t told = Count(*t.app, kinds);
  EXPECT_GT(told, 0);
  Reply inbox = coordinator.Get("/api/v1/notifications?page_size=50");
  bool seen = false;
  for (const auto& n : inbox.json.at("items").as_array())
    seen = seen || n.at("kind").as_string() == "policy_expiring";
  EXPECT_TRUE(seen) << inbox.body;
  // A new end date is told about again when it comes near.
  Reply list = coordinator.Get("/api/v1/policies?state=expiring");
  const auto& p = list.json.at("items").at(0);
  json::object edit{{"title", p.at("title")},
                    {"issuer", p.at("issuer")},
                    {"doc_number", p.at("doc_number")},
                    {"level", p.at("level")},
                    {"effective_from", p.at("effective_from")},
                    {"expires_on", "2027-01-31"},
                    {"conditions", p.at("conditions")},
                    {"grants", p.at("grants")},
                    {"version", p.at("version")}};
  Reply put = coordinator.Put("/api/v1/policies/" + std::to_string(p.at("id").as_int64()), edit);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(t.app->policies().TellExpiring(), 1);
}

}  // namespace
}  // namespace zhaoshang::testing
