// Relations between actors, summed month by month from the events they took part in.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "graph/facts.h"
#include "graph/relation_weights.h"
#include "store/records.h"

namespace faultline::graph {

// One relation an event gives weight to: between a and b (a < b), cooperative or conflictual.
struct RelationPair {
  std::string a, b;
  Tone tone = Tone::Neutral;
  double weight = 0;
};

// Every relation `e` gives weight to (none for an undated event): the accumulator's rule, so that
// the events behind a relation can be found again (graph/relation_evidence.h).
std::vector<RelationPair> relation_pairs(const store::Event& e);

class RelationAccumulator {
 public:
  void add(const store::Event& e);
  // Cells in (a, b, year, month) order.
  std::vector<RelationCell> cells() const;

 private:
  void add_pair(const RelationPair& p, const store::Event& e);
  std::map<std::tuple<std::string, std::string, int, int>, RelationCell> cells_;
};

}  // namespace faultline::graph
