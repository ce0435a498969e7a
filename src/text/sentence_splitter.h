// Splits a tokenised document into sentences.
#pragma once

#include <string_view>
#include <vector>

#include "text/token.h"

namespace faultline::text {

// Longest sentence, in tokens: longer runs (a line with no full stop) are cut, so one bad line
// cannot make the clause analysis slow or the evidence huge.
inline constexpr uint32_t kMaxSentenceTokens = 160;

// A sentence ends at a line break, or at . ! ? (with any closing quotes, brackets and footnote
// marks like "[3]") before a word that starts with a capital letter, a digit or a quote, unless
// the full stop ends an abbreviation (Gen., Col., Jan., St., U.N.) or an initial ("J. Smith").
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens);

}  // namespace faultline::text
