// Name keys for new actors (see name_keys.h).
#include "extract/name_keys.h"

#include <algorithm>
#include <cctype>

#include "lexicon/lexicon.h"
#include "text/edit_distance.h"
#include "text/fold.h"

namespace faultline::extract {

using lexicon::NameWords;

std::string provisional_id(std::string_view name) {
  auto keys = lexicon::Lexicon::phrase_keys(std::string(name));
  std::string id = "NEW";
  bool first = true;
  for (const auto& k : keys) {
    if (first && (k == "the" || k == "le" || k == "la" || k == "les" || k == "l'")) continue;
    first = false;
    bool gap = true;
    for (char c : k) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        if (gap) id += '_';
        gap = false;
        id += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      } else {
        gap = true;
      }
    }
  }
  return id;
}

namespace {

bool content(const NameWords& words, const std::string& key) {
  if (key.empty()) return false;
  auto c = static_cast<unsigned char>(key[0]);
  if (c < 0x80 && !std::isalnum(c)) return false;  // punctuation; letters outside ASCII count
  return !words.has(key, lexicon::kConnector) && !words.has(key, lexicon::kStopWord);
}

}  // namespace

std::vector<std::string> english_words(const NameWords& words, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& k : lexicon::Lexicon::phrase_keys(std::string(name)))
    if (content(words, k)) out.push_back(words.english(k));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string initials(const NameWords& words, std::string_view name) {
  std::string out;
  for (const auto& k : lexicon::Lexicon::phrase_keys(std::string(name)))
    if (content(words, k)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(k[0])));
  return out;
}

bool abbreviates(const NameWords& words, std::string_view acronym, std::string_view name) {
  std::string letters;
  for (char c : text::fold(acronym))
    if (std::isalnum(static_cast<unsigned char>(c)))
      letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (letters.size() < 2) return false;
  std::string of_name = initials(words, name);
  if (letters == of_name) return true;
  // An English name keeps its French acronym ("Azawad Liberation Front (FLA)"): the same
  // initials in another order, for three letters or more.
  if (letters.size() < 3 || letters.size() != of_name.size()) return false;
  std::sort(letters.begin(), letters.end());
  std::sort(of_name.begin(), of_name.end());
  return letters == of_name;
}

double edit_ratio(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 0;
  return static_cast<double>(text::edit_distance(a, b)) / static_cast<double>(std::max(a.size(), b.size()));
}

}  // namespace faultline::extract
