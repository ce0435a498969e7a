// The events behind an actor's relations over a window: each event that gave weight to the
// relation between one of `subjects` (the actor and the coalitions it acted through) and another
// actor, in a month the window's relations sum (as Store::relations() sums its cells), with the
// documents that state it. An actor profile shows them as each relation's evidence.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/time_window.h"
#include "store/records.h"

namespace faultline::graph {

// The support of one derived fact: its evidence events (each once, in the order they were added)
// and the distinct documents that state them.
struct FactSupport {
  std::vector<std::string> events;
  std::set<std::string> documents;
  void add(const store::EventView& v);
};

// Whether an event dated `d` falls in a relation cell that Store::relations(w) sums: its month
// within `w` widened to whole months, or (dated to the year only) its whole year within it.
bool in_relation_window(const PartialDate& d, const Window& w);

class RelationEvidence {
 public:
  RelationEvidence(std::vector<std::string> subjects, const Window& w);
  void add(const store::EventView& v);
  // The support of the relation with `other` (null when no event added any).
  const FactSupport* of(const std::string& other) const;

 private:
  std::vector<std::string> subjects_;  // sorted
  Window window_;
  std::map<std::string, FactSupport> by_other_;
};

}  // namespace faultline::graph
