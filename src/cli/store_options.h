// Options and helpers shared by the store's commands: --db, --format, the event filters, and
// naming actors in output.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "export/rows.h"
#include "graph/time_window.h"
#include "store/store.h"

namespace faultline::cli {

struct DbOption {
  std::string path;
  void add_to(CLI::App& cmd);
  // Opens an existing store; says so on standard error when work is pending (an interrupted
  // ingest: events or the graph not yet recomputed).
  std::unique_ptr<store::Store> open() const;
  // The location for messages (a URL without its password).
  std::string shown() const { return store::display_location(path); }
};

struct FormatOption {
  std::string name = "table";
  void add_to(CLI::App& cmd);
  exporting::RowFormat format() const { return exporting::parse_row_format(name); }
};

// The filters of `events` and `export`.
struct EventFilterOptions {
  std::string actor;
  std::string type;
  std::string place;
  std::string region;
  std::string country;
  std::string from;
  std::string to;
  std::string text;
  std::optional<int64_t> min_fatalities;
  std::optional<double> min_confidence;
  std::string precision;
  std::string sort = "date";
  std::size_t offset = 0;
  std::size_t limit = 0;
  void add_to(CLI::App& cmd);
  // Whether any filter (not --sort, --offset or --limit) was given.
  bool any_filter() const;
  // Resolves names to ids (the actor with its members; places, regions and countries by their
  // names and the gazetteer's variants) and dates to keys. Throws std::invalid_argument (exit 2)
  // for a bad date, an unknown type, or an actor, place, region or country that names nothing
  // stored, with suggestions (cli/event_filters.cpp).
  store::EventQuery resolve(store::Store& s) const;
};

// The gazetteer's names for a place name as the coder reads it (Tombouctou → Timbuktu), from
// the bundled packs; empty when it names no place.
std::vector<std::string> gazetteer_names(const std::string& place);

// Every id an actor name stands for: the actors it names (id, name or alias) and, transitively,
// their members during `w` (so that a coalition includes its groups).
std::vector<std::string> actor_ids_with_members(store::Store& s, const std::string& name, const graph::Window& w);

// Actor names by id, looked up once each.
class ActorNames {
 public:
  explicit ActorNames(store::Store& s) : store_(s) {}
  const std::string& operator()(const std::string& id);

 private:
  store::Store& store_;
  std::map<std::string, std::string> names_;
};

}  // namespace faultline::cli
