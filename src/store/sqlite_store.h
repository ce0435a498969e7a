// The SQLite backend of the store: one database file in WAL mode (readers never block the
// writer, and a process killed at any point leaves the last committed state).
#pragma once

#include <memory>
#include <string>

#include "store/sql/sqlite_session.h"
#include "store/sql_store.h"
#include "store/sqlite.h"

namespace faultline::store {

class SqliteStore final : public SqlStore {
 public:
  // Opens (creates) the file and brings its schema up to date.
  SqliteStore(const std::string& path, bool create);

  std::size_t recompute_dirty_blocks(const Dedup& dedup,
                                     const std::function<void(std::size_t, std::size_t)>& progress) override;

 protected:
  sql::Session& session() override { return session_; }

 private:
  sqlite::Database db_;  // declared first: statements below are finalized before it closes
  sql::SqliteSession session_{db_};
};

}  // namespace faultline::store
