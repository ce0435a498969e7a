// The SQLite driver of the store's session: statements cached per connection, values as SQLite
// types them, FTS5 for text search, a JSON array for a set of ids.
#include "store/sql/sqlite_session.h"

#include <cctype>

#include <nlohmann/json.hpp>

namespace faultline::store::sql {
namespace {

// Appends the current row's cells to `cells`.
void take_row(const sqlite::Statement& s, int columns, std::vector<Value>& cells) {
  for (int c = 0; c < columns; ++c) {
    switch (s.column_type(c)) {
      case SQLITE_NULL:
        cells.emplace_back(std::monostate{});
        break;
      case SQLITE_INTEGER:
        cells.emplace_back(s.int64(c));
        break;
      case SQLITE_FLOAT:
        cells.emplace_back(s.real(c));
        break;
      default:
        cells.emplace_back(s.text(c));
        break;
    }
  }
}

// A deferred transaction (the snapshot starts at the first read), rolled back unless committed.
class ReadTransaction {
 public:
  explicit ReadTransaction(sqlite::Database& db) : db_(db) { db_.exec("BEGIN"); }
  ~ReadTransaction() {
    try {
      if (open_) db_.exec("ROLLBACK");
    } catch (...) {
    }
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  void commit() {
    db_.exec("COMMIT");
    open_ = false;
  }

 private:
  sqlite::Database& db_;
  bool open_ = true;
};

// One row at a time through a cached statement: in process, a row costs no round trip.
class SqliteBulkInsert final : public BulkInsert {
 public:
  SqliteBulkInsert(sqlite::Database& db, std::string sql, std::function<void(const Result&)> on_result)
      : db_(db), sql_(std::move(sql)), on_result_(std::move(on_result)) {}
  Params& row() override {
    flush();
    pending_ = true;
    return params_;
  }
  void flush() override {
    if (!pending_) return;
    pending_ = false;
    sqlite::Statement& s = db_.cached(sql_);
    bind(s, params_);
    params_ = Params();
    std::vector<Value> cells;
    const int columns = s.column_count();
    while (s.step()) take_row(s, columns, cells);
    s.reset();
    if (on_result_) on_result_(Result(columns, std::move(cells)));
  }

 private:
  sqlite::Database& db_;
  std::string sql_;
  std::function<void(const Result&)> on_result_;
  Params params_;
  bool pending_ = false;
};

}  // namespace

void bind(sqlite::Statement& s, const Params& p) {
  int n = 1;
  for (const Value& v : p.values()) {
    if (const auto* t = std::get_if<std::string>(&v))
      s.bind(n, *t);
    else if (const auto* i = std::get_if<int64_t>(&v))
      s.bind(n, *i);
    else if (const auto* d = std::get_if<double>(&v))
      s.bind(n, *d);
    else
      s.bind_null(n);
    ++n;
  }
}

std::string sqlite_parameters(std::string_view sql) {
  std::string out(sql);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == '$' && std::isdigit(static_cast<unsigned char>(out[i + 1]))) out[i] = '?';
  return out;
}

Result SqliteSession::query(std::string_view sql, const Params& p, Prepare prepare) {
  auto run = [&](sqlite::Statement& s) {
    bind(s, p);
    std::vector<Value> cells;
    const int columns = s.column_count();
    while (s.step()) take_row(s, columns, cells);
    s.reset();
    return Result(columns, std::move(cells));
  };
  if (prepare == Prepare::cached) return run(db_.cached(sqlite_parameters(sql)));
  sqlite::Statement once = db_.prepare(sqlite_parameters(sql));
  return run(once);
}

void SqliteSession::for_each_batch(std::string_view sql, const Params& p,
                                   const std::function<void(const Result&)>& batch, int rows) {
  sqlite::Statement s = db_.prepare(sqlite_parameters(sql));
  bind(s, p);
  const int columns = s.column_count();
  std::vector<Value> cells;
  int n = 0;
  while (s.step()) {
    take_row(s, columns, cells);
    if (++n == rows) {
      batch(Result(columns, std::move(cells)));
      cells = {};
      n = 0;
    }
  }
  if (n) batch(Result(columns, std::move(cells)));
}

void SqliteSession::read(const std::function<void()>& reads) {
  if (!db_.autocommit()) return reads();  // already inside the caller's transaction
  ReadTransaction tx(db_);
  reads();
  tx.commit();
}

void SqliteSession::transaction(const std::function<void()>& work) {
  // The busy timeout makes a second writer wait for the first rather than fail.
  sqlite::Transaction tx(db_);
  work();
  tx.commit();
}

std::unique_ptr<BulkInsert> SqliteSession::bulk_insert(std::string head, int columns, std::string tail,
                                                       std::function<void(const Result&)> on_result) {
  std::string sql = head + " VALUES (";
  for (int k = 1; k <= columns; ++k) sql += (k > 1 ? ", ?" : "?") + std::to_string(k);
  sql += ")";
  if (!tail.empty()) sql += " " + tail;
  return std::make_unique<SqliteBulkInsert>(db_, std::move(sql), std::move(on_result));
}

void SqliteSession::analyze() { db_.exec("PRAGMA analysis_limit = 1000; ANALYZE;"); }

std::string SqliteSession::id_set(const std::vector<int64_t>& ids) const {
  std::string out = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]";
}

std::string SqliteSession::in_id_set(std::string_view expr, std::string_view param) const {
  return std::string(expr) + " IN (SELECT value FROM json_each(" + std::string(param) + "))";
}

std::string SqliteSession::text_set(const std::vector<std::string>& values) const {
  return nlohmann::json(values).dump();
}

std::string SqliteSession::in_text_set(std::string_view expr, std::string_view param) const {
  return in_id_set(expr, param);  // a JSON array either way
}

std::string SqliteSession::text_query(std::string_view words) const {
  // Each word quoted (so that punctuation in it is not FTS5 query syntax), all required.
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted;
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "\"" : " \"") + quoted + "\"";
    word.clear();
  };
  for (char c : words) {
    if (c == ' ' || c == '\t' || c == '\n')
      flush();
    else
      word += c;
  }
  flush();
  return out;
}

std::string SqliteSession::reports_matching(std::string_view param) const {
  return "SELECT rowid FROM reports_fts WHERE reports_fts MATCH " + std::string(param);
}

std::string SqliteSession::concat_agg(std::string_view expr, std::string_view separator) const {
  return "group_concat(" + std::string(expr) + ", " + std::string(separator) + ")";
}

std::string SqliteSession::byte_length(std::string_view expr) const {
  return "length(CAST(" + std::string(expr) + " AS BLOB))";
}

}  // namespace faultline::store::sql
