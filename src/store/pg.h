// Thin RAII wrappers over libpq, PostgreSQL's C client: a connection, a result, parameters and a
// transaction. Every value reaches SQL as a bound parameter (text format); `exec` without
// parameters is for fixed schema text only.
#pragma once

#include <libpq-fe.h>

#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faultline::store::pg {

class Error : public std::runtime_error {
 public:
  Error(const std::string& what, std::string sqlstate) : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
  // The SQLSTATE code ("40P01"…), empty when the error did not come from the server.
  const std::string& sqlstate() const { return sqlstate_; }
  // Whether running the transaction again may succeed: a serialization failure, a deadlock, or a
  // concurrent writer's change (a row gone from under a foreign key, a key taken meanwhile).
  bool retryable() const;

 private:
  std::string sqlstate_;
};

struct FinishConnection {
  void operator()(PGconn* c) const { PQfinish(c); }
};
struct ClearResult {
  void operator()(PGresult* r) const { PQclear(r); }
};

// Parameters $1, $2, … in text format; a missing value is NULL.
class Params {
 public:
  Params& add(std::string_view v) {
    values_.emplace_back(std::string(v));
    return *this;
  }
  Params& add(const char* v) { return add(std::string_view(v)); }
  Params& add(const std::string& v) { return add(std::string_view(v)); }
  template <std::integral T>
  Params& add(T v) {
    values_.emplace_back(std::to_string(v));
    return *this;
  }
  Params& add(double v);  // shortest text that reads back as the same double
  Params& null() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  // Empty text is NULL: the store keeps "unknown" as NULL, as the JSON contract does.
  Params& text_or_null(std::string_view v) { return v.empty() ? null() : add(v); }
  template <typename T>
  Params& add(const std::optional<T>& v) {
    return v ? add(*v) : null();
  }
  int size() const { return static_cast<int>(values_.size()); }
  // Pointers for libpq, valid while this object lives unchanged.
  std::vector<const char*> pointers() const;

 private:
  std::vector<std::optional<std::string>> values_;
};

class Result {
 public:
  explicit Result(PGresult* r) : r_(r) {}
  int rows() const { return PQntuples(r_.get()); }
  int columns() const { return PQnfields(r_.get()); }
  bool is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string text(int row, int col) const;  // "" for NULL
  int64_t int64(int row, int col) const;     // 0 for NULL
  double real(int row, int col) const;       // 0 for NULL
  std::optional<int64_t> optional_int64(int row, int col) const {
    return is_null(row, col) ? std::nullopt : std::optional<int64_t>(int64(row, col));
  }

 private:
  std::unique_ptr<PGresult, ClearResult> r_;
};

// One row of a result, read like a SQLite statement's current row.
class Row {
 public:
  Row(const Result& r, int row) : r_(r), row_(row) {}
  bool is_null(int col) const { return r_.is_null(row_, col); }
  std::string text(int col) const { return r_.text(row_, col); }
  int64_t int64(int col) const { return r_.int64(row_, col); }
  double real(int col) const { return r_.real(row_, col); }
  std::optional<int64_t> optional_int64(int col) const { return r_.optional_int64(row_, col); }

 private:
  const Result& r_;
  int row_;
};

class Connection {
 public:
  // Connects to a postgresql:// (or postgres://) URL. Throws Error naming the server (never the
  // password) and libpq's reason.
  static Connection open(const std::string& url);

  // Runs fixed SQL text (one or more statements, no parameters).
  Result exec(std::string_view sql);
  // Runs one statement with parameters.
  Result exec(std::string_view sql, const Params& p);
  // Runs one statement prepared once per connection (named after the SQL text) and reused: for
  // the hot paths.
  Result cached(const std::string& sql, const Params& p);
  // Runs `copy` ("COPY t (a, b) FROM STDIN") with `data`, rows in COPY's text format.
  void copy_in(std::string_view copy, std::string_view data);
  // The first column of the first row as an integer (0 when there is no row).
  int64_t scalar(std::string_view sql, const Params& p = Params());

  const std::string& display() const { return display_; }
  // A name for a cursor, unique on this connection.
  std::string next_cursor_name() { return "faultline_cursor_" + std::to_string(++cursors_); }

 private:
  Connection(PGconn* c, std::string display) : c_(c), display_(std::move(display)) {}
  Result check(PGresult* r, std::string_view sql) const;
  std::unique_ptr<PGconn, FinishConnection> c_;
  std::string display_;                                    // the URL without its password, for messages
  std::unordered_map<std::string, std::string> prepared_;  // SQL text → statement name
  int cursors_ = 0;
};

// The URL with any password replaced by "***", for messages.
std::string redact(const std::string& url);

// BEGIN on construction, ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& c, std::string_view begin = "BEGIN");
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Connection& c_;
  bool open_ = true;
};

// Streams the rows of a query through a cursor, `batch` rows at a time, so that a large result is
// never held whole in memory. Must run inside a transaction; other statements may run between
// rows.
void for_each_row(Connection& c, std::string_view sql, const Params& p, const std::function<void(const Row&)>& row,
                  int batch = 2000);

// Like for_each_row, a batch (one FETCH) at a time: for callers that look up details of many rows
// at once.
void for_each_batch(Connection& c, std::string_view sql, const Params& p,
                    const std::function<void(const Result&)>& batch, int rows = 2000);

// Runs `attempt` (which opens and commits its own Transaction) again while it fails with a
// retryable error, up to a limit; then the error propagates.
void with_retry(const std::function<void()>& attempt);

// Takes a transaction-scoped advisory lock (released at commit or rollback). `space` tells the
// kinds of lock apart; `key` is the lock within its kind.
void lock(Connection& c, int32_t space, int32_t key);

}  // namespace faultline::store::pg
