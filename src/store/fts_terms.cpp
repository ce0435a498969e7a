#include "store/fts_terms.h"

#include <unicode/uchar.h>

#include "text/fold.h"
#include "text/utf8.h"

namespace faultline::store {
namespace {

bool is_term_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  // Combining marks stay inside the term (folding then drops the accents), as unicode61 keeps
  // diacritics with their letter.
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK | U_GC_MN_MASK)) != 0;
}

// A lexeme in tsvector/tsquery syntax: quoted, with quotes and backslashes escaped.
void append_quoted(std::string& out, const std::string& term) {
  out += '\'';
  for (char c : term) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
}

constexpr std::size_t kMaxLexemeBytes = 2046;  // PostgreSQL refuses longer lexemes
constexpr std::size_t kMaxPosition = 16383;    // and clamps positions here

}  // namespace

std::vector<std::string> fts_terms(std::string_view text) {
  std::vector<std::string> out;
  std::string term;
  auto flush = [&] {
    if (term.empty()) return;
    if (term.size() > kMaxLexemeBytes) term.resize(kMaxLexemeBytes);
    out.push_back(std::move(term));
    term.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = text::next_code_point(text, i);
    if (is_term_char(cp))
      text::append_folded(term, cp);
    else
      flush();
  }
  flush();
  return out;
}

std::string tsvector_literal(std::string_view text) {
  std::string out;
  std::size_t position = 0;
  for (const auto& t : fts_terms(text)) {
    if (!out.empty()) out += ' ';
    append_quoted(out, t);
    out += ':' + std::to_string(std::min(++position, kMaxPosition));
  }
  return out;
}

std::string tsquery_literal(std::string_view words) {
  std::string out;
  std::size_t at = 0;
  while (at < words.size()) {
    std::size_t end = words.find_first_of(" \t\n", at);
    if (end == std::string_view::npos) end = words.size();
    auto terms = fts_terms(words.substr(at, end - at));
    at = end + 1;
    if (terms.empty()) continue;
    out += out.empty() ? "(" : " & (";
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if (i) out += " <-> ";
      append_quoted(out, terms[i]);
    }
    out += ')';
  }
  return out;
}

}  // namespace faultline::store
