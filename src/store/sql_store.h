// The store written once for both backends, over the session seam (sql/session.h): every write
// but the recomputation of dirty blocks (sql_store.cpp), every read (sql_queries.cpp,
// sql_serving.cpp). A backend opens its session and recomputes blocks its own way (SQLite all in
// one transaction, PostgreSQL a block per transaction under a lock, beside other processes).
#pragma once

#include <string>

#include "store/sql/session.h"
#include "store/store.h"

namespace faultline::store {

class SqlStore : public Store {
 public:
  bool sync_pack(const graph::PackFacts& facts) override;
  WriteStats write_documents(const std::vector<DocumentInput>& batch) override;
  void rebuild_graph(const std::function<graph::Graph(const EventScan&)>& derive) override;
  std::optional<std::string> document_hash(const std::string& doc_id) override;
  Counts counts() override;
  bool has_pending_work() override;
  void events(const EventQuery& q, const std::function<void(const EventView&)>& row) override;
  void reports(const EventQuery& q, const std::function<void(const ReportView&)>& row) override;
  void scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) override;
  std::vector<EventView> events_by_id(const std::vector<std::string>& ids) override;
  std::optional<DocumentView> document(const std::string& doc_id) override;
  std::vector<std::string> document_ids() override;
  std::vector<Report> document_reports(const std::string& doc_id) override;
  std::vector<ActorInfo> find_actors(const std::string& name) override;
  std::optional<ActorInfo> actor(const std::string& id) override;
  std::vector<graph::RoleFact> roles() override;
  std::map<std::string, std::string> countries() override;
  std::vector<graph::MembershipFact> memberships() override;
  std::vector<RelationSum> relations(const graph::Window& w, const std::vector<std::string>& actors) override;
  std::vector<graph::ControlInterval> control(const std::string& place_key) override;

 protected:
  virtual sql::Session& session() = 0;
  std::string meta(const std::string& key);
  // Gives meta.graph_stale a new mark (inside the caller's transaction).
  void mark_graph_stale();
  // The blocks marked dirty, by type and year.
  std::vector<BlockKey> dirty_blocks();
  // Replaces the events of `block` with `events` (with their actors and sources).
  void replace_block_events(const BlockKey& block, const std::vector<Event>& events);
  // The reports of a block with their actors (a report written after the first read is left out:
  // its writer marked the block again).
  std::vector<Report> block_reports(const BlockKey& block);
  // Every event with its actors and the number of distinct documents among its sources, by public
  // id (so that the graph never depends on the order blocks were recomputed in). Runs in the
  // caller's transaction.
  void scan_events(const std::function<void(const Event&)>& fn);

 private:
  // Writes one batch in the current transaction.
  WriteStats write_batch(const std::vector<DocumentInput>& batch);
  // Writes the reports of many documents (by row id) at once: a bulk insert for them all.
  using DocumentReports = std::vector<std::pair<int64_t, const std::vector<Report>*>>;
  void insert_reports(const DocumentReports& documents);
  void insert_events(const std::vector<Event>& events);
  // Reads the actors and sources of many events (keys[i] is the internal key of views[i]): two
  // queries, not two per event.
  void read_event_details(std::vector<EventView>& views, const std::vector<int64_t>& keys);
  // Reports (columns report_columns(), a join of reports r and documents d) whose rows `where`
  // selects, with their actors; `actors_where` selects their actors' rows (a join of
  // report_actors a and reports r).
  std::vector<Report> read_reports(const std::string& where, const std::string& actors_where, const sql::Params& p);
};

}  // namespace faultline::store
