#include "serve/word_index.h"

#include <algorithm>

#include "text/fold.h"
#include "text/utf8.h"

namespace faultline::serve {
namespace {

bool is_word_char(char32_t cp) { return text::is_letter(cp) || text::is_digit(cp); }

// Folds one word; ASCII (most words) without going through the Unicode tables.
std::string fold_word(std::string_view w) {
  bool ascii = std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) return text::fold(w);
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<Word> split_words(std::string_view s) {
  std::vector<Word> out;
  std::size_t i = 0, start = std::string_view::npos;
  while (i < s.size()) {
    std::size_t at = i;
    char32_t cp = text::next_code_point(s, i);
    bool word = is_word_char(cp);
    if (word && start == std::string_view::npos) start = at;
    if (!word && start != std::string_view::npos) {
      out.push_back(Word{fold_word(s.substr(start, at - start)), start, at});
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) out.push_back(Word{fold_word(s.substr(start)), start, s.size()});
  return out;
}

std::vector<WordQuery> parse_word_queries(std::string_view text) {
  std::vector<WordQuery> out;
  for (auto& w : split_words(text)) {
    bool prefix = w.end < text.size() && text[w.end] == '*';
    out.push_back(WordQuery{std::move(w.key), prefix});
  }
  return out;
}

void WordIndex::add(uint32_t item, std::string_view text) {
  for (auto& w : split_words(text)) {
    auto& list = postings_[w.key];
    if (list.empty() || list.back() != item) list.push_back(item);
  }
}

void WordIndex::finish() {
  vocabulary_.clear();
  vocabulary_.reserve(postings_.size());
  for (auto& [word, list] : postings_) {
    vocabulary_.push_back(&word);
    list.shrink_to_fit();
  }
  std::sort(vocabulary_.begin(), vocabulary_.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
}

const std::vector<uint32_t>& WordIndex::exact_items(const std::string& key) const {
  static const std::vector<uint32_t> none;
  auto it = postings_.find(key);
  return it == postings_.end() ? none : it->second;
}

std::vector<uint32_t> WordIndex::items(const WordQuery& q, std::size_t max_expansions) const {
  if (!q.prefix) {
    auto it = postings_.find(q.key);
    return it == postings_.end() ? std::vector<uint32_t>{} : it->second;
  }
  auto first = std::lower_bound(vocabulary_.begin(), vocabulary_.end(), q.key,
                                [](const std::string* w, const std::string& k) { return *w < k; });
  std::vector<uint32_t> out;
  std::size_t expanded = 0;
  for (auto it = first; it != vocabulary_.end() && q.matches(**it) && expanded < max_expansions; ++it, ++expanded) {
    const auto& list = postings_.at(**it);
    std::vector<uint32_t> merged;
    merged.reserve(out.size() + list.size());
    std::set_union(out.begin(), out.end(), list.begin(), list.end(), std::back_inserter(merged));
    out.swap(merged);
  }
  return out;
}

}  // namespace faultline::serve
