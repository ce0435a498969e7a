#include "lexicon/phrase_index.h"

#include <algorithm>

namespace faultline::lexicon {

void PhraseIndex::add(const std::vector<std::string>& keys, uint32_t payload, bool caps_only) {
  if (keys.empty()) return;
  first_words_.add(text::hash_key(keys.front()));
  uint32_t node = 0;
  for (const auto& k : keys) {
    auto it = edges_.find(EdgeView{node, k, text::hash_key(k)});
    if (it == edges_.end()) {
      auto next = static_cast<uint32_t>(payloads_.size());
      payloads_.emplace_back();
      edges_.emplace(Edge{node, k}, next);
      node = next;
    } else {
      node = it->second;
    }
  }
  for (const auto& p : payloads_[node])
    if (p.payload == payload) return;
  payloads_[node].push_back(Payload{payload, caps_only});
  ++entries_;
}

bool written_in_capitals(const std::vector<text::Token>& tokens, std::size_t i, std::size_t n) {
  for (std::size_t k = i; k < i + n; ++k) {
    const auto& t = tokens[k];
    bool has_letter = false;
    for (char c : t.key)
      if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) has_letter = true;
    if (!has_letter) continue;
    if (!t.all_caps && !(t.capitalized && t.key.size() == 1)) return false;
  }
  return true;
}

void PhraseIndex::match_at(const std::vector<text::Token>& tokens, std::size_t i, std::size_t end,
                           std::vector<Match>& out) const {
  std::size_t first = out.size();
  if (i >= end || !first_words_.maybe(tokens[i].hash)) return;
  uint32_t node = 0;
  for (std::size_t k = i; k < end; ++k) {
    auto it = edges_.find(EdgeView{node, tokens[k].key, tokens[k].hash});
    if (it == edges_.end()) break;
    node = it->second;
    auto len = static_cast<uint32_t>(k - i + 1);
    for (const auto& p : payloads_[node]) {
      if (p.caps_only && !written_in_capitals(tokens, i, len)) continue;
      out.push_back(Match{len, p.payload});
    }
  }
  // Longest first.
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

}  // namespace faultline::lexicon
