// The SQLite store: opening the file, and recomputing the events of dirty blocks all in one
// transaction (the events tables are rewritten once, not once per block). The rest is sql_store.h.
#include "store/sqlite_store.h"

#include "store/schema.h"

namespace faultline::store {

SqliteStore::SqliteStore(const std::string& path, bool create) : db_(sqlite::Database::open(path, create)) {
  // Writers queue for the lock: several ingest processes on one file (a Slurm job array, see
  // docs/scale.md) wait while one of them recomputes events, which can take minutes on a big store.
  db_.exec("PRAGMA busy_timeout = 600000");
  // WAL: a commit is one append to the log, readers see the last commit, and a killed process
  // leaves the database as of its last commit. NORMAL sync is safe against process crashes
  // (only a power cut can lose the latest commits, never consistency).
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA synchronous = NORMAL");
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA cache_size = -65536");  // 64 MiB
  db_.exec("PRAGMA mmap_size = 2147418112");  // reads straight from the page cache (SQLite's maximum)
  // Checkpoint (copy the log back into the database) every 64 MiB of log rather than every 4 MiB:
  // batches rewrite the same index pages, which then reach the database file once, not each time.
  db_.exec("PRAGMA wal_autocheckpoint = 16384");
  migrate(db_);
}

std::size_t SqliteStore::recompute_dirty_blocks(const Dedup& dedup,
                                                const std::function<void(std::size_t, std::size_t)>& progress) {
  std::size_t done = 0;
  session_.transaction([&] {
    // New reports join the full-text index here, all at once (schema version 2).
    db_.exec(
        "INSERT INTO reports_fts (rowid, evidence) SELECT r.id, r.evidence FROM fts_pending p "
        "JOIN reports r ON r.id = p.report ORDER BY p.report; DELETE FROM fts_pending;");
    const std::vector<BlockKey> blocks = dirty_blocks();
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      replace_block_events(blocks[i], dedup(block_reports(blocks[i])));
      if (progress) progress(i + 1, blocks.size());
    }
    db_.exec("DELETE FROM dirty_blocks");
    if (!blocks.empty()) mark_graph_stale();
    done = blocks.size();
  });
  return done;
}

}  // namespace faultline::store
