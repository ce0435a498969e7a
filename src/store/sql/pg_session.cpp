// The PostgreSQL driver of the store's session: statements prepared once per connection, results
// in text, cursors for long results, a REPEATABLE READ snapshot, tsvector terms for text search
// (cut as SQLite's FTS5 cuts them, see fts_terms.h), an int8[] for a set of ids.
#include "store/sql/pg_session.h"

#include "store/fts_terms.h"
#include "store/pg_bulk.h"

namespace faultline::store::sql {
namespace {

void append(pg::Params& out, const Params& p) {
  for (const Value& v : p.values()) {
    if (const auto* t = std::get_if<std::string>(&v))
      out.add(*t);
    else if (const auto* i = std::get_if<int64_t>(&v))
      out.add(*i);
    else if (const auto* d = std::get_if<double>(&v))
      out.add(*d);
    else
      out.null();
  }
}

Result from_pg(const pg::Result& r) {
  const int columns = r.columns();
  std::vector<Value> cells;
  cells.reserve(static_cast<std::size_t>(r.rows()) * columns);
  for (int i = 0; i < r.rows(); ++i)
    for (int c = 0; c < columns; ++c) {
      if (r.is_null(i, c))
        cells.emplace_back(std::monostate{});
      else
        cells.emplace_back(r.text(i, c));
    }
  return Result(columns, std::move(cells));
}

// Rows sent as multi-row INSERT statements (pg_bulk.h).
class PgBulkInsert final : public BulkInsert {
 public:
  PgBulkInsert(pg::Connection& c, std::string head, int columns, std::string tail,
               std::function<void(const Result&)> on_result)
      : insert_(c, std::move(head), columns, std::move(tail),
                on_result ? std::function<void(const pg::Result&)>(
                                [f = std::move(on_result)](const pg::Result& r) { f(from_pg(r)); })
                          : nullptr) {}
  Params& row() override {
    take();
    pending_ = true;
    return params_;
  }
  void flush() override {
    take();
    insert_.flush();
  }

 private:
  // Moves the row being filled into the statement.
  void take() {
    if (!pending_) return;
    pending_ = false;
    append(insert_.row(), params_);
    params_ = Params();
  }
  pg::BulkInsert insert_;
  Params params_;
  bool pending_ = false;
};

// Rows sent with COPY … FROM STDIN in COPY's text format: the fastest way into PostgreSQL (no
// statement to parse and plan per batch of rows). For an insert that returns its generated key
// ("RETURNING id"), the keys are drawn from the column's sequence first and copied with the rows.
class PgCopyInsert final : public BulkInsert {
 public:
  PgCopyInsert(pg::Connection& c, std::string target, std::string key, std::function<void(const Result&)> on_result)
      : c_(c), target_(std::move(target)), key_(std::move(key)), on_result_(std::move(on_result)) {}
  Params& row() override {
    take();
    pending_ = true;
    return params_;
  }
  void flush() override {
    take();
    if (rows_.empty()) return;
    std::string data;
    std::vector<Value> keys;
    if (!key_.empty()) {
      // "reports (document, …)" → the table's name for its key's sequence.
      const std::string table = target_.substr(0, target_.find(' '));
      pg::Result ids =
          c_.cached("SELECT nextval(pg_get_serial_sequence($1, $2)) FROM generate_series(1, $3::int4) ORDER BY 1",
                    pg::Params().add(table).add(key_).add(static_cast<int64_t>(rows_.size())));
      for (int i = 0; i < ids.rows(); ++i) keys.emplace_back(ids.int64(i, 0));
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (!key_.empty()) data += std::to_string(std::get<int64_t>(keys[i])) + '\t';
      data += rows_[i];
    }
    c_.copy_in("COPY " + (key_.empty() ? target_ : with_key()) + " FROM STDIN", data);
    rows_.clear();
    if (on_result_) on_result_(Result(1, std::move(keys)));
  }

 private:
  // The target with the key as its first column.
  std::string with_key() const {
    const auto open = target_.find('(');
    return target_.substr(0, open + 1) + key_ + ", " + target_.substr(open + 1);
  }
  // Writes the row being filled as a line of COPY text.
  void take() {
    if (!pending_) return;
    pending_ = false;
    std::string line;
    bool first = true;
    for (const Value& v : params_.values()) {
      if (!first) line += '\t';
      first = false;
      if (const auto* t = std::get_if<std::string>(&v)) {
        for (char c : *t) {
          switch (c) {
            case '\\':
              line += "\\\\";
              break;
            case '\n':
              line += "\\n";
              break;
            case '\r':
              line += "\\r";
              break;
            case '\t':
              line += "\\t";
              break;
            default:
              line += c;
          }
        }
      } else if (std::holds_alternative<std::monostate>(v)) {
        line += "\\N";
      } else {
        line += Row(&v).text(0);
      }
    }
    rows_.push_back(std::move(line) + '\n');
    params_ = Params();
  }
  pg::Connection& c_;
  std::string target_, key_;
  std::function<void(const Result&)> on_result_;
  Params params_;
  bool pending_ = false;
  std::vector<std::string> rows_;
};

}  // namespace

pg::Params pg_params(const Params& p) {
  pg::Params out;
  append(out, p);
  return out;
}

Result PgSession::query(std::string_view sql, const Params& p, Prepare prepare) {
  if (prepare == Prepare::once) return from_pg(c_.exec(sql, pg_params(p)));
  return from_pg(c_.cached(std::string(sql), pg_params(p)));
}

void PgSession::for_each_batch(std::string_view sql, const Params& p, const std::function<void(const Result&)>& batch,
                               int rows) {
  pg::for_each_batch(
      c_, sql, pg_params(p), [&](const pg::Result& r) { batch(from_pg(r)); }, rows);
}

void PgSession::read(const std::function<void()>& reads) {
  if (depth_) return reads();
  struct Depth {
    int& d;
    ~Depth() { --d; }
  } depth{++depth_};
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  reads();
  tx.commit();
}

void PgSession::transaction(const std::function<void()>& work) {
  pg::with_retry([&] {
    pg::Transaction tx(c_);
    work();
    tx.commit();
  });
}

void PgSession::lock(int32_t kind, int32_t key) { pg::lock(c_, kind, key); }

bool PgSession::try_lock(int32_t kind, int32_t key) {
  return c_.cached("SELECT pg_try_advisory_xact_lock($1::int4, $2::int4)", pg::Params().add(kind).add(key))
             .text(0, 0) == "t";
}

std::unique_ptr<BulkInsert> PgSession::bulk_insert(std::string head, int columns, std::string tail,
                                                   std::function<void(const Result&)> on_result) {
  // COPY where nothing follows the values but the return of a generated key; ON CONFLICT needs
  // an INSERT.
  constexpr std::string_view kInsert = "INSERT INTO ", kReturning = "RETURNING ";
  if (head.starts_with(kInsert) &&
      (tail.empty() || (tail.starts_with(kReturning) && tail.find(',') == std::string::npos)))
    return std::make_unique<PgCopyInsert>(c_, head.substr(kInsert.size()),
                                          tail.empty() ? "" : tail.substr(kReturning.size()), std::move(on_result));
  return std::make_unique<PgBulkInsert>(c_, std::move(head), columns, std::move(tail), std::move(on_result));
}

void PgSession::analyze() {
  // Without statistics, the planner takes a freshly filled table for empty and joins it by
  // scanning it; ANALYZE samples each table, so it stays quick on large stores. Two ANALYZE of one
  // table at once can fail, hence the lock; a failure here only costs speed.
  constexpr int32_t kAnalyzeLock = 0x46'4c'00'05;
  try {
    pg::Transaction tx(c_);
    if (try_lock(kAnalyzeLock, 0)) c_.exec("ANALYZE");
    tx.commit();
  } catch (const pg::Error&) {
  }
}

std::optional<std::string> PgSession::fts_terms(std::string_view text) const { return tsvector_literal(text); }

std::string PgSession::id_set(const std::vector<int64_t>& ids) const {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "}";
}

std::string PgSession::in_id_set(std::string_view expr, std::string_view param) const {
  return std::string(expr) + " = ANY(" + std::string(param) + "::int8[])";
}

std::string PgSession::text_set(const std::vector<std::string>& values) const {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i ? ",\"" : "\"";
    for (char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  return out + "}";
}

std::string PgSession::in_text_set(std::string_view expr, std::string_view param) const {
  return std::string(expr) + " = ANY(" + std::string(param) + "::text[])";
}

std::string PgSession::text_query(std::string_view words) const { return tsquery_literal(std::string(words)); }

std::string PgSession::reports_matching(std::string_view param) const {
  return "SELECT id FROM reports WHERE terms @@ " + std::string(param) + "::tsquery";
}

std::string PgSession::concat_agg(std::string_view expr, std::string_view separator) const {
  return "string_agg(" + std::string(expr) + ", " + std::string(separator) + ")";
}

std::string PgSession::byte_length(std::string_view expr) const { return "octet_length(" + std::string(expr) + ")"; }

}  // namespace faultline::store::sql
