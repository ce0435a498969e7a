// Splits a document into tokens with byte offsets and folded keys.
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace faultline::text {

// Words keep inner hyphens and apostrophes ("al-Sahraoui", "Aguel'hoc"), dotted abbreviations
// stay whole ("U.N."), a possessive "'s" and French elisions ("l'", "d'", "qu'") become tokens of
// their own, numbers keep their separators ("5,000", "27-31"), every other mark is one token.
std::vector<Token> tokenize(std::string_view text);

}  // namespace faultline::text
