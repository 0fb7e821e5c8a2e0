#include "support/test_env.hpp"

#include "zhaoshang/audit/audit_actions.hpp"
#include "zhaoshang/audit/audit_anchor.hpp"

#include <cstdlib>
#include <filesystem>

#include "zhaoshang/app/demo.hpp"
#include "zhaoshang/core/random.hpp"
#include "zhaoshang/db/migrations.hpp"
#include "zhaoshang/org/org_store.hpp"

namespace zhaoshang::testing {
namespace json = boost::json;

std::string EngineName() {
  const char* e = std::getenv("ZS_TEST_DB");
  return (e && std::string(e) == "postgresql") ? "postgresql" : "sqlite";
}

TestDatabase::TestDatabase() {
  if (EngineName() == "postgresql") {
    const char* base = std::getenv("ZS_TEST_PG_URL");
    if (!base || !*base)
      throw std::runtime_error(
          "ZS_TEST_DB=postgresql but ZS_TEST_PG_URL is not set: the PostgreSQL tests cannot run");
    postgres_ = true;
    admin_url_ = base;
    schema_ = "zs_t" + RandomHex(6);
    auto c = db::OpenPostgres(admin_url_);
    c->ExecScript("CREATE SCHEMA " + schema_);
    url_ = admin_url_ + (admin_url_.find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  } else {
    dir_ = (std::filesystem::temp_directory_path() / ("zs-test-" + RandomHex(6))).string();
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + dir_ + "/test.db";
  }
}

TestDatabase::~TestDatabase() {
  try {
    if (postgres_) {
      auto c = db::OpenPostgres(admin_url_);
      c->ExecScript("DROP SCHEMA " + schema_ + " CASCADE");
    } else if (!dir_.empty()) {
      std::filesystem::remove_all(dir_);
    }
  } catch (...) {
  }
}

TempDir::TempDir()
    : path_((std::filesystem::temp_directory_path() / ("zs-files-" + RandomHex(6))).string()) {
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void DropAuditGuards(db::Connection& c) {
  if (c.dialect() == db::Dialect::kSqlite) {
    for (const char* t :
         {"audit_log_no_update", "audit_log_retention", "audit_checkpoints_no_update",
          "audit_checkpoints_no_delete", "audit_archives_no_update", "audit_archives_no_delete"})
      c.ExecScript(std::string("DROP TRIGGER IF EXISTS ") + t);
    return;
  }
  for (const char* t :
       {"audit_log_no_update ON audit_log", "audit_log_retention ON audit_log",
        "audit_log_no_truncate ON audit_log", "audit_checkpoints_no_change ON audit_checkpoints",
        "audit_checkpoints_no_truncate ON audit_checkpoints",
        "audit_archives_no_change ON audit_archives",
        "audit_archives_no_truncate ON audit_archives"})
    c.ExecScript(std::string("DROP TRIGGER IF EXISTS ") + t);
}

TestApp::TestApp(bool demo, Config cfg) {
  cfg.db = tdb.url();
  if (cfg.audit_key.empty()) cfg.audit_key = kTestAuditKeyHex;
  cfg.audit_key_file = files.path() + "/audit.key";
  cfg.audit_anchor_file = files.path() + "/audit.anchor";
  cfg.login_rate_per_minute = cfg.login_rate_per_minute == 30 ? 0 : cfg.login_rate_per_minute;
  cfg.access_log = false;
  auto database = db::Database::Open(cfg.db, 4);
  db::Migrate(*database, clock.NowMs());
  app = std::make_unique<App>(cfg, std::move(database), clock);
  if (demo) LoadDemo(*app);
}

TestApp::~TestApp() {
  try {
    auto c = app->db().Acquire();
    auto rs = c->Query("SELECT DISTINCT action FROM audit_log");
    for (size_t i = 0; i < rs.size(); ++i)
      if (!audit::FindAction(rs[i].Text(0)))
        ADD_FAILURE() << "the server wrote the audit action \"" << rs[i].Text(0)
                      << "\", which server/src/zhaoshang/audit/audit_actions.cpp does not list";
  } catch (const std::exception& e) {
    ADD_FAILURE() << "reading the audit actions: " << e.what();
  }
}

void TestApp::AnchorAudit() {
  const Config& cfg = app->config();
  auto key = audit::LoadKey({cfg.audit_key, cfg.audit_key_file});
  if (!key) throw std::runtime_error(key.error().message);
  auto c = app->db().Acquire();
  auto r = audit::WriteCheckpoint(*c, {*key, cfg.audit_anchor_file, app->may_anchor_first()},
                                  clock.NowMs());
  if (!r) throw std::runtime_error(r.error().message);
}

std::string Reply::Code() const {
  if (!json.is_object()) return "";
  auto* e = json.as_object().if_contains("error");
  if (!e || !e->is_object()) return "";
  auto* c = e->as_object().if_contains("code");
  return c && c->is_string() ? std::string(c->as_string()) : "";
}

std::string Reply::Field(const std::string& f) const {
  if (Code().empty()) return "";
  auto& fields = json.at("error").at("fields").as_object();
  auto* v = fields.if_contains(f);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

std::string Reply::Header(const std::string& name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

Reply Client::Call(const std::string& method, const std::string& target, const std::string& body,
                   const std::string& content_type) {
  http::Request req;
  req.method = method;
  req.target = target;
  if (!http::ParseTarget(req))  // the server answers 400 itself: test that over a socket
    throw std::runtime_error("malformed target in a test: " + target);
  req.remote = remote_;
  req.request_id = RandomHex(4);
  req.body = body;
  if (!body.empty() && !content_type.empty()) req.headers["content-type"] = content_type;
  if (!cookie_.empty()) req.headers["cookie"] = cookie_name_ + "=" + cookie_;
  if (!csrf_.empty()) req.headers["x-csrf-token"] = csrf_;
  for (const auto& [k, v] : extra_) req.headers[k] = v;
  http::Response r = app_.Handle(req);
  Reply out;
  out.status = r.status;
  out.body = r.body;
  out.headers = r.headers;
  if (!r.body.empty()) {
    boost::system::error_code ec;
    out.json = json::parse(r.body, ec);
  }
  for (const auto& [k, v] : r.headers) {
    if (k != "Set-Cookie") continue;
    const auto eq = v.find('=');
    cookie_name_ = v.substr(0, eq);  // zs_session, or __Host-zs_session with secure cookies
    cookie_ = v.substr(eq + 1, v.find(';') - eq - 1);
  }
  return out;
}

Reply Client::Login(const std::string& login, const std::string& password) {
  Reply r = Post("/api/v1/auth/login", json::object{{"login", login}, {"password", password}});
  if (r.status == 200) csrf_ = std::string(r.json.at("csrf_token").as_string());
  return r;
}

int64_t UnitIdByCode(App& app, const std::string& code) {
  for (const auto& u : app.org().ListUnits())
    if (u.code == code) return u.id;
  throw std::runtime_error("no unit " + code);
}

void FailLogins(TestApp& t, const std::string& login, int n, const std::string& remote) {
  for (int i = 0; i < n; ++i) {
    Reply r = Client(*t.app, remote).Login(login, "Wrong@2026");
    if (r.Code() != "invalid_credentials")
      throw std::runtime_error("expected a counted failure, got " + r.body);
    t.clock.Advance(int64_t{10} * 1000);
  }
}

int64_t ProjectIdByName(App& app, const std::string& name) {
  auto c = app.db().Acquire();
  auto id = c->QueryInt("SELECT id FROM projects WHERE name = ?", {name});
  if (!id) throw std::runtime_error("no project " + name);
  return *id;
}

boost::json::object NewLead(const std::string& name, const std::string& investor) {
  return boost::json::object{
      {"name", name},
      {"investor_name", investor},
      {"industry_code", "3612"},
      {"total_investment_yuan", int64_t(1'200'000'000)},
      {"fixed_investment_yuan", int64_t(900'000'000)},
      {"land_mu_x100", 15000},
      {"source_channel", "resident_team"},
      {"contacts", boost::json::array{boost::json::object{
                       {"name", "周明"}, {"phone", "13912345678"}, {"title", "副总裁"}}}}};
}

int64_t UserIdByLogin(App& app, const std::string& login) {
  auto c = app.db().Acquire();
  auto u = org::store::FindUserByLogin(*c, login);
  if (!u) throw std::runtime_error("no user " + login);
  return u->id;
}

int64_t FirstProject(Client& c, const std::string& stage) {
  Reply r = c.Get("/api/v1/projects?page_size=1&stage=" + stage);
  EXPECT_EQ(r.status, 200) << r.body;
  const auto& items = r.json.at("items").as_array();
  if (items.empty()) throw std::runtime_error("no " + stage + " project");
  return items.front().at("id").as_int64();
}

}  // namespace zhaoshang::testing
