// Resolving the filters of `events` and `export` (EventFilterOptions::resolve): names to what the
// store holds. A filter that names nothing stored is a usage error with suggestions rather than
// an empty answer, since an empty answer cannot be told from "no such events".
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "cli/suggest.h"
#include "lexicon/tsv_file.h"
#include "text/fold.h"
#include "text/tokenizer.h"

namespace faultline::cli {
namespace {

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// The PLOVER types (plover_map.tsv) and everyday words for them (type_words.tsv) of the packs.
struct TypeVocabulary {
  std::vector<std::string> types;
  std::map<std::string, std::string> words;  // folded word → type
};

TypeVocabulary load_type_vocabulary() {
  TypeVocabulary v;
  const auto dirs = PackOptions{}.dirs();
  for (const auto& dir : dirs) {
    const auto path = std::filesystem::path(dir) / "plover_map.tsv";
    if (!std::filesystem::exists(path)) continue;
    const auto f = lexicon::read_tsv(path.string(), {"type", "mode", "acled_type", "acled_subtype", "cameo"});
    for (const auto& row : f.rows)
      if (std::find(v.types.begin(), v.types.end(), row[0]) == v.types.end()) v.types.push_back(row[0]);
  }
  std::sort(v.types.begin(), v.types.end());
  for (const auto& dir : dirs) {
    const auto path = std::filesystem::path(dir) / "type_words.tsv";
    if (!std::filesystem::exists(path)) continue;
    auto f = lexicon::read_tsv(path.string(), {"word", "type"});
    for (const auto& row : f.rows) {
      if (!std::binary_search(v.types.begin(), v.types.end(), row[1])) f.fail(row, "unknown PLOVER type '" + row[1] + "'");
      v.words[text::fold(row[0])] = row[1];
    }
  }
  return v;
}

// One --type item: a PLOVER type, or an error naming the type an everyday word stands for.
std::string resolve_type(const std::string& item, const TypeVocabulary& v) {
  const std::string type = upper(item);
  if (std::binary_search(v.types.begin(), v.types.end(), type)) return type;
  std::vector<std::string> hints;
  if (auto it = v.words.find(text::fold(item)); it != v.words.end()) hints.push_back(it->second);
  for (const auto& t : closest_names(item, v.types, 3))
    if (std::find(hints.begin(), hints.end(), t) == hints.end()) hints.push_back(t);
  throw std::invalid_argument("--type: unknown event type '" + item + "'" + did_you_mean(hints) +
                              " PLOVER types: " + join(v.types, ", "));
}

std::vector<std::string> resolve_types(const std::string& arg) {
  const TypeVocabulary v = load_type_vocabulary();
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= arg.size()) {
    const auto comma = std::min(arg.find(',', start), arg.size());
    const std::string item = trim(arg.substr(start, comma - start));
    if (item.empty()) throw std::invalid_argument("--type: empty type in '" + arg + "'");
    out.push_back(resolve_type(item, v));
    start = comma + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The places, first-level regions and countries of the stored events, by folded name.
struct StoredPlaces {
  std::map<std::string, std::string> places;   // folded name → name
  std::map<std::string, std::string> regions;  // folded admin1 → admin1
  bool has(const std::string& key) const { return places.count(key) || regions.count(key); }
};

StoredPlaces stored_places(store::Store& s) {
  StoredPlaces out;
  s.scan_event_columns(false, [&](const store::EventColumns& c) {
    if (!c.location) return;
    if (!c.location->name.empty()) out.places.emplace(text::fold(c.location->name), c.location->name);
    if (!c.location->admin1.empty()) out.regions.emplace(text::fold(c.location->admin1), c.location->admin1);
  });
  return out;
}

std::vector<std::string> names_of(const std::map<std::string, std::string>& m) {
  std::vector<std::string> out;
  for (const auto& [k, name] : m) out.push_back(name);
  return out;
}

// The coder's lexicon (bundled packs), loaded once and only when a name needs it; null when the
// packs cannot be loaded (resolution then uses the stored names alone).
const lexicon::Lexicon* coder_lexicon() {
  static std::optional<lexicon::Lexicon> lex;
  static bool tried = false;
  if (!tried) {
    tried = true;
    try {
      lex = PackOptions{}.load();
    } catch (const std::exception& e) {
      std::cerr << "faultline: warning: packs not loaded, place variants not resolved: " << e.what() << "\n";
    }
  }
  return lex ? &*lex : nullptr;
}

// The gazetteer places a whole name stands for, as the coder reads it in a text (name or alias:
// Tombouctou → Timbuktu).
std::vector<const lexicon::Place*> gazetteer_places(const std::string& name) {
  std::vector<const lexicon::Place*> out;
  const lexicon::Lexicon* lex = coder_lexicon();
  if (!lex) return out;
  auto tokens = text::tokenize(name);
  if (tokens.empty()) return out;
  std::vector<lexicon::PhraseIndex::Match> matches;
  lex->names().match_at(tokens, 0, tokens.size(), matches);
  for (const auto& m : matches) {
    const auto& e = lex->name_entry(m.payload);
    if (m.length == tokens.size() && e.kind == lexicon::NameKind::Place) out.push_back(&lex->places()[e.ref]);
  }
  return out;
}

// Folded keys of a --place: the name itself when stored, else the stored names the gazetteer
// gives for it (a place's name, a region's admin1).
std::vector<std::string> resolve_place(const std::string& place, const StoredPlaces& stored) {
  const std::string key = text::fold(place);
  if (key.empty()) throw std::invalid_argument("--place is empty");
  if (stored.has(key)) return {key};
  std::set<std::string> keys;
  std::string known_as;
  for (const auto* pl : gazetteer_places(place)) {
    if (known_as.empty()) known_as = pl->name;
    for (const std::string& name : {pl->name, pl->kind == "admin1" ? pl->admin1 : std::string()})
      if (!name.empty() && stored.has(text::fold(name))) keys.insert(text::fold(name));
  }
  if (!keys.empty()) return {keys.begin(), keys.end()};
  auto known = names_of(stored.places);
  auto regions = names_of(stored.regions);
  known.insert(known.end(), regions.begin(), regions.end());
  throw std::invalid_argument("--place: no stored event is at a place or region named '" + place + "'" +
                              (known_as.empty() ? "" : " (the gazetteer's " + known_as + ")") +
                              did_you_mean(closest_names(place, known)));
}

// The folded admin1 of a --region: as stored, or the region the gazetteer names so
// (Tombouctou Region, or a regional capital's name: Tombouctou → Timbuktu).
std::string resolve_region(const std::string& region, const StoredPlaces& stored) {
  const std::string key = text::fold(region);
  if (key.empty()) throw std::invalid_argument("--region is empty");
  if (stored.regions.count(key)) return key;
  for (const auto* pl : gazetteer_places(region)) {
    const std::string admin1 = text::fold(pl->admin1);
    const bool names_region = pl->kind == "admin1" || text::fold(pl->name) == admin1;
    if (names_region && stored.regions.count(admin1)) return admin1;
  }
  throw std::invalid_argument("--region: no stored event is in a first-level region named '" + region + "'" +
                              did_you_mean(closest_names(region, names_of(stored.regions))));
}

// A --country as ISO3: the code itself or a country's name.
std::string resolve_country(const std::string& country, store::Store& s) {
  const auto countries = s.countries();
  const std::string code = upper(trim(country));
  if (countries.count(code)) return code;
  const std::string key = text::fold(country);
  std::vector<std::string> names;
  std::map<std::string, std::string> code_of;
  for (const auto& [iso3, name] : countries) {
    if (text::fold(name) == key) return iso3;
    names.push_back(name);
    code_of[name] = iso3;
  }
  std::vector<std::string> hints;
  for (const auto& name : closest_names(country, names, 3)) hints.push_back(code_of[name] + " (" + name + ")");
  throw std::invalid_argument("--country: no country has the code or name '" + country + "'" + did_you_mean(hints));
}

// Actor ids and names a suggestion can offer: the packs' actors and the actors of stored events.
std::vector<std::string> actor_names(store::Store& s) {
  std::vector<std::string> out;
  if (const lexicon::Lexicon* lex = coder_lexicon())
    for (const auto& a : lex->actors()) {
      out.push_back(a.id);
      out.push_back(a.name);
    }
  std::set<std::string> ids;
  s.scan_event_columns(false, [&](const store::EventColumns& c) { ids.insert(c.actors.begin(), c.actors.end()); });
  out.insert(out.end(), ids.begin(), ids.end());
  return out;
}

store::EventSort sort_of(const std::string& name) {
  if (name == "-date") return store::EventSort::DateDesc;
  if (name == "fatalities") return store::EventSort::Fatalities;
  if (name == "-fatalities") return store::EventSort::FatalitiesDesc;
  if (name == "sources") return store::EventSort::Sources;
  if (name == "date") return store::EventSort::Date;
  throw std::invalid_argument("--sort must be date, -date, fatalities, -fatalities or sources, not '" + name + "'");
}

// The length of an event's date text at a precision (YYYY-MM-DD, YYYY-MM, YYYY).
int date_length(const std::string& precision) {
  if (precision == "day") return 10;
  if (precision == "month") return 7;
  if (precision == "year") return 4;
  if (precision.empty()) return 0;
  throw std::invalid_argument("--precision must be day, month or year, not '" + precision + "'");
}

}  // namespace

std::vector<std::string> gazetteer_names(const std::string& place) {
  std::vector<std::string> out;
  for (const auto* pl : gazetteer_places(place))
    if (std::find(out.begin(), out.end(), pl->name) == out.end()) out.push_back(pl->name);
  return out;
}

bool EventFilterOptions::any_filter() const {
  return !actor.empty() || !type.empty() || !place.empty() || !region.empty() || !country.empty() || !from.empty() ||
         !to.empty() || !text.empty() || min_fatalities || min_confidence || !precision.empty();
}

store::EventQuery EventFilterOptions::resolve(store::Store& s) const {
  store::EventQuery q;
  graph::Window w = graph::query_window("", from, to);
  if (!from.empty()) q.from_key = w.first;
  if (!to.empty()) q.to_key = w.last;
  if (!actor.empty()) {
    q.by_actor = true;
    q.actor_ids = actor_ids_with_members(s, actor, w);
    if (q.actor_ids.empty())
      throw std::invalid_argument("--actor: no actor is named '" + actor + "'" +
                                  did_you_mean(closest_names(actor, actor_names(s))));
  }
  if (!type.empty()) q.types = resolve_types(type);
  if (!place.empty() || !region.empty()) {
    const StoredPlaces stored = stored_places(s);
    if (!place.empty()) q.place_keys = resolve_place(place, stored);
    if (!region.empty()) q.region_key = resolve_region(region, stored);
  }
  if (!country.empty()) q.country = resolve_country(country, s);
  q.text = text;
  q.min_fatalities = min_fatalities;
  q.min_confidence = min_confidence;
  q.date_length = date_length(precision);
  q.sort = sort_of(sort);
  q.offset = offset;
  q.limit = limit;
  return q;
}

}  // namespace faultline::cli
