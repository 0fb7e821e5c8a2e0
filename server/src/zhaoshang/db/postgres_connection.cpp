#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "zhaoshang/db/database.hpp"

namespace zhaoshang::db {
namespace {

// `?` → `$n`, skipping quoted literals.
std::string FromByteaHex(const char* v, int n) {
  std::string out;
  if (n < 2 || v[0] != '\\' || v[1] != 'x') return std::string(v, static_cast<size_t>(n));
  auto nibble = [](char ch) { return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10; };
  out.reserve(static_cast<size_t>(n - 2) / 2);
  for (int k = 2; k + 1 < n; k += 2)
    out.push_back(static_cast<char>(nibble(v[k]) << 4 | nibble(v[k + 1])));
  return out;
}

std::string ToDollarParams(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool in_str = false;
  for (char c : sql) {
    if (c == '\'') in_str = !in_str;
    if (c == '?' && !in_str) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw DbError("cannot connect to postgresql: " + msg);
    }
    ExecScript("SET client_min_messages=warning; SET TIME ZONE 'UTC'");
  }
  ~PgConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  void ExecScript(const std::string& sql) override {
    PGresult* r = PQexec(conn_, sql.c_str());
    Check(r);
    PQclear(r);
  }

  ResultSet Query(std::string_view sql, const Params& params) override {
    PGresult* r = Run(sql, params);
    ResultSet rs;
    int nrows = PQntuples(r), ncols = PQnfields(r);
    rs.rows.reserve(nrows);
    for (int i = 0; i < nrows; ++i) {
      std::vector<Cell> row(ncols);
      for (int j = 0; j < ncols; ++j) {
        if (PQgetisnull(r, i, j)) continue;
        const char* v = PQgetvalue(r, i, j);
        switch (PQftype(r, j)) {
          case 20:  // int8
          case 21:  // int2
          case 23:  // int4
            row[j] = static_cast<int64_t>(std::stoll(v));
            break;
          case 16:  // bool
            row[j] = static_cast<int64_t>(v[0] == 't' ? 1 : 0);
            break;
          case 17:  // bytea, in the text format's hex form: \x0a1b…
            row[j] = FromByteaHex(v, PQgetlength(r, i, j));
            break;
          case 700:
          case 701:
          case 1700:
            row[j] = std::stod(v);
            break;
          default:
            row[j] = std::string(v, PQgetlength(r, i, j));
        }
      }
      rs.rows.push_back(std::move(row));
    }
    PQclear(r);
    return rs;
  }

  int64_t Execute(std::string_view sql, const Params& params) override {
    PGresult* r = Run(sql, params);
    const char* n = PQcmdTuples(r);
    int64_t changed = (n && *n) ? std::stoll(n) : 0;
    PQclear(r);
    return changed;
  }

  void Begin(bool) override { ExecScript("BEGIN"); }
  void Commit() override { ExecScript("COMMIT"); }
  void Rollback() override {
    if (PQtransactionStatus(conn_) != PQTRANS_IDLE) ExecScript("ROLLBACK");
  }

 private:
  PGresult* Run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      PGresult* r = PQprepare(conn_, name.c_str(), ToDollarParams(sql).c_str(), 0, nullptr);
      Check(r);
      PQclear(r);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> text(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    // Blobs go in binary format (no escaping); everything else as text.
    std::vector<int> lengths(params.size(), 0), formats(params.size(), 0);
    for (size_t i = 0; i < params.size(); ++i) {
      const Param& p = params[i];
      if (std::holds_alternative<std::nullptr_t>(p)) continue;
      if (auto b = std::get_if<Blob>(&p)) {
        values[i] = b->bytes.data();
        lengths[i] = static_cast<int>(b->bytes.size());
        formats[i] = 1;
        continue;
      }
      if (auto v = std::get_if<int64_t>(&p))
        text[i] = std::to_string(*v);
      else if (auto d = std::get_if<double>(&p))
        text[i] = std::to_string(*d);
      else
        text[i] = std::get<std::string>(p);
      values[i] = text[i].c_str();
    }
    PGresult* r = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()),
                                 values.data(), lengths.data(), formats.data(), 0);
    Check(r);
    return r;
  }

  void Check(PGresult* r) {
    ExecStatusType s = PQresultStatus(r);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return;
    std::string msg = PQresultErrorMessage(r);
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    bool unique = state && std::string(state) == "23505";
    PQclear(r);
    if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_), prepared_.clear();
    throw DbError("postgresql: " + msg, unique);
  }

  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

std::unique_ptr<Connection> OpenPostgres(const std::string& url) {
  return std::make_unique<PgConnection>(url);
}

}  // namespace zhaoshang::db
