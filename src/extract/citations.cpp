#include "extract/citations.h"

namespace faultline::extract {

namespace {

bool is_year(const text::Token& t) {
  if (!t.number || t.key.size() < 4) return false;
  for (std::size_t i = 0; i < 4; ++i)
    if (t.key[i] < '0' || t.key[i] > '9') return false;
  return t.key.size() == 4 || (t.key.size() == 5 && t.key[4] >= 'a' && t.key[4] <= 'z');  // "2023b"
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> find_citations(const std::vector<text::Token>& tok, uint32_t begin,
                                                          uint32_t end) {
  constexpr uint32_t kMaxInside = 60;
  // Inside a citation: authors' names (capitalised), years, page numbers and their glue.
  auto citation_token = [](const text::Token& t) {
    static const char* kGlue[] = {",", ";", ":", ".", "-", "and", "et", "al", "al.", "p", "pp", "p.", "pp.", "&", "eds", "ed", "of", "on", "for", "the", "in", "de", "du", "des", "la", "le"};
    if (t.capitalized || t.number) return true;
    for (auto* g : kGlue)
      if (t.key == g) return true;
    return false;
  };
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (uint32_t i = begin; i < end; ++i) {
    if (tok[i].key != "(") continue;
    uint32_t close = i + 1;
    while (close < end && close - i <= kMaxInside && tok[close].key != ")" && tok[close].key != "(") ++close;
    if (close >= end || tok[close].key != ")") continue;
    // Shape: Author [, Author and Author] , YEAR [, pp. N] [; …] — begins with a name, has a
    // comma before a year, and holds nothing but citation tokens.
    bool ok = close > i + 3 && tok[i + 1].capitalized && !tok[i + 1].number;
    bool year_after_comma = false;
    for (uint32_t k = i + 1; ok && k < close; ++k) {
      ok = citation_token(tok[k]);
      if (is_year(tok[k]) && tok[k - 1].key == ",") year_after_comma = true;
    }
    if (ok && year_after_comma) {
      out.emplace_back(i, close + 1);
      i = close;
    }
  }
  return out;
}

}  // namespace faultline::extract
