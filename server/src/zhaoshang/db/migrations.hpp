#pragma once
#include <string>
#include <vector>

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::db {

struct EmbeddedMigration {
  const char* name;  // "0001_create_org.sql"
  const char* sql;
};
const std::vector<EmbeddedMigration>& EmbeddedMigrations();  // generated at build time

// Applies pending migrations in name order, each in its own transaction, recorded in
// schema_migrations. Returns the names applied now.
std::vector<std::string> Migrate(Database& db, int64_t now_ms);

}  // namespace zhaoshang::db
