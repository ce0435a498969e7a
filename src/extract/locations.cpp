#include "extract/locations.h"

namespace faultline::extract {
namespace {

constexpr uint32_t kMaxPlaceDistance = 16;

bool place_joins(const std::vector<text::Token>& tokens, uint32_t a, uint32_t b) {
  if (b <= a || b - a > 7) return false;
  bool connector = false;
  for (uint32_t i = a; i < b; ++i) {
    const auto& k = tokens[i].key;
    if (k == "and" || k == "et" || k == "or") connector = true;
    else if (k == ";" || k == "." || k == "which" || k == "who") return false;
  }
  return connector || (b - a == 1 && tokens[a].key == ",");
}

// Whether predicates[next], after predicates[index], goes on with the same act (see the header).
bool continues_act(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, uint32_t begin,
                   const std::vector<PredicateCandidate>& predicates, std::size_t index, std::size_t next) {
  const auto& n = predicates[next];
  if (n.suppressed == Suppression::Infinitive) return true;
  if (!n.predicate.nominal) return false;
  const auto& patterns = lex.patterns();
  if (patterns[n.predicate.pattern].type != patterns[predicates[index].predicate.pattern].type) return false;
  for (uint32_t k = n.predicate.begin, seen = 0; k > begin && seen < 4; ++seen) {
    --k;
    if (lex.cue("circumstance", tokens[k])) return true;
    if (!tokens[k].word) return false;
  }
  return false;
}

}  // namespace

std::vector<uint32_t> event_places(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                                   uint32_t begin, uint32_t end,
                                   const SentenceMentions& mentions, const std::vector<PredicateCandidate>& predicates,
                                   std::size_t index) {
  (void)begin;
  const Predicate& p = predicates[index].predicate;
  uint32_t right = end;
  for (std::size_t k = index + 1; k < predicates.size(); ++k)
    if (predicates[k].predicate.begin >= p.end && !continues_act(lex, tokens, begin, predicates, index, k)) {
      right = predicates[k].predicate.begin;
      break;
    }
  uint32_t left = begin;
  for (std::size_t k = 0; k < index; ++k)
    if (predicates[k].predicate.end <= p.begin) left = predicates[k].predicate.end;
  std::vector<uint32_t> out;
  const auto& places = mentions.places;
  for (std::size_t k = 0; k < places.size(); ++k) {
    if (places[k].begin < p.end || places[k].begin >= right || places[k].begin - p.end > kMaxPlaceDistance) continue;
    out.push_back(static_cast<uint32_t>(k));
    for (std::size_t j = k + 1; j < places.size() && places[j].begin < right; ++j) {
      if (!place_joins(tokens, places[out.back()].end, places[j].begin)) break;
      out.push_back(static_cast<uint32_t>(j));
    }
    return out;
  }
  for (std::size_t k = places.size(); k > 0; --k) {
    const auto& pl = places[k - 1];
    if (pl.end > p.begin || pl.begin < left) continue;
    out.push_back(static_cast<uint32_t>(k - 1));
    return out;
  }
  // Before the previous predicate too, when that one is in the same clause: "In Kidal, X attacked
  // Y and killed Z".
  for (std::size_t k = places.size(); k > 0; --k) {
    const auto& pl = places[k - 1];
    if (pl.end > p.begin) continue;
    bool clause_break = false;
    for (uint32_t i = pl.end; i < p.begin; ++i)
      if (tokens[i].key == ";" || tokens[i].key == ":") clause_break = true;
    if (!clause_break && p.begin - pl.end < 25) out.push_back(static_cast<uint32_t>(k - 1));
    return out;
  }
  return out;
}

}  // namespace faultline::extract
