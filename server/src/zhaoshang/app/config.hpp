#pragma once
// Configuration: defaults < TOML file < environment (ZS_*) < command-line flags.
#include <cstdint>
#include <string>

namespace zhaoshang {

struct Config {
  std::string db = "sqlite:var/zhaoshang.db";
  std::string listen = "127.0.0.1:8080";
  std::string static_dir = "web/dist";
  int64_t body_limit = 1 << 20;         // bytes; larger bodies get 413
  int64_t upload_limit = 5 << 20;       // file uploads (…/import/…)
  int64_t attachment_limit = 20 << 20;  // one attachment (POST …/attachments)
  int io_threads = 1;
  int workers = 4;       // bounded pool for database work
  int max_queue = 2048;  // requests waiting for a worker before 503
  int db_pool = 8;
  int header_timeout_s = 10;
  int idle_timeout_s = 60;
  int body_timeout_s = 30;
  bool secure_cookie = false;
  // Reverse proxies (comma-separated addresses) whose X-Forwarded-For names the client: lockout
  // and rate limits then count per client, not per proxy. Empty: the peer is the client.
  std::string trusted_proxies;        // set when served over HTTPS (behind a proxy)
  int lockout_failures = 5;           // per (account, source address)
  int lockout_account_failures = 50;  // per account, from all addresses together
  int lockout_minutes = 15;
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  int login_rate_per_minute = 30;  // per source address
  std::string log_level = "info";
  bool access_log = true;
  // Audit anchoring (docs/operations.md): the key and the anchor file live outside the database.
  std::string audit_key;  // hex, env ZS_AUDIT_KEY only (never in a file next to the config)
  std::string audit_key_file = "var/audit.key";
  std::string audit_anchor_file;         // empty: AnchorFileFor() derives it from the database
  int audit_checkpoint_interval_s = 60;  // 0: only at start and shutdown
  // Background jobs (clock sweep and escalation, the daily digest, robot deliveries): every
  // server process runs the scheduler; each job slot runs once across them (jobs/).
  bool scheduler = true;
  int scheduler_tick_ms = 15000;  // how often a process looks for due jobs
  int robot_timeout_ms = 5000;    // one webhook POST, connection to answer
  // The address staff open the platform at ("https://zs.example.gov.cn"): robot messages link
  // to it. Empty: messages carry no link.
  std::string public_url;
  // Tests only: "2026-05-06T00:00:00Z x2880" runs the server's clock from that instant, 2880×
  // faster (a day in 30 s), for the scheduler's exactly-once test. Env ZS_SIMULATED_CLOCK.
  std::string simulated_clock;
};

// The anchor file belongs to one database: unless one is configured, a SQLite database keeps
// it beside its file ("var/zhaoshang.db" → "var/zhaoshang.db.audit-anchor", so a new database
// never meets an old database's anchor), and a PostgreSQL one is named after its host, port
// and database ("postgresql://zs@db1:5432/zhaoshang" → "var/audit-db1_5432_zhaoshang.anchor").
std::string AnchorFileFor(const Config& c);

// Reads `path` if non-empty (throws on a bad file), then applies ZS_* environment overrides.
Config LoadConfig(const std::string& path);

}  // namespace zhaoshang
