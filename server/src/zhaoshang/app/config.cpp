#include "zhaoshang/app/config.hpp"

#include <cctype>

#include <cstdlib>
#include <stdexcept>

#include <toml++/toml.h>

namespace zhaoshang {
namespace {
void Env(const char* name, std::string& v) {
  if (const char* e = std::getenv(name)) v = e;
}
template <typename T>
void EnvNum(const char* name, T& v) {
  if (const char* e = std::getenv(name)) {
    try {
      v = static_cast<T>(std::stoll(e));
    } catch (...) {
      throw std::runtime_error(std::string("environment variable ") + name + " is not a number");
    }
  }
}
void EnvBool(const char* name, bool& v) {
  if (const char* e = std::getenv(name)) v = std::string(e) == "1" || std::string(e) == "true";
}
}  // namespace

std::string AnchorFileFor(const Config& c) {
  if (!c.audit_anchor_file.empty()) return c.audit_anchor_file;
  if (c.db.rfind("sqlite:", 0) == 0) return c.db.substr(7) + ".audit-anchor";
  // PostgreSQL: one file per server and database, named after them (never the credentials).
  std::string where = c.db.substr(c.db.find("://") == std::string::npos ? 0 : c.db.find("://") + 3);
  where = where.substr(where.find('@') == std::string::npos ? 0 : where.find('@') + 1);
  where = where.substr(0, where.find('?'));
  for (char& ch : where)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '.') ch = '_';
  return "var/audit-" + where + ".anchor";
}

Config LoadConfig(const std::string& path) {
  Config c;
  if (!path.empty()) {
    toml::table t;
    try {
      t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
      throw std::runtime_error("config " + path + ": " + std::string(e.description()));
    }
    c.db = t["db"].value_or(c.db);
    c.listen = t["listen"].value_or(c.listen);
    c.static_dir = t["static_dir"].value_or(c.static_dir);
    c.body_limit = t["body_limit"].value_or(c.body_limit);
    c.upload_limit = t["upload_limit"].value_or(c.upload_limit);
    c.attachment_limit = t["attachment_limit"].value_or(c.attachment_limit);
    c.io_threads = t["io_threads"].value_or(c.io_threads);
    c.workers = t["workers"].value_or(c.workers);
    c.max_queue = t["max_queue"].value_or(c.max_queue);
    c.db_pool = t["db_pool"].value_or(c.db_pool);
    c.header_timeout_s = t["header_timeout_s"].value_or(c.header_timeout_s);
    c.idle_timeout_s = t["idle_timeout_s"].value_or(c.idle_timeout_s);
    c.body_timeout_s = t["body_timeout_s"].value_or(c.body_timeout_s);
    c.secure_cookie = t["secure_cookie"].value_or(c.secure_cookie);
    c.trusted_proxies = t["trusted_proxies"].value_or(c.trusted_proxies);
    c.lockout_failures = t["auth"]["lockout_failures"].value_or(c.lockout_failures);
    c.lockout_minutes = t["auth"]["lockout_minutes"].value_or(c.lockout_minutes);
    c.lockout_account_failures =
        t["auth"]["lockout_account_failures"].value_or(c.lockout_account_failures);
    c.session_idle_minutes = t["auth"]["session_idle_minutes"].value_or(c.session_idle_minutes);
    c.session_absolute_hours =
        t["auth"]["session_absolute_hours"].value_or(c.session_absolute_hours);
    c.login_rate_per_minute = t["auth"]["login_rate_per_minute"].value_or(c.login_rate_per_minute);
    c.log_level = t["log_level"].value_or(c.log_level);
    c.access_log = t["access_log"].value_or(c.access_log);
    c.audit_key_file = t["audit_key_file"].value_or(c.audit_key_file);
    c.audit_anchor_file = t["audit_anchor_file"].value_or(c.audit_anchor_file);
    c.audit_checkpoint_interval_s =
        t["audit_checkpoint_interval_s"].value_or(c.audit_checkpoint_interval_s);
    c.scheduler = t["scheduler"]["enabled"].value_or(c.scheduler);
    c.scheduler_tick_ms = t["scheduler"]["tick_ms"].value_or(c.scheduler_tick_ms);
    c.robot_timeout_ms = t["scheduler"]["robot_timeout_ms"].value_or(c.robot_timeout_ms);
    c.public_url = t["public_url"].value_or(c.public_url);
  }
  Env("ZS_DB", c.db);
  Env("ZS_LISTEN", c.listen);
  Env("ZS_STATIC_DIR", c.static_dir);
  EnvNum("ZS_BODY_LIMIT", c.body_limit);
  EnvNum("ZS_UPLOAD_LIMIT", c.upload_limit);
  EnvNum("ZS_ATTACHMENT_LIMIT", c.attachment_limit);
  EnvNum("ZS_IO_THREADS", c.io_threads);
  EnvNum("ZS_WORKERS", c.workers);
  EnvNum("ZS_DB_POOL", c.db_pool);
  EnvBool("ZS_SECURE_COOKIE", c.secure_cookie);
  Env("ZS_TRUSTED_PROXIES", c.trusted_proxies);
  EnvNum("ZS_LOCKOUT_FAILURES", c.lockout_failures);
  EnvNum("ZS_LOCKOUT_MINUTES", c.lockout_minutes);
  EnvNum("ZS_LOCKOUT_ACCOUNT_FAILURES", c.lockout_account_failures);
  EnvNum("ZS_LOGIN_RATE_PER_MINUTE", c.login_rate_per_minute);
  Env("ZS_LOG_LEVEL", c.log_level);
  EnvBool("ZS_ACCESS_LOG", c.access_log);
  Env("ZS_AUDIT_KEY", c.audit_key);
  Env("ZS_AUDIT_KEY_FILE", c.audit_key_file);
  Env("ZS_AUDIT_ANCHOR_FILE", c.audit_anchor_file);
  EnvNum("ZS_AUDIT_CHECKPOINT_INTERVAL_S", c.audit_checkpoint_interval_s);
  EnvBool("ZS_SCHEDULER", c.scheduler);
  EnvNum("ZS_SCHEDULER_TICK_MS", c.scheduler_tick_ms);
  EnvNum("ZS_ROBOT_TIMEOUT_MS", c.robot_timeout_ms);
  Env("ZS_PUBLIC_URL", c.public_url);
  Env("ZS_SIMULATED_CLOCK", c.simulated_clock);
  return c;
}

}  // namespace zhaoshang
