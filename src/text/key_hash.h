// Lookups by token key without rehashing: every token carries the hash of its key (computed once
// by the tokenizer), and the lexicon's sets and maps accept a KeyRef that brings that hash along.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/token.h"

namespace faultline::text {

inline std::size_t hash_key(std::string_view key) { return std::hash<std::string_view>{}(key); }

struct KeyRef {
  std::string_view key;
  std::size_t hash;
};

inline KeyRef key_of(const Token& t) { return KeyRef{t.key, t.hash}; }

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return hash_key(s); }
  std::size_t operator()(const std::string& s) const noexcept { return hash_key(s); }
  std::size_t operator()(const KeyRef& r) const noexcept { return r.hash; }
};

struct KeyEq {
  using is_transparent = void;
  static std::string_view view(std::string_view s) { return s; }
  static std::string_view view(const KeyRef& r) { return r.key; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const noexcept {
    return view(a) == view(b);
  }
};

using KeySet = std::unordered_set<std::string, KeyHash, KeyEq>;

// A bit per hash bucket (a one-hash Bloom filter): `maybe` is false only for keys never added.
// It answers from a 128 KB table that stays in cache, so most tokens never reach the big maps.
class KeyFilter {
 public:
  void add(std::size_t hash) { bits_[slot(hash) >> 6] |= uint64_t{1} << (slot(hash) & 63); }
  bool maybe(std::size_t hash) const { return (bits_[slot(hash) >> 6] >> (slot(hash) & 63)) & 1; }

 private:
  static constexpr std::size_t kBits = std::size_t{1} << 20;
  static std::size_t slot(std::size_t hash) { return (hash ^ (hash >> 29)) & (kBits - 1); }
  std::vector<uint64_t> bits_ = std::vector<uint64_t>(kBits / 64);
};
template <class V>
using KeyMap = std::unordered_map<std::string, V, KeyHash, KeyEq>;

}  // namespace faultline::text
