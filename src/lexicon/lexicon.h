// Everything the packs say, loaded, validated and indexed for the extractors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/event_patterns.h"
#include "lexicon/french_verb_forms.h"
#include "lexicon/name_words.h"
#include "lexicon/phrase_index.h"
#include "lexicon/verb_forms.h"
#include "text/key_hash.h"

namespace faultline::lexicon {

inline constexpr uint32_t kNone = UINT32_MAX;

// A calendar date at day, month or year precision (month/day 0 when unknown).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool known() const { return year != 0; }
  // Compares as an interval: this date's first day and last day.
  int first_key() const { return year * 10000 + (month ? month : 1) * 100 + (day ? day : 1); }
  int last_key() const { return year * 10000 + (month ? month : 12) * 100 + (day ? day : 31); }
};
std::optional<PartialDate> parse_partial_date(const std::string& s);

struct Actor {
  std::string id;
  std::string name;
  std::string kind;
  std::string country;  // ISO3 or empty
  std::string sector;
  std::vector<std::string> aliases;  // as written in the pack, for tools that match names
};

struct Role {
  uint32_t person;
  uint32_t actor;
  std::string role;
  PartialDate from, to;  // unknown = open
};

struct Membership {
  uint32_t member;
  uint32_t group;
  PartialDate from, to;
};

struct Country {
  std::string iso3;
  std::string name;
};

struct Agent {
  std::string id;
  std::string sector;
  std::string with_country;
  std::string without_country;
  std::vector<std::string> words;  // the nouns that name it, as written in agents.tsv
};

struct Place {
  std::string id;
  std::string name;
  std::string kind;
  std::string admin1;
  std::string country;
  double lat = 0;
  double lon = 0;
  uint64_t population = 0;
};

struct PloverMapping {
  std::string acled_type;
  std::string acled_subtype;
  std::string cameo;
};

// What a name in the text can stand for.
enum class NameKind : uint8_t { Actor, CountryName, Capital, Demonym, Agent, Place };
struct NameEntry {
  NameKind kind;
  uint32_t ref;        // index into actors / countries / agents / places
  bool alias = false;  // a place matched through one of its alternate names, not its own
};

class Lexicon {
 public:
  // Loads every pack folder in order. Throws PackError.
  static Lexicon load(const std::vector<std::string>& pack_dirs);

  const std::vector<Actor>& actors() const { return actors_; }
  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<Agent>& agents() const { return agents_; }
  const std::vector<Place>& places() const { return places_; }
  const std::vector<Role>& roles() const { return roles_; }
  const std::vector<Membership>& memberships() const { return memberships_; }
  const EventPatterns& patterns() const { return patterns_; }
  const PhraseIndex& names() const { return names_; }
  const NameEntry& name_entry(uint32_t payload) const { return name_entries_[payload]; }
  // The words that build names of actors no pack knows (name_words.tsv).
  const NameWords& name_words() const { return name_words_; }

  uint32_t actor_index(const std::string& id) const;
  uint32_t country_index(const std::string& iso3) const;
  // The actor a person acts for on `date` (the latest role when the date is unknown), or kNone.
  uint32_t affiliation(uint32_t person, const PartialDate& date) const;
  // The mapping of a PLOVER type and mode (falling back to the type's default row).
  const PloverMapping* mapping(const std::string& type, const std::string& mode) const;
  // Whether a folded word belongs to a cue class of cues.tsv ("negation", "modal", …).
  bool cue(std::string_view kind, std::string_view word) const;
  bool cue(std::string_view kind, const text::Token& token) const;
  // Length in tokens of the longest cue phrase of `kind` starting at tokens[i] ("as well as"), or 0.
  uint32_t cue_at(const std::string& kind, const std::vector<text::Token>& tokens, uint32_t i, uint32_t end) const;
  // Sahel-first preference of a place row: lower is preferred among places of the same name.
  std::size_t place_count() const { return places_.size(); }

  // Folded token keys of a phrase, tokenised as documents are.
  static std::vector<std::string> phrase_keys(const std::string& phrase);

 private:
  void load_dir(const std::string& dir);
  void load_actors(const std::string& path);
  void load_roles(const std::string& path);
  void load_memberships(const std::string& path);
  void load_countries(const std::string& path);
  void load_agents(const std::string& path);
  void load_places(const std::string& path);
  void load_irregular(const std::string& path);
  void load_irregular_fr(const std::string& path);
  void load_events(const std::string& path);
  void load_events_fr(const std::string& path);
  void load_event_rows(const std::string& path, const VerbInflector& verbs, const std::string& lang);
  void load_mapping(const std::string& path);
  void load_cues(const std::string& path);
  void load_name_words(const std::string& path) { name_words_.load(path); }
  void add_name(const std::string& phrase, NameKind kind, uint32_t ref, bool alias = false);

  std::vector<Actor> actors_;
  std::unordered_map<std::string, uint32_t> actor_by_id_;
  std::vector<Role> roles_;
  std::vector<Membership> memberships_;
  std::vector<Country> countries_;
  std::unordered_map<std::string, uint32_t> country_by_iso3_;
  std::vector<Agent> agents_;
  std::vector<Place> places_;
  VerbForms verbs_;
  FrenchVerbForms verbs_fr_;
  EventPatterns patterns_;
  std::unordered_map<std::string, PloverMapping> mappings_;  // "TYPE/mode"
  text::KeyMap<text::KeySet> cues_;  // one-word cues
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> cue_phrases_;  // longer ones
  text::KeyMap<text::KeySet> cue_phrase_starts_;  // first words of the longer ones, a quick test
  NameWords name_words_;
  PhraseIndex names_;
  std::vector<NameEntry> name_entries_;
  std::unordered_map<uint64_t, uint32_t> name_entry_ids_;
};

}  // namespace faultline::lexicon
