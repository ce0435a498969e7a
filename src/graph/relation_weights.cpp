#include "graph/relation_weights.h"

#include <map>
#include <set>

namespace faultline::graph {

Weight relation_weight(const std::string& type, const std::string& mode) {
  static const std::map<std::string, Weight> kByType{
      {"AGREE", {Tone::Cooperative, 3}},     {"COOPERATE", {Tone::Cooperative, 3}},
      {"AID", {Tone::Cooperative, 3}},       {"SUPPORT", {Tone::Cooperative, 2}},
      {"CONSULT", {Tone::Cooperative, 1}},   {"CONCEDE", {Tone::Cooperative, 1}},
      {"ASSAULT", {Tone::Conflictual, 4}},   {"COERCE", {Tone::Conflictual, 3}},
      {"SANCTION", {Tone::Conflictual, 2}},  {"THREATEN", {Tone::Conflictual, 2}},
      {"ACCUSE", {Tone::Conflictual, 1}},    {"REJECT", {Tone::Conflictual, 1}},
      {"PROTEST", {Tone::Conflictual, 1}},
  };
  if (type == "RETREAT") {
    // Releasing captives, returning property or a ceasefire are concessions to the other side;
    // withdrawing, disarming or resigning say nothing about it.
    if (mode == "release" || mode == "return" || mode == "ceasefire") return {Tone::Cooperative, 1};
    return {};
  }
  if (type == "AGREE" && mode == "merge") return {Tone::Cooperative, 4};
  auto it = kByType.find(type);
  return it == kByType.end() ? Weight{} : it->second;
}

Weight same_side_weight(const std::string& type, const std::string& mode, bool other_side_empty) {
  Weight w = relation_weight(type, mode);
  bool mutual = type == "AGREE" || type == "CONSULT" || type == "COOPERATE";
  if (mutual && other_side_empty) return w;
  if (w.tone == Tone::Neutral) return {};
  return {Tone::Cooperative, 1};
}

double relation_score(double cooperative, double conflictual) {
  double total = cooperative + conflictual;
  return total > 0 ? (cooperative - conflictual) / total : 0;
}

namespace {

// The country of a state institution's id (MLI_GOV, MLI_MIL → MLI), or "".
std::string state_of(const std::string& id) {
  static const std::set<std::string> kStateSectors{"GOV", "MIL", "POL", "LEG", "JUD"};
  if (id.size() != 7 || id[3] != '_' || !kStateSectors.count(id.substr(4))) return "";
  return id.substr(0, 3);
}

}  // namespace

bool same_state(const std::string& a, const std::string& b) {
  const std::string state = state_of(a);
  return !state.empty() && state == state_of(b);
}

std::string relation_kind(const std::string& a, const std::string& b, double cooperative, double conflictual,
                          int events) {
  if (events < kMinRelationEvents) return "uncertain";
  double s = relation_score(cooperative, conflictual);
  if (s >= kAllyThreshold) return "ally";
  if (s <= -kAllyThreshold) return same_state(a, b) ? "uncertain" : "enemy";
  return "mixed";
}

}  // namespace faultline::graph
