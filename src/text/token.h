// A token of a document: where it is, its matching key, and what it looks like.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace faultline::text {

struct Token {
  uint32_t begin = 0;  // byte offsets into the document text
  uint32_t end = 0;
  std::string key;     // folded form (see fold.h), the form every matcher compares
  std::size_t hash = 0;  // hash of key (text::hash_key), set by the tokenizer for fast lookups
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // two or more letters, all upper case ("CMA", "U.N.")
  bool word = false;         // starts with a letter or digit
  bool number = false;       // starts with a digit
  bool newline_before = false;
};

struct Sentence {
  uint32_t first_token = 0;  // [first_token, end_token) in the document's token list
  uint32_t end_token = 0;
  uint32_t begin = 0;  // byte range in the document text
  uint32_t end = 0;
  uint32_t paragraph = 0;
};

}  // namespace faultline::text
