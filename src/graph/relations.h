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

class RelationAccumulator {
 public:
  void add(const store::Event& e);
  // Cells in (a, b, year, month) order.
  std::vector<RelationCell> cells() const;

 private:
  void add_pair(const std::string& x, const std::string& y, const store::Event& e, Tone tone, double weight);
  std::map<std::tuple<std::string, std::string, int, int>, RelationCell> cells_;
};

}  // namespace faultline::graph
