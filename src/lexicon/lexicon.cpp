#include "lexicon/lexicon.h"

#include <charconv>
#include <filesystem>
#include <regex>
#include <stdexcept>

#include "lexicon/tsv_file.h"
#include "text/fold.h"
#include "text/tokenizer.h"

namespace faultline::lexicon {
namespace fs = std::filesystem;

namespace {

const std::unordered_set<std::string> kSectors = {"GOV", "MIL", "POL", "REB", "OPP", "CVL", "IGO",
                                                  "NGO", "BUS", "MED", "JUD", "LEG", "PMC", "INS"};
const std::unordered_set<std::string> kKinds = {"state", "government", "military", "police", "group",
                                                "coalition", "igo", "ngo", "person", "company", "media",
                                                "community"};
const std::unordered_set<std::string> kTypes = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

bool is_iso3(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool all_capitals(const std::string& phrase) {
  int letters = 0;
  for (unsigned char c : phrase) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c >= 0x80) return false;  // accented letters: treat as mixed case
  }
  return letters >= 2;
}

double parse_double(const TsvFile& f, const TsvRow& row, const std::string& cell, const char* what) {
  try {
    std::size_t used = 0;
    double v = std::stod(cell, &used);
    if (used != cell.size()) throw std::invalid_argument(cell);
    return v;
  } catch (const std::exception&) {
    f.fail(row, std::string("bad ") + what + " '" + cell + "'");
  }
}

PartialDate date_cell(const TsvFile& f, const TsvRow& row, const std::string& cell) {
  if (cell.empty()) return {};
  auto d = parse_partial_date(cell);
  if (!d) f.fail(row, "bad date '" + cell + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
  return *d;
}

}  // namespace

namespace {

// Days in a month of the proleptic Gregorian calendar (month 1..12).
int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

}  // namespace

// Only dates on the calendar parse: 2021-02-31 is refused, never shifted to March. Read by hand,
// not with a regular expression: the store parses every report's and document's date on each read.
std::optional<PartialDate> parse_partial_date(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return std::nullopt;
  // The number of `n` ASCII digits at `at`, or -1.
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  PartialDate d;
  d.year = number(0, 4);
  if (s.size() >= 7) {
    if (s[4] != '-') return std::nullopt;
    d.month = number(5, 2);
    if (d.month < 1 || d.month > 12) return std::nullopt;
  }
  if (s.size() == 10) {
    if (s[7] != '-') return std::nullopt;
    d.day = number(8, 2);
    if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  }
  if (d.year <= 0) return std::nullopt;
  return d;
}

std::vector<std::string> Lexicon::phrase_keys(const std::string& phrase) {
  std::vector<std::string> keys;
  for (auto& t : text::tokenize(phrase)) keys.push_back(std::move(t.key));
  return keys;
}

void Lexicon::add_name(const std::string& phrase, NameKind kind, uint32_t ref, bool alias) {
  auto keys = phrase_keys(phrase);
  if (keys.empty()) return;
  uint64_t key = (static_cast<uint64_t>(alias) << 40) | (static_cast<uint64_t>(kind) << 32) | ref;
  auto [it, inserted] = name_entry_ids_.emplace(key, static_cast<uint32_t>(name_entries_.size()));
  if (inserted) name_entries_.push_back(NameEntry{kind, ref, alias});
  names_.add(keys, it->second, all_capitals(phrase));
}

Lexicon Lexicon::load(const std::vector<std::string>& pack_dirs) {
  Lexicon lex;
  for (const auto& dir : pack_dirs) {
    if (!fs::is_directory(dir)) throw PackError(dir, 0, "pack folder not found");
  }
  auto each = [&](const char* file, auto loader) {
    for (const auto& dir : pack_dirs) {
      fs::path p = fs::path(dir) / file;
      if (fs::exists(p)) (lex.*loader)(p.string());
    }
  };
  each("irregular_verbs.tsv", &Lexicon::load_irregular);
  each("irregular_verbs_fr.tsv", &Lexicon::load_irregular_fr);
  each("countries.tsv", &Lexicon::load_countries);
  each("actors.tsv", &Lexicon::load_actors);
  each("agents.tsv", &Lexicon::load_agents);
  each("places.tsv", &Lexicon::load_places);
  each("plover_map.tsv", &Lexicon::load_mapping);
  each("cues.tsv", &Lexicon::load_cues);
  each("name_words.tsv", &Lexicon::load_name_words);
  each("roles.tsv", &Lexicon::load_roles);
  each("memberships.tsv", &Lexicon::load_memberships);
  each("events.tsv", &Lexicon::load_events);
  each("events_fr.tsv", &Lexicon::load_events_fr);
  return lex;
}

void Lexicon::load_irregular(const std::string& path) {
  auto f = read_tsv(path, {"lemma", "forms"});
  for (const auto& row : f.rows) {
    if (row[0].empty()) f.fail(row, "empty lemma");
    verbs_.add_irregular(text::fold(row[0]), [&] {
      std::vector<std::string> forms;
      for (auto& x : split_list(row[1])) forms.push_back(text::fold(x));
      return forms;
    }());
  }
}

void Lexicon::load_countries(const std::string& path) {
  auto f = read_tsv(path, {"iso3", "name", "aliases", "demonyms", "capitals"});
  for (const auto& row : f.rows) {
    if (!is_iso3(row[0])) f.fail(row, "iso3 must be three capital letters, not '" + row[0] + "'");
    if (row[1].empty()) f.fail(row, "empty name");
    uint32_t idx;
    if (auto it = country_by_iso3_.find(row[0]); it != country_by_iso3_.end()) {
      idx = it->second;
    } else {
      idx = static_cast<uint32_t>(countries_.size());
      countries_.push_back(Country{row[0], row[1]});
      country_by_iso3_[row[0]] = idx;
    }
    add_name(row[1], NameKind::CountryName, idx);
    for (auto& a : split_list(row[2])) add_name(a, NameKind::CountryName, idx);
    for (auto& a : split_list(row[3])) add_name(a, NameKind::Demonym, idx);
    for (auto& a : split_list(row[4])) add_name(a, NameKind::Capital, idx);
  }
}

void Lexicon::load_actors(const std::string& path) {
  static const std::regex id_re("[A-Z0-9_]+");
  auto f = read_tsv(path, {"id", "name", "kind", "country", "sector", "aliases", "note"});
  std::unordered_set<std::string> seen;
  for (const auto& row : f.rows) {
    const auto& id = row[0];
    if (!std::regex_match(id, id_re)) f.fail(row, "actor id must be [A-Z0-9_]+, not '" + id + "'");
    if (!seen.insert(id).second) f.fail(row, "duplicate actor id '" + id + "'");
    if (row[1].empty()) f.fail(row, "empty name");
    if (!kKinds.count(row[2])) f.fail(row, "unknown kind '" + row[2] + "'");
    if (!row[3].empty() && !is_iso3(row[3])) f.fail(row, "country must be ISO 3166 alpha-3, not '" + row[3] + "'");
    if (!kSectors.count(row[4])) f.fail(row, "unknown sector '" + row[4] + "'");
    uint32_t idx;
    if (auto it = actor_by_id_.find(id); it != actor_by_id_.end()) {
      idx = it->second;  // a later pack extends an actor: its row's fields win, aliases add up
      auto aliases = std::move(actors_[idx].aliases);
      actors_[idx] = Actor{id, row[1], row[2], row[3], row[4], std::move(aliases)};
    } else {
      idx = static_cast<uint32_t>(actors_.size());
      actors_.push_back(Actor{id, row[1], row[2], row[3], row[4], {}});
      actor_by_id_[id] = idx;
    }
    add_name(row[1], NameKind::Actor, idx);
    for (auto& a : split_list(row[5])) {
      add_name(a, NameKind::Actor, idx);
      actors_[idx].aliases.push_back(a);
    }
  }
}

void Lexicon::load_agents(const std::string& path) {
  auto f = read_tsv(path, {"id", "sector", "with_country", "without_country", "words"});
  for (const auto& row : f.rows) {
    if (row[0].empty()) f.fail(row, "empty id");
    if (!kSectors.count(row[1])) f.fail(row, "unknown sector '" + row[1] + "'");
    if (row[2].empty() || row[3].empty()) f.fail(row, "both names are required");
    auto idx = static_cast<uint32_t>(agents_.size());
    auto words = split_list(row[4]);
    agents_.push_back(Agent{row[0], row[1], row[2], row[3], words});
    if (words.empty()) f.fail(row, "no words");
    for (auto& w : words) add_name(w, NameKind::Agent, idx);
  }
}

void Lexicon::load_places(const std::string& path) {
  auto f = read_tsv(path, {"id", "name", "aliases", "kind", "admin1", "country", "lat", "lon", "population"});
  places_.reserve(places_.size() + f.rows.size());
  for (const auto& row : f.rows) {
    if (row[1].empty()) f.fail(row, "empty name");
    if (!row[5].empty() && !is_iso3(row[5])) f.fail(row, "country must be ISO 3166 alpha-3, not '" + row[5] + "'");
    Place p{row[0], row[1], row[3], row[4], row[5], 0, 0, 0};
    p.lat = parse_double(f, row, row[6], "latitude");
    p.lon = parse_double(f, row, row[7], "longitude");
    if (p.lat < -90 || p.lat > 90 || p.lon < -180 || p.lon > 180) f.fail(row, "coordinates out of range");
    if (!row[8].empty()) {
      auto [ptr, ec] = std::from_chars(row[8].data(), row[8].data() + row[8].size(), p.population);
      if (ec != std::errc() || ptr != row[8].data() + row[8].size()) f.fail(row, "bad population '" + row[8] + "'");
    }
    auto idx = static_cast<uint32_t>(places_.size());
    places_.push_back(std::move(p));
    add_name(row[1], NameKind::Place, idx);
    for (auto& a : split_list(row[2]))
      if (a.size() >= 3) add_name(a, NameKind::Place, idx, /*alias=*/true);
  }
}

void Lexicon::load_mapping(const std::string& path) {
  auto f = read_tsv(path, {"type", "mode", "acled_type", "acled_subtype", "cameo"});
  for (const auto& row : f.rows) {
    if (!kTypes.count(row[0])) f.fail(row, "unknown PLOVER type '" + row[0] + "'");
    mappings_[row[0] + "/" + row[1]] = PloverMapping{row[2], row[3], row[4]};
  }
}

void Lexicon::load_cues(const std::string& path) {
  auto f = read_tsv(path, {"kind", "words"});
  for (const auto& row : f.rows) {
    if (row[0].empty()) f.fail(row, "empty kind");
    for (auto& w : split_list(row[1])) {
      auto keys = phrase_keys(w);
      if (keys.size() == 1)
        cues_[row[0]].insert(keys[0]);
      else if (keys.size() > 1) {
        cue_phrase_starts_[row[0]].insert(keys[0]);
        cue_phrases_[row[0]].push_back(std::move(keys));
      }
    }
  }
}

void Lexicon::load_roles(const std::string& path) {
  auto f = read_tsv(path, {"person", "actor", "role", "from", "to"});
  for (const auto& row : f.rows) {
    uint32_t person = actor_index(row[0]);
    uint32_t actor = actor_index(row[1]);
    if (person == kNone) f.fail(row, "unknown person id '" + row[0] + "'");
    if (actor == kNone) f.fail(row, "unknown actor id '" + row[1] + "'");
    roles_.push_back(Role{person, actor, row[2], date_cell(f, row, row[3]), date_cell(f, row, row[4])});
  }
}

void Lexicon::load_memberships(const std::string& path) {
  auto f = read_tsv(path, {"member", "group", "from", "to", "note"});
  for (const auto& row : f.rows) {
    uint32_t member = actor_index(row[0]);
    uint32_t group = actor_index(row[1]);
    if (member == kNone) f.fail(row, "unknown member id '" + row[0] + "'");
    if (group == kNone) f.fail(row, "unknown group id '" + row[1] + "'");
    memberships_.push_back(Membership{member, group, date_cell(f, row, row[2]), date_cell(f, row, row[3])});
  }
}

void Lexicon::load_events(const std::string& path) { load_event_rows(path, verbs_, ""); }
void Lexicon::load_events_fr(const std::string& path) { load_event_rows(path, verbs_fr_, "fr"); }

void Lexicon::load_irregular_fr(const std::string& path) {
  auto f = read_tsv(path, {"lemma", "forms"});
  for (const auto& row : f.rows) {
    if (row[0].empty()) f.fail(row, "empty lemma");
    std::vector<std::string> forms;
    for (auto& x : split_list(row[1])) forms.push_back(text::fold(x));
    if (forms.empty()) f.fail(row, "no forms");
    verbs_fr_.add_irregular(text::fold(row[0]), forms);
  }
}

void Lexicon::load_event_rows(const std::string& path, const VerbInflector& verbs, const std::string& lang) {
  auto f = read_tsv(path, {"type", "mode", "cameo", "pattern", "note"});
  for (const auto& row : f.rows) {
    if (!kTypes.count(row[0])) f.fail(row, "unknown PLOVER type '" + row[0] + "'");
    if (row[3].empty()) f.fail(row, "empty pattern");
    EventPattern p;
    p.type = row[0];
    p.mode = row[1];
    p.cameo = row[2];
    p.file = path;
    p.line = row.line;
    p.lang = lang;
    try {
      patterns_.add(std::move(p), row[3], verbs);
    } catch (const std::invalid_argument& e) {
      f.fail(row, std::string("bad pattern: ") + e.what());
    }
  }
}

uint32_t Lexicon::actor_index(const std::string& id) const {
  auto it = actor_by_id_.find(id);
  return it == actor_by_id_.end() ? kNone : it->second;
}

uint32_t Lexicon::country_index(const std::string& iso3) const {
  auto it = country_by_iso3_.find(iso3);
  return it == country_by_iso3_.end() ? kNone : it->second;
}

uint32_t Lexicon::affiliation(uint32_t person, const PartialDate& date) const {
  uint32_t best = kNone;
  int best_from = -1;
  for (const auto& r : roles_) {
    if (r.person != person) continue;
    if (date.known()) {
      bool after_start = !r.from.known() || date.last_key() >= r.from.first_key();
      bool before_end = !r.to.known() || date.first_key() <= r.to.last_key();
      if (!(after_start && before_end)) continue;
    }
    int from = r.from.known() ? r.from.first_key() : 0;
    if (from >= best_from) {
      best_from = from;
      best = r.actor;
    }
  }
  return best;
}

const PloverMapping* Lexicon::mapping(const std::string& type, const std::string& mode) const {
  if (!mode.empty())
    if (auto it = mappings_.find(type + "/" + mode); it != mappings_.end()) return &it->second;
  auto it = mappings_.find(type + "/");
  return it == mappings_.end() ? nullptr : &it->second;
}

bool Lexicon::cue(std::string_view kind, std::string_view word) const {
  auto it = cues_.find(kind);
  return it != cues_.end() && it->second.find(word) != it->second.end();
}

bool Lexicon::cue(std::string_view kind, const text::Token& token) const {
  auto it = cues_.find(kind);
  return it != cues_.end() && it->second.find(text::key_of(token)) != it->second.end();
}

}  // namespace faultline::lexicon

namespace faultline::lexicon {

uint32_t Lexicon::cue_at(const std::string& kind, const std::vector<text::Token>& tokens, uint32_t i,
                         uint32_t end) const {
  if (i >= end) return 0;
  uint32_t best = 0;
  auto starts = cue_phrase_starts_.find(kind);
  bool may_start =
      starts != cue_phrase_starts_.end() && starts->second.find(text::key_of(tokens[i])) != starts->second.end();
  if (auto it = may_start ? cue_phrases_.find(kind) : cue_phrases_.end(); it != cue_phrases_.end()) {
    for (const auto& phrase : it->second) {
      if (i + phrase.size() > end || phrase.size() <= best) continue;
      bool same = true;
      for (std::size_t k = 0; same && k < phrase.size(); ++k) same = tokens[i + k].key == phrase[k];
      if (same) best = static_cast<uint32_t>(phrase.size());
    }
  }
  if (!best && cue(kind, tokens[i])) best = 1;
  return best;
}

}  // namespace faultline::lexicon
