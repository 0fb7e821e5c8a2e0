#include "zhaoshang/db/settings.hpp"

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::db {

std::optional<std::string> GetSetting(Connection& c, const std::string& key) {
  auto rs = c.Query("SELECT value FROM settings WHERE key = ?", {key});
  if (rs.empty()) return std::nullopt;
  return rs[0].Text(0);
}

void PutSetting(Connection& c, const std::string& key, const std::string& value) {
  c.Execute(
      "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
      "excluded.value",
      {key, value});
}

void BumpSetting(Connection& c, const std::string& key) {
  c.Execute(
      "INSERT INTO settings(key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = "
      "CAST(CAST(settings.value AS BIGINT) + 1 AS TEXT)",
      {key});
}

void Ping(Connection& c) { c.Query("SELECT 1"); }

}  // namespace zhaoshang::db
