// A wire report's dateline: "BAMAKO —", "ADDIS ABABA, Jan 5 (Reuters) -", "Gao (AFP) -". It says
// where the story was filed, before the first sentence proper: its city is no actor (not the
// capital standing for its government) and no place named by the sentence, but the likeliest
// place of what the opening sentence reports when that sentence names none.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "extract/mentions.h"
#include "text/token.h"

namespace faultline::extract {

struct Dateline {
  uint32_t begin = 0;  // token range [begin, end), the dash included
  uint32_t end = 0;
  std::optional<PlaceMention> place;  // the city, when the gazetteer knows it
};

// The dateline at tokens[begin, end) (a document's first sentence), given that sentence's
// mentions: a place the gazetteer knows written in capitals ("KYIV"), or any capitalised name
// followed by an agency in brackets ("Tinzaouaten (AFP)"), then optionally a comma and a few words
// (a country, a date) and an agency in brackets, then a dash. Nothing when the sentence does not
// open that way ("JNIM — the group's Sahel branch — …" names no place: no dateline).
std::optional<Dateline> find_dateline(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end,
                                      const SentenceMentions& mentions);

}  // namespace faultline::extract
