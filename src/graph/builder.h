// Derives the whole temporal graph from the pack's facts and the store's (deduplicated) events.
#pragma once

#include "graph/anachronisms.h"
#include "graph/control.h"
#include "graph/facts.h"
#include "graph/memberships.h"
#include "graph/pack_facts.h"
#include "graph/relations.h"

namespace faultline::graph {

class GraphBuilder {
 public:
  explicit GraphBuilder(const PackFacts& pack) : validity_(pack.validity), memberships_(pack), control_(pack) {}
  void add(const store::Event& e) {
    // An actor acting before it existed (or after it ended) is a misdated event: no evidence of
    // anything (graph/anachronisms.h).
    if (!validity_.anachronisms(e).empty()) return;
    relations_.add(e);
    memberships_.add(e);
    control_.add(e);
  }
  Graph finish() const {
    Graph g;
    g.memberships = memberships_.facts();
    g.relations = relations_.cells();
    g.control = control_.intervals(g.memberships);
    return g;
  }

 private:
  ValidityCheck validity_;
  RelationAccumulator relations_;
  MembershipDeriver memberships_;
  ControlDeriver control_;
};

}  // namespace faultline::graph
