// Folding text to a matching key: lower case, no accents, one apostrophe, one dash.
#pragma once

#include <string>
#include <string_view>

namespace faultline::text {

// "Ménaka" → "menaka", "Aguel’hoc" → "aguel'hoc", "Goïta" → "goita", "–" → "-".
// Valid UTF-8 in, valid UTF-8 out; letters outside Latin scripts are only lower-cased.
std::string fold(std::string_view utf8);

// Folds one code point into out (used by the tokenizer, which folds as it scans).
void append_folded(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_digit(char32_t cp);
bool is_upper(char32_t cp);
bool is_space(char32_t cp);

}  // namespace faultline::text
