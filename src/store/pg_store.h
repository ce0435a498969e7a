// The PostgreSQL backend of the store: the SQLite store's tables and results in a server
// database that many `faultline ingest` processes may write at once. Writes are transactions
// retried on serialization failures and deadlocks; keys are unique and upserts idempotent; the
// derived data is serialised by advisory locks (one per deduplication block, one for the graph,
// one for pack knowledge), and the marks that say what to recompute carry generations, so that a
// recomputation never clears a mark a concurrent writer set after it read the data.
#pragma once

#include <string>

#include "store/pg.h"
#include "store/store.h"

namespace faultline::store {

class PgStore final : public Store {
 public:
  // Connects to `url` and brings the schema up to date. Without `create`, the database must
  // already hold a Faultline store.
  PgStore(const std::string& url, bool create);

  bool sync_pack(const graph::PackFacts& facts) override;
  std::optional<std::string> document_hash(const std::string& doc_id) override;
  WriteStats write_documents(const std::vector<DocumentInput>& batch) override;
  std::size_t recompute_dirty_blocks(const Dedup& dedup,
                                     const std::function<void(std::size_t, std::size_t)>& progress) override;
  void rebuild_graph(const std::function<graph::Graph(const EventScan&)>& derive) override;

  Counts counts() override;
  bool has_pending_work() override;
  void events(const EventQuery& q, const std::function<void(const EventView&)>& row) override;
  void reports(const EventQuery& q, const std::function<void(const ReportView&)>& row) override;
  void scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) override;
  std::vector<EventView> events_by_id(const std::vector<std::string>& ids) override;
  std::optional<DocumentView> document(const std::string& doc_id) override;
  std::vector<ActorInfo> find_actors(const std::string& name) override;
  std::optional<ActorInfo> actor(const std::string& id) override;
  std::vector<graph::RoleFact> roles() override;
  std::map<std::string, std::string> countries() override;
  std::vector<graph::MembershipFact> memberships() override;
  std::vector<RelationSum> relations(const graph::Window& w, const std::vector<std::string>& actors) override;
  std::vector<graph::ControlInterval> control(const std::string& place_key) override;

 private:
  std::string meta(const std::string& key);
  // Gives meta.graph_stale a new number (inside the caller's transaction).
  void mark_graph_stale();
  // Writes one batch in the current transaction.
  WriteStats write_batch(const std::vector<DocumentInput>& batch);
  void insert_reports(int64_t document, const std::vector<Report>& reports);
  void insert_events(const std::vector<Event>& events);
  std::vector<Report> block_reports(const BlockKey& block);
  // Recomputes one block in its own transaction; false when it was no longer dirty.
  bool recompute_block(const BlockKey& block, const Dedup& dedup);
  // Reads the actors and sources of many events (keys[i] is the internal key of views[i]): two
  // queries, not two per event.
  void read_event_details(std::vector<EventView>& views, const std::vector<int64_t>& keys);
  // Refreshes the planner's statistics after a bulk change (skipped while another process does).
  void analyze();

  pg::Connection c_;
};

}  // namespace faultline::store
