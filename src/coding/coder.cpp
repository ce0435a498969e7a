#include "coding/coder.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "extract/arguments.h"
#include "extract/citations.h"
#include "extract/cumulative.h"
#include "extract/dateline.h"
#include "extract/dates.h"
#include "extract/fatalities.h"
#include "extract/locations.h"
#include "extract/mentions.h"
#include "extract/new_actors.h"
#include "extract/place_containment.h"
#include "extract/predicates.h"
#include "text/fold.h"
#include "text/language.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace faultline::coding {
namespace {

using extract::ActorMention;
using extract::Anaphor;
using extract::SentenceMentions;
using lexicon::kNone;
using lexicon::Lexicon;
using lexicon::PartialDate;

// Sectors of state institutions: a bare "the army" or "the government" belongs to the state the
// document is about.
const std::unordered_set<std::string> kStateSectors = {"GOV", "MIL", "POL", "LEG", "JUD"};
// PLOVER types whose parties act together; with no recipient named, the first party is actor1.
const std::unordered_set<std::string> kMutualTypes = {"AGREE", "CONSULT", "COOPERATE"};
// Types whose events happen at one place each: coordinated places make one event per place, and
// a later sentence about the same act without a place of its own is placed where the story is. A
// statement, a demand or a sanction is not made where the act it answers happened: those events
// take no place from earlier sentences.
const std::unordered_set<std::string> kPerPlaceTypes = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"};

std::string replace_country(std::string pattern, const std::string& country) {
  auto at = pattern.find("{country}");
  if (at != std::string::npos) pattern.replace(at, 9, country);
  return pattern;
}

// The same actor, or a person and the organisation they act for ("Lavrov" and "a Russian foreign
// minister" are one party to the visit).
bool same_actor(const CodedActor& a, const CodedActor& b) {
  return a.id == b.id || (!a.affiliation.empty() && a.affiliation == b.name) ||
         (!b.affiliation.empty() && b.affiliation == a.name);
}

void add_unique(std::vector<CodedActor>& into, const std::vector<CodedActor>& from) {
  for (const auto& a : from)
    if (std::none_of(into.begin(), into.end(), [&](const CodedActor& x) { return same_actor(x, a); })) into.push_back(a);
}

// Drops repeated values, keeping the first of each in order; returns the new end.
std::vector<uint32_t>::iterator unique_in_order(std::vector<uint32_t>& v) {
  auto end = v.begin();
  for (auto it = v.begin(); it != v.end(); ++it)
    if (std::find(v.begin(), end, *it) == end) *end++ = *it;
  return end;
}

bool overlap(const std::vector<CodedActor>& a, const std::vector<CodedActor>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (same_actor(x, y)) return true;
  return false;
}

// What the document has said so far, for anaphors and implicit arguments.
struct Discourse {
  std::optional<CodedActor> person, singular, plural, group;
  uint32_t group_sentence = 0;  // where `group` was last named
  std::optional<CodedActor> speaker;  // who the current sentence quotes
  std::vector<uint32_t> named;          // named actors, latest last
  std::optional<CodedLocation> place;
  uint32_t place_paragraph = 0;
  std::vector<std::pair<uint32_t, CodedEvent>> recent;  // sentence index, event
};

class DocumentCoder {
 public:
  DocumentCoder(const Lexicon& lex, const Document& doc) : lex_(lex), doc_(doc) {
    for (uint32_t i = 0; i < lex_.agents().size(); ++i)
      if (lex_.agents()[i].id == "PROTESTERS") protesters_ = i;
      else if (lex_.agents()[i].id == "CIVILIANS") civilians_ = i;
  }

  std::vector<CodedEvent> run() {
    lang_ = doc_.lang.empty() ? text::detect_language(doc_.text) : text::normalise_language(doc_.lang);
    tokens_ = text::tokenize(doc_.text);
    sentences_ = text::split_sentences(doc_.text, tokens_);
    mentions_.reserve(sentences_.size());
    citations_.reserve(sentences_.size());
    for (const auto& s : sentences_) {
      citations_.push_back(extract::find_citations(tokens_, s.first_token, s.end_token));
      mentions_.push_back(extract::find_mentions(lex_, tokens_, s.first_token, s.end_token));
      drop_cited(citations_.back(), mentions_.back().actors);
      drop_cited(citations_.back(), mentions_.back().places);
      uint32_t first = s.first_token;
      if (mentions_.size() == 1) first = skip_dateline(s, mentions_.back());
      fresh_.find(first, s.end_token, mentions_.back());
    }
    link_surnames();
    for (auto& sm : mentions_) link_generic_groups(sm);
    for (std::size_t si = 0; si < sentences_.size(); ++si) link_reported_pronouns(si);
    home_country_ = dominant_country();
    resolve_namesakes();
    for (auto& sm : mentions_) extract::attach_containing_places(lex_, tokens_, sm);
    if (auto d = lexicon::parse_partial_date(doc_.date)) context_.publication = *d;
    if (dateline_place_ && dateline_place_->place != kNone && lex_.places()[dateline_place_->place].kind != "country") {
      discourse_.place = location_of(*dateline_place_);
      discourse_.place_paragraph = sentences_.front().paragraph;
    }
    std::vector<CodedEvent> out;
    for (uint32_t si = 0; si < sentences_.size(); ++si) code_sentence(si, out);
    return out;
  }

 private:
  // Once a person is named in full ("Alioune Tine"), the surname alone ("Tine said") is the same
  // person for the rest of the document, as news writing has it.
  void link_surnames() {
    std::unordered_map<std::string, uint32_t> surnames;
    for (std::size_t si = 0; si < sentences_.size(); ++si) {
      auto& actors = mentions_[si].actors;
      for (const auto& m : actors)
        if (m.actor != kNone && m.end - m.begin >= 2 && lex_.actors()[m.actor].kind == "person" &&
            tokens_[m.end - 1].key.size() >= 3)
          surnames[tokens_[m.end - 1].key] = m.actor;
      if (surnames.empty()) continue;
      const auto& s = sentences_[si];
      std::vector<ActorMention> found;
      std::size_t next = 0;
      for (uint32_t t = s.first_token; t < s.end_token; ++t) {
        while (next < actors.size() && actors[next].end <= t) ++next;
        bool covered = next < actors.size() && actors[next].begin <= t;
        if (covered || !tokens_[t].capitalized) continue;
        if (auto it = surnames.find(tokens_[t].key); it != surnames.end())
          found.push_back(ActorMention{t, t + 1, it->second, kNone, kNone, Anaphor::None, false});
      }
      if (found.empty()) continue;
      actors.insert(actors.end(), found.begin(), found.end());
      std::sort(actors.begin(), actors.end(), [](const ActorMention& a, const ActorMention& b) { return a.begin < b.begin; });
    }
  }

  // "rebels of the CSP", "jihadists of JNIM", "les rebelles de la CMA": a generic armed agent
  // followed by `group_link` and a named armed group of its sector is that group.
  void link_generic_groups(SentenceMentions& sm) const {
    for (std::size_t k = 0; k + 1 < sm.actors.size(); ++k) {
      auto& m = sm.actors[k];
      const auto& next = sm.actors[k + 1];
      if (m.agent == kNone || m.country != kNone || m.actor != kNone || next.actor == kNone) continue;
      const auto& group = lex_.actors()[next.actor];
      bool armed_group = group.kind == "group" || group.kind == "coalition";
      if (!armed_group || group.sector != lex_.agents()[m.agent].sector) continue;
      uint32_t i = m.end;
      uint32_t link = i < next.begin ? lex_.cue_at("group_link", tokens_, i, next.begin) : 0;
      if (!link) continue;
      i += link;
      if (i < next.begin && lex_.cue("article", tokens_[i])) ++i;
      if (i != next.begin) continue;
      m.actor = next.actor;
      m.agent = kNone;
    }
  }

  // "Niger said it had expelled…", "Diop told reporters he would…": a pronoun after a reporting
  // verb stands for whoever reports.
  void link_reported_pronouns(std::size_t si) {
    auto& actors = mentions_[si].actors;
    for (std::size_t i = 0; i < actors.size(); ++i) {
      auto& m = actors[i];
      if (m.anaphor != Anaphor::Singular && m.anaphor != Anaphor::Plural && m.anaphor != Anaphor::Person) continue;
      // the nearest reporting verb before the pronoun, with the speaker right before it
      for (uint32_t r = m.begin; r-- > sentences_[si].first_token && m.begin - r <= 6;) {
        if (!lex_.cue("report", tokens_[r])) continue;
        for (std::size_t j = 0; j < i; ++j) {
          const auto& x = actors[j];
          if (x.anaphor != Anaphor::None || x.end != r) continue;
          bool person = x.actor != kNone && lex_.actors()[x.actor].kind == "person";
          if ((m.anaphor == Anaphor::Person) != person) break;
          m.actor = x.actor;
          m.agent = x.agent;
          m.country = x.country;
          m.metonym = x.metonym;
          m.anaphor = Anaphor::None;
          break;
        }
        break;
      }
    }
  }

  // A wire dateline ("BAMAKO —") opening the first sentence: its name is neither an actor nor a
  // place the sentence names; its city is kept as the opening paragraph's place (see
  // extract/dateline.h). Returns the first token after it.
  uint32_t skip_dateline(const text::Sentence& s, SentenceMentions& sm) {
    auto d = extract::find_dateline(tokens_, s.first_token, s.end_token, sm);
    if (!d) return s.first_token;
    const std::vector<std::pair<uint32_t, uint32_t>> span{{d->begin, d->end}};
    drop_cited(span, sm.actors);
    drop_cited(span, sm.places);
    dateline_place_ = d->place;
    return d->end;
  }

  // Removes the items (anything with token range begin/end) that lie inside a citation.
  template <typename T>
  static void drop_cited(const std::vector<std::pair<uint32_t, uint32_t>>& cites, std::vector<T>& items) {
    if (cites.empty()) return;
    std::erase_if(items, [&](const T& x) {
      for (auto [b, e] : cites)
        if (x.begin >= b && x.end <= e) return true;
      return false;
    });
  }

  // The country the document is most about: most often named, as a country, demonym or actor.
  // Places named like places elsewhere: see extract::prefer_home_namesakes. A country counts as
  // named when an actor mention, a country name or a capital names it.
  void resolve_namesakes() {
    std::vector<int> named(lex_.countries().size(), 0);
    std::vector<int> all(named.size(), 0);
    auto count = [&](uint32_t c, bool names_it) {
      if (c == kNone) return;
      ++all[c];
      if (names_it) ++named[c];
    };
    for (const auto& sm : mentions_) {
      for (const auto& m : sm.actors)
        count(m.country != kNone || m.actor == kNone ? m.country : lex_.country_index(lex_.actors()[m.actor].country),
              true);
      for (const auto& p : sm.places) {
        if (p.country != kNone) {
          count(p.country, true);
        } else if (p.place != kNone) {
          const auto& pl = lex_.places()[p.place];
          count(lex_.country_index(pl.country), pl.kind == "capital" || pl.kind == "country");
        }
      }
    }
    if (dateline_place_) count(country_of(*dateline_place_), true);
    auto top = std::max_element(all.begin(), all.end());
    if (top == all.end() || *top == 0 || named[top - all.begin()] == 0) return;
    uint32_t home = static_cast<uint32_t>(top - all.begin());
    for (auto& sm : mentions_) extract::prefer_home_namesakes(lex_, tokens_, sm, named, home);
  }

  uint32_t dominant_country() const {
    std::map<uint32_t, int> counts;
    for (const auto& sm : mentions_)
      for (const auto& m : sm.actors) {
        uint32_t c = m.country;
        if (c == kNone && m.actor != kNone) c = lex_.country_index(lex_.actors()[m.actor].country);
        if (c != kNone) ++counts[c];
      }
    if (dateline_place_) ++counts[country_of(*dateline_place_)];  // where the story was filed
    counts.erase(kNone);
    uint32_t best = kNone;
    int best_n = 0;
    for (auto [c, n] : counts)
      if (n > best_n) {
        best = c;
        best_n = n;
      }
    return best;
  }

  std::string slice(uint32_t tb, uint32_t te) const {
    return doc_.text.substr(tokens_[tb].begin, tokens_[te - 1].end - tokens_[tb].begin);
  }

  CodedActor composed(uint32_t country, const std::string& sector, uint32_t agent) const {
    const auto& c = lex_.countries()[country];
    CodedActor a;
    a.id = c.iso3 + "_" + sector;
    a.country = c.iso3;
    a.sector = sector;
    if (uint32_t row = lex_.actor_index(a.id); row != kNone) {
      a.name = lex_.actors()[row].name;
    } else if (agent != kNone) {
      a.name = replace_country(lex_.agents()[agent].with_country, c.name);
    } else {
      a.name = "Government of " + c.name;
    }
    return a;
  }

  std::optional<CodedActor> named_by_noun(const std::string& noun, const PartialDate& date) const {
    for (auto it = discourse_.named.rbegin(); it != discourse_.named.rend(); ++it) {
      const auto& row = lex_.actors()[*it];
      bool names = row.kind == noun;
      for (std::size_t k = 0; !names && k <= row.aliases.size(); ++k) {
        const std::string& phrase = k == 0 ? row.name : row.aliases[k - 1];
        for (const auto& key : Lexicon::phrase_keys(phrase))
          if (key == noun) names = true;
      }
      if (names) return resolve(ActorMention{0, 0, *it, kNone, kNone, Anaphor::None, false}, date, false);
    }
    return std::nullopt;
  }

  // `place_country`: the country where the event happened, if named; a bare state agent ("soldiers",
  // "police") belongs to it rather than to the document's main country.
  std::optional<CodedActor> resolve(const ActorMention& m, const PartialDate& date, bool with_mention = true,
                                    uint32_t place_country = kNone) const {
    if (m.anaphor != Anaphor::None) {
      const std::optional<CodedActor>* slot = nullptr;
      switch (m.anaphor) {
        case Anaphor::Person: slot = &discourse_.person; break;
        case Anaphor::Singular: slot = &discourse_.singular; break;
        case Anaphor::Plural: slot = &discourse_.plural; break;
        case Anaphor::Group: slot = &discourse_.group; break;
        case Anaphor::Speaker: slot = &discourse_.speaker; break;
        default: break;
      }
      // "the confederation", "the movement": the latest named actor that the noun names.
      if (m.anaphor == Anaphor::Group)
        if (auto named = named_by_noun(tokens_[m.end - 1].key, date)) {
          named->mention = slice(m.begin, m.end);
          return named;
        }
      if (!slot || !*slot) return std::nullopt;
      CodedActor a = **slot;
      a.mention = slice(m.begin, m.end);
      return a;
    }
    CodedActor a;
    if (with_mention) a.mention = slice(m.begin, m.end);
    if (m.fresh != kNone) return fresh_actor(m.fresh, a.mention, date, place_country);
    if (m.actor != kNone) {
      const auto& row = lex_.actors()[m.actor];
      // "Niger's junta", "the Nigerien transitional government": a state actor's alias ("junta")
      // with another country attached names that country's institution.
      if (m.country != kNone && row.kind != "person" && kStateSectors.count(row.sector) &&
          lex_.country_index(row.country) != m.country) {
        CodedActor c = composed(m.country, row.sector, kNone);
        c.mention = a.mention;
        return c;
      }
      a.id = row.id;
      a.name = row.name;
      a.country = row.country;
      a.sector = row.sector;
      if (row.kind == "person") {
        if (uint32_t org = lex_.affiliation(m.actor, date); org != kNone) {
          const auto& o = lex_.actors()[org];
          a.affiliation = o.name;
          a.country = o.country;
          if (o.sector != "GOV" || a.sector.empty()) a.sector = o.sector;
        }
      }
      return a;
    }
    if (m.agent != kNone) {
      const auto& ag = lex_.agents()[m.agent];
      uint32_t country = m.country;
      if (country == kNone && kStateSectors.count(ag.sector))
        country = place_country != kNone ? place_country : home_country_;
      if (country != kNone) {
        CodedActor c = composed(country, ag.sector, m.agent);
        c.mention = a.mention;
        return c;
      }
      a.id = ag.id;
      a.name = ag.without_country;
      a.sector = ag.sector;
      return a;
    }
    if (m.country != kNone) {
      CodedActor c = composed(m.country, "GOV", kNone);
      c.mention = a.mention;
      return c;
    }
    return std::nullopt;
  }

  // An actor no pack knows: its provisional id and name; a person takes the country and sector of
  // the organisation named with the title, any other actor the country of the event's place or,
  // failing that, of the document.
  CodedActor fresh_actor(uint32_t index, const std::string& mention, const PartialDate& date,
                         uint32_t place_country) const {
    const auto& n = fresh_.actors()[index];
    CodedActor a{n.id, n.name, mention, "", "", n.sector};
    if (n.kind == "person") {
      std::optional<CodedActor> org;
      if (n.affiliation_actor != kNone)
        org = resolve(ActorMention{0, 0, n.affiliation_actor, kNone, kNone, Anaphor::None, false}, date, false);
      else if (n.affiliation_fresh != kNone)
        org = fresh_actor(n.affiliation_fresh, "", date, place_country);
      else if (n.affiliation_group)
        org = discourse_.group;
      if (org) {
        a.affiliation = org->name;
        a.country = org->country;
        if (!org->sector.empty()) a.sector = org->sector;
        return a;
      }
    }
    uint32_t country = place_country != kNone ? place_country : home_country_;
    if (country != kNone) a.country = lex_.countries()[country].iso3;
    return a;
  }

  std::vector<CodedActor> resolve_all(const SentenceMentions& sm, const std::vector<uint32_t>& idx,
                                      const PartialDate& date, uint32_t place_country) const {
    std::vector<CodedActor> out;
    for (uint32_t k : idx)
      if (auto a = resolve(sm.actors[k], date, true, place_country)) add_unique(out, {*a});
    return out;
  }

  // The one country a sentence names, through its actors ("Burkinabe officials", "Niger's
  // junta") and places; kNone when it names none or several.
  uint32_t sentence_country(const SentenceMentions& sm) const {
    uint32_t found = kNone;
    auto see = [&](uint32_t c) {
      if (c == kNone || found == c) return true;
      if (found != kNone) return false;
      found = c;
      return true;
    };
    for (const auto& m : sm.actors) {
      uint32_t c = m.country;
      if (c == kNone && m.actor != kNone) c = lex_.country_index(lex_.actors()[m.actor].country);
      if (!see(c)) return kNone;
    }
    for (const auto& p : sm.places)
      if (!see(country_of(p))) return kNone;
    return found;
  }

  uint32_t country_of(const extract::PlaceMention& pm) const {
    if (pm.place != kNone) return lex_.country_index(lex_.places()[pm.place].country);
    return pm.country;
  }

  CodedLocation location_of(const extract::PlaceMention& pm) const {
    CodedLocation loc;
    if (pm.place != kNone) {
      const auto& p = lex_.places()[pm.place];
      // A first-level region goes by its own name, as analysts write it ("Kidal", not "Kidal
      // Region"); the coordinates tell it from its capital.
      loc.name = p.kind == "admin1" && !p.admin1.empty() ? p.admin1 : p.name;
      loc.admin1 = p.kind == "country" ? "" : p.admin1;
      if (p.kind == "admin1" && loc.admin1.empty()) loc.admin1 = p.name;
      loc.country = p.country;
      loc.lat = p.lat;
      loc.lon = p.lon;
      loc.has_coordinates = true;
    } else if (pm.country != kNone) {
      const auto& c = lex_.countries()[pm.country];
      loc.name = c.name;
      loc.country = c.iso3;
    }
    return loc;
  }

  PartialDate event_date(const std::vector<extract::DateMention>& dates, uint32_t anchor) const {
    const extract::DateMention* best = nullptr;
    int64_t best_d = INT64_MAX;
    for (const auto& d : dates) {
      if (d.role != extract::DateRole::Event && d.role != extract::DateRole::Background) continue;
      // a date after the anchor counts a little less far than one before it
      int64_t dist = d.begin >= anchor ? static_cast<int64_t>(d.begin - anchor) : 2 * static_cast<int64_t>(anchor - d.end) + 1;
      // an offset told in passing ("two weeks after Russia invaded Ukraine on 24 February") gives
      // way to a date stated for the act itself
      if (d.role == extract::DateRole::Background) dist *= 2;
      if (dist < best_d) {
        best_d = dist;
        best = &d;
      }
    }
    if (best) return best->date;
    return context_.narrative.known() ? context_.narrative : context_.publication;
  }

  void code_sentence(uint32_t si, std::vector<CodedEvent>& out) {
    const auto& s = sentences_[si];
    const SentenceMentions& sm = mentions_[si];
    auto dates = extract::find_dates(tokens_, s.first_token, s.end_token, context_);
    drop_cited(citations_[si], dates);
    auto preds = extract::find_predicates(lex_, tokens_, s.first_token, s.end_token, sm, lang_);
    if (auto who = speaker(si, dates)) discourse_.speaker = who;
    std::vector<CodedEvent> events;
    for (std::size_t pi = 0; pi < preds.size(); ++pi) {
      if (preds[pi].suppressed != extract::Suppression::None) continue;
      const auto& pred = preds[pi].predicate;
      if (extract::sums_a_period(lex_, tokens_, s.first_token, dates, pred)) continue;
      const auto& pattern = lex_.patterns()[pred.pattern];
      auto args = extract::find_arguments(lex_, tokens_, s.first_token, s.end_token, sm, preds, pi);
      auto places = extract::event_places(lex_, tokens_, s.first_token, s.end_token, sm, preds, pi);
      for (auto& p : places) p = extract::situated_place(sm, p);  // "Sokolo, in the Ségou region": Sokolo
      places.erase(unique_in_order(places), places.end());
      if (!kPerPlaceTypes.count(pattern.type) && places.size() > 1) places.erase(places.begin() + 1, places.end());
      std::size_t copies = std::max<std::size_t>(1, places.size());
      for (std::size_t c = 0; c < copies; ++c) {
        CodedEvent e;
        e.doc = doc_.id;
        e.sentence = si;
        e.evidence_begin = s.begin;
        e.evidence_end = s.end;
        e.evidence = doc_.text.substr(s.begin, s.end - s.begin);
        e.type = pattern.type;
        e.mode = pattern.mode;
        e.pattern = pattern.file + ":" + std::to_string(pattern.line);
        uint32_t anchor = places.empty() ? pred.begin : sm.places[places[c]].end;
        e.date = event_date(dates, places.size() > 1 ? anchor : pred.begin);
        bool inherits_place = places.empty() && discourse_.place && discourse_.place_paragraph == s.paragraph &&
                              kPerPlaceTypes.count(pattern.type);
        uint32_t place_country = places.empty() ? sentence_country(sm) : country_of(sm.places[places[c]]);
        // A bare agent takes the country of the event's place, named earlier in the paragraph too.
        if (place_country == kNone && inherits_place) place_country = lex_.country_index(discourse_.place->country);
        e.actor1 = resolve_all(sm, args.source, e.date, place_country);
        e.actor2 = resolve_all(sm, args.target, e.date, place_country);
        std::erase_if(e.actor2, [&](const CodedActor& a) {
          return std::any_of(e.actor1.begin(), e.actor1.end(), [&](const CodedActor& b) { return same_actor(a, b); });
        });
        if (!places.empty()) {
          e.location = location_of(sm.places[places[c]]);
        } else if (inherits_place) {
          e.location = discourse_.place;
          e.location->inferred = true;
        }
        // "visited Bamako": the capital is both the host government and the place.
        if (!e.location && e.type == "CONSULT")
          for (uint32_t t : args.target)
            if (sm.actors[t].place != kNone) {
              extract::PlaceMention pm{sm.actors[t].begin, sm.actors[t].end, sm.actors[t].place, kNone, false};
              e.location = location_of(pm);
              break;
            }
        // "seized Kidal": taking a place is a capture, whatever the verb took otherwise
        bool retyped = false;
        if (e.type == "COERCE" && e.mode == "confiscate" && args.target.empty() && !pred.nominal &&
            starts_place(sm, pred.end)) {
          e.type = "ASSAULT";
          e.mode = "occupy";
          retyped = true;
        }
        if (pred.nominal && e.actor1.empty()) inherit_actors(e, si);
        // Forming or merging into a group: the parties act together; what they form is no recipient.
        // ("merged with X" keeps X: a partner, not a product).
        if (e.mode == "merge" && !e.actor1.empty() && tokens_[pred.end - 1].key != "with") e.actor2.clear();
        // Mutual acts ("X and Y signed an accord", "held talks"): the first party acts, the others receive.
        else if (kMutualTypes.count(e.type) && e.actor2.empty() && e.actor1.size() >= 2) {
          e.actor2.assign(std::make_move_iterator(e.actor1.begin() + 1), std::make_move_iterator(e.actor1.end()));
          e.actor1.resize(1);
        }
        // "Thousands protested in Bamako": whoever protests unnamed is protesters.
        if (e.type == "PROTEST" && e.actor1.empty() && protesters_ != kNone) {
          const auto& ag = lex_.agents()[protesters_];
          e.actor1.push_back(CodedActor{ag.id, ag.without_country, slice(pred.begin, pred.end), "", "", ag.sector});
        }
        name_generic_groups(e, si);
        // "killed at least 20 people", "12 people were killed": the unnamed dead are civilians.
        if (e.type == "ASSAULT" && !e.actor1.empty() && e.actor2.empty() && civilians_ != kNone &&
            names_dead_people(pred, s)) {
          const auto& ag = lex_.agents()[civilians_];
          e.actor2.push_back(CodedActor{ag.id, ag.without_country, slice(pred.begin, pred.end), "", "", ag.sector});
        }
        if (e.actor1.empty() && e.actor2.empty()) continue;
        // A visit or talks abroad with no one named: the host state is the counterpart.
        if (e.type == "CONSULT" && e.actor2.empty() && e.location && !e.location->country.empty() &&
            !e.actor1.empty() && e.actor1.front().country != e.location->country) {
          if (uint32_t ci = lex_.country_index(e.location->country); ci != kNone) {
            e.actor2.push_back(composed(ci, "GOV", kNone));
            e.actor2.back().mention = e.location->name;
          }
        }
        if (e.type == "ASSAULT") {
          e.fatalities = extract::find_fatalities(tokens_, s.first_token, s.end_token, pred.begin);
          bool named_person = e.actor2.size() == 1 && lex_.actor_index(e.actor2.front().id) != kNone &&
                              lex_.actors()[lex_.actor_index(e.actor2.front().id)].kind == "person";
          if (!e.fatalities && ((named_person && extract::states_killing(tokens_, pred.begin, pred.end)) ||
                                extract::kills_one_person(tokens_, s.first_token, s.end_token, pred.begin, pred.end)))
            e.fatalities = 1;
        }
        if (const auto* map = lex_.mapping(e.type, e.mode)) {
          e.acled_type = map->acled_type;
          e.acled_subtype = map->acled_subtype;
          e.cameo = map->cameo;
        }
        if (!pattern.cameo.empty() && !retyped) e.cameo = pattern.cameo;
        e.confidence = confidence(e, pred);
        events.push_back(std::move(e));
      }
    }
    merge(events);
    for (auto& e : events) discourse_.recent.emplace_back(si, e);
    if (discourse_.recent.size() > 16) discourse_.recent.erase(discourse_.recent.begin(), discourse_.recent.end() - 16);
    for (auto& e : events) out.push_back(std::move(e));
    update_discourse(si, dates);
  }

  // The named armed group a generic one stands for. A definite generic ("the separatists") is the
  // only group of its sector named before it in the sentence; an agent listed as `group_anaphor`
  // in cues.tsv ("the rebels") may also be the group of its sector named in the last two sentences.
  std::optional<CodedActor> group_named_for(const CodedActor& generic, uint32_t si) const {
    constexpr uint32_t kReach = 2;
    const auto& sm = mentions_[si];
    const auto at = std::find_if(sm.actors.begin(), sm.actors.end(), [&](const ActorMention& m) {
      return m.agent != kNone && m.actor == kNone && slice(m.begin, m.end) == generic.mention;
    });
    if (at != sm.actors.end() && at->begin > sentences_[si].first_token &&
        lex_.cue("article", tokens_[at->begin - 1])) {
      std::optional<CodedActor> found;
      for (auto m = sm.actors.begin(); m != at; ++m) {
        if (m->actor == kNone || m->anaphor != Anaphor::None) continue;
        const auto& row = lex_.actors()[m->actor];
        if ((row.kind != "group" && row.kind != "coalition") || row.sector != generic.sector) continue;
        if (found && found->id != row.id) return std::nullopt;  // two groups: no guess
        found = resolve(*m, context_.narrative.known() ? context_.narrative : context_.publication, false);
      }
      if (found) return found;
    }
    if (!discourse_.group || discourse_.group->sector != generic.sector || si - discourse_.group_sentence > kReach ||
        !lex_.cue("group_anaphor", text::fold(generic.id)))
      return std::nullopt;
    return discourse_.group;
  }

  // "The CSP took Bourem. The rebels then …": a generic armed agent is the group just named, unless
  // that group is the other party ("the MNLA fought the rebels").
  void name_generic_groups(CodedEvent& e, uint32_t si) const {
    auto generic = [&](const CodedActor& a) {
      return a.country.empty() && (a.sector == "REB" || a.sector == "INS") &&
             std::any_of(lex_.agents().begin(), lex_.agents().end(), [&](const auto& ag) { return ag.id == a.id; });
    };
    for (auto* role : {&e.actor1, &e.actor2}) {
      auto* other = role == &e.actor1 ? &e.actor2 : &e.actor1;
      for (std::size_t k = 0; k < role->size();) {
        auto group = generic((*role)[k]) ? group_named_for((*role)[k], si) : std::nullopt;
        if (!group || overlap(*other, {*group})) {
          ++k;
          continue;
        }
        group->mention = (*role)[k].mention;
        if (overlap(*role, {*group})) {
          role->erase(role->begin() + static_cast<std::ptrdiff_t>(k));
        } else {
          (*role)[k] = *group;
          ++k;
        }
      }
    }
  }

  // Whom the sentence quotes: the named actor next to a reporting verb — "…,” Tine said.",
  // "said Tine", "Lavrov told reporters: …".
  std::optional<CodedActor> speaker(uint32_t si, const std::vector<extract::DateMention>& dates) const {
    const auto& s = sentences_[si];
    const auto& sm = mentions_[si];
    for (uint32_t r = s.first_token; r < s.end_token; ++r) {
      if (!lex_.cue("report", tokens_[r])) continue;
      for (const auto& m : sm.actors) {
        if (m.anaphor != Anaphor::None) continue;
        if (m.end == r || m.begin == r + 1) {
          auto date = dates.empty() ? (context_.narrative.known() ? context_.narrative : context_.publication) : dates.front().date;
          return resolve(m, date);
        }
      }
    }
    return std::nullopt;
  }

  // Whether a killing predicate's victims are people named by a `victim_noun` of cues.tsv: after
  // an active verb ("killed scores of people"), before a passive one ("20 people were killed").
  bool names_dead_people(const extract::Predicate& pred, const text::Sentence& s) const {
    constexpr uint32_t kWindow = 6;
    if (!extract::states_killing(tokens_, pred.begin, pred.end)) return false;
    uint32_t from = pred.passive ? std::max(s.first_token, pred.begin > kWindow ? pred.begin - kWindow : 0) : pred.end;
    uint32_t to = pred.passive ? pred.begin : std::min(s.end_token, pred.end + kWindow);
    for (uint32_t i = from; i < to; ++i)
      if (lex_.cue("victim_noun", tokens_[i])) return true;
    return false;
  }

  // Whether a place mention begins at token i (after an article).
  bool starts_place(const SentenceMentions& sm, uint32_t i) const {
    if (i < tokens_.size() && tokens_[i].key == "the") ++i;
    return std::any_of(sm.places.begin(), sm.places.end(), [&](const auto& p) { return p.begin == i; });
  }

  // A noun with no one named ("Attacks on military posts … followed") continues the last event of
  // the same type in the previous two sentences.
  void inherit_actors(CodedEvent& e, uint32_t si) const {
    for (auto it = discourse_.recent.rbegin(); it != discourse_.recent.rend(); ++it) {
      if (si - it->first > 2) break;
      if (it->second.type != e.type) continue;
      e.actor1 = it->second.actor1;
      if (e.actor2.empty()) e.actor2 = it->second.actor2;
      return;
    }
  }

  // Events of one predicate type in one sentence at one place with the same actors are one event.
  static void merge(std::vector<CodedEvent>& events) {
    for (std::size_t i = 0; i < events.size(); ++i) {
      for (std::size_t j = i + 1; j < events.size();) {
        auto& a = events[i];
        auto& b = events[j];
        // a mention without a place ("15 were killed when gunmen attacked a market in Tahoua")
        // is placed by the other mention of the act
        bool same_place = !a.location || !b.location || a.location->name == b.location->name ||
                          a.location->inferred || b.location->inferred ||
                          (a.location->country == b.location->country &&
                           (a.location->admin1.empty() || b.location->admin1.empty()));
        bool actors = overlap(a.actor1, b.actor1) || a.actor1.empty() || b.actor1.empty();
        bool same_date = a.date.year == b.date.year && a.date.month == b.date.month && a.date.day == b.date.day;
        if (a.type == b.type && same_place && actors && same_date) {
          add_unique(a.actor1, b.actor1);
          add_unique(a.actor2, b.actor2);
          std::erase_if(a.actor2, [&](const CodedActor& x) {
            return std::any_of(a.actor1.begin(), a.actor1.end(), [&](const CodedActor& y) { return same_actor(x, y); });
          });
          if (!a.fatalities) a.fatalities = b.fatalities;
          if ((!a.location || a.location->inferred) && b.location && !b.location->inferred) a.location = b.location;
          // the more precise place wins: "Aguelhok" over "northern Mali"
          if (a.location && b.location && !b.location->inferred && a.location->admin1.empty() && !b.location->admin1.empty())
            a.location = b.location;
          a.confidence = std::max(a.confidence, b.confidence);
          events.erase(events.begin() + static_cast<std::ptrdiff_t>(j));
        } else {
          ++j;
        }
      }
    }
  }

  static double confidence(const CodedEvent& e, const extract::Predicate& p) {
    double c = 0.45;
    if (!e.actor1.empty()) c += 0.2;
    if (!e.actor2.empty()) c += 0.1;
    if (!p.nominal) c += 0.1;
    if (e.location && !e.location->inferred) c += 0.05;
    if (e.date.known()) c += 0.05;
    return std::min(c, 0.95);
  }

  void update_discourse(uint32_t si, const std::vector<extract::DateMention>& dates) {
    const auto& s = sentences_[si];
    const auto& sm = mentions_[si];
    PartialDate date = context_.narrative.known() ? context_.narrative : context_.publication;
    for (const auto& d : dates)
      if (d.role == extract::DateRole::Event) date = d.date;
    ++context_.narrative_age;
    for (const auto& d : dates)
      if (d.role == extract::DateRole::Event) context_.tell(d.date);
    for (const auto& m : sm.actors) {
      if (m.anaphor != Anaphor::None) continue;
      auto a = resolve(m, date);
      if (!a) continue;
      if (m.fresh != kNone) {
        if (fresh_.actors()[m.fresh].kind == "person") {
          discourse_.person = a;
        } else {
          discourse_.group = a;
          discourse_.group_sentence = si;
          discourse_.singular = a;
          discourse_.plural = a;
        }
        continue;
      }
      bool person = m.actor != kNone && lex_.actors()[m.actor].kind == "person";
      if (person) {
        discourse_.person = a;
        continue;
      }
      bool named_group = m.actor != kNone && (lex_.actors()[m.actor].kind == "group" || lex_.actors()[m.actor].kind == "coalition");
      if (named_group) {
        discourse_.group = a;
        discourse_.group_sentence = si;
      }
      if (m.actor != kNone) {
        std::erase(discourse_.named, m.actor);
        discourse_.named.push_back(m.actor);
        if (discourse_.named.size() > 24) discourse_.named.erase(discourse_.named.begin());
      }
      if (m.actor != kNone || m.country != kNone) discourse_.singular = a;
      discourse_.plural = a;
    }
    if (!sm.places.empty()) {
      // the last sub-national place named
      for (auto it = sm.places.rbegin(); it != sm.places.rend(); ++it) {
        if (it->place == kNone || it->qualifies != kNone || lex_.places()[it->place].kind == "country") continue;
        discourse_.place = location_of(*it);
        discourse_.place_paragraph = s.paragraph;
        break;
      }
    }
  }

  const Lexicon& lex_;
  const Document& doc_;
  std::vector<text::Token> tokens_;
  std::vector<text::Sentence> sentences_;
  std::vector<SentenceMentions> mentions_;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> citations_;  // per sentence
  std::optional<extract::PlaceMention> dateline_place_;                // the city of the document's dateline
  uint32_t protesters_ = kNone;
  uint32_t civilians_ = kNone;  // the agent row "CIVILIANS", when a pack has it
  std::string lang_;  // the document's language: given, or detected  // the agent row "PROTESTERS", when a pack has it
  uint32_t home_country_ = kNone;
  extract::DateContext context_;
  Discourse discourse_;
  extract::NewActorFinder fresh_{lex_, tokens_, doc_.text};  // actors no pack knows
};

}  // namespace

std::vector<CodedEvent> Coder::code(const Document& doc) const { return DocumentCoder(lex_, doc).run(); }

}  // namespace faultline::coding
