// The PostgreSQL backend of the store: the SQLite store's tables and results in a server
// database that many `faultline ingest` processes may write at once. Writes are transactions
// retried on serialization failures and deadlocks; keys are unique and upserts idempotent; the
// derived data is serialised by advisory locks (one per deduplication block, one for the graph,
// one for pack knowledge), and the marks that say what to recompute carry generations, so that a
// recomputation never clears a mark a concurrent writer set after it read the data.
#pragma once

#include <string>

#include "store/pg.h"
#include "store/sql/pg_session.h"
#include "store/sql_store.h"

namespace faultline::store {

class PgStore final : public SqlStore {
 public:
  // Connects to `url` and brings the schema up to date. Without `create`, the database must
  // already hold a Faultline store.
  PgStore(const std::string& url, bool create);

  std::size_t recompute_dirty_blocks(const Dedup& dedup,
                                     const std::function<void(std::size_t, std::size_t)>& progress) override;

 protected:
  sql::Session& session() override { return session_; }

 private:
  pg::Connection c_;
  sql::PgSession session_{c_};
};

}  // namespace faultline::store
