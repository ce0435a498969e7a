#include "cli/store_options.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "graph/memberships.h"
#include "text/fold.h"

namespace faultline::cli {

std::vector<std::string> PackOptions::dirs() const {
  std::vector<std::string> out;
  if (!no_default) {
    std::string root = FAULTLINE_PACK_DIR;
    if (const char* env = std::getenv("FAULTLINE_PACKS"); env && *env) root = env;
    for (const char* name : {"core", "geo", "sahel"}) {
      auto p = std::filesystem::path(root) / name;
      if (std::filesystem::is_directory(p)) out.push_back(p.string());
    }
  }
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

void DbOption::add_to(CLI::App& cmd) {
  cmd.add_option("--db", path,
                 "The store: an SQLite database file, or postgresql://USER@HOST:PORT/DBNAME (default: $FAULTLINE_DB)")
      ->envname("FAULTLINE_DB")
      ->required();
}

std::unique_ptr<store::Store> DbOption::open() const {
  auto s = store::open_store(path, false);
  const std::string shown = store::display_location(path);
  if (s->has_pending_work())
    std::cerr << "faultline: warning: " << shown << " has work in progress or left by an interrupted ingest"
              << " (events or graph not yet recomputed); `faultline ingest --db " << shown << "` finishes it\n";
  return s;
}

void FormatOption::add_to(CLI::App& cmd) {
  cmd.add_option("--format", name, "Output: table (default), json (JSON Lines, one object per row) or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
}

void EventFilterOptions::add_to(CLI::App& cmd) {
  cmd.add_option("--actor", actor, "Events involving this actor (id, name or alias), a coalition's members included");
  cmd.add_option("--type", type, "PLOVER event types, comma-separated (ASSAULT,PROTEST; case ignored)");
  cmd.add_option("--place", place,
                 "Place name or first-level region (accents and case ignored; variants such as Tombouctou resolve)");
  cmd.add_option("--region", region, "First-level region (admin1), e.g. Kidal, Timbuktu");
  cmd.add_option("--country", country, "Country of the event's place: ISO3 code (MLI) or name");
  cmd.add_option("--from", from, "Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")->check(partial_date());
  cmd.add_option("--to", to, "Events on or before this date")->check(partial_date());
  cmd.add_option("--text", text, "Words the evidence must contain (all of them; accents and case ignored)");
  cmd.add_option("--min-fatalities", min_fatalities, "Events with a stated toll of at least N")
      ->check(CLI::NonNegativeNumber);
  cmd.add_option("--min-confidence", min_confidence, "Events with confidence of at least X (0..1)")
      ->check(CLI::Range(0.0, 1.0));
  cmd.add_option("--precision", precision, "Events dated to the day, month or year exactly")
      ->check(CLI::IsMember({"day", "month", "year"}));
  cmd.add_option("--sort", sort,
                 "Order: date (default), -date (latest first), fatalities, -fatalities (deadliest first), "
                 "sources (most reported first)")
      ->check(CLI::IsMember({"date", "-date", "fatalities", "-fatalities", "sources"}));
  cmd.add_option("--offset", offset, "Skip this many rows first (after sorting)");
  cmd.add_option("--limit", limit, "At most this many rows (default: all)");
}

std::vector<std::string> actor_ids_with_members(store::Store& s, const std::string& name, const graph::Window& w) {
  std::vector<std::string> ids;
  auto facts = s.memberships();
  for (const auto& a : s.find_actors(name)) {
    ids.push_back(a.id);
    for (const auto& m : graph::members_of(facts, a.id, w)) ids.push_back(m);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

const std::string& ActorNames::operator()(const std::string& id) {
  auto it = names_.find(id);
  if (it == names_.end()) {
    auto info = store_.actor(id);
    it = names_.emplace(id, info ? info->name : id).first;
  }
  return it->second;
}

}  // namespace faultline::cli
