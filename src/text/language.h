// Which language a document is written in, for the language-specific vocabulary.
#pragma once

#include <string>
#include <string_view>

namespace faultline::text {

// ISO 639-1 code ("en", "fr", …) of the text's language, detected with CLD2 (Compact Language
// Detector 2) over at most its first 64 KB; empty when the detector is not confident.
std::string detect_language(std::string_view utf8_text);

// "fr", "FR", "fr-FR", "fra", "French" → "fr"; anything else lower-cased to its first two letters.
std::string normalise_language(std::string_view code);

}  // namespace faultline::text
