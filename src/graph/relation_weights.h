// How much an event says about two actors' relation: cooperative or conflictual, and how strongly.
// The weights follow the CAMEO/PLOVER intensity ordering (fighting outweighs accusing; signing
// outweighs meeting); the table is in docs/store.md.
#pragma once

#include <string>

namespace faultline::graph {

enum class Tone { Neutral, Cooperative, Conflictual };

struct Weight {
  Tone tone = Tone::Neutral;
  double weight = 0;
};

// Between the two sides of an event (actor1 → actor2).
Weight relation_weight(const std::string& type, const std::string& mode);

// Between actors on the same side: acting together (attacking, accusing or signing side by side)
// is weak evidence of alignment; for types that need no counterpart (AGREE, CONSULT, COOPERATE)
// with nobody on the other side, the actors did it with each other and the full weight applies.
Weight same_side_weight(const std::string& type, const std::string& mode, bool other_side_empty);

// (cooperative − conflictual) / (cooperative + conflictual), in [-1, 1]; 0 without evidence.
double relation_score(double cooperative, double conflictual);

// "ally" (score ≥ kAllyThreshold), "enemy" (score ≤ −kAllyThreshold) or "mixed" — or
// "uncertain" where the evidence cannot carry a label: fewer than kMinRelationEvents events, or
// hostility between two institutions of one state (ISO3_GOV, ISO3_MIL, ISO3_POL…), which a coding
// slip produces far more often than a real split.
inline constexpr double kAllyThreshold = 0.25;
// Whether a and b are institutions of one state (MLI_GOV and MLI_MIL).
bool same_state(const std::string& a, const std::string& b);
inline constexpr int kMinRelationEvents = 2;
std::string relation_kind(const std::string& a, const std::string& b, double cooperative, double conflictual,
                          int events);

}  // namespace faultline::graph
