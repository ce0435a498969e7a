// The knowledge store's interface. Everything above it (ingest, deduplication, the graph,
// queries, exports) speaks only to this class, so that the backends (SQLite, PostgreSQL) can take each
// other's place. Every write method is atomic: it either happens whole or not at all.
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

// What filtering, sorting, counting and clustering events need, without their wording: a light
// row per event (see Store::scan_event_columns).
struct EventColumns {
  std::string id;
  std::string type;
  int first_key = 0, last_key = 0;  // YYYYMMDD of the date's first and last day; 0 = undated
  std::optional<coding::CodedLocation> location;
  std::optional<int64_t> fatalities;
  double confidence = 0;
  uint32_t sources = 0;
  // Every actor id the event names and the organisations its persons acted for, distinct, sorted.
  std::vector<std::string> actors;
  // The distinct evidence sentences of its sources; filled only when asked for.
  std::vector<std::string> texts;
};

// A stored document: its fields and text, and each of its reports that is a source of an event.
struct DocumentView {
  std::string id;
  std::string date;  // publication date as given ("" = unknown)
  std::string title;
  std::string source;
  std::string url;
  std::string lang;
  std::string text;
  struct Citation {
    uint32_t sentence = 0;
    std::string evidence;
    std::string event_id;
  };
  std::vector<Citation> citations;  // by sentence, then in the order of events() (date, id)
};

class Store {
 public:
  virtual ~Store() = default;

  // Pack knowledge: actors, aliases and roles. Rewritten only when `facts` changed, which also
  // marks the graph for rebuilding. Returns whether anything changed.
  virtual bool sync_pack(const graph::PackFacts& facts) = 0;

  // The stored content hash of a document, if it is stored.
  virtual std::optional<std::string> document_hash(const std::string& doc_id) = 0;
  // The stored content hashes of many documents, in the order of `doc_ids` (nullopt: not stored),
  // for `faultline status`. A backend with round trips answers a batch in one query; the default
  // (right for SQLite, in process) asks document_hash for each.
  virtual std::vector<std::optional<std::string>> document_hashes(const std::vector<std::string>& doc_ids) {
    std::vector<std::optional<std::string>> out;
    out.reserve(doc_ids.size());
    for (const auto& id : doc_ids) out.push_back(document_hash(id));
    return out;
  }
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
  // Every event's columns, in the order of events() (by date, then id), for an index in memory;
  // with `with_texts`, also the evidence of its sources (what a word index needs).
  virtual void scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) = 0;
  // The events with these public ids, whole as events() gives them, in the order of `ids`; an
  // unknown id is left out.
  virtual std::vector<EventView> events_by_id(const std::vector<std::string>& ids) = 0;
  // A document by its id (the corpus's), with its text and the reports that are sources of events.
  virtual std::optional<DocumentView> document(const std::string& doc_id) = 0;
  // The ids of every stored document, in byte order (for `faultline recode`).
  virtual std::vector<std::string> document_ids() = 0;
  // The reports of a stored document with their actors, in the order they were coded.
  virtual std::vector<Report> document_reports(const std::string& doc_id) = 0;

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

// Opens the store at `location`: a postgresql:// (or postgres://) URL (PostgreSQL: the database
// must exist; with `create` its schema is created, otherwise it must hold a store), or a file path
// (SQLite: with `create`, a missing file is created, otherwise it must exist). Throws
// std::runtime_error with a message for the user.
std::unique_ptr<Store> open_store(const std::string& location, bool create);
// Whether `location` names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgres_url(const std::string& location);
// The location for messages: a URL without its password.
std::string display_location(const std::string& location);

}  // namespace faultline::store
