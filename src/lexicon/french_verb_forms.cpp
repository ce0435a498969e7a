#include "lexicon/french_verb_forms.h"

#include <algorithm>

namespace faultline::lexicon {

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void add(std::vector<VerbForm>& out, const std::string& form, bool participle) {
  for (auto& f : out)
    if (f.form == form) {
      f.participle = f.participle || participle;
      return;
    }
  out.push_back(VerbForm{form, participle});
}

// Participle with its feminine and plural forms.
void add_participle(std::vector<VerbForm>& out, const std::string& p) {
  add(out, p, true);
  if (ends_with(p, "s")) {
    add(out, p + "e", true);
    add(out, p + "es", true);
  } else {
    add(out, p + "e", true);
    add(out, p + "s", true);
    add(out, p + "es", true);
  }
}

bool looks_like_participle(const std::string& f) {
  // imperfect ("prenait", "prenais") and subjunctive ("prenne") forms are no participles
  for (const char* end : {"ait", "ais", "aient", "nne", "nnes"})
    if (ends_with(f, end)) return false;
  for (const char* end : {"e", "es", "ee", "ees", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
                          "ites", "ert", "erte", "erts", "ertes", "int", "inte", "ints", "intes"})
    if (ends_with(f, end)) return true;
  return false;
}

}  // namespace

void FrenchVerbForms::add_irregular(const std::string& lemma, const std::vector<std::string>& forms) {
  auto& v = irregular_[lemma];
  for (const auto& f : forms)
    if (std::find(v.begin(), v.end(), f) == v.end()) v.push_back(f);
}

std::vector<VerbForm> FrenchVerbForms::forms(const std::string& lemma) const {
  std::vector<VerbForm> out;
  add(out, lemma, false);
  if (auto it = irregular_.find(lemma); it != irregular_.end()) {
    for (const auto& f : it->second) add(out, f, looks_like_participle(f) && !ends_with(f, "ent"));
    return out;
  }
  if (lemma.size() < 4) return out;
  std::string stem = lemma.substr(0, lemma.size() - 2);
  if (ends_with(lemma, "er")) {
    // "-ger" keeps its e before a and o: "engageant", "engagea"
    std::string soft = ends_with(stem, "g") ? stem + "e" : stem;
    for (const char* e : {"e", "es", "ent", "ons", "ez"}) add(out, stem + e, false);
    for (const char* e : {"ait", "aient", "ais", "a", "ant", "ons"}) add(out, soft + e, false);
    for (const char* e : {"erent", "era", "eront", "erait", "eraient", "erai"}) add(out, stem + e, false);
    add_participle(out, stem + "e");
  } else if (ends_with(lemma, "ir")) {
    for (const char* e : {"is", "it", "issent", "issons", "issez", "issait", "issaient", "irent", "ira", "iront",
                          "irait", "iraient", "issant"})
      add(out, stem + e, false);
    add_participle(out, stem + "i");
  } else if (ends_with(lemma, "re")) {
    for (const char* e : {"s", "", "ent", "ons", "ez", "ait", "aient", "it", "irent", "ra", "ront", "rait", "raient",
                          "ant"})
      add(out, stem + e, false);
    add_participle(out, stem + "u");
  }
  return out;
}

}  // namespace faultline::lexicon
