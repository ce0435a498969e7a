#include "graph/relations.h"

#include <algorithm>

#include "graph/relation_weights.h"

namespace faultline::graph {
namespace {

// The parties of one side: persons count for the organisation they acted for; unnamed actors
// (no id) are left out.
std::vector<std::string> parties(const std::vector<store::Actor>& side) {
  std::vector<std::string> out;
  for (const auto& a : side)
    if (!a.party().empty()) out.push_back(a.party());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void RelationAccumulator::add_pair(const std::string& x, const std::string& y, const store::Event& e, Tone tone,
                                   double weight) {
  if (x == y || tone == Tone::Neutral || weight <= 0) return;
  const std::string& a = std::min(x, y);
  const std::string& b = std::max(x, y);
  const auto& d = e.data.date;
  auto [it, fresh] = cells_.try_emplace({a, b, d.year, d.month});
  RelationCell& c = it->second;
  if (fresh) {
    c.a = a;
    c.b = b;
    c.year = d.year;
    c.month = d.month;
  }
  if (tone == Tone::Cooperative) {
    c.cooperative += weight;
    ++c.cooperative_events;
  } else {
    c.conflictual += weight;
    ++c.conflictual_events;
  }
}

void RelationAccumulator::add(const store::Event& e) {
  if (!e.data.date.known()) return;
  auto side1 = parties(e.data.actor1);
  auto side2 = parties(e.data.actor2);
  Weight across = relation_weight(e.data.type, e.data.mode);
  for (const auto& x : side1)
    for (const auto& y : side2)
      // Someone on both sides (a coding slip or a split group) says nothing about a relation.
      if (!std::binary_search(side2.begin(), side2.end(), x) && !std::binary_search(side1.begin(), side1.end(), y))
        add_pair(x, y, e, across.tone, across.weight);
  Weight together = same_side_weight(e.data.type, e.data.mode, side2.empty());
  for (std::size_t i = 0; i < side1.size(); ++i)
    for (std::size_t j = i + 1; j < side1.size(); ++j) add_pair(side1[i], side1[j], e, together.tone, together.weight);
}

std::vector<RelationCell> RelationAccumulator::cells() const {
  std::vector<RelationCell> out;
  out.reserve(cells_.size());
  for (const auto& [key, cell] : cells_) out.push_back(cell);
  return out;
}

}  // namespace faultline::graph
