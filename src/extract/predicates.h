// Event predicates: where a sentence uses the event vocabulary, with voice, negation and mood.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/mentions.h"
#include "lexicon/lexicon.h"

namespace faultline::extract {

struct Predicate {
  uint32_t pattern = 0;
  uint32_t begin = 0;  // token range of the matched pattern
  uint32_t end = 0;
  int32_t verb = -1;   // predicate verb token; -1 for a nominal predicate
  bool nominal = false;
  bool passive = false;
  bool participle_clause = false;  // "..., killing 20" / "by attacking": subject of the main clause
  int32_t noun = -1;  // a noun of the same act the verb's span takes in ("killed in [fighting with]")
};

// Why a matched predicate yields no event (kept for tests and --explain style diagnostics).
// Attributive: a participle used as an adjective ("the vacated camp"), which reports no act.
// Embedded: an event noun that is what another event is about ("condemned the invasion",
// "protested against the sanctions"), not a report of its own.
// Reference: an event noun after a demonstrative ("this attack", "cette fusion") names an act the
// text has already told.
enum class Suppression : uint8_t {
  None,
  Negated,
  Denied,
  Modal,
  Infinitive,
  Conditional,
  Question,
  Attributive,
  Embedded,
  Reference
};

struct PredicateCandidate {
  Predicate predicate;
  Suppression suppressed = Suppression::None;
};

// Finds the non-overlapping event predicates of tokens[begin, end), most specific pattern first,
// and marks those the sentence negates, denies, puts in a modal or conditional mood, or asks about.
// A verb and a noun of the same type right after it ("signed a peace agreement with", "were
// killed in fighting with") are one predicate: one act, named twice.
// `lang` is the document's language ("en", "fr", or empty): it selects language-specific patterns.
std::vector<PredicateCandidate> find_predicates(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                                                uint32_t begin, uint32_t end, const SentenceMentions& mentions,
                                                const std::string& lang = {});

}  // namespace faultline::extract
