// The PostgreSQL store: connecting, and recomputing the events of dirty blocks a block per
// transaction, beside other processes doing the same. The rest is sql_store.h.
#include "store/pg_store.h"

#include "store/pg_schema.h"

namespace faultline::store {

namespace {

// The advisory lock kind of blocks (the first key of pg_advisory_xact_lock(int4, int4)).
constexpr int32_t kBlockLock = 0x46'4c'00'04;

// The lock of a block: a hash of its type and year (a collision only makes two blocks wait for
// each other).
int32_t block_lock_key(const BlockKey& b) {
  uint32_t h = 2166136261u;
  for (char c : b.type) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  h = (h ^ static_cast<uint32_t>(b.year)) * 16777619u;
  return static_cast<int32_t>(h);
}

enum class BlockOutcome { done, clean, busy };

}  // namespace

PgStore::PgStore(const std::string& url, bool create) : c_(pg::Connection::open(url)) {
  if (!create && pg_schema_version(c_) == 0)
    throw std::runtime_error("no Faultline store in the database " + c_.display() +
                             " (create one with `faultline ingest --db URL`)");
  pg_migrate(c_);
}

std::size_t PgStore::recompute_dirty_blocks(const Dedup& dedup,
                                            const std::function<void(std::size_t, std::size_t)>& progress) {
  std::size_t recomputed = 0;
  bool wait_for_busy = false;
  // Several processes may recompute at once: each takes the blocks no one else is on, then waits
  // for the ones others hold, and looks again until no block is dirty.
  for (int pass = 0; pass < 1000; ++pass) {
    const std::vector<BlockKey> blocks = dirty_blocks();
    if (blocks.empty()) break;
    if (pass == 0) session_.analyze();  // the reports just written
    std::size_t busy = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const BlockKey& b = blocks[i];
      BlockOutcome outcome = BlockOutcome::clean;
      session_.transaction([&] {
        if (wait_for_busy) {
          session_.lock(kBlockLock, block_lock_key(b));
        } else if (!session_.try_lock(kBlockLock, block_lock_key(b))) {
          outcome = BlockOutcome::busy;
          return;
        }
        const sql::Params key = sql::Params().add(b.type).add(b.year);
        sql::Result g = session().query("SELECT gen FROM dirty_blocks WHERE type = $1 AND block_year = $2", key);
        if (!g.rows()) {
          outcome = BlockOutcome::clean;  // another process recomputed it meanwhile
          return;
        }
        const int64_t gen = g.int64(0, 0);
        replace_block_events(b, dedup(block_reports(b)));
        // Cleared only if no writer touched the block since `gen` was read.
        session().query("DELETE FROM dirty_blocks WHERE type = $1 AND block_year = $2 AND gen = $3",
                        sql::Params().add(b.type).add(b.year).add(gen));
        mark_graph_stale();
        outcome = BlockOutcome::done;
      });
      if (outcome == BlockOutcome::done) ++recomputed;
      if (outcome == BlockOutcome::busy) ++busy;
      if (progress) progress(i + 1, blocks.size());
    }
    wait_for_busy = busy > 0;
  }
  return recomputed;
}

}  // namespace faultline::store
