#include "store/sqlite.h"

namespace faultline::store::sqlite {
namespace {

// For failures of the file rather than of the SQL (a full disk, a read-only file…): the file's
// name and what the user can do, in place of the statement, which would not help them.
std::string file_failure(sqlite3* db, int rc, const std::string& message, std::string_view context) {
  const char* hint = nullptr;
  switch (rc & 0xff) {
    case SQLITE_FULL: hint = "the disk is full; free space, then run the command again"; break;
    case SQLITE_IOERR:
      hint =
          "reading or writing the file failed (a full disk, a file size limit or a failing disk); "
          "free space or fix the disk, then run the command again";
      break;
    case SQLITE_READONLY:
      hint =
          "the database is read-only; writing needs write access to the file and to its folder "
          "(where SQLite keeps the -wal and -shm files)";
      break;
    case SQLITE_CANTOPEN: hint = "check that its folder exists and that the file and folder may be written"; break;
    default: return "";
  }
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  std::string where = file && *file ? std::string(file) + ": " : "";
  if (context.find("cannot open") != std::string_view::npos) where = std::string(context) + ": ";
  return where + message + " (" + hint + "; what the database held before is kept)";
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view context) {
  std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string what = file_failure(db, rc, message, context);
  if (what.empty()) what = std::string(context) + ": " + message;
  throw Error(what, rc);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  stmt_.reset(raw);  // owned from here on, even when preparing failed half-way
  if (rc != SQLITE_OK) fail(db, rc, "SQL error in '" + std::string(sql.substr(0, 80)) + "'");
}

void Statement::check(int rc) const {
  if (rc != SQLITE_OK) fail(db_, rc, "binding a parameter");
}

Statement& Statement::bind(int i, std::string_view v) {
  check(sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind(int i, double v) {
  check(sqlite3_bind_double(stmt_.get(), i, v));
  return *this;
}

Statement& Statement::bind_null(int i) {
  check(sqlite3_bind_null(stmt_.get(), i));
  return *this;
}

Statement& Statement::bind_int64(int i, int64_t v) {
  check(sqlite3_bind_int64(stmt_.get(), i, v));
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string sql = sqlite3_sql(stmt_.get()) ? sqlite3_sql(stmt_.get()) : "";
  sqlite3_reset(stmt_.get());
  fail(db_, rc, "SQL error running '" + sql.substr(0, 80) + "'");
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int col) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
  if (!p) return {};
  return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col)));
}

Database Database::open(const std::string& path, bool create) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw);  // owns the handle even when opening failed (SQLite allocates one anyway)
  if (rc != SQLITE_OK) fail(raw, rc, "cannot open database " + path);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

void Database::exec(std::string_view sql) {
  std::string text(sql);
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string what = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    std::string failure = file_failure(db_.get(), rc, what, "SQL error");
    throw Error(failure.empty() ? "SQL error: " + what : failure, rc);
  }
}

Statement& Database::cached(std::string_view sql) {
  auto& slot = cache_[std::string(sql)];
  if (!slot) slot = std::make_unique<Statement>(db_.get(), sql);
  slot->reset();
  return *slot;
}

int64_t Database::scalar(std::string_view sql) {
  Statement s = prepare(sql);
  return s.step() ? s.int64(0) : 0;
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (!open_) return;
  try {
    db_.exec("ROLLBACK");
  } catch (...) {
    // The connection rolls back on its own when the failure already ended the transaction.
  }
}

void Transaction::commit() {
  db_.exec("COMMIT");
  open_ = false;
}

}  // namespace faultline::store::sqlite
