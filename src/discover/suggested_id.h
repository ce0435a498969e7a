// The id a new-actor candidate is suggested to be adopted under (`discover --accept NAME --id ID`):
// the pack actor it is under a name the packs lack (an alias match, score 1), else its acronym,
// else its provisional id without NEW_ — the first that no pack actor or country already holds.
#pragma once

#include <string>

#include "discover/candidates.h"
#include "lexicon/lexicon.h"

namespace faultline::discover {

std::string suggested_id(const Candidate& c, const lexicon::Lexicon& lex);

}  // namespace faultline::discover
