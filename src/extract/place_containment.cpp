#include "extract/place_containment.h"

namespace faultline::extract {
namespace {

constexpr uint32_t kMaxGap = 6;

// Only containment words, region nouns, commas and a possessive "'s" between tokens [a, b);
// `region_noun`: whether a region noun is among them ("dans la région de Ségou").
bool containment_gap(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, uint32_t a, uint32_t b,
                     bool& region_noun) {
  region_noun = false;
  if (b <= a || b - a > kMaxGap) return false;
  for (uint32_t i = a; i < b; ++i) {
    const auto& k = tokens[i].key;
    if (lex.cue("region_noun", tokens[i]))
      region_noun = true;
    else if (k != "," && k != "'s" && !lex.cue("containment", tokens[i]))
      return false;
  }
  return true;
}

// The country (ISO3) and first-level region a mention names as a container; empty region for a
// country. False when the mention is neither. `region_noun`: a region noun came right before the
// name ("the region of Ségou" names the region, not the town).
bool container_of(const lexicon::Lexicon& lex, const PlaceMention& pm, bool region_noun, std::string& country,
                  std::string& admin1) {
  if (pm.country != kNone) {
    country = lex.countries()[pm.country].iso3;
    admin1.clear();
    return true;
  }
  if (pm.place == kNone) return false;
  const auto& p = lex.places()[pm.place];
  country = p.country;
  if (p.kind == "country") {
    admin1.clear();
    return true;
  }
  if ((p.kind == "admin1" || pm.region || region_noun) && !p.admin1.empty()) {
    admin1 = p.admin1;
    return true;
  }
  return false;
}

bool inside(const lexicon::Place& p, const std::string& country, const std::string& admin1) {
  return p.country == country && (admin1.empty() || p.admin1 == admin1);
}

// Re-reads the name of `pm` for a namesake inside the container; true when one is taken.
bool take_namesake_inside(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, PlaceMention& pm,
                          const std::string& country, const std::string& admin1) {
  uint32_t name_end = pm.region ? pm.end - 1 : pm.end;
  std::vector<lexicon::PhraseIndex::Match> matches;
  lex.names().match_at(tokens, pm.begin, name_end, matches);
  for (const auto& m : matches) {
    const auto& e = lex.name_entry(m.payload);
    if (m.length != name_end - pm.begin || e.kind != lexicon::NameKind::Place) continue;
    if (inside(lex.places()[e.ref], country, admin1)) {
      pm.place = e.ref;
      return true;
    }
  }
  return false;
}

}  // namespace

void attach_containing_places(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                              SentenceMentions& mentions) {
  auto& places = mentions.places;
  for (uint32_t k = 0; k < places.size(); ++k) {
    if (places[k].place == kNone || places[k].qualifies != kNone) continue;
    const auto& kind = lex.places()[places[k].place].kind;
    if (kind == "country" || kind == "admin1") continue;  // "Kidal, in Mali": a town only
    uint32_t prev_end = places[k].end;
    for (uint32_t j = k + 1; j < places.size(); ++j) {
      bool region_noun = false;
      if (!containment_gap(lex, tokens, prev_end, places[j].begin, region_noun)) break;
      std::string country, admin1;
      if (!container_of(lex, places[j], region_noun, country, admin1)) break;
      if (!inside(lex.places()[places[k].place], country, admin1) &&
          !take_namesake_inside(lex, tokens, places[k], country, admin1))
        break;
      places[j].qualifies = k;
      prev_end = places[j].end;
    }
  }
}

uint32_t situated_place(const SentenceMentions& mentions, uint32_t index) {
  uint32_t q = mentions.places[index].qualifies;
  return q == kNone ? index : q;
}

}  // namespace faultline::extract
