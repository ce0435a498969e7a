#include "lexicon/verb_forms.h"

#include <algorithm>

namespace faultline::lexicon {
namespace {

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int vowel_groups(const std::string& s) {
  int groups = 0;
  bool in = false;
  for (char c : s) {
    bool v = vowel(c) || c == 'y';
    if (v && !in) ++groups;
    in = v;
  }
  return groups;
}

// Consonant-vowel-consonant ending where the final consonant may double (stop → stopped).
bool may_double(const std::string& w) {
  if (w.size() < 3) return false;
  char a = w[w.size() - 3], b = w[w.size() - 2], c = w.back();
  if (vowel(a) || !vowel(b) || vowel(c) || c == 'w' || c == 'x' || c == 'y') return false;
  return vowel_groups(w) == 1 || c == 'l';
}

}  // namespace

void VerbForms::add_irregular(const std::string& lemma, const std::vector<std::string>& forms) {
  auto& v = irregular_[lemma];
  for (const auto& f : forms)
    if (std::find(v.begin(), v.end(), f) == v.end()) v.push_back(f);
}

std::vector<VerbForm> VerbForms::forms(const std::string& lemma) const {
  std::vector<VerbForm> out;
  auto add = [&](const std::string& f, bool participle) {
    for (auto& o : out)
      if (o.form == f) {
        o.participle = o.participle || participle;
        return;
      }
    out.push_back(VerbForm{f, participle});
  };
  add(lemma, false);
  if (auto it = irregular_.find(lemma); it != irregular_.end()) {
    for (const auto& f : it->second) {
      bool third = f == lemma + "s" || f == lemma + "es" || (ends_with(f, "s") && !ends_with(lemma, "s") && f.size() == lemma.size() + 1);
      bool ing = ends_with(f, "ing");
      add(f, !third && !ing);
    }
    return out;
  }
  const std::string& w = lemma;
  char last = w.empty() ? '\0' : w.back();
  bool cons_y = last == 'y' && w.size() >= 2 && !vowel(w[w.size() - 2]);
  // third person singular
  if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh") ||
      ends_with(w, "o")) {
    add(w + "es", false);
  } else if (cons_y) {
    add(w.substr(0, w.size() - 1) + "ies", false);
  } else {
    add(w + "s", false);
  }
  // past and participle
  if (last == 'e') {
    add(w + "d", true);
  } else if (cons_y) {
    add(w.substr(0, w.size() - 1) + "ied", true);
  } else {
    add(w + "ed", true);
    if (may_double(w)) add(w + last + "ed", true);
  }
  // -ing
  if (ends_with(w, "ie")) {
    add(w.substr(0, w.size() - 2) + "ying", false);
  } else if (last == 'e' && !ends_with(w, "ee") && !ends_with(w, "ye") && !ends_with(w, "oe")) {
    add(w.substr(0, w.size() - 1) + "ing", false);
  } else {
    add(w + "ing", false);
    if (may_double(w)) add(w + last + "ing", false);
  }
  return out;
}

}  // namespace faultline::lexicon
