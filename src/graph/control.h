// Territorial control: who held a place over which interval. The pack's control.tsv seeds it;
// events add changes — ASSAULT/occupy (actor1 captured it), ASSAULT/retake (actor1 retook it),
// RETREAT/withdraw (actor1 left; actor2, if named, took over), CONCEDE with a place (actor2
// received it). Each change starts an interval that ends at the place's next change. Inside a
// pack interval the pack wins: a change by its holders (or their groups or members) confirms it,
// a change by others is kept as a contested claim. Rules in docs/store.md.
#pragma once

#include <string>
#include <vector>

#include "graph/facts.h"
#include "graph/pack_facts.h"
#include "store/records.h"

namespace faultline::graph {

// Only armed actors can hold a place: military, rebels, insurgents, private military companies.
bool can_hold_territory(const store::Actor& a);

class ControlDeriver {
 public:
  explicit ControlDeriver(const PackFacts& pack) : pack_(pack) {}
  void add(const store::Event& e);
  // The intervals of every place, by place and start; `memberships` relate holders to groups.
  std::vector<ControlInterval> intervals(const std::vector<MembershipFact>& memberships) const;

 private:
  struct Change {
    std::string place;
    std::string place_key;
    PartialDate date;
    std::vector<std::string> holders;  // who holds it afterwards; empty = unknown
    std::vector<std::string> leavers;  // who left (withdrawals)
    ControlEvidence evidence;
  };
  const PackFacts& pack_;
  std::vector<Change> changes_;
};

}  // namespace faultline::graph
