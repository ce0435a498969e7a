// Who and where a sentence names: actor mentions (named actors, persons, countries, composed
// "demonym + agent" phrases, bare agents, anaphors) and place mentions.
#pragma once

#include <cstdint>
#include <vector>

#include "lexicon/lexicon.h"
#include "text/token.h"

namespace faultline::extract {

using lexicon::kNone;

// Speaker: "I", "we" in a quotation stand for whoever the sentence quotes.
enum class Anaphor : uint8_t { None, Person, Singular, Plural, Group, Speaker };

struct ActorMention {
  uint32_t begin = 0;  // token range [begin, end)
  uint32_t end = 0;
  uint32_t actor = kNone;    // a named actor (a person too)
  uint32_t agent = kNone;    // a generic agent ("soldiers", "minister")
  uint32_t country = kNone;  // the country attached ("Malian", "Mali's", "of Mali")
  Anaphor anaphor = Anaphor::None;
  bool metonym = false;  // a capital or country name standing for its government
  uint32_t place = kNone;  // for a capital standing for its government: the city itself
  uint32_t fresh = kNone;  // an actor no pack knows: an index into the document's NewActors
};

struct PlaceMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t place = kNone;    // a gazetteer row
  uint32_t country = kNone;  // a country named as a place ("in Mali")
  bool region = false;       // "the Kidal region"
  // The region or country this mention places an earlier one in ("Sokolo, in the Ségou region"):
  // that mention's index in the sentence's places; kNone for a place in its own right.
  uint32_t qualifies = kNone;
};

struct SentenceMentions {
  std::vector<ActorMention> actors;  // in text order, not overlapping
  std::vector<PlaceMention> places;
};

SentenceMentions find_mentions(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                               uint32_t begin, uint32_t end);

// A place name shared by several places first resolves to the most prominent namesake. Once the
// whole document is read, a place in a country the document barely names gives way to a namesake
// in `home`, the country it is about ("Léré" in a report on Mali is Léré, Mali, not Lere,
// Nigeria). `named[c]`: how often actor mentions, country names and capitals name country c.
void prefer_home_namesakes(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                           SentenceMentions& mentions, const std::vector<int>& named, uint32_t home);

}  // namespace faultline::extract
