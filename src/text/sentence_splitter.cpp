#include "text/sentence_splitter.h"

#include <string>
#include <unordered_set>

namespace faultline::text {
namespace {

const std::unordered_set<std::string>& abbreviations() {
  static const std::unordered_set<std::string> kAbbreviations = {
      "mr",   "mrs",  "ms",  "dr",   "gen", "col",  "lt",  "sgt", "capt", "maj", "cpl",
      "gov",  "sen",  "rep", "pres", "prof", "st",  "jan", "feb", "mar",  "apr", "jun",
      "jul",  "aug",  "sep", "sept", "oct", "nov",  "dec", "no",  "vs",   "etc", "inc",
      "ltd",  "co",   "jr",  "sr",   "mt",  "ft",   "rev", "hon", "adm",  "cmdr", "brig",
      "mme",  "mlle", "m",   "art",  "vol", "p",    "pp",  "fig", "approx", "dept", "univ"};
  return kAbbreviations;
}

bool is_closer(const std::string& k) {
  return k == "\"" || k == "'" || k == ")" || k == "]" || k == "»";
}

bool is_terminal(const std::string& k) { return k == "." || k == "!" || k == "?" || k == "…"; }

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens) {
  (void)text;
  std::vector<Sentence> out;
  uint32_t paragraph = 0;
  uint32_t start = 0;
  auto emit = [&](uint32_t end) {
    if (end <= start) return;
    Sentence s;
    s.first_token = start;
    s.end_token = end;
    s.begin = tokens[start].begin;
    s.end = tokens[end - 1].end;
    s.paragraph = paragraph;
    out.push_back(s);
    start = end;
  };
  const auto n = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    if (i > start && tokens[i].newline_before) {
      emit(i);
      ++paragraph;
    }
    if (i - start + 1 >= kMaxSentenceTokens) {
      emit(i + 1);
      continue;
    }
    if (!is_terminal(tokens[i].key)) continue;
    // Extend over closing quotes, brackets and footnote marks like "[12]".
    uint32_t j = i + 1;
    while (j < n && !tokens[j].newline_before) {
      // A quote or bracket touching the mark closes; one after a space opens the next sentence.
      if (is_closer(tokens[j].key) && tokens[j].begin == tokens[j - 1].end) {
        ++j;
      } else if (tokens[j].key == "[" && j + 2 < n && tokens[j + 1].number && tokens[j + 2].key == "]") {
        j += 3;
      } else {
        break;
      }
    }
    if (j >= n) continue;
    if (tokens[j].newline_before) continue;  // the line break splits anyway
    const Token& nx = tokens[j];
    bool opens = nx.capitalized || nx.number || nx.key == "\"" || nx.key == "'" || nx.key == "(" ||
                 nx.key == "«";
    if (!opens) continue;
    if (tokens[i].key == "." && i > start) {
      const Token& prev = tokens[i - 1];
      if (prev.end == tokens[i].begin) {
        if (abbreviations().count(prev.key)) continue;
        // An initial: one capital letter.
        if (prev.key.size() == 1 && prev.capitalized) continue;
      }
    }
    emit(j);
    i = j - 1;
  }
  emit(n);
  return out;
}

}  // namespace faultline::text
