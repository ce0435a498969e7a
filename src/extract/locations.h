// Where an event happened, among the places its sentence names.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/mentions.h"
#include "extract/predicates.h"

namespace faultline::extract {

// Indices into mentions.places for the predicate predicates[index]: the first place after it in
// its clause ("captured Timbuktu", "met in Moscow"), else the nearest before it. Places joined to
// it ("in Ménaka and Tessalit", "Timbuktu on June 28th and Léré on November 28th") come too, one
// event each. A later predicate ends the clause, unless it goes on with the same act: an infinitive
// of purpose ("launched an offensive to retake Kidal") or a noun of the same type in a circumstance
// phrase ("killed ten soldiers in fighting near Tinzaouaten"). Empty when the sentence names no
// place for it.
std::vector<uint32_t> event_places(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                                   uint32_t begin, uint32_t end,
                                   const SentenceMentions& mentions,
                                   const std::vector<PredicateCandidate>& predicates, std::size_t index);

}  // namespace faultline::extract
