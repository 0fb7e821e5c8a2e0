// Units, users, roles: validation, separation of duties, data scope, concurrency, audit.
#include "support/test_env.hpp"
#include "zhaoshang/app/demo.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

json::object NewUser(const std::string& login, int64_t unit,
                     const std::string& pw = "Anqing#2026") {
  return {{"login", login}, {"name", "测试用户"}, {"unit_id", unit}, {"password", pw}};
}

TEST(UsersApi, SysadminCreatesUserWithoutRolesSecadminGrantsThem) {
  TestApp t;
  Client sys(*t.app), sec(*t.app);
  sys.Login("sysadmin");
  sec.Login("secadmin");
  Reply r = sys.Post("/api/v1/users", NewUser("wangfang", UnitIdByCode(*t.app, "AQ-YX-TC")));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(r.json.at("roles").as_array().empty());
  std::string path = "/api/v1/users/" + std::to_string(r.json.at("id").as_int64()) + "/roles";
  EXPECT_EQ(sys.Put(path, json::object{{"roles", json::array{"promoter"}}, {"version", 1}}).status,
            403);
  Reply g =
      sec.Put(path, json::object{{"roles", json::array{"promoter", "reviewer"}}, {"version", 1}});
  ASSERT_EQ(g.status, 200) << g.body;
  EXPECT_EQ(g.json.at("roles").as_array().size(), 2u);
  Client u(*t.app);
  Reply me = u.Login("wangfang", "Anqing#2026");
  ASSERT_EQ(me.status, 200);
  auto perms = me.json.at("user").at("permissions").as_array();
  EXPECT_NE(std::find(perms.begin(), perms.end(), json::value("workbench.view")), perms.end());
}

TEST(UsersApi, CreateValidatesEveryField) {
  TestApp t;
  Client sys(*t.app);
  sys.Login("sysadmin");
  int64_t unit = UnitIdByCode(*t.app, "AQ");
  EXPECT_EQ(sys.Post("/api/v1/users", NewUser("x", unit)).Field("login"), "invalid_value");
  EXPECT_EQ(sys.Post("/api/v1/users", NewUser("张三", unit)).Field("login"), "invalid_value");
  EXPECT_EQ(sys.Post("/api/v1/users", NewUser("okname", 999999)).Field("unit_id"), "not_found");
  Reply weak = sys.Post("/api/v1/users", NewUser("okname", unit, "okname2026!"));
  EXPECT_EQ(weak.Code(), "weak_password");
  EXPECT_EQ(weak.Field("password"), "contains_login");
  Reply dup = sys.Post("/api/v1/users", NewUser("Promoter", unit));
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.Field("login"), "already_exists");
}

TEST(UsersApi, OneAccountHoldsAtMostOneAdminRole) {
  TestApp t;
  Client sec(*t.app);
  sec.Login("secadmin");
  int64_t id = UserIdByLogin(*t.app, "coordinator");
  std::string path = "/api/v1/users/" + std::to_string(id) + "/roles";
  Reply two =
      sec.Put(path, json::object{{"roles", json::array{"sysadmin", "auditadmin"}}, {"version", 1}});
  EXPECT_EQ(two.status, 400);
  EXPECT_EQ(two.Code(), "role_conflict");
  Reply mixed = sec.Put(
      path, json::object{{"roles", json::array{"coordinator", "sysadmin"}}, {"version", 1}});
  EXPECT_EQ(mixed.Code(), "role_conflict");
  Reply self =
      sec.Put("/api/v1/users/" + std::to_string(UserIdByLogin(*t.app, "secadmin")) + "/roles",
              json::object{{"roles", json::array{"coordinator"}}, {"version", 1}});
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(t.app->org().GetUser(id)->roles, std::vector<std::string>{"coordinator"});
}

TEST(UsersApi, StaleVersionGets409AndKeepsTheData) {
  TestApp t;
  Client a(*t.app), b(*t.app);
  a.Login("sysadmin");
  b.Login("sysadmin");
  int64_t id = UserIdByLogin(*t.app, "trainer");
  std::string path = "/api/v1/users/" + std::to_string(id);
  EXPECT_EQ(a.Patch(path, json::object{{"name", "孙老师"}, {"version", 1}}).status, 200);
  Reply stale = b.Patch(path, json::object{{"name", "孙丽丽"}, {"version", 1}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.Code(), "version_conflict");
  EXPECT_EQ(t.app->org().GetUser(id)->name, "孙老师");
}

TEST(UsersApi, UnitsCreateAndRenameWithVersion) {
  TestApp t;
  Client sys(*t.app);
  sys.Login("sysadmin");
  Reply r = sys.Post("/api/v1/org/units", json::object{{"parent_id", UnitIdByCode(*t.app, "AQ-YJ")},
                                                       {"name", "迎江区商务局"},
                                                       {"kind", "bureau"}});
  ASSERT_EQ(r.status, 201) << r.body;
  std::string path = "/api/v1/org/units/" + std::to_string(r.json.at("id").as_int64());
  EXPECT_EQ(
      sys.Patch(path, json::object{{"name", "迎江区商务和投资促进局"}, {"version", 1}}).status,
      200);
  EXPECT_EQ(sys.Patch(path, json::object{{"name", "x"}, {"version", 1}}).Code(),
            "version_conflict");
  EXPECT_EQ(sys.Patch(path, json::object{{"kind", "castle"}, {"version", 2}}).Field("kind"),
            "invalid_value");
  EXPECT_EQ(sys.Post("/api/v1/org/units",
                     json::object{{"parent_id", 99999}, {"name", "x"}, {"kind", "park"}})
                .Field("parent_id"),
            "not_found");
}

TEST(UsersApi, ListFollowsTheCallersScope) {
  TestApp t;
  // A district leader sees the district subtree only; the coordinator sees everyone.
  Client sys(*t.app), sec(*t.app);
  sys.Login("sysadmin");
  sec.Login("secadmin");
  int64_t district = UnitIdByCode(*t.app, "AQ-DG");
  int64_t park = UnitIdByCode(*t.app, "AQ-DG-YQ");
  Reply boss = sys.Post("/api/v1/users", NewUser("dgleader", district));
  Reply staff = sys.Post("/api/v1/users", NewUser("dgstaff", park));
  ASSERT_EQ(staff.status, 201);
  ASSERT_EQ(sec.Put("/api/v1/users/" + std::to_string(boss.json.at("id").as_int64()) + "/roles",
                    json::object{{"roles", json::array{"leader"}}, {"version", 1}})
                .status,
            200);
  Client leader(*t.app);
  ASSERT_EQ(leader.Login("dgleader", "Anqing#2026").status, 200);
  // An account the administrator created chooses its own password first.
  ASSERT_EQ(leader
                .Post("/api/v1/auth/password", json::object{{"old_password", "Anqing#2026"},
                                                            {"new_password", "Mine#2026dg"}})
                .status,
            204);
  Reply seen = leader.Get("/api/v1/users?page_size=200");
  ASSERT_EQ(seen.status, 200);
  std::set<std::string> logins;
  for (const auto& u : seen.json.at("items").as_array())
    logins.insert(std::string(u.at("login").as_string()));
  std::set<std::string> expected{"dgleader", "dgstaff"};
  for (const auto& a : DemoAccounts())
    if (a.unit_code.rfind("AQ-DG", 0) == 0) expected.insert(a.login);  // demo staff of 大观区
  EXPECT_EQ(logins, expected);
  EXPECT_EQ(seen.json.at("total").as_int64(), static_cast<int64_t>(expected.size()));
  Client coord(*t.app);
  coord.Login("coordinator");
  EXPECT_EQ(coord.Get("/api/v1/users?page_size=200").json.at("total").as_int64(),
            static_cast<int64_t>(DemoAccounts().size() + 2));
  Client promoter(*t.app);
  promoter.Login("promoter");
  EXPECT_EQ(promoter.Get("/api/v1/users").status, 403);
}

TEST(UsersApi, ListFiltersAndPages) {
  TestApp t;
  Client sys(*t.app);
  sys.Login("sysadmin");
  Reply p = sys.Get("/api/v1/users?page=2&page_size=5");
  ASSERT_EQ(p.status, 200);
  EXPECT_EQ(p.json.at("items").as_array().size(), 5u);
  EXPECT_EQ(p.json.at("total").as_int64(), static_cast<int64_t>(DemoAccounts().size()));
  Reply q = sys.Get("/api/v1/users?q=%E5%BC%A0");  // 张
  ASSERT_EQ(q.json.at("total").as_int64(), 1);
  EXPECT_EQ(q.json.at("items").at(0).at("login").as_string(), "promoter");
  EXPECT_EQ(sys.Get("/api/v1/users?page=0").Field("page"), "invalid_value");
  EXPECT_EQ(sys.Get("/api/v1/users?page_size=1000").Field("page_size"), "invalid_value");
  EXPECT_EQ(sys.Get("/api/v1/users?active=maybe").Field("active"), "invalid_value");
}

TEST(UsersApi, ResetPasswordUnlocksAndEndsSessions) {
  TestApp t;
  FailLogins(t, "collaborator", 5);
  Client u(*t.app);
  ASSERT_EQ(u.Login("collaborator").status, 423);
  Client sys(*t.app);
  sys.Login("sysadmin");
  std::string path =
      "/api/v1/users/" + std::to_string(UserIdByLogin(*t.app, "collaborator")) + "/password";
  EXPECT_EQ(sys.Post(path, json::object{{"password", "weak"}}).Code(), "weak_password");
  EXPECT_EQ(sys.Post(path, json::object{{"password", "Reset#2026"}}).status, 204);
  Reply in = u.Login("collaborator", "Reset#2026");
  EXPECT_EQ(in.status, 200);
  EXPECT_TRUE(in.json.at("user").at("must_change_password").as_bool());
}

TEST(AuditApi, WritesAreAuditedWithDiffAndTheChainVerifies) {
  TestApp t;
  Client bad(*t.app, "203.0.113.5");
  bad.Login("promoter", "Wrong@2026");
  Client sys(*t.app);
  sys.Login("sysadmin");
  int64_t id = UserIdByLogin(*t.app, "trainer");
  sys.Patch("/api/v1/users/" + std::to_string(id),
            json::object{{"name", "孙老师"}, {"version", 1}});
  Client aud(*t.app);
  aud.Login("auditadmin");
  Reply failed = aud.Get("/api/v1/audit?action=auth.login_failed");
  ASSERT_EQ(failed.status, 200) << failed.body;
  ASSERT_EQ(failed.json.at("total").as_int64(), 1);
  EXPECT_EQ(failed.json.at("items").at(0).at("source").as_string(), "203.0.113.5");
  EXPECT_EQ(failed.json.at("items").at(0).at("actor_login").as_string(), "promoter");
  Reply upd = aud.Get("/api/v1/audit?action=user.update&actor=sysadmin");
  ASSERT_EQ(upd.json.at("total").as_int64(), 1);
  const auto& row = upd.json.at("items").at(0);
  EXPECT_EQ(row.at("object_id").as_string(), std::to_string(id));
  EXPECT_EQ(row.at("diff").at("name").at("from").as_string(), "孙丽");
  EXPECT_EQ(row.at("diff").at("name").at("to").as_string(), "孙老师");
  EXPECT_EQ(row.at("unit_name").as_string(), "安庆市投资促进局");
  EXPECT_FALSE(row.at("request_id").as_string().empty());
  EXPECT_EQ(aud.Get("/api/v1/audit?action=user.create").json.at("total").as_int64(),
            static_cast<int64_t>(DemoAccounts().size()));
  Reply unanchored = aud.Get("/api/v1/audit/verify");  // rows, but no checkpoint yet
  EXPECT_FALSE(unanchored.json.at("ok").as_bool());
  t.AnchorAudit();  // what the server does at start and every minute
  Reply v = aud.Get("/api/v1/audit/verify");
  EXPECT_TRUE(v.json.at("ok").as_bool()) << v.body;
  EXPECT_GE(v.json.at("checked").as_int64(), 40);
  // Tamper directly in the database: verify names the row.
  {
    auto c = t.app->db().Acquire();
    DropAuditGuards(*c);
    c->Execute("UPDATE audit_log SET source = '203.0.113.6' WHERE action = 'auth.login_failed'",
               {});
  }
  Reply broken = aud.Get("/api/v1/audit/verify");
  EXPECT_FALSE(broken.json.at("ok").as_bool());
  EXPECT_EQ(broken.json.at("first_broken_id").as_int64(),
            failed.json.at("items").at(0).at("id").as_int64());
}

TEST(AuditApi, NoRouteChangesOrDeletesAuditRows) {
  TestApp t;
  for (const auto& r : t.app->router().routes())
    if (r.pattern.rfind("/api/v1/audit", 0) == 0) EXPECT_EQ(r.method, "GET") << r.pattern;
}

TEST(AuditApi, FailedWritesLeaveNoAuditRow) {
  TestApp t;
  Client sys(*t.app);
  sys.Login("sysadmin");
  auto count = [&] {
    auto c = t.app->db().Acquire();
    return c->QueryInt("SELECT COUNT(*) FROM audit_log", {}).value();
  };
  int64_t before = count();
  sys.Post("/api/v1/users", NewUser("promoter", UnitIdByCode(*t.app, "AQ")));  // 409
  EXPECT_EQ(count(), before);
}

}  // namespace
}  // namespace zhaoshang::testing
