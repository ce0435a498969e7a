// An index of the store's events in memory for the API: compact columns and posting lists that
// make filtering, sorting, counting by month and clustering on the map take milliseconds on
// millions of events, and a word index of their evidence. It holds no wording, sources or
// actors' names: the API reads the events of a page from the store by id. Built once when the
// server starts (the server is read-only), then shared by every request thread; the word index is
// built apart (load_words), so that the server can answer other queries while it is built.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <unordered_map>
#include <vector>

#include "serve/string_ids.h"
#include "serve/word_index.h"
#include "store/store.h"

namespace faultline::serve {

// A rectangle on the map, in degrees.
struct BBox {
  double west = -180, south = -90, east = 180, north = 90;
  bool contains(double lat, double lon) const { return south <= lat && lat <= north && west <= lon && lon <= east; }
};

// What the API's filters resolve to (see EventIndex::resolve_* and the API's parameter parsing).
struct EventFilter {
  bool by_actor = false;
  std::vector<uint32_t> actors;  // interned actor ids (the actor with its members), sorted
  std::vector<uint32_t> types;   // interned PLOVER types; empty = any
  std::optional<uint32_t> place;   // a folded place name or region (either matches)
  std::optional<uint32_t> region;  // a folded first-level region only
  int from_key = 0;  // YYYYMMDD; events whose dates reach into [from, to]
  int to_key = 0;
  std::vector<WordQuery> words;  // all must occur in one of the event's evidence sentences
  std::optional<BBox> bbox;
  std::optional<int64_t> min_fatalities;  // events whose stated toll is at least this
  std::optional<double> min_confidence;
};

enum class SortKey { Date, Fatalities, Sources, Confidence };
struct Sort {
  SortKey key = SortKey::Date;
  bool descending = false;
};

// One cell of the map's grid: the events of one square, where they are on average.
struct Cluster {
  double lat = 0, lon = 0;
  std::size_t count = 0;
  int64_t fatalities = 0;  // the tolls its events state, summed
  std::map<std::string, std::size_t> types;
  uint32_t first = 0;         // an event of the cell (the only one when count is 1)
  bool single_place = true;   // all events at the same coordinates
  std::string place;          // their place, when single_place
};

// What the timeline counts events by: their type, each of their actors, or their region.
enum class TimelineGroup { Type, Actor, Region };

// Events and the fatalities they state (unknown tolls count 0), summed.
struct Tally {
  std::size_t events = 0;
  int64_t fatalities = 0;
  void add(int32_t toll) {
    ++events;
    if (toll > 0) fatalities += toll;
  }
};

struct Timeline {
  std::vector<std::string> groups;                     // group keys present, most events first
  std::map<std::string, Tally> group_totals;           // by group key
  std::map<int, std::map<std::string, Tally>> months;  // YYYYMM → group key → tally
  std::map<int, Tally> month_totals;                   // YYYYMM → every matching event of it
  std::map<int, Tally> year_only;                      // events dated to a year only
  Tally undated;
  Tally total;  // every matching event once (an event with two actors counts once here)
};

struct Facet {
  std::string value;
  std::string label;
  std::size_t count = 0;
};

class EventIndex {
 public:
  // Reads the columns of every event of the store (in the store's order: by date, then id).
  void load(store::Store& s);
  // Reads the evidence of every event and builds the word index; until it is done, a filter with
  // words waits for it. Another thread may call this while requests are answered. Throws (and
  // leaves text filters failing) when the store's events no longer match those loaded, or when
  // `stop` is requested (the server stops).
  void load_words(store::Store& s, std::stop_token stop = {});

  std::size_t size() const { return columns_.size(); }
  // The public id of the i-th event.
  std::string_view id(uint32_t i) const {
    return std::string_view(id_chars_).substr(id_begin_[i], id_begin_[i + 1] - id_begin_[i]);
  }
  // The ids of events, for reading them whole from the store.
  std::vector<std::string> ids(const std::vector<uint32_t>& rows) const;

  // Ids of strings as the filters need them; kUnknown for a value no event has.
  uint32_t type_id(const std::string& type) const { return ids_.find(type); }
  uint32_t place_id(const std::string& folded) const { return ids_.find(folded); }
  uint32_t actor_id(const std::string& id) const { return ids_.find(id); }
  bool has_actor(const std::string& id) const;

  // Matching events in date order (then id).
  void for_each(const EventFilter& f, const std::function<void(uint32_t)>& fn) const;
  struct Page {
    std::size_t total = 0;
    std::vector<uint32_t> rows;
  };
  // With `after` (a position, see position()), the page starts after that position instead of
  // at `offset`: cursor paging, stable however deep.
  Page page(const EventFilter& f, Sort sort, std::size_t offset, std::size_t limit,
            std::optional<uint32_t> after = std::nullopt) const;
  // Where event `row` is in the order of `sort.key` (ascending; a descending page walks it
  // backwards): its row for dates, its rank for the other keys. Every event has its own position.
  uint32_t position(uint32_t row, SortKey key) const;
  // The event at a position (the inverse of position()); nullopt when out of range.
  std::optional<uint32_t> row_at(uint32_t position, SortKey key) const;

  Timeline timeline(const EventFilter& f, TimelineGroup group = TimelineGroup::Type) const;
  // A group key's display label (an actor id and a region key are not what people read).
  std::string region_label(const std::string& region_key) const;
  // Grid clusters for a map at `zoom` (cells of about 48 pixels at that zoom).
  std::vector<Cluster> clusters(const EventFilter& f, int zoom) const;

  // Counts for the filter lists of the page.
  std::vector<Facet> type_counts() const;
  std::vector<Facet> region_counts() const;
  // Where each region's located events are on average (by region key; regions with none left
  // out): where the map writes a region's name, having no region borders to draw.
  std::map<std::string, std::pair<double, double>> region_centres() const;
  std::size_t actor_events(const std::string& actor_id) const;
  // The first and last date keys of dated events (0 when none).
  std::pair<int, int> date_range() const;

  // Every actor id that events name (actors and the organisations persons acted for).
  std::vector<std::string> actor_ids() const;

 private:
  // What filters read for every candidate: kept small, so that scans stay in cache.
  struct Columns {
    int first_key = 0, last_key = 0;  // 0 = undated
    uint32_t type = 0;
    uint32_t place = 0, region = 0;   // folded place name and first-level region
    float lat = 0, lon = 0;
    bool has_coordinates = false;
    uint32_t actors_begin = 0, actors_end = 0;  // into actor_refs_
    int32_t fatalities = -1;                    // -1 = not stated
    double confidence = 0;                      // as stored, so that min_confidence compares as the store does
  };
  // Where an event is, as the map shows a single place (read for one event of each cell).
  struct Place {
    double lat = 0, lon = 0;
    uint32_t name = 0;  // in names_
  };
  // Blocks until the word index is built; throws ApiError 503 when building it failed.
  void wait_for_words() const;
  // The posting lists of the filter's words: references into the index, or (for prefixes) unions
  // kept in `owned`.
  using ListRefs = std::vector<const std::vector<uint32_t>*>;
  ListRefs word_lists(const EventFilter& f, std::deque<std::vector<uint32_t>>& owned) const;
  bool matches(const Columns& c, uint32_t i, const EventFilter& f, const ListRefs& words) const;
  // The smallest list of events that contains every match: one of the posting lists (no copy),
  // or a union of several in `owned`; `list` is null for all events. `exact`: the list is the
  // answer itself (one constraint, which the list encodes).
  struct Candidates {
    const std::vector<uint32_t>* list = nullptr;
    std::vector<uint32_t> owned;
    std::shared_ptr<const std::vector<uint32_t>> shared;  // a cached union of actor lists
    bool exact = false;
  };
  // The events of any of `actors` (a coalition and its members), cached: the page asks for the
  // same actors again and again, and a union of large lists costs milliseconds.
  std::shared_ptr<const std::vector<uint32_t>> actor_union(const std::vector<uint32_t>& actors) const;
  mutable std::mutex union_mutex_;
  mutable std::map<std::vector<uint32_t>, std::shared_ptr<const std::vector<uint32_t>>> unions_;
  void candidates(const EventFilter& f, const ListRefs& words, Candidates& out) const;
  // Calls fn(i) for each match, in date order, without the cost of a std::function per event.
  template <typename F>
  void scan(const EventFilter& f, F&& fn) const;
  template <typename F>
  void scan_candidates(const EventFilter& f, const ListRefs& words, const Candidates& c, F&& fn) const;

  // All events ordered by each sort key other than date (then by date order), for pages sorted
  // by fatalities, sources or confidence without sorting every match; and each event's position
  // in those orders, for sorting a few matches.
  std::vector<uint32_t> by_fatalities_, by_sources_, by_confidence_;
  std::vector<uint32_t> rank_fatalities_, rank_sources_, rank_confidence_;
  const std::vector<uint32_t>& order_of(SortKey key) const;
  const std::vector<uint32_t>& rank_of(SortKey key) const;
  std::vector<Columns> columns_;
  std::vector<Place> places_;
  std::string id_chars_;             // every event's id, one after the other
  std::vector<uint32_t> id_begin_;   // where each starts in id_chars_ (one more: the end)
  std::vector<uint32_t> actor_refs_;
  StringIds ids_;
  StringIds names_;  // places' display names
  std::unordered_map<uint32_t, std::vector<uint32_t>> by_type_, by_place_, by_region_, by_actor_;
  std::unordered_map<uint32_t, std::string> region_labels_;  // "Admin1 (CTY)" by region
  WordIndex words_;
  enum class WordsState { Loading, Ready, Failed };
  mutable std::mutex words_mutex_;
  mutable std::condition_variable words_ready_;
  WordsState words_state_ = WordsState::Loading;  // guarded by words_mutex_
  std::atomic<bool> words_done_{false};  // Ready or Failed: no wait, no lock
};

}  // namespace faultline::serve
