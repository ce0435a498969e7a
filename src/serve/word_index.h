// Full-text search over evidence sentences, in memory: each text is split into words (runs of
// letters and digits, folded: lower case, no accents, as the store's FTS index does), and each
// word lists the items (events) whose text contains it, in item order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faultline::serve {

struct Word {
  std::string key;          // folded
  std::size_t begin = 0;    // byte range in the original text
  std::size_t end = 0;
};

// The words of a text with their byte ranges.
std::vector<Word> split_words(std::string_view text);

// One word of a search: an exact word, or a prefix ("kid*").
struct WordQuery {
  std::string key;
  bool prefix = false;
  bool matches(std::string_view word_key) const {
    return prefix ? word_key.substr(0, key.size()) == key : word_key == key;
  }
};

// Parses the words of a search ("attack kid*"): folded; a trailing '*' makes a prefix.
std::vector<WordQuery> parse_word_queries(std::string_view text);

class WordIndex {
 public:
  // Items must be added in increasing order (each item's words at once, possibly several texts).
  void add(uint32_t item, std::string_view text);
  // Sorts the vocabulary for prefix lookups; call once after the last add().
  void finish();

  // The items containing the word (for a prefix: any word with it, at most `max_expansions`
  // words), sorted.
  std::vector<uint32_t> items(const WordQuery& q, std::size_t max_expansions = 256) const;
  // The same for an exact word, without a copy (an empty list when the word is unknown).
  const std::vector<uint32_t>& exact_items(const std::string& key) const;
  std::size_t words() const { return postings_.size(); }

 private:
  std::unordered_map<std::string, std::vector<uint32_t>> postings_;
  std::vector<const std::string*> vocabulary_;  // sorted, for prefixes
};

}  // namespace faultline::serve
