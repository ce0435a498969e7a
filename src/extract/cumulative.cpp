#include "extract/cumulative.h"

namespace faultline::extract {
namespace {

constexpr uint32_t kMaxAdverbs = 2;  // "have already killed", "has so far carried out"

// "has killed", "ont fait", "has already carried out": a perfect auxiliary right before the verb.
bool perfect(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, uint32_t begin, uint32_t verb) {
  for (uint32_t k = verb, n = 0; k > begin && n <= kMaxAdverbs; ++n) {
    --k;
    if (lex.cue("have", tokens[k])) return true;
    if (!tokens[k].word || tokens[k].capitalized || tokens[k].number) return false;
  }
  return false;
}

}  // namespace

bool sums_a_period(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, uint32_t begin,
                   const std::vector<DateMention>& dates, const Predicate& predicate) {
  bool opens_period = false;
  int first_year = 0;
  bool spans_years = false;
  for (const auto& d : dates) {
    if (d.role == DateRole::Event && d.date.day != 0) return false;
    bool after_opener = d.begin > begin && lex.cue("period_opener", tokens[d.begin - 1]);
    if (after_opener) opens_period = true;
    if (after_opener && d.date.year) first_year = d.date.year;
    // "between 2011 and 2021": the second year of the span
    else if (first_year && d.date.year && d.date.year != first_year && d.begin > begin &&
             lex.cue("connector", tokens[d.begin - 1]))
      spans_years = true;
  }
  if (spans_years) return true;
  return opens_period && !predicate.nominal && perfect(lex, tokens, begin, predicate.begin);
}

}  // namespace faultline::extract
