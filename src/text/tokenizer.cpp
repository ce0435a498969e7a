#include "text/tokenizer.h"

#include "text/key_hash.h"

#include <array>

#include "text/fold.h"
#include "text/utf8.h"

namespace faultline::text {
namespace {

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Elided French articles and pronouns that stand before an apostrophe as a word of their own.
bool is_elision(std::string_view folded) {
  static constexpr std::array<std::string_view, 13> kElisions = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
  for (auto e : kElisions)
    if (folded == e) return true;
  return false;
}

struct Scanner {
  std::string_view s;
  std::size_t i = 0;
  char32_t peek(std::size_t at) const {
    if (at >= s.size()) return 0;
    std::size_t j = at;
    return next_code_point(s, j);
  }
  std::size_t after(std::size_t at) const {
    std::size_t j = at;
    next_code_point(s, j);
    return j;
  }
};

void finish(Token& t, std::string_view text) {
  int letters = 0, uppers = 0;
  bool first = true;
  for (std::size_t i = t.begin; i < t.end;) {
    char32_t c = next_code_point(text, i);
    if (is_letter(c)) {
      ++letters;
      if (is_upper(c)) {
        ++uppers;
        if (first) t.capitalized = true;
      }
      first = false;
    } else if (is_digit(c)) {
      first = false;
    }
  }
  t.all_caps = letters >= 2 && uppers == letters;
  t.key.clear();
  for (std::size_t i = t.begin; i < t.end;) append_folded(t.key, next_code_point(text, i));
  // Arabic names keep the article in lower case: "al-Sahraoui", "el-Béchir" are proper names.
  if (!t.capitalized && (t.key.starts_with("al-") || t.key.starts_with("el-") || t.key.starts_with("ad-") ||
                         t.key.starts_with("ash-") || t.key.starts_with("as-"))) {
    std::size_t i = t.begin + t.key.find('-') + 1;
    if (i < t.end && is_upper(next_code_point(text, i))) t.capitalized = true;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 5 + 1);
  Scanner sc{text};
  bool newline = true;
  while (sc.i < text.size()) {
    std::size_t start = sc.i;
    std::size_t next = start;
    char32_t c = next_code_point(text, next);
    if (is_space(c)) {
      if (c == '\n') newline = true;
      sc.i = next;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    t.newline_before = newline;
    newline = false;
    if (is_letter(c) || is_digit(c)) {
      t.word = true;
      t.number = is_digit(c);
      std::size_t j = next;
      while (j < text.size()) {
        std::size_t k = j;
        char32_t d = next_code_point(text, k);
        if (is_letter(d) || is_digit(d) || d == 0x00B7) {
          j = k;
          continue;
        }
        char32_t e = sc.peek(k);
        bool e_word = is_letter(e) || is_digit(e);
        if (is_apostrophe(d) && is_letter(e)) {
          std::string head = fold(text.substr(start, j - start));
          std::size_t after_e = sc.after(k);
          char32_t f = sc.peek(after_e);
          // Possessive 's ends the word; an elided article ("l'", "qu'") is a word of its own.
          if ((e == 's' || e == 'S') && !is_letter(f)) break;
          if (is_elision(head)) {
            j = k;
            break;
          }
          j = k;
          continue;
        }
        if (is_hyphen(d) && e_word) {
          j = k;
          continue;
        }
        if ((d == ',' || d == '.') && t.number && is_digit(e)) {
          j = k;
          continue;
        }
        // Dotted abbreviations: "U.N.", "U.S.", "e.g.".
        if (d == '.' && is_letter(e) && (j - start) <= 4) {
          std::size_t after_e = sc.after(k);
          if (sc.peek(after_e) == '.') {
            j = after_e;
            continue;
          }
        }
        if (d == '.' && k - start >= 3) {
          // the final dot of "U.N." / "e.g."
          std::string_view sofar = text.substr(start, j - start);
          if (sofar.size() >= 3 && sofar[sofar.size() - 2] == '.') {
            j = k;
          }
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
    } else if (is_apostrophe(c) && (sc.peek(next) == 's' || sc.peek(next) == 'S') &&
               !tokens.empty() && tokens.back().end == start && tokens.back().word) {
      std::size_t k = sc.after(next);
      char32_t f = sc.peek(k);
      t.end = static_cast<uint32_t>(is_letter(f) ? next : k);
    } else {
      t.end = static_cast<uint32_t>(next);
    }
    finish(t, text);
    sc.i = t.end;
    tokens.push_back(std::move(t));
  }
  for (auto& t : tokens) t.hash = hash_key(t.key);
  return tokens;
}

}  // namespace faultline::text
