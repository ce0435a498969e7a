#include "text/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <cctype>

namespace faultline::text {

std::string detect_language(std::string_view utf8_text) {
  constexpr std::size_t kMaxBytes = 64 * 1024;
  std::size_t n = std::min(utf8_text.size(), kMaxBytes);
  // Do not cut a multi-byte character in two.
  while (n > 0 && n < utf8_text.size() && (static_cast<unsigned char>(utf8_text[n]) & 0xC0) == 0x80) --n;
  if (n == 0) return {};
  bool reliable = false;
  CLD2::Language lang = CLD2::DetectLanguage(utf8_text.data(), static_cast<int>(n), true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return {};
  return normalise_language(CLD2::LanguageCode(lang));
}

std::string normalise_language(std::string_view code) {
  std::string c;
  for (char ch : code) c.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  if (c == "fra" || c == "fre" || c == "french" || c == "francais" || c == "français") return "fr";
  if (c == "eng" || c == "english") return "en";
  return c.substr(0, 2);
}

}  // namespace faultline::text
