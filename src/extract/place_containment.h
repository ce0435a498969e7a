// A place followed by the region or country that contains it: "Barsalogho, in Burkina Faso's
// Centre-Nord region", "Sokolo, dans la région de Ségou", "Kramatorsk, in eastern Ukraine". The
// region says where the place is; it is no second place of the event (one event, not one per
// place, and the town rather than its region).
#pragma once

#include <vector>

#include "extract/mentions.h"
#include "lexicon/lexicon.h"
#include "text/token.h"

namespace faultline::extract {

// Marks each place mention that only situates the place mention before it
// (PlaceMention::qualifies), when the words between them are `containment` cues (cues.tsv), a
// comma or a possessive "'s", and the later one is a country or first-level region that holds the
// earlier: its country, or its admin1. When the earlier name has namesakes, the one inside that
// region is taken ("Sokolo, in the Ségou region" is not the Sokolo of Mopti).
void attach_containing_places(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                              SentenceMentions& mentions);

// The place mention an event at mentions.places[index] is at: the place it qualifies, if any.
uint32_t situated_place(const SentenceMentions& mentions, uint32_t index);

}  // namespace faultline::extract
