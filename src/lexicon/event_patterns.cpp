#include "lexicon/event_patterns.h"

#include <stdexcept>

#include "lexicon/tsv_file.h"
#include "text/fold.h"

namespace faultline::lexicon {
namespace {

bool is_boundary(const std::string& key) { return key == "," || key == ";" || key == ":" || key == "." || key == "(" || key == ")"; }

std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

void EventPatterns::add(EventPattern p, const std::string& source, const VerbInflector& verbs) {
  p.text = source;
  for (auto& raw : split_spaces(source)) {
    PatternElement el;
    std::string item = raw;
    if (item == "*") {
      el.gap = true;
      el.optional = true;
      p.elements.push_back(std::move(el));
      continue;
    }
    if (item.size() > 1 && item.back() == '?') {
      el.optional = true;
      item.pop_back();
    }
    for (auto& alt : split_list(item)) {
      if (alt.front() == '{') {
        if (alt.back() != '}' || alt.size() < 3) throw std::invalid_argument("unclosed verb braces in '" + alt + "'");
        std::string lemma = text::fold(alt.substr(1, alt.size() - 2));
        for (const auto& f : verbs.forms(lemma)) {
          el.words.insert(f.form);
          if (f.participle) el.participles.insert(f.form);
        }
        el.verb = true;
      } else {
        if (alt.find_first_of("{}*") != std::string::npos) throw std::invalid_argument("stray '{', '}' or '*' in '" + alt + "'");
        el.words.insert(text::fold(alt));
      }
    }
    if (el.words.empty()) throw std::invalid_argument("empty element in pattern");
    if (el.verb && p.verb_element < 0) p.verb_element = static_cast<int>(p.elements.size());
    p.elements.push_back(std::move(el));
  }
  for (const auto& el : p.elements) p.required += !el.optional;
  if (p.required == 0) throw std::invalid_argument("a pattern needs at least one required word");
  if (p.elements.front().gap || p.elements.back().gap) throw std::invalid_argument("a pattern cannot start or end with '*'");
  auto index = static_cast<uint32_t>(patterns_.size());
  // Index under every word that can start a match: the first element and, while elements are
  // optional, the following ones.
  for (const auto& el : p.elements) {
    if (el.gap) break;
    for (const auto& w : el.words) {
      by_first_word_[w].push_back(index);
      first_words_.add(text::hash_key(w));
    }
    if (!el.optional) break;
  }
  patterns_.push_back(std::move(p));
}

bool EventPatterns::match_from(const EventPattern& p, std::size_t e, const std::vector<text::Token>& tokens,
                               uint32_t pos, uint32_t end, PatternMatch& m) const {
  if (e == p.elements.size()) {
    m.end = pos;
    return true;
  }
  const auto& el = p.elements[e];
  if (el.gap) {
    for (uint32_t skip = 0; skip <= 3 && pos + skip <= end; ++skip) {
      if (skip > 0 && is_boundary(tokens[pos + skip - 1].key)) break;
      PatternMatch copy = m;
      if (match_from(p, e + 1, tokens, pos + skip, end, copy)) {
        m = copy;
        return true;
      }
    }
    return false;
  }
  if (pos < end && el.words.find(text::key_of(tokens[pos])) != el.words.end()) {
    PatternMatch copy = m;
    if (static_cast<int>(e) == p.verb_element) {
      copy.verb_token = static_cast<int32_t>(pos);
      copy.participle = el.participles.find(text::key_of(tokens[pos])) != el.participles.end();
    }
    ++copy.matched;
    if (match_from(p, e + 1, tokens, pos + 1, end, copy)) {
      m = copy;
      return true;
    }
  }
  if (el.optional) return match_from(p, e + 1, tokens, pos, end, m);
  return false;
}

void EventPatterns::match_at(const std::vector<text::Token>& tokens, uint32_t i, uint32_t end,
                             std::vector<PatternMatch>& out, const std::string& lang) const {
  if (!first_words_.maybe(tokens[i].hash)) return;
  auto it = by_first_word_.find(text::key_of(tokens[i]));
  if (it == by_first_word_.end()) return;
  for (uint32_t id : it->second) {
    const auto& p = patterns_[id];
    // French patterns for French text only; English ones for everything else ("attaque" is no
    // form of "attack", but "tour", "menace" and "train" are English and French words).
    if ((p.lang == "fr") != (lang == "fr")) continue;
    PatternMatch m{id, i, i, -1, false, 0};
    // The match must begin at i with a real token: try skipping leading optional elements.
    for (std::size_t start = 0; start < p.elements.size(); ++start) {
      const auto& el = p.elements[start];
      if (el.gap) break;
      if (el.words.find(text::key_of(tokens[i])) != el.words.end()) {
        PatternMatch attempt = m;
        if (match_from(p, start, tokens, i, end, attempt)) {
          if (p.verb_element >= 0 && attempt.verb_token < 0) break;  // the verb was optional and absent
          out.push_back(attempt);
          break;
        }
      }
      if (!el.optional) break;
    }
  }
}

}  // namespace faultline::lexicon
