// Verb inflection: the forms a `{lemma}` in a pattern matches (English here; French in
// french_verb_forms.h).
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

namespace faultline::lexicon {

struct VerbForm {
  std::string form;
  bool participle;  // a past or past-participle form (used to recognise the passive)
};

// What a pattern compiler needs: the forms of a lemma.
class VerbInflector {
 public:
  virtual ~VerbInflector() = default;
  virtual std::vector<VerbForm> forms(const std::string& lemma) const = 0;
};

class VerbForms : public VerbInflector {
 public:
  // Irregular verbs: lemma → its other forms (from irregular_verbs.tsv).
  void add_irregular(const std::string& lemma, const std::vector<std::string>& forms);

  // Every form of lemma: the lemma, -s, past, participle and -ing forms. For a multi-word lemma
  // ("machine-gun") the whole is inflected at its end.
  std::vector<VerbForm> forms(const std::string& lemma) const override;

 private:
  std::unordered_map<std::string, std::vector<std::string>> irregular_;
};

}  // namespace faultline::lexicon
