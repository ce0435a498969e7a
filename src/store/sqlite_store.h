// The SQLite backend of the store: one database file in WAL mode (readers never block the
// writer, and a process killed at any point leaves the last committed state).
#pragma once

#include <memory>
#include <string>

#include "store/sqlite.h"
#include "store/store.h"

namespace faultline::store {

class SqliteStore final : public Store {
 public:
  // Opens (creates) the file and brings its schema up to date.
  SqliteStore(const std::string& path, bool create);

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
  std::vector<ActorInfo> find_actors(const std::string& name) override;
  std::optional<ActorInfo> actor(const std::string& id) override;
  std::vector<graph::RoleFact> roles() override;
  std::map<std::string, std::string> countries() override;
  std::vector<graph::MembershipFact> memberships() override;
  std::vector<RelationSum> relations(const graph::Window& w, const std::vector<std::string>& actors) override;
  std::vector<graph::ControlInterval> control(const std::string& place_key) override;
  void scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) override;
  std::vector<EventView> events_by_id(const std::vector<std::string>& ids) override;
  std::optional<DocumentView> document(const std::string& doc_id) override;

 private:
  void set_meta(const std::string& key, const std::string& value);
  std::string meta(const std::string& key);
  void insert_report(int64_t document, const Report& r);
  void insert_event(const Event& e);
  std::vector<Report> block_reports(const BlockKey& block);
  // Reads the actors and sources of the event with the internal key `key` into `v`.
  void read_event_details(EventView& v, int64_t key);

  sqlite::Database db_;  // declared first: statements below are finalized before it closes
};

}  // namespace faultline::store
