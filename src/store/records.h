// What the knowledge store holds, as plain values shared by every backend: reports (one coded
// event as a document states it), events (reports of one real event, deduplicated), their sources,
// and the keys and filters that address them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coding/coded_event.h"
#include "coding/coder.h"
#include "lexicon/lexicon.h"

namespace faultline::store {

struct Actor {
  std::string id;
  std::string name;
  std::string mention;
  std::string affiliation;     // for a person: the organisation's name, as the contract gives it
  std::string affiliation_id;  // …and its actor id
  std::string country;
  std::string sector;
  // The id that stands for this actor in relations: a person counts for the organisation they acted for.
  const std::string& party() const { return affiliation_id.empty() ? id : affiliation_id; }
};

// The fields a report and a deduplicated event share (the contract's, less doc/sentence/evidence).
struct EventData {
  std::string type;
  std::string mode;
  std::string acled_type;
  std::string acled_subtype;
  std::string cameo;
  lexicon::PartialDate date;
  std::vector<Actor> actor1;
  std::vector<Actor> actor2;
  std::optional<coding::CodedLocation> location;
  std::optional<int64_t> fatalities;
  double confidence = 0;
};

struct Report {
  int64_t id = 0;  // the store's row id; 0 until stored
  std::string doc;
  uint32_t sentence = 0;
  uint32_t index = 0;  // position among the document's reports, as the coder returned them
  std::string evidence;
  uint32_t evidence_begin = 0;
  uint32_t evidence_end = 0;
  std::string pattern;
  bool location_inferred = false;
  // Its document's publication date (not a column of reports: read with the document), which
  // tells whether the report is told in retrospect (store/retrospective.h).
  lexicon::PartialDate published;
  EventData data;
};

struct Event {
  std::string id;  // stable: derived from the representative report, not from ingest order
  EventData data;
  int64_t representative = 0;    // the report whose date, type and wording stand for the event
  std::vector<int64_t> reports;  // every report of the event, representative first
  int block_year = 0;
  std::size_t documents = 0;     // distinct documents among its reports (filled for the graph)
  lexicon::PartialDate published;  // the earliest publication date among them (filled for the graph)
  // How many independent documents state it: the documents where known, else the reports.
  std::size_t support() const { return documents ? documents : std::max<std::size_t>(1, reports.size()); }
};

// A document with the reports the coder found in it, ready to be written.
struct DocumentInput {
  coding::Document doc;
  std::string hash;
  std::vector<Report> reports;
  bool force = false;  // replace the stored reports even when the content hash is the same
};

// Events are deduplicated within blocks of one PLOVER type and one calendar year (0 = unknown
// date); a block is recomputed as a whole whenever one of its reports changes.
struct BlockKey {
  std::string type;
  int year = 0;
};

struct Source {
  int64_t report = 0;
  std::string doc;
  std::string outlet;  // the document's `source`
  std::string url;
  std::string published;  // the document's date
  uint32_t sentence = 0;
  std::string evidence;
};

struct EventView {
  Event event;
  std::string doc;  // the representative report's document, sentence and wording
  uint32_t sentence = 0;
  std::string evidence;
  std::vector<Source> sources;
};

struct ReportView {
  Report report;
  std::string event_id;
  std::string outlet;
};

// Orders of `faultline events --sort`: ties always by date then id, unknown tolls last.
enum class EventSort { Date, DateDesc, Fatalities, FatalitiesDesc, Sources };

// Filters of `faultline events` and `faultline export`, resolved to ids and date keys.
struct EventQuery {
  bool by_actor = false;                // --actor was given (no matching id → no rows)
  std::vector<std::string> actor_ids;   // the actor, its members and aliases resolved
  std::vector<std::string> types;       // PLOVER types, upper case (any of them; empty = all)
  std::vector<std::string> place_keys;  // folded place names or admin1s (any of them; empty = all)
  std::string region_key;               // folded first-level region ("" = any)
  std::string country;                  // ISO3 of the event's place ("" = any)
  int from_key = 0;                     // YYYYMMDD, inclusive; 0 = open
  int to_key = 0;
  std::string text;                     // words that the evidence must contain
  std::optional<int64_t> min_fatalities;  // stated toll at least this (unknown tolls excluded)
  std::optional<double> min_confidence;
  int date_length = 0;                  // 10 = day precision, 7 = month, 4 = year; 0 = any
  EventSort sort = EventSort::Date;     // events only; reports keep their order
  std::size_t offset = 0;               // rows skipped after sorting
  std::size_t limit = 0;                // 0 = all
};

// Converting to and from the coder's contract value.
Report report_from_coded(const coding::CodedEvent& e, uint32_t index);
coding::CodedEvent to_coded(const EventData& data, const std::string& doc, uint32_t sentence,
                            const std::string& evidence);

}  // namespace faultline::store
