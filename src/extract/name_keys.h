// Keys that compare the names of actors no pack knows: the provisional id, the English content
// words of a name in any word order (so "Front de libération de l'Azawad" and "Azawad Liberation
// Front" compare equal), initials against acronyms, and a normalised edit distance for spelling
// variants.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lexicon/name_words.h"

namespace faultline::extract {

// "Azawad Salvation Front" → "NEW_AZAWAD_SALVATION_FRONT"; a leading article is dropped, accents
// folded, everything else but letters and digits becomes one '_'.
std::string provisional_id(std::string_view name);

// The content words of a name, folded, in English (name_words.tsv), connectors and articles left
// out, sorted and distinct.
std::vector<std::string> english_words(const lexicon::NameWords& words, std::string_view name);

// The initials of a name's content words in order, upper case ("Front de libération de l'Azawad"
// → "FLA").
std::string initials(const lexicon::NameWords& words, std::string_view name);

// Whether `acronym` (as written, "FSA" or "F.S.A.") abbreviates `name`: its initials in order, or
// (three letters or more) in another order, as an English name with its French acronym.
bool abbreviates(const lexicon::NameWords& words, std::string_view acronym, std::string_view name);

// Levenshtein distance over bytes divided by the longer length: 0 same, 1 nothing shared.
double edit_ratio(std::string_view a, std::string_view b);

}  // namespace faultline::extract
