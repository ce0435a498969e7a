#include "store/pg.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

namespace faultline::store::pg {
namespace {

std::string trimmed(const char* s) {
  std::string out = s ? s : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

void ignore_notice(void*, const char*) {}  // NOTICEs ("already exists, skipping") are not errors

}  // namespace

bool Error::retryable() const {
  return sqlstate_ == "40001"      // serialization_failure
         || sqlstate_ == "40P01"   // deadlock_detected
         || sqlstate_ == "23503"   // foreign_key_violation: a report deleted by a concurrent writer
         || sqlstate_ == "23505";  // unique_violation: a key inserted by a concurrent writer
}

Params& Params::add(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  values_.emplace_back(std::string(buf, ec == std::errc() ? end : buf));
  return *this;
}

std::vector<const char*> Params::pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

std::string Result::text(int row, int col) const {
  if (is_null(row, col)) return {};
  return std::string(PQgetvalue(r_.get(), row, col), static_cast<std::size_t>(PQgetlength(r_.get(), row, col)));
}

int64_t Result::int64(int row, int col) const {
  if (is_null(row, col)) return 0;
  const char* p = PQgetvalue(r_.get(), row, col);
  int64_t v = 0;
  std::from_chars(p, p + PQgetlength(r_.get(), row, col), v);
  return v;
}

double Result::real(int row, int col) const {
  if (is_null(row, col)) return 0;
  // PostgreSQL prints the shortest text that reads back exactly (extra_float_digits = 1).
  return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

std::string redact(const std::string& url) {
  std::string out = url;
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto host_end = out.find_first_of("/?", scheme + 3);
    const auto at = out.rfind('@', host_end == std::string::npos ? std::string::npos : host_end);
    if (at != std::string::npos && at > scheme) {
      const auto colon = out.find(':', scheme + 3);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  const auto pw = out.find("password=");
  if (pw != std::string::npos) {
    const auto end = out.find('&', pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

Connection Connection::open(const std::string& url) {
  // The URL's own settings win over the default timeout; the encoding is always UTF-8.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
  const char* values[] = {"10", "faultline", url.c_str(), "UTF8", nullptr};
  Connection c(PQconnectdbParams(keys, values, 1), redact(url));
  if (!c.c_) throw Error("cannot connect to PostgreSQL at " + c.display_ + ": out of memory", "");
  if (PQstatus(c.c_.get()) != CONNECTION_OK)
    throw Error("cannot connect to PostgreSQL at " + c.display_ + ": " + trimmed(PQerrorMessage(c.c_.get())), "");
  PQsetNoticeProcessor(c.c_.get(), ignore_notice, nullptr);
  c.exec("SET extra_float_digits = 1");  // shortest exact text for doubles, whatever the server's default
  return c;
}

Result Connection::check(PGresult* raw, std::string_view sql) const {
  Result r(raw);
  const auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
  std::string message = raw ? trimmed(PQresultErrorMessage(raw)) : trimmed(PQerrorMessage(c_.get()));
  if (message.empty()) message = trimmed(PQerrorMessage(c_.get()));
  const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  std::string head(sql.substr(0, 80));
  for (char& ch : head)
    if (ch == '\n') ch = ' ';
  throw Error("PostgreSQL error at " + display_ + ": " + message + " (running '" + head + "')", state ? state : "");
}

Result Connection::exec(std::string_view sql) {
  std::string text(sql);
  return check(PQexec(c_.get(), text.c_str()), sql);
}

Result Connection::exec(std::string_view sql, const Params& p) {
  std::string text(sql);
  auto values = p.pointers();
  return check(PQexecParams(c_.get(), text.c_str(), p.size(), nullptr, values.data(), nullptr, nullptr, 0), sql);
}

Result Connection::cached(const std::string& sql, const Params& p) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "faultline_" + std::to_string(prepared_.size() + 1);
    check(PQprepare(c_.get(), name.c_str(), sql.c_str(), 0, nullptr), sql);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  auto values = p.pointers();
  return check(PQexecPrepared(c_.get(), it->second.c_str(), p.size(), values.data(), nullptr, nullptr, 0), sql);
}

void Connection::copy_in(std::string_view copy, std::string_view data) {
  PGresult* start = PQexec(c_.get(), std::string(copy).c_str());
  if (!start || PQresultStatus(start) != PGRES_COPY_IN) {
    check(start, copy);  // throws: a COPY FROM STDIN that does not wait for data failed
    return;
  }
  PQclear(start);
  constexpr std::size_t kChunk = 1 << 20;  // libpq takes an int length a call
  for (std::size_t at = 0; at < data.size(); at += kChunk)
    if (PQputCopyData(c_.get(), data.data() + at, static_cast<int>(std::min(kChunk, data.size() - at))) != 1)
      break;  // the failure comes back as the COPY's result below
  PQputCopyEnd(c_.get(), nullptr);
  // Every result must be read before the connection takes another command.
  PGresult* failed = nullptr;
  while (PGresult* r = PQgetResult(c_.get())) {
    if (!failed && PQresultStatus(r) != PGRES_COMMAND_OK)
      failed = r;
    else
      PQclear(r);
  }
  if (failed) check(failed, copy);
}

int64_t Connection::scalar(std::string_view sql, const Params& p) {
  Result r = exec(sql, p);
  return r.rows() ? r.int64(0, 0) : 0;
}

Transaction::Transaction(Connection& c, std::string_view begin) : c_(c) { c_.exec(begin); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    c_.exec("ROLLBACK");
  } catch (...) {
    // A lost connection has no transaction left to roll back.
  }
}

void Transaction::commit() {
  c_.exec("COMMIT");
  open_ = false;
}

void for_each_batch(Connection& c, std::string_view sql, const Params& p,
                    const std::function<void(const Result&)>& batch, int rows) {
  const std::string name = c.next_cursor_name();
  c.exec("DECLARE " + name + " NO SCROLL CURSOR FOR " + std::string(sql), p);
  const std::string fetch = "FETCH " + std::to_string(rows) + " FROM " + name;
  for (;;) {
    Result r = c.exec(fetch);
    if (r.rows()) batch(r);
    if (r.rows() < rows) break;
  }
  c.exec("CLOSE " + name);
}

void for_each_row(Connection& c, std::string_view sql, const Params& p, const std::function<void(const Row&)>& row,
                  int batch) {
  for_each_batch(
      c, sql, p,
      [&](const Result& r) {
        for (int i = 0; i < r.rows(); ++i) row(Row(r, i));
      },
      batch);
}

void with_retry(const std::function<void()>& attempt) {
  constexpr int kAttempts = 60;
  std::minstd_rand jitter(std::random_device{}());
  for (int i = 1;; ++i) {
    try {
      attempt();
      return;
    } catch (const Error& e) {
      if (!e.retryable() || i == kAttempts) throw;
      // Back off a little, at random, so that the writers that collided do not collide again.
      std::this_thread::sleep_for(std::chrono::milliseconds(1 + jitter() % (5 * std::min(i, 20))));
    }
  }
}

void lock(Connection& c, int32_t space, int32_t key) {
  c.cached("SELECT pg_advisory_xact_lock($1::int4, $2::int4)", Params().add(space).add(key));
}

}  // namespace faultline::store::pg
