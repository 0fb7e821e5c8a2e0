// Login, lockout, rate limit, sessions, CSRF — through App::Handle, on both engines.
#include <atomic>
#include <thread>

#include "support/test_env.hpp"

namespace zhaoshang::testing {
namespace {
namespace json = boost::json;

TEST(AuthApi, LoginReturnsUserPermissionsAndSetsAStrictCookie) {
  TestApp t;
  Client c(*t.app);
  Reply r = c.Login("Promoter ");  // case and spaces are normalised
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json.at("user").at("login").as_string(), "promoter");
  EXPECT_EQ(r.json.at("user").at("unit_name").as_string(), "驻上海招商组");
  std::string cookie = r.Header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // not configured
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 200);
}

TEST(AuthApi, SecureCookieWhenConfigured) {
  Config cfg;
  cfg.secure_cookie = true;
  TestApp t(true, cfg);
  Client c(*t.app);
  const std::string cookie = c.Login("promoter").Header("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  // The __Host- prefix: only over HTTPS, this host, Path=/ — no subdomain can plant it.
  EXPECT_EQ(cookie.rfind("__Host-zs_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 200);  // and it is the cookie the server reads
  Client plain(*t.app);
  plain.set_cookie(c.cookie());  // the same token under the plain name is not a session
  EXPECT_EQ(plain.Get("/api/v1/auth/me").status, 401);
}

TEST(AuthApi, RecentLoginsAreTheCallersOwnNewestFirstWithTheirOutcome) {
  TestApp t;
  FailLogins(t, "promoter", 2, "198.51.100.7");
  Client other(*t.app, "192.0.2.1");
  ASSERT_EQ(other.Login("receiver").status, 200);  // someone else's login: not shown
  Client c(*t.app, "192.0.2.44");
  ASSERT_EQ(c.Login("promoter").status, 200);
  Reply r = c.Get("/api/v1/auth/logins");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& items = r.json.at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << r.body;
  EXPECT_EQ(items[0].at("result").as_string(), "ok");
  EXPECT_EQ(items[0].at("remote").as_string(), "192.0.2.44");
  EXPECT_EQ(items[1].at("result").as_string(), "failed");
  EXPECT_EQ(items[1].at("remote").as_string(), "198.51.100.7");
  EXPECT_GE(items[0].at("at").as_int64(), items[1].at("at").as_int64());
  // At most the last ten.
  FailLogins(t, "promoter", 4, "198.51.100.8");
  FailLogins(t, "promoter", 4, "198.51.100.9");
  FailLogins(t, "promoter", 4, "198.51.100.10");
  EXPECT_EQ(c.Get("/api/v1/auth/logins").json.at("items").as_array().size(), 10u);
  EXPECT_EQ(Client(*t.app).Get("/api/v1/auth/logins").status, 401);
}

TEST(AuthApi, MetaServesTheSessionLimitsForTheIdleWarning) {
  Config cfg;
  cfg.session_idle_minutes = 17;
  cfg.session_absolute_hours = 5;
  TestApp t(true, cfg);
  Reply meta = Client(*t.app).Get("/api/v1/meta");
  ASSERT_EQ(meta.status, 200);
  EXPECT_EQ(meta.json.at("session").at("idle_minutes").as_int64(), 17);
  EXPECT_EQ(meta.json.at("session").at("absolute_hours").as_int64(), 5);
}

// The unread-count poll of an open tab is no sign of the person: marked as a background request
// it reads as usual but does not restart the 30-minute idle clock.
TEST(AuthApi, ABackgroundPollDoesNotKeepAnIdleSessionAlive) {
  TestApp t;
  Client person(*t.app), tab(*t.app);
  ASSERT_EQ(person.Login("promoter").status, 200);
  ASSERT_EQ(tab.Login("promoter").status, 200);
  tab.set_header("x-background", "1");
  constexpr int64_t kMinute = 60'000;
  t.clock.Advance(20 * kMinute);
  EXPECT_EQ(person.Get("/api/v1/notifications/unread-count").status, 200);  // activity
  EXPECT_EQ(tab.Get("/api/v1/notifications/unread-count").status, 200);     // a poll
  t.clock.Advance(11 * kMinute);  // 31 minutes after logging in
  EXPECT_EQ(person.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(tab.Get("/api/v1/notifications/unread-count").status, 401);
}

TEST(AuthApi, WrongPasswordAndUnknownLoginLookTheSame) {
  TestApp t;
  Client c(*t.app);
  Reply a = c.Login("promoter", "Wrong@2026");
  Reply b = c.Login("nobody", "Wrong@2026");
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.Code(), "invalid_credentials");
  EXPECT_EQ(b.status, 401);
  EXPECT_EQ(b.Code(), "invalid_credentials");
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
}

TEST(AuthApi, FiveFailuresFromOneAddressLockThatAddressFor15MinutesOnly) {
  TestApp t;
  FailLogins(t, "secadmin", 5, "203.0.113.9");  // an attacker knows the login, not the password
  const int64_t locked_at = t.clock.NowMs() - int64_t{10} * 1000;
  Client attacker(*t.app, "203.0.113.9");
  Reply locked = attacker.Login("secadmin");  // even the right password
  EXPECT_EQ(locked.status, 423);
  EXPECT_EQ(locked.Code(), "account_locked");
  EXPECT_EQ(locked.Field("locked_until"), std::to_string(locked_at + int64_t{15} * 60 * 1000));
  EXPECT_EQ(locked.Header("Retry-After"), std::to_string(15 * 60 - 10));
  Client real(*t.app, "10.0.0.8");  // the security administrator at their own desk
  EXPECT_EQ(real.Login("secadmin").status, 200);
  t.clock.Advance(int64_t{15} * 60 * 1000 - int64_t{10} * 1000 - 1);
  EXPECT_EQ(attacker.Login("secadmin").status, 423);
  t.clock.Advance(1);
  EXPECT_EQ(attacker.Login("secadmin").status, 200);
}

TEST(AuthApi, FailuresBeyondTheSecondDelayTheNextTryProgressively) {
  TestApp t;
  Client c(*t.app, "198.51.100.4");
  EXPECT_EQ(c.Login("trainer", "Wrong@2026").status, 401);
  EXPECT_EQ(c.Login("trainer", "Wrong@2026").status, 401);
  EXPECT_EQ(c.Login("trainer", "Wrong@2026").status, 401);  // third: the next waits 1 s
  Reply wait = c.Login("trainer");
  EXPECT_EQ(wait.status, 429);
  EXPECT_EQ(wait.Code(), "rate_limited");
  EXPECT_EQ(wait.Header("Retry-After"), "1");
  t.clock.Advance(1000);
  EXPECT_EQ(c.Login("trainer", "Wrong@2026").status, 401);  // fourth: the next waits 2 s
  t.clock.Advance(1000);
  EXPECT_EQ(c.Login("trainer").Header("Retry-After"), "1");
  t.clock.Advance(1000);
  EXPECT_EQ(c.Login("trainer").status, 200);
}

TEST(AuthApi, TheAccountCeilingLocksTheAccountFromEveryAddress) {
  Config cfg;
  cfg.lockout_account_failures = 8;
  TestApp t(true, cfg);
  FailLogins(t, "auditadmin", 4, "203.0.113.1");
  FailLogins(t, "auditadmin", 4, "203.0.113.2");  // 8 in all, no single address locked
  Reply r = Client(*t.app, "10.0.0.3").Login("auditadmin");
  EXPECT_EQ(r.status, 423);
  EXPECT_EQ(r.Code(), "account_locked");
  // An administrator locked out is an audit event of its own, for the security administrator.
  Client aud(*t.app, "10.0.0.4");
  t.clock.Advance(int64_t{15} * 60 * 1000);
  ASSERT_EQ(aud.Login("auditadmin").status, 200);
  Reply ev = aud.Get("/api/v1/audit?action=auth.admin_locked");
  ASSERT_EQ(ev.status, 200) << ev.body;
  EXPECT_EQ(ev.json.at("total").as_int64(), 1);
}

// The security administrator hears of an administrator locked out in the inbox, sent in the
// transaction of the failure that locked it: once per lock, by the account ceiling or one address;
// a business account locked out is no such event.
TEST(AuthApi, TheSecurityAdministratorIsToldInTheInboxWhenAnAdministratorIsLockedOut) {
  Config cfg;
  cfg.lockout_account_failures = 8;
  TestApp t(true, cfg);
  Client sec(*t.app, "10.0.0.5");
  ASSERT_EQ(sec.Login("secadmin").status, 200);
  const auto unread = [&] {
    Reply r = sec.Get("/api/v1/notifications/unread-count");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.json.at("unread").as_int64() : -1;
  };
  const int64_t before = unread();
  FailLogins(t, "trainer", 5, "203.0.113.7");  // a business account: not an administrator
  EXPECT_EQ(unread(), before);
  FailLogins(t, "auditadmin", 4, "203.0.113.1");
  FailLogins(t, "auditadmin", 3, "203.0.113.2");
  EXPECT_EQ(unread(), before);                    // not locked yet
  FailLogins(t, "auditadmin", 1, "203.0.113.2");  // the 8th: the account ceiling
  EXPECT_EQ(unread(), before + 1);
  EXPECT_EQ(Client(*t.app, "10.0.0.3").Login("auditadmin").status, 423);  // no second notice
  FailLogins(t, "sysadmin", 5, "203.0.113.9");                            // one address locked out
  EXPECT_EQ(unread(), before + 2);
  Reply list = sec.Get("/api/v1/notifications?unread=true");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto& items = list.json.at("items").as_array();
  ASSERT_GE(items.size(), 2u) << list.body;
  const auto& sys = items[0].as_object();  // newest first
  EXPECT_EQ(sys.at("kind").as_string(), "admin_locked");
  EXPECT_EQ(sys.at("object_type").as_string(), "user");
  EXPECT_EQ(sys.at("object_id").as_int64(), UserIdByLogin(*t.app, "sysadmin"));
  EXPECT_EQ(sys.at("detail").at("scope").as_string(), "source");
  const auto& aud = items[1].as_object();
  EXPECT_EQ(aud.at("kind").as_string(), "admin_locked");
  EXPECT_EQ(aud.at("object_id").as_int64(), UserIdByLogin(*t.app, "auditadmin"));
  EXPECT_EQ(aud.at("detail").at("scope").as_string(), "account");
  EXPECT_NE(std::string(aud.at("title").as_string()).find("auditadmin"), std::string::npos);
  // Only the security administrators are told: the other administrators have no inbox at all.
  Client sys_admin(*t.app, "10.0.0.6");
  ASSERT_EQ(sys_admin.Login("sysadmin").status, 200);
  EXPECT_EQ(sys_admin.Get("/api/v1/notifications/unread-count").status, 403);
  auto c = t.app->db().Acquire();
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM notifications WHERE kind = 'admin_locked'", {}), 2);
  // A security event is not posted to a unit's group chat.
  EXPECT_EQ(c->QueryInt("SELECT COUNT(*) FROM deliveries WHERE kind = 'admin_locked'", {}), 0);
}

TEST(AuthApi, ConcurrentFailuresFromOneAddressAllCountAndNoneFails) {
  TestApp t;
  std::vector<std::thread> threads;
  std::atomic<int> unexpected{0};
  threads.reserve(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      Reply r = Client(*t.app, "198.51.100.77").Login("reviewer", "Wrong@2026");
      if (r.status != 401) ++unexpected;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(unexpected.load(), 0);
  auto c = t.app->db().Acquire();
  EXPECT_EQ(
      c->QueryInt("SELECT failed_count FROM login_failures WHERE source = '198.51.100.77'", {}), 4);
  EXPECT_EQ(c->QueryInt("SELECT failed_count FROM users WHERE login = 'reviewer'", {}), 4);
}

TEST(AuthApi, SuccessResetsTheFailureCount) {
  TestApp t;
  FailLogins(t, "trainer", 4);
  ASSERT_EQ(Client(*t.app).Login("trainer").status, 200);
  FailLogins(t, "trainer", 4);  // would lock at the fifth if the count had not restarted
  EXPECT_EQ(Client(*t.app).Login("trainer").status, 200);
}

TEST(AuthApi, LoginRateLimitPerAddress) {
  Config cfg;
  cfg.login_rate_per_minute = 3;
  TestApp t(true, cfg);
  Client c(*t.app, "192.0.2.7");
  for (int i = 0; i < 3; ++i) EXPECT_NE(c.Login("nobody", "x").status, 429);
  Reply r = c.Login("promoter");
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.Code(), "rate_limited");
  EXPECT_EQ(r.Header("Retry-After"), "60");
  Client other(*t.app, "192.0.2.8");
  EXPECT_EQ(other.Login("promoter").status, 200);
  t.clock.Advance(int64_t{60} * 1000);
  EXPECT_EQ(c.Login("promoter").status, 200);
}

TEST(AuthApi, SessionIdleTimeoutIs30Minutes) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("leader").status, 200);
  t.clock.Advance(int64_t{29} * 60 * 1000);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 200);  // activity slides the idle window
  t.clock.Advance(int64_t{29} * 60 * 1000);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 200);
  t.clock.Advance(int64_t{30} * 60 * 1000 + 1);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
}

TEST(AuthApi, SessionAbsoluteTimeoutIs12HoursEvenWhenActive) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("leader").status, 200);
  for (int i = 0; i < 35; ++i) {  // 35 × 20 min = 11 h 40 min, always active
    t.clock.Advance(int64_t{20} * 60 * 1000);
    ASSERT_EQ(c.Get("/api/v1/auth/me").status, 200) << i;
  }
  t.clock.Advance(int64_t{21} * 60 * 1000);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 401);
}

TEST(AuthApi, LoggingInAgainEndsThePresentedSession) {
  TestApp t;
  Client c(*t.app);
  ASSERT_EQ(c.Login("leader").status, 200);
  const std::string first = c.cookie();
  ASSERT_EQ(c.Login("leader").status, 200);  // the browser sends its current cookie along
  EXPECT_NE(c.cookie(), first);
  Client replay(*t.app);
  replay.set_cookie(first);
  EXPECT_EQ(replay.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(c.Get("/api/v1/auth/me").status, 200);
}

TEST(AuthApi, EveryLoginGetsANewSessionAndLogoutEndsIt) {
  TestApp t;
  Client a(*t.app), b(*t.app);
  a.Login("coordinator");
  b.Login("coordinator");
  EXPECT_NE(a.cookie(), b.cookie());
  std::string old = a.cookie();
  EXPECT_EQ(a.Call("POST", "/api/v1/auth/logout").status, 204);
  Client replay(*t.app);
  replay.set_cookie(old);
  EXPECT_EQ(replay.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(b.Get("/api/v1/auth/me").status, 200);  // other sessions live on
}

TEST(AuthApi, StateChangingRequestsNeedTheCsrfToken) {
  TestApp t;
  Client c(*t.app);
  c.Login("sysadmin");
  json::object unit{
      {"parent_id", UnitIdByCode(*t.app, "AQ")}, {"name", "新单位"}, {"kind", "department"}};
  c.set_csrf("");
  Reply r = c.Post("/api/v1/org/units", unit);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.Code(), "csrf_failed");
  c.set_csrf(std::string(32, 'a'));
  EXPECT_EQ(c.Post("/api/v1/org/units", unit).Code(), "csrf_failed");
  EXPECT_EQ(c.Get("/api/v1/org/units").status, 200);  // reads need no token
  EXPECT_EQ(t.app->org().ListUnits().size(), 26u);    // nothing was created
}

TEST(AuthApi, DisabledAccountCannotLogInAndLosesItsSessions) {
  TestApp t;
  Client user(*t.app), admin(*t.app);
  ASSERT_EQ(user.Login("reviewer").status, 200);
  admin.Login("sysadmin");
  int64_t id = UserIdByLogin(*t.app, "reviewer");
  Reply r = admin.Patch("/api/v1/users/" + std::to_string(id),
                        json::object{{"active", false}, {"version", 1}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(user.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(user.Login("reviewer").Code(), "account_disabled");
}

TEST(AuthApi, ChangeOwnPassword) {
  TestApp t;
  Client c(*t.app);
  c.Login("promoter");
  Reply weak = c.Post("/api/v1/auth/password",
                      json::object{{"old_password", "Demo@2026"}, {"new_password", "short"}});
  EXPECT_EQ(weak.Code(), "weak_password");
  Reply wrong = c.Post("/api/v1/auth/password",
                       json::object{{"old_password", "nope"}, {"new_password", "Anqing#2027"}});
  EXPECT_EQ(wrong.Field("old_password"), "invalid_value");
  EXPECT_EQ(c.Post("/api/v1/auth/password",
                   json::object{{"old_password", "Demo@2026"}, {"new_password", "Anqing#2027"}})
                .status,
            204);
  Client again(*t.app);
  EXPECT_EQ(again.Login("promoter").status, 401);
  EXPECT_EQ(again.Login("promoter", "Anqing#2027").status, 200);
}

}  // namespace
}  // namespace zhaoshang::testing
