// The holes an outside probe found (issue "Security fixes"), each pinned on both engines:
// joining any project, administrators resetting each other, NUL and control characters,
// capital without bound, ineligible panel members, and the HTTP details.
#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

int64_t Count(App& app, const std::string& sql, const db::Params& p = {}) {
  auto c = app.db().Acquire();
  return c->QueryInt(sql, p).value_or(-1);
}

std::string ProjectPath(int64_t id) { return "/api/v1/projects/" + std::to_string(id); }

// --- 1. Joining a project needs a collision with the investor one reports -------------------

TEST(SecurityApi, APromoterCannotJoinProjectsTheirInvestorDoesNotCollideWith) {
  TestApp t;
  Client p(*t.app);
  ASSERT_EQ(p.Login("promoter").status, 200);
  const int64_t me = UserIdByLogin(*t.app, "promoter");
  auto c = t.app->db().Acquire();
  auto foreign = c->Query(
      "SELECT id, investor_name FROM projects WHERE id NOT IN (SELECT project_id FROM "
      "project_promoters WHERE user_id = ?) ORDER BY id LIMIT 20",
      {me});
  ASSERT_EQ(foreign.size(), 20u);
  const int64_t joins_before = Count(*t.app, "SELECT COUNT(*) FROM project_promoters");
  for (size_t i = 0; i < foreign.size(); ++i) {
    const int64_t id = foreign[i].Int(0);
    json::object body = NewLead("借口项目", "完全无关的投资方有限公司");
    body["join_project_id"] = id;
    Reply r = p.Post("/api/v1/projects", body);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Field("join_project_id"), "invalid_value");
    // Nor does the name of another project's investor open this one.
    const std::string other = foreign[(i + 1) % foreign.size()].Text(1);
    if (other != foreign[i].Text(1)) {
      body["investor_name"] = other;
      EXPECT_EQ(p.Post("/api/v1/projects", body).Field("join_project_id"), "invalid_value");
    }
    EXPECT_EQ(p.Get(ProjectPath(id)).status, 404);
  }
  json::object bare{{"join_project_id", foreign[0].Int(0)}};  // no investor at all
  EXPECT_EQ(p.Post("/api/v1/projects", bare).Field("join_project_id"), "invalid_value");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM project_promoters"), joins_before);
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'project.join'"), 0);
}

TEST(SecurityApi, JoiningACollidingProjectWorksOnceThenIsAConflict) {
  TestApp t;
  Client p(*t.app);
  ASSERT_EQ(p.Login("promoter").status, 200);
  const int64_t id = ProjectIdByName(*t.app, "动力电池PACK生产线项目");
  json::object body = NewLead("重复报送", "申能动力电池");  // a near name: a collision hit
  body["join_project_id"] = id;
  Reply joined = p.Post("/api/v1/projects", body);
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_TRUE(joined.json.at("joined").as_bool());
  Reply again = p.Post("/api/v1/projects", body);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.Code(), "already_promoter");
  EXPECT_EQ(again.Field("join_project_id"), "already_promoter");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'project.join'"), 1);
}

// --- 2. 三员分立: administrators cannot take each other over --------------------------------

TEST(SecurityApi, NoAdministratorCanResetEditOrDisableAnother) {
  TestApp t;
  Client sys(*t.app), sec(*t.app);
  ASSERT_EQ(sys.Login("sysadmin").status, 200);
  ASSERT_EQ(sec.Login("secadmin").status, 200);
  for (const char* target : {"secadmin", "auditadmin"}) {
    SCOPED_TRACE(target);
    const std::string path = "/api/v1/users/" + std::to_string(UserIdByLogin(*t.app, target));
    Reply reset = sys.Post(path + "/password", json::object{{"password", "Takeover#2026"}});
    EXPECT_EQ(reset.status, 403) << reset.body;
    EXPECT_EQ(reset.Code(), "admin_account_protected");
    Reply list = sys.Get(std::string("/api/v1/users?q=") + target);
    ASSERT_EQ(list.status, 200) << list.body;
    const auto& user = list.json.at("items").at(0);
    EXPECT_TRUE(user.at("protected").as_bool());
    const int64_t version = user.at("version").as_int64();
    EXPECT_EQ(sys.Patch(path, json::object{{"active", false}, {"version", version}}).Code(),
              "admin_account_protected");
    EXPECT_EQ(sys.Patch(path, json::object{{"name", "冒名"}, {"version", version}}).Code(),
              "admin_account_protected");
    EXPECT_EQ(Client(*t.app).Login(target, "Takeover#2026").status, 401);
    EXPECT_EQ(Client(*t.app).Login(target).status, 200);  // untouched
  }
  const std::string sys_path = "/api/v1/users/" + std::to_string(UserIdByLogin(*t.app, "sysadmin"));
  const int64_t v =
      sec.Get("/api/v1/users?q=sysadmin").json.at("items").at(0).at("version").as_int64();
  EXPECT_EQ(sec.Put(sys_path + "/roles",
                    json::object{{"roles", json::array{"auditadmin"}}, {"version", v}})
                .Code(),
            "admin_account_protected");
  EXPECT_EQ(sys.Post(sys_path + "/password", json::object{{"password", "Own#2026pw"}}).status,
            403);  // one's own password is changed on the password page, knowing the old one
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_reset'"),
            0);
  // A business account is not protected.
  EXPECT_FALSE(sys.Get("/api/v1/users?q=trainer").json.at("items").at(0).at("protected").as_bool());
}

TEST(SecurityApi, TheCommandLineIsTheAuditedBreakGlassPath) {
  TestApp t;
  const int64_t id = UserIdByLogin(*t.app, "secadmin");
  Actor cli{0, "cli", "", "cli:root", "cli"};
  EXPECT_EQ(t.app->org().ResetPassword(cli, id, "Glass#2026x").error().code,
            "admin_account_protected");  // the API channel is the default
  ASSERT_TRUE(t.app->org().ResetPassword(cli, id, "Glass#2026x", org::Channel::kCommandLine));
  Reply in = Client(*t.app).Login("secadmin", "Glass#2026x");
  ASSERT_EQ(in.status, 200);
  EXPECT_TRUE(in.json.at("user").at("must_change_password").as_bool());
  auto c = t.app->db().Acquire();
  auto rs = c->Query(
      "SELECT source, diff FROM audit_log WHERE action = 'user.password_reset' AND object_id = ?",
      {std::to_string(id)});
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].Text(0), "cli:root");
  EXPECT_NE(rs[0].Text(1).find("cli"), std::string::npos) << rs[0].Text(1);
}

TEST(SecurityApi, AResetUserMustChangeThePasswordBeforeAnythingElse) {
  TestApp t;
  Client user(*t.app), sys(*t.app);
  ASSERT_EQ(user.Login("leader").status, 200);
  ASSERT_EQ(sys.Login("sysadmin").status, 200);
  const std::string path =
      "/api/v1/users/" + std::to_string(UserIdByLogin(*t.app, "leader")) + "/password";
  ASSERT_EQ(sys.Post(path, json::object{{"password", "Reset#2026"}}).status, 204);
  EXPECT_EQ(user.Get("/api/v1/auth/me").status, 401);  // the target's sessions ended

  ASSERT_EQ(user.Login("leader", "Reset#2026").status, 200);
  Reply me = user.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_TRUE(me.json.at("user").at("must_change_password").as_bool());
  for (const char* blocked : {"/api/v1/projects", "/api/v1/workbench", "/api/v1/org/units"}) {
    Reply r = user.Get(blocked);
    EXPECT_EQ(r.status, 403) << blocked;
    EXPECT_EQ(r.Code(), "password_change_required") << blocked;
    EXPECT_EQ(r.body.find("\"items\""), std::string::npos);
  }
  Reply same = user.Post("/api/v1/auth/password", json::object{{"old_password", "Reset#2026"},
                                                               {"new_password", "Reset#2026"}});
  EXPECT_EQ(same.Code(), "weak_password");
  EXPECT_EQ(same.Field("password"), "reused");
  ASSERT_EQ(user.Post("/api/v1/auth/password",
                      json::object{{"old_password", "Reset#2026"}, {"new_password", "Mine#2026z"}})
                .status,
            204);
  EXPECT_FALSE(user.Get("/api/v1/auth/me").json.at("user").at("must_change_password").as_bool());
  EXPECT_EQ(user.Get("/api/v1/projects").status, 200);  // the same session goes on
}

TEST(SecurityApi, TheLastFivePasswordsCannotBeChosenAgain) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("statistician").status, 200);
  auto change = [&](const std::string& from, const std::string& to) {
    return c.Post("/api/v1/auth/password",
                  json::object{{"old_password", from}, {"new_password", to}});
  };
  std::string current = "Demo@2026";
  for (const char* next : {"Pass#2026a", "Pass#2026b", "Pass#2026c", "Pass#2026d"}) {
    ASSERT_EQ(change(current, next).status, 204) << next;
    current = next;
  }
  // The last five: Pass#2026d (current), c, b, a and Demo@2026.
  for (const char* old : {"Pass#2026d", "Pass#2026b", "Demo@2026"})
    EXPECT_EQ(change(current, old).Field("password"), "reused") << old;
  ASSERT_EQ(change(current, "Pass#2026e").status, 204);
  EXPECT_EQ(change("Pass#2026e", "Demo@2026").status, 204);  // six back: allowed again
}

// --- 4. NUL, control and format characters; duplicate keys ---------------------------------

TEST(SecurityApi, ControlCharactersAreRefusedAndNothingIsStored) {
  TestApp t;
  Client p(*t.app);
  ASSERT_EQ(p.Login("promoter").status, 200);
  const int64_t before = Count(*t.app, "SELECT COUNT(*) FROM projects");
  json::object lead = NewLead("x", "安徽测试科技有限公司");
  lead["name"] = std::string("\0", 1);
  Reply r = p.Post("/api/v1/projects", lead);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Field("name"), "invalid_value");
  lead["name"] = "第一行\n第二行";  // a one-line field
  EXPECT_EQ(p.Post("/api/v1/projects", lead).Field("name"), "invalid_value");
  lead["name"] = "项目\x1b[31m";
  EXPECT_EQ(p.Post("/api/v1/projects", lead).Field("name"), "invalid_value");
  lead["name"] = "正常项目";
  lead["contacts"] = json::array{
      json::object{{"name", std::string("周\0明", 7)}, {"phone", "13912345678"}, {"title", ""}}};
  EXPECT_EQ(p.Post("/api/v1/projects", lead).Field("contacts"), "invalid_value");
  EXPECT_EQ(Count(*t.app, "SELECT COUNT(*) FROM projects"), before);

  Client nul(*t.app);
  Reply login = nul.Login(std::string("leader\0", 7));
  EXPECT_EQ(login.status, 400) << login.body;
  EXPECT_EQ(login.Field("login"), "invalid_value");
  EXPECT_EQ(nul.Get("/api/v1/auth/me").status, 401);
}  // Control characters in the path or query: Server.ControlCharactersInTheTargetAre400

TEST(SecurityApi, InvisibleCharactersAreStrippedBeforeRequiredAndCollisionChecks) {
  TestApp t;
  Client p(*t.app);
  ASSERT_EQ(p.Login("promoter").status, 200);
  json::object lead = NewLead("\u200B\u200D", "安徽测试科技有限公司");
  EXPECT_EQ(p.Post("/api/v1/projects", lead).Field("name"), "required");
  lead["name"] = "\u202E目项试测\u202C";  // a bidi override is dropped, the text kept
  lead["investor_name"] = "上海申能\u200B动力电池有限公司";
  lead["description"] = "第一行\n第二行\t。";  // free text keeps its line breaks
  // The zero-width space hides nothing from the collision check: the reporter must confirm.
  EXPECT_EQ(p.Post("/api/v1/projects", lead).Field("collision_confirmed"), "confirm_required");
  lead["collision_confirmed"] = true;
  Reply r = p.Post("/api/v1/projects", lead);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json.at("name").as_string(), "目项试测");
  EXPECT_EQ(r.json.at("investor_name").as_string(), "上海申能动力电池有限公司");
  EXPECT_EQ(r.json.at("description").as_string(), "第一行\n第二行\t。");
  Reply hits = p.Post("/api/v1/projects/collision-check",
                      json::object{{"investor_name", "上海申能\u2060动力电池"}});
  ASSERT_EQ(hits.status, 200);
  EXPECT_GE(hits.json.at("hits").as_array().size(), 1u);  // the zero-width joiner hides nothing
}

TEST(SecurityApi, DuplicateJsonKeysAreInvalidJson) {
  TestApp t;
  Client c(*t.app);
  Reply r =
      c.Call("POST", "/api/v1/auth/login", R"({"login":"nobody","password":"x","login":"leader"})");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Code(), "invalid_json");
  ASSERT_EQ(c.Login("promoter").status, 200);
  r = c.Call("POST", "/api/v1/projects/collision-check",
             R"({"investor_name":"a","contacts":[{"name":"x","name":"y"}]})");
  EXPECT_EQ(r.Code(), "invalid_json");  // nested objects too
  r = c.Call("POST", "/api/v1/projects/collision-check",
             R"({"investor_name":"a","investor_\u006eame":"b"})");
  EXPECT_EQ(r.Code(), "invalid_json");  // the same key written with an escape
}

// --- 6. The smaller findings -----------------------------------------------------------------

TEST(SecurityApi, CapitalInPlaceCannotPassTheInvestmentWithoutACoordinator) {
  TestApp t;
  const int64_t id = ProjectIdByName(*t.app, "动力电池PACK生产线项目");
  Client p(*t.app), coord(*t.app);
  ASSERT_EQ(p.Login("yxpromoter").status, 200);
  ASSERT_EQ(coord.Login("coordinator").status, 200);
  Reply before = coord.Get(ProjectPath(id));
  ASSERT_EQ(before.status, 200);
  const auto& b = before.json.as_object();
  const int64_t cap = b.at("contracted_investment_yuan").is_null()
                          ? b.at("total_investment_yuan").as_int64()
                          : b.at("contracted_investment_yuan").as_int64();
  const int64_t room = cap - b.at("capital_in_place_yuan").as_int64();
  ASSERT_GT(room, 0);
  json::object act{{"kind", "capital"},
                   {"date", "2026-11-18"},
                   {"summary", "资金到位"},
                   {"amount_yuan", room + 1}};
  Reply over = p.Post(ProjectPath(id) + "/activities", act);
  EXPECT_EQ(over.status, 400) << over.body;
  EXPECT_EQ(over.Field("amount_yuan"), "exceeds_investment");
  act["confirm_over_investment"] = true;  // a promoter cannot confirm it
  EXPECT_EQ(p.Post(ProjectPath(id) + "/activities", act).Field("amount_yuan"),
            "exceeds_investment");
  act.erase("confirm_over_investment");
  EXPECT_EQ(coord.Post(ProjectPath(id) + "/activities", act).Field("amount_yuan"),
            "confirm_required");
  EXPECT_EQ(coord.Get(ProjectPath(id)).json.at("capital_in_place_yuan"),
            b.at("capital_in_place_yuan"));  // nothing was added
  act["amount_yuan"] = room;                 // exactly up to the cap is fine
  ASSERT_EQ(p.Post(ProjectPath(id) + "/activities", act).status, 201);
  act["amount_yuan"] = int64_t(1);
  act["confirm_over_investment"] = true;
  Reply confirmed = coord.Post(ProjectPath(id) + "/activities", act);
  ASSERT_EQ(confirmed.status, 201) << confirmed.body;
  EXPECT_EQ(coord.Get(ProjectPath(id)).json.at("capital_in_place_yuan").as_int64(), cap + 1);
  EXPECT_EQ(Count(*t.app,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'project.activity' AND diff LIKE "
                  "'%over_investment_confirmed%'"),
            1);
}

TEST(SecurityApi, TheInvestmentCannotBeLoweredBelowTheCapitalInPlace) {
  TestApp t;
  const int64_t id = ProjectIdByName(*t.app, "动力电池PACK生产线项目");
  Client p(*t.app);
  ASSERT_EQ(p.Login("yxpromoter").status, 200);
  Reply before = p.Get(ProjectPath(id));
  ASSERT_EQ(before.status, 200) << before.body;
  ASSERT_TRUE(before.json.at("contracted_investment_yuan").is_null());
  const int64_t big = 900'000'000'000'000;
  // Raise the total (a promoter may correct it), book capital up to it, then lower it again.
  Reply raised = p.Patch(ProjectPath(id), json::object{{"total_investment_yuan", big},
                                                       {"version", before.json.at("version")}});
  ASSERT_EQ(raised.status, 200) << raised.body;
  ASSERT_EQ(p.Post(ProjectPath(id) + "/activities",
                   json::object{
                       {"kind", "capital"},
                       {"date", "2026-11-18"},
                       {"summary", "资金到位"},
                       {"amount_yuan", big - raised.json.at("capital_in_place_yuan").as_int64()}})
                .status,
            201);
  Reply now = p.Get(ProjectPath(id));
  Reply lowered = p.Patch(ProjectPath(id), json::object{{"total_investment_yuan", 1'000'000},
                                                        {"fixed_investment_yuan", 1000},
                                                        {"version", now.json.at("version")}});
  EXPECT_EQ(lowered.status, 400) << lowered.body;
  EXPECT_EQ(lowered.Field("total_investment_yuan"), "below_capital_in_place");
  EXPECT_EQ(p.Get(ProjectPath(id)).json.at("total_investment_yuan").as_int64(), big);
}

TEST(SecurityApi, PanelMembersMustBeAbleToVote) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("coordinator").status, 200);
  for (const char* login : {"promoter", "trainer", "sysadmin", "auditadmin"}) {
    json::object panel{
        {"name", "临时专班"},
        {"members", json::array{json::object{{"user_id", UserIdByLogin(*t.app, login)},
                                             {"category", "academic"}}}}};
    Reply r = c.Post("/api/v1/review/panels", panel);
    EXPECT_EQ(r.status, 400) << login << r.body;
    EXPECT_EQ(r.Field("members"), "not_eligible") << login;
  }
  json::object ok{{"name", "临时专班"},
                  {"members", json::array{json::object{{"user_id", UserIdByLogin(*t.app, "expert")},
                                                       {"category", "academic"}}}}};
  EXPECT_EQ(c.Post("/api/v1/review/panels", ok).status, 201);
}

TEST(SecurityApi, HstsOnlyWithSecureCookies) {
  Config cfg;
  cfg.secure_cookie = true;
  http::Response r;
  AddSecurityHeaders(r, cfg.secure_cookie);
  auto has_hsts = [](const http::Response& x) {
    for (const auto& [k, v] : x.headers)
      if (k == "Strict-Transport-Security") return v.find("max-age=") != std::string::npos;
    return false;
  };
  EXPECT_TRUE(has_hsts(r));
  http::Response plain;
  AddSecurityHeaders(plain, false);  // plain HTTP on a LAN: HSTS would lock browsers out
  EXPECT_FALSE(has_hsts(plain));
}

TEST(SecurityApi, MediaTypesAreComparedCaseInsensitively) {
  TestApp t;
  Client c(*t.app);
  Reply r = c.Call("POST", "/api/v1/auth/login", R"({"login":"leader","password":"Demo@2026"})",
                   "Application/JSON; Charset=UTF-8");
  EXPECT_EQ(r.status, 200) << r.body;
  r = c.Call("POST", "/api/v1/auth/login", R"({"login":"leader","password":"Demo@2026"})",
             "application/jsonx");
  EXPECT_EQ(r.status, 415);
  r = c.Call("POST", "/api/v1/auth/login", R"({"login":"leader","password":"Demo@2026"})",
             "application/j son");
  EXPECT_EQ(r.status, 415);
}

TEST(SecurityApi, PasswordsAreNeverAlteredAndA405NamesTheMethods) {
  TestApp t;
  Client c(*t.app);
  Reply r = c.Post("/api/v1/auth/login",
                   json::object{{"login", "leader"}, {"password", "Demo@2026\u200b"}});
  EXPECT_EQ(r.status, 400) << r.body;  // not quietly "Demo@2026"
  EXPECT_EQ(r.Field("password"), "invalid_value");
  Reply m = c.Get("/api/v1/auth/login");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.Header("Allow"), "POST");
}

}  // namespace
}  // namespace zhaoshang::testing
