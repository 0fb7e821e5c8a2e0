// zhaoshang: the command line. Sub-commands only; the work is in src/zhaoshang.
#include <unistd.h>
#include <algorithm>
#include <cstdlib>

#include <termios.h>

#include <malloc.h>
#include <filesystem>

#include <iostream>

#include <sodium.h>
#include <spdlog/async.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <boost/json/serialize.hpp>

#include "zhaoshang/app/app.hpp"
#include "zhaoshang/app/demo.hpp"
#include "zhaoshang/app/gen.hpp"
#include "zhaoshang/app/scheduled_jobs.hpp"
#include "zhaoshang/app/serve.hpp"
#include "zhaoshang/audit/audit_anchor.hpp"
#include "zhaoshang/audit/audit_archive.hpp"
#include "zhaoshang/audit/audit_log.hpp"
#include "zhaoshang/audit/audit_verify.hpp"
#include "zhaoshang/auth/auth_service.hpp"
#include "zhaoshang/db/migrations.hpp"
#include "zhaoshang/http/server.hpp"
#include "zhaoshang/org/org_store.hpp"
#include "zhaoshang/org/roles.hpp"
#include "zhaoshang/pipeline/pipeline_routes.hpp"

using namespace zhaoshang;

namespace {
struct Common {
  std::string config_path;
  std::string db;
};

Config MakeConfig(const Common& c) {
  Config cfg = LoadConfig(c.config_path);
  if (!c.db.empty()) cfg.db = c.db;
  cfg.audit_anchor_file = AnchorFileFor(cfg);
  return cfg;
}

std::unique_ptr<App> OpenApp(const Config& cfg, const Clock& clock) {
  if (cfg.db.rfind("sqlite:", 0) == 0) {
    auto parent = std::filesystem::path(cfg.db.substr(7)).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  auto db = db::Database::Open(cfg.db, cfg.db_pool);
  auto applied = db::Migrate(*db, clock.NowMs());
  for (const auto& m : applied) spdlog::info("applied migration {}", m);
  auto app = std::make_unique<App>(cfg, std::move(db), clock);
  // Upgrading an installation from before the keyed checkpoints: its rows are anchored once.
  if (std::find(applied.begin(), applied.end(), "0006_audit_anchor.sql") != applied.end())
    app->AllowFirstAnchor();
  return app;
}

// After a command-line write: anchor the head (creating the key on a new installation), so
// the server finds an anchored log. A refusal is reported, not fatal: the write is done.
void AnchorAfterWrite(App& app, const Config& cfg, const Clock& clock) {
  bool created = false;
  auto key = audit::LoadOrCreateKey({cfg.audit_key, cfg.audit_key_file}, &created);
  if (!key) {
    std::cerr << "warning: no audit checkpoint: " << key.error().message << "\n";
    return;
  }
  if (created)
    std::cerr << "created a new audit key in " << cfg.audit_key_file
              << " (mode 0600): back it up apart from the database (docs/operations.md)\n";
  auto c = app.db().Acquire();
  auto cp = audit::WriteCheckpoint(*c, {*key, cfg.audit_anchor_file, app.may_anchor_first()},
                                   clock.NowMs());
  if (!cp) std::cerr << "warning: audit checkpoint refused: " << cp.error().message << "\n";
}

std::string ReadPassword(const std::string& prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios noecho = old;
    noecho.c_lflag &= ~ECHO;
    tcsetattr(STDIN_FILENO, TCSANOW, &noecho);
  }
  std::string pw;
  std::getline(std::cin, pw);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  return pw;
}

void PrintDemoAccounts() {
  std::cout << "Demo accounts (password " << kDemoPassword << "):\n";
  for (const auto& a : DemoAccounts())
    std::cout << "  " << a.login << std::string(14 - a.login.size(), ' ') << a.name << "  ("
              << a.role << ")\n";
}
}  // namespace

int main(int argc, char** argv) {
  // Two malloc arenas instead of one per worker thread: the server's memory stays near what it
  // uses (glibc keeps freed memory per arena).
  mallopt(M_ARENA_MAX, 2);
  if (sodium_init() < 0) {
    std::cerr << "libsodium failed to initialise\n";
    return 1;
  }
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  CLI::App cli{"zhaoshang — investment-attraction pipeline platform (招商引资全流程管理平台)"};
  cli.require_subcommand(1);
  cli.fallthrough();  // `zhaoshang serve --db …` works as well as `zhaoshang --db … serve`
  Common common;
  cli.add_option("--config", common.config_path, "TOML configuration file");
  cli.add_option("--db", common.db, "database: sqlite:PATH or postgresql://…  (env ZS_DB)");

  auto* serve = cli.add_subcommand("serve", "run the HTTP server");
  std::string listen, static_dir;
  bool demo = false;
  int64_t body_limit = 0;
  serve->add_option("--listen", listen, "address:port (env ZS_LISTEN, default 127.0.0.1:8080)");
  serve->add_option("--static", static_dir, "built web app folder (default web/dist)");
  serve->add_option("--body-limit", body_limit, "request body limit in bytes (default 1 MiB)");
  serve->add_flag("--demo", demo, "load the demo city on first start (empty database)");

  auto* migrate = cli.add_subcommand("migrate", "apply database migrations and exit");
  auto* demo_cmd = cli.add_subcommand("demo", "load the demo city into an empty database");

  auto* gen = cli.add_subcommand("gen", "write a deterministic synthetic dataset (benchmarks)");
  std::string scale = "city";
  gen->add_option("--scale", scale, "city or province")->check(CLI::IsMember({"city", "province"}));

  auto* user = cli.add_subcommand("user", "manage accounts");
  user->require_subcommand(1);
  auto* ucreate = user->add_subcommand("create", "create an account (asks for the password)");
  std::string u_login, u_name, u_role;
  int64_t u_unit = 0;
  bool u_admin = false;
  ucreate->add_option("--login", u_login, "login name")->required();
  ucreate->add_option("--name", u_name, "display name")->required();
  ucreate->add_option("--unit", u_unit, "org unit id (default: the root unit, created if none)");
  ucreate->add_option("--role", u_role, "role code, e.g. promoter");
  ucreate->add_flag("--admin", u_admin, "make the account the system administrator");
  auto* udisable = user->add_subcommand("disable", "disable an account");
  udisable->add_option("--login", u_login, "login name")->required();
  auto* ureset = user->add_subcommand("reset-password", "set a new password (asks for it)");
  ureset->add_option("--login", u_login, "login name")->required();

  auto* audit_cmd = cli.add_subcommand("audit", "audit trail tools");
  audit_cmd->require_subcommand(1);
  auto* averify = audit_cmd->add_subcommand(
      "verify", "check the SM3 chain, its keyed checkpoints and the anchor file");
  std::string a_archive, a_before, a_out;
  averify->add_option("--archive", a_archive, "check an archive file instead");
  auto* acheckpoint =
      audit_cmd->add_subcommand("checkpoint", "write a keyed checkpoint of the head now");
  auto* aarchive = audit_cmd->add_subcommand(
      "archive", "move audit rows older than the retention period into a file");
  aarchive->add_option("--before", a_before, "archive rows before this day (YYYY-MM-DD, UTC)")
      ->required();
  aarchive->add_option("--out", a_out, "the archive file to write (JSON lines; must not exist)")
      ->required();

  auto* jobs_cmd = cli.add_subcommand("jobs", "background jobs (the server runs them on its own)");
  jobs_cmd->require_subcommand(1);
  auto* jrun = jobs_cmd->add_subcommand(
      "run", "run the jobs that are due now (each slot once across every process)");
  auto* jsweep = jobs_cmd->add_subcommand(
      "sweep", "run the clock sweep now (escalation steps are taken once whoever runs it)");

  auto* rules_cmd = cli.add_subcommand(
      "rules", "print the rule constants the web client reads from GET /api/v1/meta (JSON)");
  bool rules_json = true;
  rules_cmd->add_flag("--json", rules_json, "JSON output (the only format)");

  CLI11_PARSE(cli, argc, argv);

  if (*rules_cmd) {  // no database: the rules are compiled in
    std::cout << boost::json::serialize(PipelineRulesJson()) << "\n";
    return 0;
  }

  try {
    Config cfg = MakeConfig(common);
    std::unique_ptr<Clock> own_clock = std::make_unique<SystemClock>();
    if (!cfg.simulated_clock.empty()) {
      own_clock = ParseScaledClock(cfg.simulated_clock);
      if (!own_clock)
        throw std::runtime_error("ZS_SIMULATED_CLOCK: expected \"YYYY-MM-DDTHH:MM:SSZ xRATE\"");
      spdlog::warn("simulated clock: {} (tests only)", cfg.simulated_clock);
    }
    const Clock& clock = *own_clock;
    if (!listen.empty()) cfg.listen = listen;
    if (!static_dir.empty()) cfg.static_dir = static_dir;
    if (body_limit > 0) cfg.body_limit = body_limit;
    spdlog::set_level(spdlog::level::from_str(cfg.log_level));
    auto app = OpenApp(cfg, clock);
    // Break-glass changes on the command line name the operating-system account in the audit.
    const char* os_user = std::getenv("SUDO_USER") ? std::getenv("SUDO_USER") : std::getenv("USER");
    Actor cli_actor{0, "cli", "", std::string("cli:") + (os_user ? os_user : "?"), "cli"};
    // Whatever a command-line write leaves in the audit log, even when it fails half-way (a root
    // unit created before a refused password), is anchored before the process ends: the server
    // will not anchor rows it did not write itself.
    struct AnchorOnExit {
      App& app;
      const Config& cfg;
      const Clock& clock;
      bool on;
      ~AnchorOnExit() {
        if (on) AnchorAfterWrite(app, cfg, clock);
      }
    } anchor_on_exit{*app, cfg, clock,
                     *demo_cmd || *gen || *ucreate || *udisable || *ureset || *jrun || *jsweep};

    if (*migrate) {
      std::cout << "database is up to date\n";
      return 0;
    }
    if (*demo_cmd) {
      if (!LoadDemo(*app)) {
        std::cerr
            << "the database already has accounts; demo data is only loaded into an empty one\n";
        return 1;
      }
      PrintDemoAccounts();
      return 0;
    }
    if (*gen) {
      Generate(*app, ScaleByName(scale));
      std::cout << "generated the " << scale << " dataset; log in as bench-admin / " << kGenPassword
                << "\n";
      return 0;
    }
    if (*serve) {
      // The console sink flushes every line; a logger thread keeps that off the I/O thread.
      spdlog::init_thread_pool(16384, 1);
      auto logger = std::make_shared<spdlog::async_logger>(
          "zhaoshang", std::make_shared<spdlog::sinks::stdout_color_sink_mt>(),
          spdlog::thread_pool(), spdlog::async_overflow_policy::block);
      logger->set_level(spdlog::get_level());
      spdlog::set_default_logger(logger);
      spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
      bool created = false;
      auto key = audit::LoadOrCreateKey({cfg.audit_key, cfg.audit_key_file}, &created);
      if (!key) throw std::runtime_error(key.error().message);
      if (created)
        spdlog::warn(
            "created a new audit key in {} (mode 0600): back it up apart from the "
            "database (docs/operations.md)",
            cfg.audit_key_file);
      if (demo && LoadDemo(*app)) spdlog::info("loaded the demo city");
      {
        auto c = app->db().Acquire();
        if (org::store::CountUsers(*c) == 0)
          spdlog::warn(
              "no accounts yet: run `zhaoshang demo` for the demo city, or `zhaoshang user create "
              "--admin --login NAME --name 姓名` to create the system administrator");
      }
      app->projects().WarmLedger();
      const std::string owner = jobs::ProcessName();
      jobs::Scheduler scheduler(app->db(), clock, owner);
      RegisterJobs(scheduler, *app, owner);
      http::Server server(ServerOptionsOf(app->config()), SiteOf(*app));
      uint16_t port = server.Listen();
      spdlog::info("zhaoshang {} listening on http://{} (port {}), database {}", ZS_VERSION,
                   cfg.listen, port, cfg.db.rfind("sqlite:", 0) == 0 ? cfg.db : "postgresql");
      if (app->demo()) PrintDemoAccounts();
      if (cfg.scheduler) scheduler.Start(std::chrono::milliseconds(cfg.scheduler_tick_ms));
      server.Run();
      scheduler.Stop();
      spdlog::info("stopped");
      spdlog::shutdown();
      return 0;
    }
    if (*jrun) {
      const std::string owner = jobs::ProcessName();
      jobs::Scheduler scheduler(app->db(), clock, owner);
      RegisterJobs(scheduler, *app, owner);
      auto ran = scheduler.RunDue(clock.NowMs());
      std::cout << (ran.empty() ? "no job was due (or another process ran it)" : "ran:");
      for (const auto& j : ran) std::cout << " " << j;
      std::cout << "\n";
      return 0;
    }
    if (*jsweep) {
      const auto r = app->escalation().Sweep(clock.NowMs());
      std::cout << r.items << " overdue items, " << r.steps << " escalation steps, " << r.agenda
                << " leads on the agenda, " << r.ms << " ms\n";
      return 0;
    }
    if (*ucreate) {
      std::vector<std::string> roles;
      if (u_admin) roles.push_back("sysadmin");
      if (!u_role.empty()) roles.push_back(u_role);
      if (u_unit == 0) {
        auto units = app->org().ListUnits();
        if (units.empty()) {
          auto root = app->org().CreateUnit(cli_actor, {std::nullopt, "本级单位", "city", "ROOT"});
          if (!root) throw std::runtime_error(root.error().message);
          u_unit = root->id;
        } else {
          u_unit = units.front().id;
        }
      }
      std::string pw = ReadPassword("Password for " + u_login + ": ");
      if (isatty(STDIN_FILENO) && ReadPassword("Repeat: ") != pw) {
        std::cerr << "passwords differ\n";
        return 1;
      }
      // An account made for someone else: they choose their own password at the first login.
      // The first administrator is the operator typing their own.
      auto r = app->org().CreateUser(cli_actor, {u_login, u_name, pw, u_unit, roles, !u_admin});
      if (!r) {
        std::cerr << "error: " << r.error().code << ": " << r.error().message;
        for (const auto& [k, v] : r.error().fields) std::cerr << " (" << k << ": " << v << ")";
        std::cerr << "\n";
        return 1;
      }
      std::cout << "created user " << r->login << " (id " << r->id << ")\n";
      return 0;
    }
    if (*udisable || *ureset) {
      std::optional<org::User> u;
      {
        auto c = app->db().Acquire();
        u = org::store::FindUserByLogin(*c, auth::NormalizeLogin(u_login));
      }
      if (!u) {
        std::cerr << "no such user: " << u_login << "\n";
        return 1;
      }
      Status st;
      if (*udisable) {
        auto r =
            app->org().UpdateUser(cli_actor, u->id, {std::nullopt, std::nullopt, false, u->version},
                                  org::Channel::kCommandLine);
        if (!r) st = tl::unexpected(r.error());
      } else {
        st = app->org().ResetPassword(cli_actor, u->id,
                                      ReadPassword("New password for " + u->login + ": "),
                                      org::Channel::kCommandLine);
        if (st) std::cout << u->login << " must choose a new password at the next login\n";
      }
      if (!st) {
        std::cerr << "error: " << st.error().code << ": " << st.error().message << "\n";
        return 1;
      }
      std::cout << "done\n";
      return 0;
    }
    if (*averify) {
      auto c = app->db().Acquire();
      auto key = audit::LoadKey({cfg.audit_key, cfg.audit_key_file});
      auto v = a_archive.empty() ? audit::Verify(*c, key, cfg.audit_anchor_file)
                                 : audit::VerifyArchiveFile(*c, key, a_archive);
      const std::string what = a_archive.empty() ? "audit chain" : "audit archive " + a_archive;
      if (v.ok) {
        std::cout << what << " OK: " << v.checked << " rows";
        if (a_archive.empty())
          std::cout << ", " << v.checkpoints << " keyed checkpoints, " << v.archived
                    << " rows archived before";
        std::cout << "\n";
        return 0;
      }
      std::cout << what << " BROKEN";
      if (v.first_broken_id) std::cout << " at row id " << *v.first_broken_id;
      std::cout << ": " << v.reason << " (" << v.checked << " rows checked)\n";
      return 2;
    }
    if (*acheckpoint || *aarchive) {
      auto key = audit::LoadKey({cfg.audit_key, cfg.audit_key_file});
      if (!key) throw std::runtime_error(key.error().message);
      // An operator holding the key may anchor a log that never was (an older installation).
      audit::Anchoring anchoring{*key, cfg.audit_anchor_file,
                                 *acheckpoint || app->may_anchor_first()};
      auto c = app->db().Acquire();
      if (*acheckpoint) {
        auto cp = audit::WriteCheckpoint(*c, anchoring, clock.NowMs());
        if (!cp) throw std::runtime_error(cp.error().message);
        auto now = audit::NewestCheckpoint(*c);
        if (now)
          std::cout << (*cp ? "wrote" : "unchanged:") << " checkpoint " << now->seq << " at row "
                    << now->last_id << " (" << now->count << " rows)\n";
        else
          std::cout << "the audit log is empty: no checkpoint\n";
        return 0;
      }
      auto before = audit::ParseDateUtc(a_before);
      if (!before) throw std::runtime_error("--before wants a date YYYY-MM-DD");
      auto e = audit::Archive(*c, anchoring, cli_actor, clock.NowMs(), *before, a_out);
      if (!e) {
        std::cerr << e.error().message << "\n";
        return 1;
      }
      std::cout << "archived " << e->count << " audit rows (ids " << e->first_id << "–"
                << e->last_id << ") to " << a_out << "\n";
      return 0;
    }
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
  return 0;
}
