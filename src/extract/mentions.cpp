#include "extract/mentions.h"

#include "extract/dates.h"

#include <tuple>

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace faultline::extract {
namespace {

using lexicon::Lexicon;
using lexicon::NameEntry;
using lexicon::NameKind;
using text::Token;

// Words that cannot sit between a demonym and its agent noun ("Malian X soldiers").
const std::unordered_set<std::string> kNoModifier = {
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "are",
    "was", "were", "has", "have", "had", "will", "would", "said", "says", "that", "which", "who", ",", ".",
    ";", ":", "(", ")", "\"", "'s", "-", "le", "la", "les", "de", "des", "du", "et", "a", "qui", "que"};

const std::unordered_set<std::string> kPronounsSingular = {"it", "its"};
const std::unordered_set<std::string> kPronounsPerson = {"he", "she", "his", "her"};
const std::unordered_set<std::string> kPronounsPlural = {"they", "their"};
const std::unordered_set<std::string> kGroupNouns = {"group", "movement", "coalition", "organisation",
                                                     "organization", "alliance", "front", "militia",
                                                     "groupe", "mouvement", "confederation", "bloc",
                                                     "federation"};
// Possessive determiners: "its fighters" is the group acting, "its stronghold" is no actor at all.
const std::unordered_set<std::string> kPossessives = {"his", "its", "their"};
// After "her", these show an object pronoun ("arrested her in Gao"), not a possessive.
const std::unordered_set<std::string> kAfterObjectPronoun = {"to", "in", "on", "at", "for", "with", "and", "from",
                                                             "by", "after", "before", "as", "while"};
const std::unordered_set<std::string> kAgreementNouns = {
    "agreement", "agreements", "accord", "accords", "declaration", "process", "talks", "peace", "summit",
    "conference", "protocol", "treaty", "charter", "format", "platform", "roadmap", "communique"};
const std::unordered_set<std::string> kRegionWords = {"region", "regions", "area", "district", "province",
                                                      "cercle", "circle", "commune", "region's"};

int place_kind_rank(const std::string& kind) {
  static const std::unordered_map<std::string, int> rank{
      {"country", 8}, {"capital", 7}, {"admin1", 6}, {"city", 5}, {"town", 4}, {"admin2", 3}, {"village", 2}, {"area", 1}};
  auto it = rank.find(kind);
  return it == rank.end() ? 0 : it->second;
}

class Finder {
 public:
  Finder(const Lexicon& lex, const std::vector<Token>& t, uint32_t begin, uint32_t end)
      : lex_(lex), tok_(t), begin_(begin), end_(end) {}

  SentenceMentions run() {
    for (uint32_t i = begin_; i < end_;) i = step(i);
    return std::move(out_);
  }

 private:
  // Longest name match at i: its length and the entries it stands for.
  uint32_t longest(uint32_t i, std::vector<NameEntry>& entries) const {
    entries.clear();
    if (i >= end_ || !tok_[i].word) return 0;
    std::vector<lexicon::PhraseIndex::Match> matches;
    lex_.names().match_at(tok_, i, end_, matches);
    uint32_t best = 0;
    for (const auto& m : matches) {
      const NameEntry& e = lex_.name_entry(m.payload);
      // Places and named actors must be written with a capital (or be an acronym).
      if ((e.kind == NameKind::Place || e.kind == NameKind::Capital || e.kind == NameKind::CountryName) &&
          !tok_[i].capitalized)
        continue;
      if (e.kind == NameKind::Actor && !tok_[i].capitalized && !tok_[i].number &&
          lex_.actors()[e.ref].kind == "person")
        continue;
      if (m.length < best) break;
      best = m.length;
      entries.push_back(e);
    }
    return best;
  }

  const NameEntry* find_kind(const std::vector<NameEntry>& entries, NameKind kind) const {
    if (kind == NameKind::Place) return best_place(entries);
    for (const auto& e : entries)
      if (e.kind == kind) return &e;
    return nullptr;
  }

  // Many places share a name ("Gao" is a Malian city and villages in Niger and Burkina Faso):
  // a place called by its own name beats one whose alternate names merely include it (the
  // gazetteer's foreign spellings: "Kita" is a Malian town and a Lithuanian name of Quito), then
  // the most prominent one wins — by kind, then population.
  const NameEntry* best_place(const std::vector<NameEntry>& entries) const {
    const NameEntry* best = nullptr;
    std::tuple<bool, int, uint64_t> best_rank{false, -1, 0};
    for (const auto& e : entries) {
      if (e.kind != NameKind::Place) continue;
      const auto& pl = lex_.places()[e.ref];
      std::tuple<bool, int, uint64_t> rank{!e.alias, place_kind_rank(pl.kind), pl.population};
      if (!best || rank > best_rank) {
        best = &e;
        best_rank = rank;
      }
    }
    return best;
  }

  // "fighters of the Wagner Group", "éléments du JNIM": a noun for some of a group's people,
  // then of/de and the group's name, is the group acting. Returns where the mention ends, or kNone.
  uint32_t member_of_group(uint32_t i) {
    uint32_t j = i + 1;
    if (j >= end_ || !lex_.cue("place_of", tok_[j])) return kNone;
    ++j;
    if (j < end_ && lex_.cue("article", tok_[j])) ++j;
    std::vector<NameEntry> entries;
    uint32_t len = j < end_ ? longest(j, entries) : 0;
    const auto* a = len ? find_kind(entries, NameKind::Actor) : nullptr;
    if (!a || lex_.actors()[a->ref].kind == "person") return kNone;
    out_.actors.push_back(ActorMention{i, j + len, a->ref, kNone, kNone, Anaphor::None, false});
    return absorb_trailing_agent(out_.actors.back());  // "fighters of the M23 rebel group"
  }

  // Whether a number or a quantifier counts the noun at i ("two …", "dozens of …").
  bool counted(uint32_t i) const {
    if (i == begin_) return false;
    uint32_t p = i - 1;
    if (lex_.cue("place_of", tok_[p]) && p > begin_) --p;  // "dozens of", "des dizaines de"
    return tok_[p].number || lex_.cue("quantifier", tok_[p]);
  }

  // The generic agent for civilians (sector CVL), or kNone when no pack has one.
  uint32_t civilian_agent() const {
    for (uint32_t g = 0; g < lex_.agents().size(); ++g)
      if (lex_.agents()[g].sector == "CVL") return g;
    return kNone;
  }

  bool locative_before(uint32_t i) const {
    if (i == begin_) return false;
    uint32_t p = i - 1;
    if (tok_[p].key == "the" && p > begin_) --p;
    if (tok_[p].key == "," && p > begin_ && tok_[p - 1].key == "capital") return true;
    // "the tri-border area of Mali, Niger and Burkina Faso", "le sud-ouest du Niger": places of a
    // place noun.
    if (lex_.cue("place_of", tok_[p]) && p > begin_ && lex_.cue("place_noun", tok_[p - 1])) return true;
    // "in Kidal, Gao and Timbuktu": a place coordinated with the place just before it.
    if ((tok_[p].key == "," || tok_[p].key == "and" || tok_[p].key == "et") && !out_.places.empty() &&
        (out_.places.back().end == p || (out_.places.back().end + 1 == p && tok_[p - 1].key == ",")))
      return true;
    return lex_.cue("locative", tok_[p]);
  }

  // Whether the capitalised word at j carries a name on ("Kati Diallo", "Adan Yabaal"): a place
  // name before it is only part of a longer name. Not a date ("Gao Sunday"), a place or facility
  // noun ("Kidal Region", "Gao Airport") or another name ("Kidal MNLA fighters").
  bool name_goes_on(uint32_t j) const {
    if (j >= end_ || !tok_[j].word || !tok_[j].capitalized || tok_[j].number) return false;
    if (is_calendar_word(tok_[j].key)) return false;
    for (const char* kind : {"region_noun", "place_noun", "facility_noun"})
      if (lex_.cue(kind, tok_[j])) return false;
    std::vector<NameEntry> entries;
    return longest(j, entries) == 0;
  }

  uint32_t add_place(uint32_t i, uint32_t len, uint32_t place, uint32_t country) {
    if (name_goes_on(i + len)) return i + len;
    PlaceMention pm{i, i + len, place, country, false};
    uint32_t j = i + len;
    if (j < end_ && kRegionWords.count(tok_[j].key)) {
      pm.region = true;
      pm.end = ++j;
    }
    out_.places.push_back(pm);
    return j;
  }

  // Agent or named actor following a country word: "Malian [deputy] minister", "Mali's army",
  // "Russian Foreign Minister Sergey Lavrov".
  uint32_t compose(uint32_t start, uint32_t after, uint32_t country) {
    uint32_t j = after;
    if (j < end_ && tok_[j].key == "'s") ++j;
    std::vector<NameEntry> entries;
    for (uint32_t k = j, skipped = 0; k < end_ && skipped <= 2; ++k) {
      uint32_t len = longest(k, entries);
      if (len) {
        if (auto* a = find_kind(entries, NameKind::Actor)) {
          ActorMention m{start, k + len, a->ref, kNone, country, Anaphor::None, false};
          out_.actors.push_back(m);
          return absorb_trailing_agent(out_.actors.back());
        }
        if (auto* g = find_kind(entries, NameKind::Agent)) {
          ActorMention m{start, k + len, kNone, g->ref, country, Anaphor::None, false};
          extend_agent(m);
          out_.actors.push_back(m);
          return m.end;
        }
        break;
      }
      if (kNoModifier.count(tok_[k].key) || !tok_[k].word) break;
      ++skipped;
    }
    return kNone;
  }

  // After an agent: a further agent noun becomes the head ("military government"), a person's
  // name makes it that person ("Foreign Minister Abdoulaye Diop").
  void extend_agent(ActorMention& m) {
    std::vector<NameEntry> entries;
    for (int guard = 0; guard < 3 && m.end < end_; ++guard) {
      uint32_t len = longest(m.end, entries);
      if (!len) break;
      if (auto* a = find_kind(entries, NameKind::Actor)) {
        m.actor = a->ref;
        m.end += len;
        return;
      }
      if (auto* g = find_kind(entries, NameKind::Agent)) {
        m.agent = g->ref;
        m.end += len;
        continue;
      }
      break;
    }
    // French order, the demonym after the noun: "soldats maliens", "l'armée malienne", "les
    // autorités françaises".
    if (m.country == kNone && m.end < end_) {
      uint32_t len = longest(m.end, entries);
      if (auto* d = find_kind(entries, NameKind::Demonym); d && len) {
        m.country = d->ref;
        m.end += len;
        return;
      }
    }
    // "members of the CMA", "a delegation of the MNLA": the named actor is who acts; so does
    // "Russian fighters of the Wagner Group" when the group is of that country.
    if (m.actor == kNone && m.end + 1 < end_ && tok_[m.end].key == "of") {
      uint32_t k = m.end + 1;
      if (k < end_ && tok_[k].key == "the") ++k;
      uint32_t len = longest(k, entries);
      const auto* a = find_kind(entries, NameKind::Actor);
      bool same_country =
          a && (m.country == kNone || lex_.actors()[a->ref].country == lex_.countries()[m.country].iso3);
      if (a && len && same_country && lex_.actors()[a->ref].kind != "person") {
        m.actor = a->ref;
        m.agent = kNone;
        m.end = k + len;
        return;
      }
    }
    // "the government of Mali", "the army of Mali"
    if (m.country == kNone && m.end + 1 < end_ && (tok_[m.end].key == "of" || tok_[m.end].key == "du" ||
                                                   tok_[m.end].key == "de")) {
      uint32_t len = longest(m.end + 1, entries);
      if (auto* c = find_kind(entries, NameKind::CountryName); c && len) {
        m.country = c->ref;
        m.end += 1 + len;
      }
    }
  }

  // "CMA members", "MNLA fighters", "the MNLA delegation": the agent noun is part of the mention.
  // "Hungarian and Romanian officials", "French, Malian and Nigerien troops": each demonym of a
  // list shares the noun at its end, so each country gets its own mention. Returns where the list
  // ends, or kNone when the demonym at i is not the head of such a list.
  uint32_t shared_noun(uint32_t i, uint32_t len, uint32_t country) {
    uint32_t j = i + len;
    if (j + 1 >= end_ || (tok_[j].key != "and" && tok_[j].key != "et" && tok_[j].key != ",")) return kNone;
    std::vector<NameEntry> entries;
    if (!longest(j + 1, entries) || (!find_kind(entries, NameKind::Demonym) && !find_kind(entries, NameKind::Actor)))
      return kNone;
    std::size_t first = out_.actors.size();
    uint32_t next = step(j + 1);  // the rest of the list and its noun
    // Without a shared noun the demonym at i is read on its own, and the rest again after it.
    auto alone = [&] {
      out_.actors.resize(first);
      return kNone;
    };
    if (out_.actors.size() == first || out_.actors[first].begin != j + 1) return alone();
    // The shared noun: the agent of the next mention ("French troops"), or the agent word that
    // ends a named actor's alias ("French troops" may be an alias of France's army).
    const ActorMention& shared = out_.actors[first];
    uint32_t agent = shared.actor == kNone ? shared.agent : kNone;
    if (shared.actor != kNone && !lex_.actors()[shared.actor].country.empty()) {
      std::vector<NameEntry> tail;
      if (longest(shared.end - 1, tail) == 1)
        if (auto* g = find_kind(tail, NameKind::Agent)) agent = g->ref;
      // …or, failing that, the first agent of the actor's sector ("British forces" → soldiers).
      const std::string& sector = lex_.actors()[shared.actor].sector;
      for (uint32_t g = 0; agent == kNone && g < lex_.agents().size(); ++g)
        if (lex_.agents()[g].sector == sector) agent = g;
    }
    if (agent == kNone) return alone();
    ActorMention m{i, i + len, kNone, agent, country, Anaphor::None, false};
    out_.actors.insert(out_.actors.begin() + static_cast<std::ptrdiff_t>(first), m);
    return next;
  }

  uint32_t absorb_trailing_agent(ActorMention& m) {
    std::vector<NameEntry> entries;
    uint32_t len = longest(m.end, entries);
    if (len && find_kind(entries, NameKind::Agent) && !find_kind(entries, NameKind::Actor)) m.end += len;
    return m.end;
  }

  uint32_t step(uint32_t i) {
    std::vector<NameEntry> entries;
    uint32_t len = longest(i, entries);
    if (!len && lex_.cue("member_noun", tok_[i]))
      if (uint32_t next = member_of_group(i); next != kNone) return next;
    if (!len) return anaphor(i);
    if (auto* a = find_kind(entries, NameKind::Actor)) {
      // A capital that is also a named actor's alias? Named actor wins unless locative.
      if (auto* pl = find_kind(entries, NameKind::Place); pl && locative_before(i)) return add_place(i, len, pl->ref, kNone);
      ActorMention m{i, i + len, a->ref, kNone, kNone, Anaphor::None, false};
      out_.actors.push_back(m);
      return absorb_trailing_agent(out_.actors.back());
    }
    const NameEntry* country = find_kind(entries, NameKind::CountryName);
    if (auto* d = find_kind(entries, NameKind::Demonym)) {
      if (uint32_t next = shared_noun(i, len, d->ref); next != kNone) return next;
      uint32_t next = compose(i, i + len, d->ref);
      if (next != kNone) return next;
    }
    // "U.S." is a demonym ("U.S. troops") and a name ("talks with the U.S."): with no noun after
    // it, the name.
    if (auto* d = find_kind(entries, NameKind::Demonym); d && !country) {
      // A plural people noun alone ("the Russians") stands for the state; counted ("two
      // Nigeriens", "dozens of Malians") it is people of that country.
      if (tok_[i + len - 1].key.back() == 's' && tok_[i].capitalized) {
        if (uint32_t people = civilian_agent(); counted(i) && people != kNone)
          out_.actors.push_back(ActorMention{i, i + len, kNone, people, d->ref, Anaphor::None, false});
        else
          out_.actors.push_back(ActorMention{i, i + len, kNone, kNone, d->ref, Anaphor::None, true});
      }
      return i + len;
    }
    const NameEntry* capital = find_kind(entries, NameKind::Capital);
    const NameEntry* place = find_kind(entries, NameKind::Place);
    if (country || capital) {
      uint32_t c = country ? country->ref : capital->ref;
      // "the Ouagadougou Agreement", "the Algiers accord": the city names the thing and the place.
      if (capital && i + len < end_ && kAgreementNouns.count(tok_[i + len].key)) {
        if (place) return add_place(i, len, place->ref, kNone);
        return i + len;
      }
      if (locative_before(i)) {
        if (place) return add_place(i, len, place->ref, kNone);
        return add_place(i, len, kNone, c);
      }
      // "Mali's army", "Mali's Foreign Ministry"
      if (i + len < end_ && tok_[i + len].key == "'s") {
        uint32_t next = compose(i, i + len, c);
        if (next != kNone) return next;
      }
      out_.actors.push_back(ActorMention{i, i + len, kNone, kNone, c, Anaphor::None, true});
      if (capital && place) out_.actors.back().place = place->ref;
      return i + len;
    }
    if (auto* g = find_kind(entries, NameKind::Agent)) {
      // "military cooperation", "police vehicles": an agent word used as an adjective names no one.
      if (i + len < end_ && lex_.cue("agent_as_modifier", tok_[i + len])) return i + len;
      ActorMention m{i, i + len, kNone, g->ref, kNone, Anaphor::None, false};
      extend_agent(m);
      out_.actors.push_back(m);
      return m.end;
    }
    if (place) return add_place(i, len, place->ref, kNone);
    return i + 1;
  }

  uint32_t anaphor(uint32_t i) {
    const auto& k = tok_[i].key;
    Anaphor a = Anaphor::None;
    uint32_t len = 1;
    if (k == "i" || k == "we") a = Anaphor::Speaker;
    else if (kPronounsPerson.count(k)) a = Anaphor::Person;
    else if (kPronounsSingular.count(k)) a = Anaphor::Singular;
    else if (kPronounsPlural.count(k)) a = Anaphor::Plural;
    else if (k == "the" || k == "this" || k == "le" || k == "ce") {
      // "the group", "the new confederation", "the armed movement"
      for (uint32_t j = i + 1; j < end_ && j <= i + 3; ++j) {
        if (tok_[j].capitalized) break;  // "The Alliance of Sahel States" is a name
        if (kGroupNouns.count(tok_[j].key)) {
          a = Anaphor::Group;
          len = j + 1 - i;
          break;
        }
        if (!tok_[j].word || tok_[j].capitalized || tok_[j].number) break;
      }
    }
    if (a == Anaphor::None) return i + 1;
    bool possessive = kPossessives.count(k) ||
                      (k == "her" && i + 1 < end_ && tok_[i + 1].word && !kAfterObjectPronoun.count(tok_[i + 1].key));
    if (possessive) {
      // Only "its fighters", "their [own] troops": the agent noun makes the possessor the actor.
      std::vector<NameEntry> entries;
      for (uint32_t k2 = i + 1; k2 < end_ && k2 <= i + 2; ++k2) {
        uint32_t glen = longest(k2, entries);
        if (glen && find_kind(entries, NameKind::Agent) && !find_kind(entries, NameKind::Actor)) {
          out_.actors.push_back(ActorMention{i, k2 + glen, kNone, kNone, kNone, a, false});
          return k2 + glen;
        }
        if (glen || !tok_[k2].word) break;
      }
      return i + 1;
    }
    // "it is", "it was" as expletives are left alone.
    if (a == Anaphor::Singular && k == "it" && i + 1 < end_ &&
        (tok_[i + 1].key == "is" || tok_[i + 1].key == "was" || tok_[i + 1].key == "'s"))
      return i + 1;
    out_.actors.push_back(ActorMention{i, i + len, kNone, kNone, kNone, a, false});
    return i + len;
  }

  const Lexicon& lex_;
  const std::vector<Token>& tok_;
  uint32_t begin_, end_;
  SentenceMentions out_;
};

}  // namespace

SentenceMentions find_mentions(const Lexicon& lex, const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
  return Finder(lex, tokens, begin, end).run();
}

void prefer_home_namesakes(const Lexicon& lex, const std::vector<Token>& tokens, SentenceMentions& mentions,
                           const std::vector<int>& named, uint32_t home) {
  if (home == kNone) return;
  const std::string& home_iso3 = lex.countries()[home].iso3;
  std::vector<lexicon::PhraseIndex::Match> matches;
  for (auto& pm : mentions.places) {
    if (pm.place == kNone) continue;
    const auto& chosen = lex.places()[pm.place];
    if (chosen.country == home_iso3 || chosen.kind == "country" || chosen.kind == "capital") continue;
    uint32_t c = lex.country_index(chosen.country);
    // The document's home must outweigh the place's own country five to one.
    if (c != kNone && named[c] * 5 > named[home]) continue;
    uint32_t name_end = pm.region ? pm.end - 1 : pm.end;
    matches.clear();
    lex.names().match_at(tokens, pm.begin, name_end, matches);
    for (const auto& m : matches) {
      const auto& e = lex.name_entry(m.payload);
      if (m.length != name_end - pm.begin || e.kind != lexicon::NameKind::Place) continue;
      // A namesake of lesser kind (a village for a city) is not taken: "Gao" stays the city.
      const auto& alt = lex.places()[e.ref];
      if (alt.country == home_iso3 && place_kind_rank(alt.kind) >= place_kind_rank(chosen.kind)) {
        pm.place = e.ref;
        break;
      }
    }
  }
}

}  // namespace faultline::extract
