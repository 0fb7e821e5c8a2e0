// The pipeline through App::Handle, on SQLite and PostgreSQL: collisions, workflow, scope,
// concurrency, activities, ledger filters.
#include <set>

#include "support/test_env.hpp"
#include "zhaoshang/pipeline/workflow.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

Reply Move(Client& c, int64_t id, const std::string& to, int64_t version, json::object fields = {},
           const std::string& reason_code = "") {
  json::object body{{"to", to}, {"version", version}, {"fields", std::move(fields)}};
  if (!reason_code.empty()) body["reason_code"] = reason_code;
  return c.Post("/api/v1/projects/" + std::to_string(id) + "/transitions", body);
}

int64_t Version(const Reply& r) { return r.json.at("version").as_int64(); }

// The transition dialog names the responsible person from whom the server says a hand-over to
// the park accepts (GET /pipeline/receivers, the rule the transition checks): any active account
// of the park or a unit below it — not only the receiver role — and no one else.
TEST(PipelineApi, TheReceiversListedAreWhomAHandOverAccepts) {
  TestApp t;
  Client coordinator(*t.app), park(*t.app), sys(*t.app);
  ASSERT_EQ(coordinator.Login("coordinator").status, 200);
  ASSERT_EQ(park.Login("receiver").status, 200);
  ASSERT_EQ(sys.Login("sysadmin").status, 200);
  const int64_t jkq = UnitIdByCode(*t.app, "AQ-JKQ");
  const auto logins = [&](const std::string& unit) {
    Reply r = coordinator.Get("/api/v1/pipeline/receivers?unit_id=" + unit);
    EXPECT_EQ(r.status, 200) << r.body;
    std::set<std::string> out;
    if (r.status == 200)
      for (const auto& u : r.json.at("items").as_array())
        out.insert(std::string(u.at("login").as_string()));
    return out;
  };
  const auto listed = logins(std::to_string(jkq));
  EXPECT_TRUE(listed.count("receiver"));
  EXPECT_TRUE(listed.count("jkpromoter"));  // 经开区招商服务中心, below the park
  EXPECT_FALSE(listed.count("yxpromoter"));
  EXPECT_EQ(coordinator
                .Get("/api/v1/pipeline/receivers?unit_id=" +
                     std::to_string(UnitIdByCode(*t.app, "AQ-JKQ-ZS")))
                .Field("unit_id"),
            "invalid_value");  // not a park or district

  // Route two projects of the pool to the park and accept each naming someone.
  auto routing = [&]() {
    auto c = t.app->db().Acquire();
    const int64_t id = *c->QueryInt(
        "SELECT MIN(id) FROM projects WHERE stage = 'approved' AND pending_routing_id IS NULL", {});
    Reply p = coordinator.Get("/api/v1/projects/" + std::to_string(id));
    Reply r = coordinator.Post("/api/v1/projects/" + std::to_string(id) + "/routings",
                               json::object{{"park_id", jkq}, {"version", p.json.at("version")}});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(r.json.at("id").as_int64());
  };
  auto accept = [&](const std::string& rid, const std::string& login) {
    return park.Post("/api/v1/routings/" + rid + "/accept",
                     json::object{{"responsible_user_id", UserIdByLogin(*t.app, login)}});
  };
  const std::string first = routing();
  EXPECT_EQ(accept(first, "yxpromoter").Field("responsible_user_id"), "invalid_value");
  EXPECT_EQ(accept(first, "jkpromoter").status, 200);  // listed: accepted

  // A disabled account of the park is neither listed nor accepted.
  Reply u = sys.Get("/api/v1/users?q=jkpromoter");
  ASSERT_EQ(u.status, 200) << u.body;
  const auto& row = u.json.at("items").at(0);
  ASSERT_EQ(sys.Patch("/api/v1/users/" + std::to_string(row.at("id").as_int64()),
                      json::object{{"active", false}, {"version", row.at("version")}})
                .status,
            200);
  EXPECT_FALSE(logins(std::to_string(jkq)).count("jkpromoter"));
  const std::string second = routing();
  EXPECT_EQ(accept(second, "jkpromoter").Field("responsible_user_id"), "invalid_value");
  EXPECT_EQ(accept(second, "receiver").status, 200);
}

TEST(PipelineApi, CollisionHintIsMaskedOutOfScopeAndJoiningMakesACoPromoter) {
  TestApp t;
  Client promoter(*t.app);
  promoter.Login("promoter");
  Reply hint = promoter.Post("/api/v1/projects/collision-check",
                             json::object{{"investor_name", "上海申能动力电池有限公司"}});
  ASSERT_EQ(hint.status, 200) << hint.body;
  ASSERT_EQ(hint.json.at("hits").as_array().size(), 1u);
  const auto& hit = hint.json.at("hits").at(0);
  const int64_t id = hit.at("project_id").as_int64();
  EXPECT_EQ(hit.at("match").as_string(), "name");
  EXPECT_FALSE(hit.at("in_scope").as_bool());
  EXPECT_EQ(hit.at("reporting_unit_name").as_string(), "宜秀区投资促进中心");
  EXPECT_EQ(hit.at("stage").as_string(), "negotiating");
  EXPECT_EQ(hit.at("investor_name").as_string().find("申能"), std::string::npos);  // masked
  std::string phone(hit.at("contacts").at(0).at("phone").as_string());
  EXPECT_NE(phone.find("****"), std::string::npos) << phone;
  EXPECT_EQ(promoter.Get("/api/v1/projects/" + std::to_string(id)).status, 404);

  json::object join = NewLead("重复报送", "上海申能动力电池有限公司");
  join["join_project_id"] = id;
  Reply joined = promoter.Post("/api/v1/projects", join);
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_TRUE(joined.json.at("joined").as_bool());
  Reply detail = promoter.Get("/api/v1/projects/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200);
  const auto& promoters = detail.json.at("promoters").as_array();
  ASSERT_EQ(promoters.size(), 2u);
  EXPECT_EQ(promoters.at(0).at("kind").as_string(), "first");  // the first reporter keeps it
  EXPECT_EQ(promoters.at(0).at("unit_name").as_string(), "宜秀区投资促进中心");
  EXPECT_EQ(promoters.at(1).at("kind").as_string(), "co");
  EXPECT_EQ(detail.json.at("contacts").at(0).at("phone").as_string().find('*'), std::string::npos);
  Reply again = promoter.Post("/api/v1/projects/collision-check",
                              json::object{{"investor_name", "申能动力电池"}});
  EXPECT_TRUE(again.json.at("hits").at(0).at("in_scope").as_bool());
  auto c = t.app->db().Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM projects WHERE name = '重复报送'", {}),
            0);  // nothing new
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'project.join'", {}), 1);
}

TEST(PipelineApi, SameCreditCodeIsAHitWhateverTheName) {
  TestApp t;
  Client a(*t.app), b(*t.app);
  a.Login("dgpromoter");
  b.Login("szpromoter");
  json::object lead = NewLead("芯片封测项目", "深圳芯联微电子有限公司");
  lead["uscc"] = "91440300708461136T";
  ASSERT_EQ(a.Post("/api/v1/projects", lead).status, 201);
  Reply hit =
      b.Post("/api/v1/projects/collision-check",
             json::object{{"investor_name", "完全不同的名字"}, {"uscc", "9144 0300 7084 6113 6t"}});
  ASSERT_EQ(hit.json.at("hits").as_array().size(), 1u);
  EXPECT_EQ(hit.json.at("hits").at(0).at("match").as_string(), "uscc");
  Reply bad = b.Post("/api/v1/projects", [&] {
    json::object o = NewLead("x", "y公司");
    o["uscc"] = "91440300708461136X";
    return o;
  }());
  EXPECT_EQ(bad.Field("uscc"), "bad_check_character");
}

TEST(PipelineApi, WholeWorkflowHandsResponsibilityToThePark) {
  TestApp t;
  Client promoter(*t.app), coordinator(*t.app), park(*t.app);
  promoter.Login("promoter");
  coordinator.Login("coordinator");
  park.Login("receiver");
  Reply lead =
      promoter.Post("/api/v1/projects", NewLead("氢燃料电池电堆项目", "上海氢能动力科技有限公司"));
  ASSERT_EQ(lead.status, 201) << lead.body;
  const int64_t id = lead.json.at("id").as_int64();
  EXPECT_EQ(lead.json.at("stage").as_string(), "lead");
  EXPECT_EQ(lead.json.at("responsible_user_name").as_string(), "张伟");
  EXPECT_EQ(lead.json.at("next_step").as_string(), "submit_review");
  // 12 亿元 is a large lead: judged within 7 working days of Wednesday 18 Nov (19, 20, 23–27).
  EXPECT_EQ(lead.json.at("step_deadline").as_string(), "2026-11-27");
  EXPECT_EQ(park.Get("/api/v1/projects/" + std::to_string(id)).status, 404);  // not routed yet

  Reply r = Move(promoter, id, "in_review", Version(lead));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Move(promoter, id, "approved", Version(r)).status, 403);  // no self-approval
  EXPECT_EQ(Move(coordinator, id, "approved", Version(r)).Field("reason"), "required");
  r = coordinator.Post("/api/v1/projects/" + std::to_string(id) + "/transitions",
                       json::object{{"to", "approved"},
                                    {"version", Version(r)},
                                    {"reason", "投促局直接决定：重大项目绿色通道"},
                                    {"fields", json::object{}}});
  ASSERT_EQ(r.status, 200) << r.body;
  // A park is reached only by routing and the park accepting.
  const int64_t jkq = UnitIdByCode(*t.app, "AQ-JKQ");
  Reply direct = Move(coordinator, id, "negotiating", Version(r), {{"receiving_unit_id", jkq}});
  EXPECT_EQ(direct.Code(), "use_routing");
  Reply routed = coordinator.Post("/api/v1/projects/" + std::to_string(id) + "/routings",
                                  json::object{{"park_id", jkq}, {"version", Version(r)}});
  ASSERT_EQ(routed.status, 201) << routed.body;
  EXPECT_EQ(routed.json.at("status").as_string(), "pending");
  EXPECT_TRUE(routed.json.at("fit_score").is_int64());
  Reply waiting = park.Get("/api/v1/projects/" + std::to_string(id));
  ASSERT_EQ(waiting.status, 200);  // the park is responsible while it decides
  EXPECT_EQ(waiting.json.at("next_step").as_string(), "park_response");
  EXPECT_EQ(waiting.json.at("stage").as_string(), "approved");
  const std::string rid = std::to_string(routed.json.at("id").as_int64());
  r = park.Post("/api/v1/routings/" + rid + "/accept",
                json::object{{"responsible_user_id", UserIdByLogin(*t.app, "receiver")}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("status").as_string(), "accepted");
  EXPECT_EQ(park.Post("/api/v1/routings/" + rid + "/decline",
                      json::object{{"reason_code", "industry_mismatch"}})
                .Code(),
            "transition_not_allowed");  // answered once
  r = park.Get("/api/v1/projects/" + std::to_string(id));
  EXPECT_EQ(r.json.at("stage").as_string(), "negotiating");
  EXPECT_EQ(r.json.at("responsible_unit_name").as_string(), "安庆经济技术开发区");
  EXPECT_EQ(r.json.at("responsible_user_name").as_string(), "李娜");
  EXPECT_TRUE(r.json.at("pending_routing_id").is_null());

  Reply seen = park.Get("/api/v1/projects/" + std::to_string(id));
  ASSERT_EQ(seen.status, 200);
  auto allowed = seen.json.at("allowed_transitions").as_array();
  EXPECT_NE(std::find(allowed.begin(), allowed.end(), json::value("signed")), allowed.end());
  EXPECT_EQ(Move(promoter, id, "signed", Version(r),
                 {{"signing_date", "2026-11-10"}, {"contracted_investment_yuan", 1'000'000'000}})
                .status,
            403);
  Reply missing = Move(park, id, "signed", Version(r));
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.Field("signing_date"), "required");
  EXPECT_EQ(missing.Field("contracted_investment_yuan"), "required");
  EXPECT_EQ(Move(park, id, "signed", Version(r),
                 {{"signing_date", "2027-01-01"}, {"contracted_investment_yuan", 1}})
                .Field("signing_date"),
            "in_future");
  r = Move(park, id, "signed", Version(r),
           {{"signing_date", "2026-11-10"}, {"contracted_investment_yuan", 1'000'000'000}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("stage").as_string(), "signed");
  EXPECT_EQ(r.json.at("responsible_unit_name").as_string(), "安庆经济技术开发区");
  r = Move(park, id, "construction", Version(r), {{"construction_date", "2026-11-15"}});
  ASSERT_EQ(r.status, 200);
  r = Move(park, id, "production", Version(r), {{"production_date", "2026-11-17"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json.at("next_step").as_string(), "none");
  EXPECT_TRUE(r.json.at("step_deadline").is_null());
  EXPECT_EQ(Move(coordinator, id, "lost", Version(r), {}, "other").Code(),
            "transition_not_allowed");

  Reply timeline = promoter.Get("/api/v1/projects/" + std::to_string(id) + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  int transitions = 0;
  for (const auto& item : timeline.json.at("items").as_array())
    transitions += item.at("kind") == "transition";
  EXPECT_EQ(transitions, 6);
  EXPECT_EQ(timeline.json.at("items").at(0).at("to").as_string(), "production");
  auto c = t.app->db().Acquire();
  EXPECT_EQ(
      c->QueryInt(
          "SELECT COUNT(*) FROM audit_log WHERE action = 'project.transition' AND object_id = ?",
          {std::to_string(id)}),
      6);
}

TEST(PipelineApi, CoordinatorSignsTheDemoProjectOnlyWithASigningDate) {
  TestApp t;
  Client coordinator(*t.app);
  coordinator.Login("coordinator");
  const int64_t id = ProjectIdByName(*t.app, "新能源汽车电机项目");
  Reply p = coordinator.Get("/api/v1/projects/" + std::to_string(id));
  Reply no_date =
      Move(coordinator, id, "signed", Version(p), {{"contracted_investment_yuan", 500'000'000}});
  EXPECT_EQ(no_date.Code(), "guard_failed");
  EXPECT_EQ(no_date.Field("signing_date"), "required");
  EXPECT_EQ(coordinator.Get("/api/v1/projects/" + std::to_string(id)).json.at("stage").as_string(),
            "negotiating");
  Reply ok = Move(coordinator, id, "signed", Version(p),
                  {{"contracted_investment_yuan", 500'000'000}, {"signing_date", "2026-11-18"}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json.at("signing_date").as_string(), "2026-11-18");
}

TEST(PipelineApi, SideStatesNeedReasonsAndReopenToTheStageBefore) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  const int64_t id = ProjectIdByName(*t.app, "新能源汽车电机项目");
  int64_t v = Version(c.Get("/api/v1/projects/" + std::to_string(id)));
  EXPECT_EQ(Move(c, id, "shelved", v).Field("reason_code"), "required");
  EXPECT_EQ(Move(c, id, "shelved", v, {}, "went_elsewhere").Field("reason_code"), "invalid_value");
  Reply shelved = Move(c, id, "shelved", v, {}, "awaiting_factors");
  ASSERT_EQ(shelved.status, 200) << shelved.body;
  EXPECT_EQ(shelved.json.at("close_reason_code").as_string(), "awaiting_factors");
  EXPECT_EQ(shelved.json.at("allowed_transitions").at(0).as_string(), "negotiating");
  Reply back = Move(c, id, "negotiating", Version(shelved));
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_TRUE(back.json.at("close_reason_code").is_null());
}

TEST(PipelineApi, StaleVersionGets409AndChangesNothing) {
  TestApp t;
  Client a(*t.app), b(*t.app);
  a.Login("coordinator");
  b.Login("coordinator");
  const int64_t id = ProjectIdByName(*t.app, "新能源汽车电机项目");
  const std::string path = "/api/v1/projects/" + std::to_string(id);
  int64_t v = Version(a.Get(path));
  ASSERT_EQ(a.Patch(path, json::object{{"jobs", 800}, {"version", v}}).status, 200);
  Reply stale = b.Patch(path, json::object{{"jobs", 900}, {"version", v}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.Code(), "version_conflict");
  EXPECT_EQ(Move(b, id, "shelved", v, {}, "investor_paused").status, 409);
  Reply now = a.Get(path);
  EXPECT_EQ(now.json.at("jobs").as_int64(), 800);
  ASSERT_EQ(a.Patch(path, json::object{{"investor_origin", "广东省深圳市"},
                                       {"land_mu_x100", 0},
                                       {"version", Version(now)}})
                .status,
            200);
  Reply tl = a.Get(path + "/timeline");
  const auto& change = tl.json.at("items").at(0);
  EXPECT_EQ(change.at("kind").as_string(), "change");
  EXPECT_EQ(change.at("changes").at("investor_origin").at("to").as_string(), "广东省深圳市");
  EXPECT_EQ(change.at("changes").at("land_mu_x100").at("to").as_string(), "0");
  EXPECT_EQ(now.json.at("stage").as_string(), "negotiating");
}

TEST(PipelineApi, ScopesPerRole) {
  TestApp t;
  auto ids = [&](const std::string& login) {
    Client c(*t.app);
    c.Login(login);
    std::set<int64_t> out;
    int64_t total = 0;
    for (int page = 1; page < 10; ++page) {
      Reply r = c.Get("/api/v1/projects?page_size=200&page=" + std::to_string(page));
      EXPECT_EQ(r.status, 200) << login << r.body;
      total = r.json.at("total").as_int64();
      for (const auto& p : r.json.at("items").as_array()) out.insert(p.at("id").as_int64());
      if (r.json.at("items").as_array().size() < 200) break;
    }
    EXPECT_EQ(total, static_cast<int64_t>(out.size()));
    return out;
  };
  auto all = ids("coordinator");
  EXPECT_GE(all.size(), 150u);
  EXPECT_EQ(ids("leader"), all);
  auto db = t.app->db().Acquire();
  auto count = [&](const std::string& sql, const db::Params& p) {
    return static_cast<size_t>(db->QueryInt(sql, p).value());
  };
  EXPECT_EQ(ids("promoter").size(),
            count("SELECT COUNT(DISTINCT project_id) FROM project_promoters WHERE user_id = ?",
                  {UserIdByLogin(*t.app, "promoter")}));
  const int64_t jkq = UnitIdByCode(*t.app, "AQ-JKQ");
  auto park = ids("receiver");
  EXPECT_GE(park.size(), count("SELECT COUNT(*) FROM projects WHERE receiving_unit_id = ?", {jkq}));
  for (int64_t id : park) {
    auto p = db->Query(
        "SELECT receiving_unit_id, responsible_unit_id, reporting_unit_id FROM projects WHERE id = "
        "?",
        {id});
    auto sub = std::set<int64_t>{jkq, UnitIdByCode(*t.app, "AQ-JKQ-ZS")};
    EXPECT_TRUE(sub.count(p[0].OptInt(0).value_or(0)) || sub.count(p[0].Int(1)) ||
                sub.count(p[0].Int(2)))
        << id;
  }
  auto head = ids("unithead");  // 宜秀区: its investment centre and park
  EXPECT_TRUE(head.count(ProjectIdByName(*t.app, "动力电池PACK生产线项目")));
  EXPECT_FALSE(head.count(ProjectIdByName(*t.app, "新能源汽车电机项目")));
  Client outsider(*t.app);
  outsider.Login("promoter");
  Reply hidden = outsider.Get("/api/v1/projects/" +
                              std::to_string(ProjectIdByName(*t.app, "新能源汽车电机项目")));
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.body.find("皖宜"), std::string::npos);
  EXPECT_EQ(outsider
                .Get("/api/v1/projects/" +
                     std::to_string(ProjectIdByName(*t.app, "新能源汽车电机项目")) + "/timeline")
                .status,
            404);
}

TEST(PipelineApi, LedgerFiltersSortAndBoard) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  auto total = [&](const std::string& q) {
    Reply r = c.Get("/api/v1/projects?" + q);
    EXPECT_EQ(r.status, 200) << q << r.body;
    return r.json.at("total").as_int64();
  };
  auto db = t.app->db().Acquire();
  auto sql = [&](const std::string& where) {
    return db->QueryInt("SELECT COUNT(*) FROM projects WHERE " + where, {}).value();
  };
  EXPECT_EQ(total("stage=negotiating"), sql("stage = 'negotiating'"));
  EXPECT_EQ(total("stage=signed,construction"), sql("stage IN ('signed','construction')"));
  EXPECT_EQ(total("industry=C"), sql("industry_section = 'C'"));
  EXPECT_EQ(total("industry=38"), sql("industry_division = '38'"));
  EXPECT_EQ(total("band=4,5"), sql("investment_band IN (4,5)"));
  EXPECT_EQ(total("q=%E7%94%B5%E6%B1%A0"),
            sql("name LIKE '%电池%' OR investor_name LIKE '%电池%'"));  // 电池
  EXPECT_EQ(total("q=%E7%9A%96%E5%AE%9C&stage=negotiating"), 1);        // 皖宜
  EXPECT_EQ(total("park_id=" + std::to_string(UnitIdByCode(*t.app, "AQ-JKQ"))),
            sql("receiving_unit_id = " + std::to_string(UnitIdByCode(*t.app, "AQ-JKQ"))));
  EXPECT_EQ(total("overdue=true"), sql("step_deadline < '" + pipeline::DateOfMs(kT0) + "'"));
  Reply sorted = c.Get("/api/v1/projects?sort=total_investment&order=asc&page_size=50");
  int64_t prev = -1;
  for (const auto& p : sorted.json.at("items").as_array()) {
    EXPECT_GE(p.at("total_investment_yuan").as_int64(), prev);
    prev = p.at("total_investment_yuan").as_int64();
  }
  EXPECT_EQ(total("stage=signed&stage=construction"), sql("stage IN ('signed','construction')"));
  Reply by_deadline = c.Get("/api/v1/projects?sort=step_deadline&order=asc&page_size=200");
  bool seen_null = false;
  for (const auto& p : by_deadline.json.at("items").as_array()) {  // undated projects go last
    if (p.at("step_deadline").is_null())
      seen_null = true;
    else
      EXPECT_FALSE(seen_null) << "a dated project after an undated one";
  }
  EXPECT_EQ(c.Get("/api/v1/projects?stage=flying").Field("stage"), "invalid_value");
  EXPECT_EQ(c.Get("/api/v1/projects?industry=ZZ").Field("industry"), "invalid_value");
  EXPECT_EQ(c.Get("/api/v1/projects?sort=password").Field("sort"), "invalid_value");
  EXPECT_EQ(c.Get("/api/v1/projects?reported_from=2026-13-01").Field("reported_from"),
            "invalid_value");
  Reply board = c.Get("/api/v1/projects/board");
  ASSERT_EQ(board.status, 200);
  int64_t sum = 0;
  for (const auto& col : board.json.at("columns").as_array()) {
    sum += col.at("count").as_int64();
    EXPECT_LE(col.at("items").as_array().size(), 50u);
  }
  EXPECT_EQ(sum, total(""));
}

TEST(PipelineApi, ActivitiesAndCapitalInPlace) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  const int64_t id = ProjectIdByName(*t.app, "新能源汽车电机项目");
  const std::string path = "/api/v1/projects/" + std::to_string(id);
  Reply before = c.Get(path);
  json::object act{{"kind", "capital"}, {"date", "2026-11-18"}, {"summary", "首期资金到位"}};
  EXPECT_EQ(c.Post(path + "/activities", act).Field("amount_yuan"), "required");
  act["amount_yuan"] = int64_t(30'000'000);
  Reply ok = c.Post(path + "/activities", act);
  ASSERT_EQ(ok.status, 201) << ok.body;
  Reply after = c.Get(path);
  EXPECT_EQ(after.json.at("capital_in_place_yuan").as_int64(),
            before.json.at("capital_in_place_yuan").as_int64() + 30'000'000);
  EXPECT_GT(Version(after), Version(before));  // a stale edit cannot overwrite the sum
  EXPECT_EQ(c.Patch(path, json::object{{"jobs", 1}, {"version", Version(before)}}).status, 409);
  EXPECT_EQ(c.Post(path + "/activities",
                   json::object{{"kind", "visit"}, {"date", "2026-12-31"}, {"summary", "x"}})
                .Field("date"),
            "in_future");
  EXPECT_EQ(c.Post(path + "/activities",
                   json::object{{"kind", "party"}, {"date", "2026-11-01"}, {"summary", "x"}})
                .Field("kind"),
            "invalid_value");
}

TEST(PipelineApi, CreateValidatesAndAdjudicationMovesTheCredit) {
  TestApp t;
  Client p(*t.app), coord(*t.app);
  p.Login("promoter");
  coord.Login("coordinator");
  json::object bad = NewLead("", "x");
  bad["industry_code"] = "9999";
  bad["total_investment_yuan"] = -5;
  bad["source_channel"] = "pigeon";
  Reply r = p.Post("/api/v1/projects", bad);
  EXPECT_EQ(r.Field("name"), "required");
  EXPECT_EQ(r.Field("industry_code"), "invalid_value");
  EXPECT_EQ(r.Field("total_investment_yuan"), "invalid_value");
  EXPECT_EQ(r.Field("source_channel"), "invalid_value");
  const int64_t id = ProjectIdByName(*t.app, "动力电池PACK生产线项目");
  p.Post("/api/v1/projects", [&] {
    json::object o = NewLead("x", "上海申能动力电池有限公司");
    o["join_project_id"] = id;
    return o;
  }());
  const std::string adj = "/api/v1/projects/" + std::to_string(id) + "/promoters/adjudicate";
  EXPECT_EQ(coord
                .Post(adj, json::object{{"first_user_id", UserIdByLogin(*t.app, "leader")},
                                        {"reason", "x"}})
                .Field("first_user_id"),
            "not_a_promoter");
  Reply done = coord.Post(adj, json::object{{"first_user_id", UserIdByLogin(*t.app, "promoter")},
                                            {"reason", "首谈记录表明驻上海招商组先接触"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json.at("promoter_name").as_string(), "张伟");
  EXPECT_EQ(done.json.at("reporting_unit_name").as_string(), "驻上海招商组");
  auto c = t.app->db().Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'project.adjudicate'", {}),
            1);
}

TEST(CatalogApi, IndustriesAndLeadingIndustries) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  Reply ind = c.Get("/api/v1/catalog/industries");
  ASSERT_EQ(ind.status, 200);
  EXPECT_EQ(ind.json.at("items").as_array().size(), 1971u);
  std::string etag = ind.Header("ETag");
  Reply li = c.Get("/api/v1/catalog/leading-industries");
  ASSERT_GE(li.json.at("items").as_array().size(), 4u);
  Reply created = c.Post("/api/v1/catalog/leading-industries", json::object{{"name", "绿色食品"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string base =
      "/api/v1/catalog/leading-industries/" + std::to_string(created.json.at("id").as_int64());
  EXPECT_EQ(
      c.Post(base + "/nodes",
             json::object{{"segment", "中游"}, {"name", "乳制品"}, {"codes", json::array{"9999"}}})
          .Field("codes"),
      "invalid_value");
  Reply node = c.Post(
      base + "/nodes",
      json::object{{"segment", "中游"}, {"name", "乳制品"}, {"codes", json::array{"1441", "144"}}});
  ASSERT_EQ(node.status, 201) << node.body;
  std::string npath =
      "/api/v1/catalog/chain-nodes/" + std::to_string(node.json.at("id").as_int64());
  EXPECT_EQ(c.Patch(npath, json::object{{"name", "乳品加工"}, {"version", 1}}).status, 200);
  EXPECT_EQ(c.Call("DELETE", npath + "?version=1").Code(), "version_conflict");
  EXPECT_EQ(c.Call("DELETE", npath + "?version=2").status, 204);
  EXPECT_EQ(c.Post("/api/v1/catalog/leading-industries", json::object{{"name", "绿色食品"}}).status,
            409);
  Client p(*t.app);
  p.Login("promoter");
  EXPECT_EQ(p.Post("/api/v1/catalog/leading-industries", json::object{{"name", "x"}}).status, 403);
  (void)etag;
}

}  // namespace
}  // namespace zhaoshang::testing

namespace zhaoshang::testing {
namespace {
TEST(PipelineApi, GramStatisticsFollowRenames) {
  TestApp t;
  Client c(*t.app);
  c.Login("coordinator");
  auto consistent = [&] {
    auto db = t.app->db().Acquire();
    return db->QueryInt("SELECT COUNT(*) FROM investor_grams", {}).value() ==
           db->QueryInt("SELECT SUM(projects) FROM investor_gram_stats", {}).value();
  };
  EXPECT_TRUE(consistent());
  const int64_t id = ProjectIdByName(*t.app, "新能源汽车电机项目");
  const std::string path = "/api/v1/projects/" + std::to_string(id);
  int64_t v = c.Get(path).json.at("version").as_int64();
  ASSERT_EQ(c.Patch(path, boost::json::object{{"investor_name", "皖宜电驱动系统有限公司"},
                                              {"version", v}})
                .status,
            200);
  EXPECT_TRUE(consistent());
  // The renamed investor is found by its new name and no longer by the old one's rare grams.
  Client p(*t.app);
  p.Login("promoter");
  Reply hit = p.Post("/api/v1/projects/collision-check",
                     boost::json::object{{"investor_name", "皖宜电驱动系统有限公司"}});
  ASSERT_EQ(hit.json.at("hits").as_array().size(), 1u);
  EXPECT_EQ(hit.json.at("hits").at(0).at("project_id").as_int64(), id);
}
}  // namespace
}  // namespace zhaoshang::testing

namespace zhaoshang::testing {
namespace {
TEST(CatalogApi, RegionsForTheInvestorOrigin) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("promoter").status, 200);
  Reply r = c.Get("/api/v1/catalog/regions");
  ASSERT_EQ(r.status, 200);
  std::map<std::string, boost::json::object> by;
  for (const auto& x : r.json.at("items").as_array())
    by[std::string(x.at("code").as_string())] = x.as_object();
  ASSERT_TRUE(by.count("340800"));
  EXPECT_EQ(by["340800"].at("name").as_string(), "安庆市");
  EXPECT_EQ(by["340800"].at("parent").as_string(), "340000");
  EXPECT_FALSE(by["340800"].at("foreign").as_bool());
  EXPECT_TRUE(by.at("DE").at("foreign").as_bool());
  EXPECT_GE(by.size(), 34u);
  EXPECT_FALSE(r.Header("ETag").empty());
}
TEST(PipelineApi, SettingsKeepTheirRangesAndChangeNothingWhenRefused) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("coordinator").status, 200);
  Reply before = c.Get("/api/v1/pipeline/settings");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.json.at("routing_days").as_int64(), pipeline::kDefaultRoutingDays);
  for (int64_t bad : {int64_t(0), int64_t(pipeline::kMaxRoutingDays + 1), int64_t(9'000'000'000)}) {
    Reply r = c.Put("/api/v1/pipeline/settings",
                    json::object{{"stage_deadline_days", json::object{}}, {"routing_days", bad}});
    EXPECT_EQ(r.Field("routing_days"), "invalid_value") << bad << r.body;
  }
  Reply days =
      c.Put("/api/v1/pipeline/settings",
            json::object{{"stage_deadline_days",
                          json::object{{"lead", int64_t(pipeline::kMaxDeadlineDays + 1)}}}});
  EXPECT_EQ(days.Field("lead"), "invalid_value") << days.body;
  EXPECT_EQ(c.Get("/api/v1/pipeline/settings").body, before.body);
  Reply ok =
      c.Put("/api/v1/pipeline/settings", json::object{{"stage_deadline_days", json::object{}},
                                                      {"routing_days", pipeline::kMaxRoutingDays}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json.at("routing_days").as_int64(), pipeline::kMaxRoutingDays);
}

}  // namespace
}  // namespace zhaoshang::testing
