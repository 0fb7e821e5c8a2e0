#pragma once
// A thin RAII layer over sqlite3 and libpq. SQL is written once with `?` placeholders;
// the PostgreSQL connection rewrites them to $n. Dialect differences live in dialect.cpp.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace zhaoshang::db {

enum class Dialect { kSqlite, kPostgres };

// Bytes stored as a BLOB (SQLite) / BYTEA (PostgreSQL); read back as a string cell.
struct Blob {
  std::string bytes;
};
using Param = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;
using Params = std::vector<Param>;
// A nullable column's value: NULL when absent.
inline Param Nullable(const std::optional<int64_t>& v) { return v ? Param(*v) : Param(nullptr); }
using Cell = std::variant<std::monostate, int64_t, double, std::string>;

// Database failures abort the request (500). Constraint violations are flagged so a
// service can turn a race it lost into a 409 instead.
class DbError : public std::runtime_error {
 public:
  DbError(const std::string& what, bool unique_violation = false)
      : std::runtime_error(what), unique_violation_(unique_violation) {}
  bool unique_violation() const { return unique_violation_; }

 private:
  bool unique_violation_;
};

class Row {
 public:
  explicit Row(const std::vector<Cell>* cells) : cells_(cells) {}
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>((*cells_)[i]); }
  int64_t Int(size_t i) const;
  double Double(size_t i) const;
  std::string Text(size_t i) const;
  std::optional<int64_t> OptInt(size_t i) const {
    return IsNull(i) ? std::nullopt : std::optional<int64_t>(Int(i));
  }
  std::optional<std::string> OptText(size_t i) const {
    return IsNull(i) ? std::nullopt : std::optional<std::string>(Text(i));
  }
  size_t size() const { return cells_->size(); }

 private:
  const std::vector<Cell>* cells_;
};

struct ResultSet {
  std::vector<std::vector<Cell>> rows;
  size_t size() const { return rows.size(); }
  bool empty() const { return rows.empty(); }
  Row operator[](size_t i) const { return Row(&rows[i]); }
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Several statements, no parameters (migrations, pragmas).
  virtual void ExecScript(const std::string& sql) = 0;
  virtual ResultSet Query(std::string_view sql, const Params& params) = 0;
  // Returns the number of rows changed.
  virtual int64_t Execute(std::string_view sql, const Params& params) = 0;
  // write=true takes the write lock up front (SQLite BEGIN IMMEDIATE) to avoid upgrade deadlocks.
  virtual void Begin(bool write) = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;

  ResultSet Query(std::string_view sql) { return Query(sql, {}); }
  std::optional<int64_t> QueryInt(std::string_view sql, const Params& params);

  int depth = 0;  // open Transactions on this connection; inner ones are savepoints
};

class Database;

// A connection borrowed from the pool, returned on destruction.
class Lease {
 public:
  Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), conn_(std::move(c)) {}
  Lease(Lease&& o) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection* operator->() const { return conn_.get(); }
  Connection& operator*() const { return *conn_; }

 private:
  Database* db_;
  std::unique_ptr<Connection> conn_;
};

class Database {
 public:
  // url: "sqlite:PATH" (":memory:" not supported: each pooled connection would see its own db)
  // or "postgresql://…" / "postgres://…".
  static std::unique_ptr<Database> Open(const std::string& url, int pool_size);
  ~Database();

  Lease Acquire();
  // Runs fn in a write transaction shared with the writers that queue up while one group is
  // committing (group commit: one fsync for the group). Each fn runs in its own savepoint, so
  // one that throws is rolled back alone and its exception rethrown to its caller; a
  // Transaction inside fn nests as a savepoint. The caller passes the connection it holds (not
  // inside a transaction); the caller that leads a group runs everyone's fn on its own one, so
  // a group never waits for the pool.
  void WriteGrouped(Connection& own, const std::function<void(Connection&)>& fn);
  Dialect dialect() const { return dialect_; }
  const std::string& url() const { return url_; }

 private:
  friend class Lease;
  Database(std::string url, Dialect d, int pool_size);
  std::unique_ptr<Connection> Connect();
  void Release(std::unique_ptr<Connection> c);

  std::string url_;
  Dialect dialect_;
  int pool_size_;
  int open_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;

  struct GroupJob {
    const std::function<void(Connection&)>* fn;
    std::exception_ptr error;
    bool done = false;
  };
  static void RunGroup(Connection& c, const std::vector<GroupJob*>& jobs);
  std::mutex group_mu_;
  std::condition_variable group_cv_;
  std::vector<GroupJob*> queued_;
  bool leading_ = false;
};

// Rolls back unless Commit() was called.
// Nested inside another one on the same connection it is a savepoint.
class Transaction {
 public:
  Transaction(Connection& c, bool write);
  ~Transaction();
  void Commit();

 private:
  Connection& c_;
  int level_;  // 0: the real transaction
  bool done_ = false;
};

std::unique_ptr<Connection> OpenSqlite(const std::string& path);
std::unique_ptr<Connection> OpenPostgres(const std::string& url);

// Multi-row INSERT in batches: head = "INSERT INTO t(a, b) VALUES "; every row has the same
// number of parameters. Few round trips for bulk loads on PostgreSQL, few statements on SQLite.
void InsertRows(Connection& c, const std::string& head, const std::vector<Params>& rows,
                size_t batch = 100, const std::string& tail = "");

// The second column by the first (an id) of `select` ("SELECT id, name FROM t") for `ids`,
// `id_column` naming the id in the WHERE clause: the names the audit log shows for its objects.
std::map<int64_t, std::string> NamesById(Connection& c, const std::string& select,
                                         const std::string& id_column,
                                         const std::set<int64_t>& ids);

// "column contains ?" (no LIKE wildcards to escape): instr() on SQLite, strpos() on PostgreSQL.
std::string Contains(Dialect d, const std::string& column);
// "?,?,?" for an IN list, appending the ids to p ("NULL" for none: matches nothing).
std::string InList(const std::set<int64_t>& ids, Params& p);

// Dialect-specific DDL tokens, expanded in migrations: {{pk}}; and sections that only one
// engine runs, opened by a line "-- @sqlite" or "-- @postgres" and closed by "-- @all".
std::string ExpandDialect(const std::string& sql, Dialect d);

}  // namespace zhaoshang::db
