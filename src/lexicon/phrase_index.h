// A token trie: finds, at a position in a token list, every phrase of the index that starts there.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/key_hash.h"
#include "text/token.h"

namespace faultline::lexicon {

class PhraseIndex {
 public:
  struct Match {
    uint32_t length;   // in tokens
    uint32_t payload;  // what the caller stored
  };

  // Adds a phrase given as folded token keys. A caps-only phrase matches only where every
  // lettered token of the text is written in capitals ("CMA" but not "cma").
  void add(const std::vector<std::string>& keys, uint32_t payload, bool caps_only);

  // Appends the matches starting at tokens[i] (not going past `end`), longest first.
  void match_at(const std::vector<text::Token>& tokens, std::size_t i, std::size_t end,
                std::vector<Match>& out) const;

  std::size_t size() const { return entries_; }

 private:
  struct Edge {
    uint32_t parent;
    std::string key;
  };
  struct EdgeView {
    uint32_t parent;
    std::string_view key;
    std::size_t key_hash;  // text::hash_key(key)
  };
  struct EdgeHash {
    using is_transparent = void;
    std::size_t operator()(const EdgeView& e) const noexcept { return e.key_hash * 31 + e.parent; }
    std::size_t operator()(const Edge& e) const noexcept { return text::hash_key(e.key) * 31 + e.parent; }
  };
  struct EdgeEq {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const noexcept {
      return a.parent == b.parent && std::string_view(a.key) == std::string_view(b.key);
    }
  };
  struct Payload {
    uint32_t payload;
    bool caps_only;
  };

  std::unordered_map<Edge, uint32_t, EdgeHash, EdgeEq> edges_;
  text::KeyFilter first_words_;  // the first tokens of all phrases
  std::vector<std::vector<Payload>> payloads_{1};  // per node; node 0 is the root
  std::size_t entries_ = 0;
};

// True when every lettered token in tokens[i, i+n) is in capitals (single letters capitalised).
bool written_in_capitals(const std::vector<text::Token>& tokens, std::size_t i, std::size_t n);

}  // namespace faultline::lexicon
