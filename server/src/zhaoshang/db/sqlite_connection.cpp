#include <sqlite3.h>

#include <string>
#include <unordered_map>

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::db {
namespace {

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw DbError("cannot open sqlite database " + path + ": " + msg);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 10000);
    ExecScript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8192;");
  }
  ~SqliteConnection() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  void ExecScript(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw DbError("sqlite: " + msg);
    }
  }

  ResultSet Query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = Prepare(sql, params);
    ResultSet rs;
    for (;;) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) Throw(st, rc);
      int n = sqlite3_column_count(st);
      std::vector<Cell> row(n);
      for (int i = 0; i < n; ++i) {
        switch (sqlite3_column_type(st, i)) {
          case SQLITE_INTEGER:
            row[i] = static_cast<int64_t>(sqlite3_column_int64(st, i));
            break;
          case SQLITE_FLOAT:
            row[i] = sqlite3_column_double(st, i);
            break;
          case SQLITE_NULL:
            break;
          case SQLITE_BLOB: {
            auto p = static_cast<const char*>(sqlite3_column_blob(st, i));
            const int n = sqlite3_column_bytes(st, i);
            row[i] = n > 0 ? std::string(p, static_cast<size_t>(n)) : std::string();
            break;
          }
          default: {
            auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
            row[i] = std::string(p, sqlite3_column_bytes(st, i));
          }
        }
      }
      rs.rows.push_back(std::move(row));
    }
    sqlite3_reset(st);
    return rs;
  }

  int64_t Execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* st = Prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) Throw(st, rc);
    sqlite3_reset(st);
    return sqlite3_changes(db_);
  }

  void Begin(bool write) override { ExecScript(write ? "BEGIN IMMEDIATE" : "BEGIN"); }
  void Commit() override { ExecScript("COMMIT"); }
  void Rollback() override {
    if (!sqlite3_get_autocommit(db_)) ExecScript("ROLLBACK");
  }

 private:
  sqlite3_stmt* Prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    sqlite3_stmt* st = nullptr;
    auto it = cache_.find(key);
    if (it != cache_.end()) {
      st = it->second;
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    } else {
      if (sqlite3_prepare_v3(db_, key.c_str(), static_cast<int>(key.size()),
                             SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
        throw DbError(std::string("sqlite prepare: ") + sqlite3_errmsg(db_) + " in: " + key);
      cache_.emplace(std::move(key), st);
    }
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const Param& p = params[i];
      if (std::holds_alternative<std::nullptr_t>(p)) {
        sqlite3_bind_null(st, idx);
      } else if (auto v = std::get_if<int64_t>(&p)) {
        sqlite3_bind_int64(st, idx, *v);
      } else if (auto d = std::get_if<double>(&p)) {
        sqlite3_bind_double(st, idx, *d);
      } else if (auto b = std::get_if<Blob>(&p)) {
        sqlite3_bind_blob64(st, idx, b->bytes.data(), b->bytes.size(), SQLITE_TRANSIENT);
      } else {
        const auto& s = std::get<std::string>(p);
        sqlite3_bind_text(st, idx, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
      }
    }
    return st;
  }

  [[noreturn]] void Throw(sqlite3_stmt* st, int rc) {
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(st);
    bool unique = rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY;
    throw DbError("sqlite: " + msg, unique);
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace

std::unique_ptr<Connection> OpenSqlite(const std::string& path) {
  return std::make_unique<SqliteConnection>(path);
}

}  // namespace zhaoshang::db
