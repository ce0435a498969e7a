// Source and target of an event predicate, from the clause around it.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/mentions.h"
#include "extract/predicates.h"

namespace faultline::extract {

struct Arguments {
  std::vector<uint32_t> source;  // indices into SentenceMentions::actors
  std::vector<uint32_t> target;
  bool source_from_main_clause = false;  // a participle clause: the caller may reuse the main subject
};

// `predicates` are the sentence's predicates in text order; `index` is the one to analyse.
// Active: the subject (nearest actor to the left, skipping a parenthetical ", led by X,") and the
// object (first actor after the pattern). Passive: the by-agent acts on the subject. Nominal:
// "X's attack on Y", "the attack by X on Y", "clashes between X and Y". Coordinated actors ("X and
// Y", "X, Y and Z") are taken together.
Arguments find_arguments(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, uint32_t begin,
                         uint32_t end, const SentenceMentions& mentions,
                         const std::vector<PredicateCandidate>& predicates, std::size_t index);

}  // namespace faultline::extract
