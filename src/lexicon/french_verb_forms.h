// French verb conjugation: the forms a `{lemma}` in events_fr.tsv matches. Regular verbs are
// conjugated by their group (-er like "attaquer", -ir like "saisir", -re like "rendre");
// irregular ones take their forms from irregular_verbs_fr.tsv. All forms are folded (no accents),
// so "attaqué" and "attaque" are one form; participles are flagged for passive recognition.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "lexicon/verb_forms.h"

namespace faultline::lexicon {

class FrenchVerbForms : public VerbInflector {
 public:
  // Irregular verbs: folded lemma → its forms. A form ending like a participle (-é, -i, -u, -is,
  // -it, -ert, -int and their feminine/plural) is taken as a participle.
  void add_irregular(const std::string& lemma, const std::vector<std::string>& forms);

  std::vector<VerbForm> forms(const std::string& lemma) const override;

 private:
  std::unordered_map<std::string, std::vector<std::string>> irregular_;
};

}  // namespace faultline::lexicon
