#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <mutex>

#include "text/utf8.h"

namespace faultline::text {
namespace {

// Folded forms of U+0000..U+024F, computed once from ICU's decompositions.
struct FoldTable {
  std::array<std::string, 0x250> folded;
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = 0; cp < folded.size(); ++cp) {
      std::string& out = folded[cp];
      if (cp < 0x80) {
        out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        continue;
      }
      icu::UnicodeString decomposed;
      if (U_SUCCESS(status)) nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), decomposed, status);
      bool any = false;
      for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        UChar32 c = decomposed.char32At(i);
        if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
        append_utf8(out, static_cast<char32_t>(u_tolower(c)));
        any = true;
      }
      if (!any) append_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
    }
    // Letters with no decomposition that readers treat as their base letter.
    auto set = [&](char32_t cp, const char* s) { folded[cp] = s; };
    set(0xDF, "ss");
    set(0xC6, "ae");
    set(0xE6, "ae");
    set(0x152, "oe");
    set(0x153, "oe");
    set(0xD8, "o");
    set(0xF8, "o");
    set(0x110, "d");
    set(0x111, "d");
    set(0x141, "l");
    set(0x142, "l");
    set(0xA0, " ");
  }
};

const FoldTable& table() {
  static const FoldTable t;
  return t;
}

}  // namespace

void append_folded(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  if (cp < 0x250) {
    out += table().folded[cp];
    return;
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x02B9: case 0x2032: case 0x00B4:
      out.push_back('\'');
      return;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
      out.push_back('"');
      return;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      out.push_back('-');
      return;
    default:
      append_utf8(out, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
  }
}

std::string fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) append_folded(out, next_code_point(utf8, i));
  return out;
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}
bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp));
}
bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x2009 ||
         cp == 0x202F || cp == 0x200B || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200A);
}

}  // namespace faultline::text
