// Thin RAII wrappers over the SQLite C API: a connection, a prepared statement and a transaction.
// Every value reaches SQL through a bound parameter; `exec` is for fixed schema text only.
#pragma once

#include <sqlite3.h>

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace faultline::store::sqlite {

class Error : public std::runtime_error {
 public:
  Error(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

struct CloseConnection {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);

  // Parameters are numbered from 1. Text is copied by SQLite, so temporaries are fine.
  Statement& bind(int i, std::string_view v);
  Statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  Statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  template <std::integral T>
  Statement& bind(int i, T v) {
    return bind_int64(i, static_cast<int64_t>(v));
  }
  Statement& bind(int i, double v);
  Statement& bind_null(int i);
  // Empty text binds NULL: the store keeps "unknown" as NULL, as the JSON contract does.
  Statement& bind_text_or_null(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }
  template <typename T>
  Statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // Advances to the next row: true when a row is ready, false when the statement is done.
  bool step();
  // Runs a statement that returns no rows (or ignores them), then resets it for reuse.
  void run();
  // Makes the statement ready to run again with new parameters.
  void reset();

  bool is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  int column_count() const { return sqlite3_column_count(stmt_.get()); }
  int column_type(int col) const { return sqlite3_column_type(stmt_.get(), col); }
  int64_t int64(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
  double real(int col) const { return sqlite3_column_double(stmt_.get(), col); }
  std::string text(int col) const;  // "" for NULL
  std::optional<int64_t> optional_int64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int64_t>(int64(col));
  }

 private:
  Statement& bind_int64(int i, int64_t v);
  void check(int rc) const;
  sqlite3* db_;
  std::unique_ptr<sqlite3_stmt, FinalizeStatement> stmt_;
};

class Database {
 public:
  // Opens (and with `create`, creates) the database file. Throws Error.
  static Database open(const std::string& path, bool create);

  // Runs fixed SQL text (one or more statements, no parameters).
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_.get(), sql); }
  // A statement prepared once per connection and reused, reset and ready for new parameters
  // (for the hot paths: inserting reports, reading an event's actors).
  Statement& cached(std::string_view sql);
  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
  int changes() const { return sqlite3_changes(db_.get()); }
  // Whether no transaction is open.
  bool autocommit() const { return sqlite3_get_autocommit(db_.get()) != 0; }
  // The first column of the first row of a query without parameters, as an integer.
  int64_t scalar(std::string_view sql);

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  std::unique_ptr<sqlite3, CloseConnection> db_;
  // After db_, so that the statements are finalized before the connection closes.
  std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE on construction (takes the write lock at once, so that two writers queue
// instead of failing half-way); ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool open_ = true;
};

}  // namespace faultline::store::sqlite
