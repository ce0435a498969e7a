// The temporal graph's facts: who belonged to which group when, how two actors related month by
// month, and who held a place over which interval, each with its evidence (event ids).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "lexicon/lexicon.h"

namespace faultline::graph {

using lexicon::PartialDate;

struct MembershipFact {
  std::string member;
  std::string group;
  PartialDate from, to;  // unknown = open
  std::string source;    // "pack", "text" or "pack+text" (a pack fact that the text dated or confirmed)
  std::string note;
  std::vector<std::string> evidence;  // event ids
};

// The weights of events between two actors (a < b) in one month (month 0: dated to the year only).
struct RelationCell {
  std::string a, b;
  int year = 0;
  int month = 0;
  double cooperative = 0;
  double conflictual = 0;
  int cooperative_events = 0;
  int conflictual_events = 0;
};

struct ControlEvidence {
  std::string event;
  std::string change;  // "captured", "retook", "withdrew", "handed over", "received"
};

// One holder (or set of joint holders) of a place over an interval.
struct ControlInterval {
  std::string place;      // display name
  std::string place_key;  // folded
  std::vector<std::string> holders;  // actor ids; empty = unknown holder
  PartialDate from, to;   // `to` unknown with to_open = still held
  bool to_open = true;
  std::string source;     // "pack" (control.tsv) or "text" (derived from events)
  std::string status;     // "held", or "contested": a text claim that disagrees with the pack
  std::string note;
  std::vector<ControlEvidence> evidence;
};

struct Graph {
  std::vector<MembershipFact> memberships;
  std::vector<RelationCell> relations;
  std::vector<ControlInterval> control;
};

}  // namespace faultline::graph
