// Territorial control: who held a place over which interval. The pack's control.tsv seeds it;
// events add changes — ASSAULT/occupy (actor1 captured it), ASSAULT/retake (actor1 retook it),
// RETREAT/withdraw (actor1 left; actor2, if named, took over), CONCEDE with a place (actor2
// received it). Each change starts an interval that ends at the place's next change, or after
// kControlHorizonMonths without a new report; one document makes it "claimed", two "held". Only
// changes of the place named in the sentence, dated to the day or month, by a named holder count,
// and only from reports near the time: an event whose every report is told in retrospect (first
// published more than store::kRetrospectiveMonths after it happened, store/retrospective.h) is
// background ("the rebels, who took the town in 2012, …") and opens nothing.
// Inside a pack interval the pack wins: a change by its holders (or their groups or members)
// confirms it, a change by others is kept as a contested claim. Rules in docs/store.md.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "graph/facts.h"
#include "graph/pack_facts.h"
#include "store/records.h"
#include "store/retrospective.h"

namespace faultline::graph {

// Only armed actors can hold a place: military, rebels, insurgents, private military companies.
bool can_hold_territory(const store::Actor& a);

// A text interval with no new report for this long ends there (its holder is then unknown):
// a capture reported once says nothing about who holds the town years later.
inline constexpr int kControlHorizonMonths = 12;

class ControlDeriver {
 public:
  explicit ControlDeriver(const PackFacts& pack);
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
    std::size_t documents = 1;  // documents that state the event
  };
  // Whether `id` can be a holder named by text: a pack actor that is not a person, or a state's
  // own forces (ISO3_MIL); never a generic agent ("gunmen", "rebels") nobody can name.
  bool named_holder(const std::string& id) const;
  std::vector<std::string> named(std::vector<std::string> ids) const;
  const PackFacts& pack_;
  std::set<std::string> named_ids_;
  std::set<std::string> countries_;
  std::vector<Change> changes_;
};

}  // namespace faultline::graph
