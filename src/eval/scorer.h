// The event-level scorer of `faultline eval`: the same figures as ../shared/eval/score.py
// (detection, typed and full precision/recall/F1, field accuracies) for users' own gold files.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace faultline::eval {

// Actor alias groups: an id, its family and the normalised aliases that name it.
struct AliasGroups {
  std::map<std::string, std::vector<std::string>> aliases;
  std::map<std::string, std::string> family;
};

// The scorer's own table format: `id<TAB>family<TAB>alias|alias…`, `#` comments.
AliasGroups load_alias_groups(const std::string& path);
// From the packs: every actor is a group of its own (its id its family), named by name and
// aliases; so is every generic agent, named by its nouns.
AliasGroups alias_groups_from(const lexicon::Lexicon& lex);

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

struct ScoreReport {
  std::size_t gold_events = 0;
  std::size_t judged_predictions = 0;
  std::size_t unparseable_lines = 0;
  Prf detect, typed, full;
  std::map<std::string, double> field_accuracy;
  std::vector<std::string> misses;  // gold events with no typed match, as JSON
  std::vector<std::string> extras;  // judged predictions matching no gold event
};

ScoreReport score(const std::vector<nlohmann::json>& gold, const std::vector<nlohmann::json>& predictions,
                  std::size_t unparseable, const AliasGroups& groups);

// "gold_events: 84\njudged_predictions: …" as score.py prints it.
std::string format_report(const ScoreReport& r);

// The normalisation score.py applies before matching: folded, no dots, words joined by single
// spaces, with a space at both ends.
std::string normalise(const std::string& s);

}  // namespace faultline::eval
