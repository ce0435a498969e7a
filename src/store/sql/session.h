// The store's seam between its SQL (written once, in sql_*.cpp) and a database: a session runs
// statements with `$n` parameters and hands back rows, keeps a read snapshot, and says the few
// words in which SQLite and PostgreSQL differ. Two drivers implement it: sqlite_session.cpp and
// pg_session.cpp.
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace faultline::store::sql {

// One value of a parameter or of a result cell. A driver gives back what the database has: SQLite
// its typed values, PostgreSQL text; the readers of Row convert.
using Value = std::variant<std::monostate, std::string, int64_t, double>;

// Parameters $1, $2, … in order; a missing value is NULL.
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
    values_.emplace_back(static_cast<int64_t>(v));
    return *this;
  }
  Params& add(double v) {
    values_.emplace_back(v);
    return *this;
  }
  Params& null() {
    values_.emplace_back(std::monostate{});
    return *this;
  }
  // Empty text is NULL: the store keeps "unknown" as NULL, as the JSON contract does.
  Params& text_or_null(std::string_view v) { return v.empty() ? null() : add(v); }
  template <typename T>
  Params& add(const std::optional<T>& v) {
    return v ? add(*v) : null();
  }
  Params& append(const Params& more) {
    values_.insert(values_.end(), more.values_.begin(), more.values_.end());
    return *this;
  }
  // The next parameter's placeholder ("$3") after adding `v`.
  template <typename T>
  std::string param(const T& v) {
    add(v);
    return "$" + std::to_string(values_.size());
  }
  // "$n, $n+1, …" for each of `values`, added.
  std::string list(const std::vector<std::string>& values);
  const std::vector<Value>& values() const { return values_; }
  int size() const { return static_cast<int>(values_.size()); }

 private:
  std::vector<Value> values_;
};

// A result row's cells, read by column (from 0). NULL reads as "" or 0.
class Row {
 public:
  explicit Row(const Value* cells) : cells_(cells) {}
  bool is_null(int col) const { return std::holds_alternative<std::monostate>(cells_[col]); }
  std::string text(int col) const;
  int64_t int64(int col) const;
  double real(int col) const;
  std::optional<int64_t> optional_int64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int64_t>(int64(col));
  }

 private:
  const Value* cells_;
};

// Rows read whole, columns × rows cells.
class Result {
 public:
  Result() = default;
  Result(int columns, std::vector<Value> cells) : columns_(columns), cells_(std::move(cells)) {}
  int rows() const { return columns_ ? static_cast<int>(cells_.size()) / columns_ : 0; }
  Row row(int i) const { return Row(cells_.data() + static_cast<std::size_t>(i) * columns_); }
  // Shortcuts for the first row (there must be one).
  std::string text(int row_index, int col) const { return row(row_index).text(col); }
  int64_t int64(int row_index, int col) const { return row(row_index).int64(col); }

 private:
  int columns_ = 0;
  std::vector<Value> cells_;
};

// Rows gathered for one INSERT statement's table and sent as the driver sends many rows fastest.
class BulkInsert {
 public:
  virtual ~BulkInsert() = default;
  // Starts a row: add exactly as many values as the insert has columns.
  virtual Params& row() = 0;
  // Sends the rows gathered, if any.
  virtual void flush() = 0;
};

// Whether a statement is kept prepared for the next run (fixed SQL text on a hot path) or
// prepared for this run only (text assembled from a query's filters, which seldom repeats).
enum class Prepare { cached, once };

class Session {
 public:
  virtual ~Session() = default;

  // Runs one statement and returns its rows.
  virtual Result query(std::string_view sql, const Params& p = Params(), Prepare prepare = Prepare::cached) = 0;
  // Streams the rows of a query, `rows` at a time, never holding the whole result. Other
  // statements may run inside `batch`. Must run inside read().
  virtual void for_each_batch(std::string_view sql, const Params& p, const std::function<void(const Result&)>& batch,
                              int rows = 2000) = 0;
  // Runs `reads` in one consistent read-only snapshot of the database.
  virtual void read(const std::function<void()>& reads) = 0;

  // Runs `work` as one write transaction, again while it fails because of a concurrent writer
  // (a serialization failure, a deadlock), up to a limit.
  virtual void transaction(const std::function<void()>& work) = 0;
  // Throws what transaction() takes for a concurrent writer's conflict (and so runs the work again).
  [[noreturn]] virtual void conflict(const std::string& what) = 0;
  // Takes the lock `key` of kind `kind` until the transaction ends, waiting for it (try_lock:
  // false when another session holds it). SQLite's write transaction already excludes every other
  // writer: there they do nothing.
  virtual void lock(int32_t kind, int32_t key) = 0;
  virtual bool try_lock(int32_t kind, int32_t key) = 0;
  // `head` ("INSERT INTO t (a, b)") with `columns` values per row and `tail` after the values
  // (ON CONFLICT…, RETURNING…): `on_result` sees the rows returned, in the order the rows were
  // added.
  virtual std::unique_ptr<BulkInsert> bulk_insert(std::string head, int columns, std::string tail = "",
                                                  std::function<void(const Result&)> on_result = nullptr) = 0;
  // Refreshes the query planner's statistics after a bulk change (quick, sampled; a failure only
  // costs speed).
  virtual void analyze() = 0;

  // Dialect words.
  // An expression for a new value of meta.graph_stale: any text but "0" (PostgreSQL numbers each
  // change, so that a rebuild that read an older number leaves the mark).
  virtual std::string_view new_stale_mark() const = 0;
  // The full-text terms stored with a report (PostgreSQL's tsvector literal), or nullopt where the
  // database indexes the evidence itself (SQLite's FTS5 table, filled at recomputation).
  virtual std::optional<std::string> fts_terms(std::string_view text) const = 0;
  // After SELECT … of a row about to change: locks it against concurrent writers where needed.
  virtual std::string_view for_update() const = 0;
  // What marking a dirty block that is already marked does (after "ON CONFLICT (type,
  // block_year) "): PostgreSQL counts a new generation, so that a recomputation that read the
  // block before leaves the mark; SQLite's writers wait for each other, so nothing.
  virtual std::string_view remark_dirty() const = 0;
  // After an ascending sort key: unknown (NULL) first, as SQLite sorts by default.
  virtual std::string_view nulls_first() const = 0;
  // LIMIT for "no limit" (before an OFFSET).
  virtual std::string_view no_limit() const = 0;
  // A parameter value holding a set of integer ids, and the condition `expr` is one of them
  // (`param` is the value's placeholder).
  virtual std::string id_set(const std::vector<int64_t>& ids) const = 0;
  virtual std::string in_id_set(std::string_view expr, std::string_view param) const = 0;
  // The same for a set of texts.
  virtual std::string text_set(const std::vector<std::string>& values) const = 0;
  virtual std::string in_text_set(std::string_view expr, std::string_view param) const = 0;
  // The words of a text search as a query value; "" when no word can match.
  virtual std::string text_query(std::string_view words) const = 0;
  // A subquery of the ids of the reports whose evidence matches the query in `param`.
  virtual std::string reports_matching(std::string_view param) const = 0;
  // The texts of `expr` over a group's rows joined by `separator` (SQL expressions); the length
  // of a text in bytes.
  virtual std::string concat_agg(std::string_view expr, std::string_view separator) const = 0;
  virtual std::string byte_length(std::string_view expr) const = 0;
};

}  // namespace faultline::store::sql
