// The event vocabulary: patterns of events.tsv compiled for matching over tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/verb_forms.h"
#include "text/key_hash.h"
#include "text/token.h"

namespace faultline::lexicon {

struct PatternElement {
  text::KeySet words;        // folded forms accepted here
  text::KeySet participles;  // of those, the past/participle verb forms
  bool optional = false;
  bool gap = false;  // `*`: up to three tokens
  bool verb = false;
};

struct EventPattern {
  std::string type;
  std::string mode;
  std::string cameo;
  std::string text;  // the pattern as written, for messages
  std::string file;
  std::size_t line = 0;
  std::vector<PatternElement> elements;
  int verb_element = -1;  // index of the predicate verb, -1 for a nominal pattern
  int required = 0;       // elements that must match a token
  std::string lang;       // "fr" (events_fr.tsv): French documents only; otherwise all other documents
  bool nominal() const { return verb_element < 0; }
};

struct PatternMatch {
  uint32_t pattern;
  uint32_t begin;  // token range [begin, end)
  uint32_t end;
  int32_t verb_token;  // token of the predicate verb, -1 for nominal patterns
  bool participle;     // the verb token is a past/participle form
  uint32_t matched;    // tokens that matched elements (not gaps): the specificity
};

class EventPatterns {
 public:
  // Parses a pattern; throws std::invalid_argument with a readable reason.
  void add(EventPattern pattern, const std::string& source, const VerbInflector& verbs);

  // All matches starting at token i, within [i, end).
  // `lang` ("en", "fr" or empty) leaves out the patterns of another language.
  void match_at(const std::vector<text::Token>& tokens, uint32_t i, uint32_t end, std::vector<PatternMatch>& out,
                const std::string& lang = {}) const;

  const EventPattern& operator[](uint32_t i) const { return patterns_[i]; }
  std::size_t size() const { return patterns_.size(); }

 private:
  bool match_from(const EventPattern& p, std::size_t element, const std::vector<text::Token>& tokens,
                  uint32_t pos, uint32_t end, PatternMatch& m) const;

  std::vector<EventPattern> patterns_;
  text::KeyMap<std::vector<uint32_t>> by_first_word_;
  text::KeyFilter first_words_;  // the keys of by_first_word_
};

}  // namespace faultline::lexicon
