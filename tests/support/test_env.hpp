#pragma once
// Shared fixtures for store and API tests. ZS_TEST_DB selects the engine:
//   unset or "sqlite"  → a fresh SQLite file per test
//   "postgresql"       → a fresh schema per test on the server in ZS_TEST_PG_URL;
//                        if that variable is missing the tests FAIL (never skip).
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/core/clock.hpp"
#include "zhaoshang/db/database.hpp"

namespace zhaoshang::testing {

inline constexpr int64_t kT0 = 1'795'000'000'000;  // 2026-11-18, a fixed test "now"

// A database URL for one test, and its cleanup.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  const std::string& url() const { return url_; }
  bool postgres() const { return postgres_; }

 private:
  std::string url_, dir_, schema_, admin_url_;
  bool postgres_ = false;
};

std::string EngineName();

// A directory removed at the end of the test (the audit key and anchor files live outside the
// database, on both engines).
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The audit key TestApp configures (as ZS_AUDIT_KEY would): 32 bytes in hex.
inline constexpr const char* kTestAuditKeyHex =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

// What someone with write access to the database does first: drop the append-only triggers
// of migration 0006 (the tables' owner may).
void DropAuditGuards(db::Connection& c);

// An App on a fresh migrated database, with the demo city loaded, a manual clock and
// the login rate limit off (tests that need it set it).
struct TestApp {
  explicit TestApp(bool demo = true, Config cfg = {});
  // Fails the test when the server wrote an audit action the audit page cannot name (one
  // missing from audit/audit_actions.cpp): every API test checks the actions it caused.
  ~TestApp();
  TestApp(const TestApp&) = delete;
  TestApp& operator=(const TestApp&) = delete;
  // Writes a keyed checkpoint of the audit head, as the server does at start and every minute.
  void AnchorAudit();
  TestDatabase tdb;
  TempDir files;  // audit key file and anchor file
  ManualClock clock{kT0};
  std::unique_ptr<App> app;
};

struct Reply {
  int status = 0;
  boost::json::value json;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string Code() const;                       // error.code or ""
  std::string Field(const std::string& f) const;  // error.fields[f] or ""
  std::string Header(const std::string& name) const;
};

// Calls App::Handle directly, carrying the session cookie and CSRF token like the SPA.
class Client {
 public:
  explicit Client(App& app, std::string remote = "10.0.0.1")
      : app_(app), remote_(std::move(remote)) {}
  Reply Login(const std::string& login, const std::string& password = "Demo@2026");
  Reply Call(const std::string& method, const std::string& target, const std::string& body = "",
             const std::string& content_type = "application/json");
  Reply Get(const std::string& t) { return Call("GET", t); }
  Reply Post(const std::string& t, const boost::json::value& v) {
    return Call("POST", t, boost::json::serialize(v));
  }
  Reply Patch(const std::string& t, const boost::json::value& v) {
    return Call("PATCH", t, boost::json::serialize(v));
  }
  Reply Put(const std::string& t, const boost::json::value& v) {
    return Call("PUT", t, boost::json::serialize(v));
  }
  void set_csrf(std::string c) { csrf_ = std::move(c); }
  // Sent with every later request (lower-case name), e.g. the web's background-poll mark.
  void set_header(const std::string& name, std::string value) { extra_[name] = std::move(value); }
  const std::string& cookie() const { return cookie_; }
  void set_cookie(std::string c) { cookie_ = std::move(c); }

 private:
  App& app_;
  std::string remote_, cookie_, csrf_;
  std::map<std::string, std::string> extra_;
  std::string cookie_name_ = "zs_session";
};

int64_t UnitIdByCode(App& app, const std::string& code);
// n wrong passwords for `login` from one address, 10 s apart (past the progressive delays).
void FailLogins(TestApp& t, const std::string& login, int n,
                const std::string& remote = "10.0.0.1");

int64_t UserIdByLogin(App& app, const std::string& login);
int64_t ProjectIdByName(App& app, const std::string& name);
// The newest project at `stage` the client sees (throws when there is none).
int64_t FirstProject(Client& c, const std::string& stage);
// A complete lead body (industry 3612, 12 亿元, one contact).
boost::json::object NewLead(const std::string& name, const std::string& investor);

}  // namespace zhaoshang::testing
