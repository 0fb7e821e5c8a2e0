#include <set>

#include "zhaoshang/db/migrations.hpp"

namespace zhaoshang::db {

std::vector<std::string> Migrate(Database& db, int64_t now_ms) {
  Lease c = db.Acquire();
  c->ExecScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT "
      "NOT NULL)");
  std::vector<std::string> applied_now;
  Transaction tx(*c, true);
  // Two servers starting together on one PostgreSQL must not both migrate.
  if (db.dialect() == Dialect::kPostgres) c->ExecScript("SELECT pg_advisory_xact_lock(7401)");
  std::set<std::string> done;
  for (auto& r : c->Query("SELECT name FROM schema_migrations").rows)
    done.insert(std::get<std::string>(r[0]));
  for (const auto& m : EmbeddedMigrations()) {
    if (done.count(m.name)) continue;
    c->ExecScript(ExpandDialect(m.sql, db.dialect()));
    c->Execute("INSERT INTO schema_migrations(name, applied_at) VALUES (?, ?)",
               {std::string(m.name), now_ms});
    applied_now.emplace_back(m.name);
  }
  tx.Commit();
  return applied_now;
}

}  // namespace zhaoshang::db
