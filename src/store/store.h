// The knowledge store's interface. Everything above it (ingest, deduplication, the graph,
// queries, exports) speaks only to this class, so that another backend (PostgreSQL is planned)
// can take SQLite's place. Every write method is atomic: it either happens whole or not at all.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "graph/facts.h"
#include "graph/pack_facts.h"
#include "graph/time_window.h"
#include "store/records.h"

namespace faultline::store {

struct WriteStats {
  std::size_t added = 0;      // new documents
  std::size_t changed = 0;    // documents whose content changed: their reports were replaced
  std::size_t unchanged = 0;  // same id and content hash: left alone
  std::size_t reports = 0;    // reports written
};

struct Counts {
  std::size_t documents = 0;
  std::size_t reports = 0;
  std::size_t events = 0;
  std::size_t dirty_blocks = 0;  // blocks whose events await recomputation
  bool graph_stale = false;
};

struct ActorInfo {
  std::string id;
  std::string name;
  std::string kind;
  std::string country;
  std::string sector;
  std::vector<std::string> aliases;
};

// Summed relation between two actors over a window.
struct RelationSum {
  std::string a, b;
  double cooperative = 0;
  double conflictual = 0;
  int cooperative_events = 0;
  int conflictual_events = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Pack knowledge: actors, aliases and roles. Rewritten only when `facts` changed, which also
  // marks the graph for rebuilding. Returns whether anything changed.
  virtual bool sync_pack(const graph::PackFacts& facts) = 0;

  // The stored content hash of a document, if it is stored.
  virtual std::optional<std::string> document_hash(const std::string& doc_id) = 0;
  // Writes a batch of documents with their reports: a new document is added, a changed one
  // replaces its reports, one with the same content hash is left alone. Marks the blocks whose
  // reports changed as dirty and the graph as stale.
  virtual WriteStats write_documents(const std::vector<DocumentInput>& batch) = 0;

  // Recomputes the events of every dirty block: reads the block's reports, lets `dedup` group
  // them, replaces the block's events and clears its mark — all blocks in one transaction (the
  // events tables are rewritten once, not once per block), which also brings the text search
  // index up to date with the reports written since. Returns the number of blocks.
  using Dedup = std::function<std::vector<Event>(std::vector<Report>)>;
  virtual std::size_t recompute_dirty_blocks(const Dedup& dedup,
                                             const std::function<void(std::size_t done, std::size_t total)>& progress) = 0;

  // Hands every event (by id) to `derive` and replaces the graph with what it returns.
  using EventScan = std::function<void(const std::function<void(const Event&)>&)>;
  virtual void rebuild_graph(const std::function<graph::Graph(const EventScan&)>& derive) = 0;

  virtual Counts counts() = 0;
  // Whether an interrupted ingest left work (dirty blocks, a stale graph); cheaper than counts().
  virtual bool has_pending_work() = 0;
  // Events (or reports) matching the query, by date then id.
  virtual void events(const EventQuery& q, const std::function<void(const EventView&)>& row) = 0;
  virtual void reports(const EventQuery& q, const std::function<void(const ReportView&)>& row) = 0;

  // Actors whose id, name or an alias is `name` (accents and case ignored); ids that occur only
  // in reports (composed ones such as NGA_MIL) are found by id.
  virtual std::vector<ActorInfo> find_actors(const std::string& name) = 0;
  virtual std::optional<ActorInfo> actor(const std::string& id) = 0;
  virtual std::vector<graph::RoleFact> roles() = 0;
  // Country names by ISO3 code.
  virtual std::map<std::string, std::string> countries() = 0;
  virtual std::vector<graph::MembershipFact> memberships() = 0;
  // Relations summed over the months of `w` (year-only cells count when `w` covers their
  // year); with `actors` not empty, only pairs that involve one of them.
  virtual std::vector<RelationSum> relations(const graph::Window& w, const std::vector<std::string>& actors) = 0;
  // Control intervals of the places whose folded name or region is `place_key` ("" = all).
  virtual std::vector<graph::ControlInterval> control(const std::string& place_key) = 0;
};

// Opens the store at `location`: a file path (SQLite). With `create`, a missing database is
// created; otherwise it must exist. Throws std::runtime_error with a message for the user.
std::unique_ptr<Store> open_store(const std::string& location, bool create);

}  // namespace faultline::store
