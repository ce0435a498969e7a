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

std::vector<RelationPair> relation_pairs(const store::Event& e) {
  std::vector<RelationPair> out;
  if (!e.data.date.known()) return out;
  auto pair = [&](const std::string& x, const std::string& y, Weight w) {
    if (x == y || w.tone == Tone::Neutral || w.weight <= 0) return;
    out.push_back(RelationPair{std::min(x, y), std::max(x, y), w.tone, w.weight});
  };
  auto side1 = parties(e.data.actor1);
  auto side2 = parties(e.data.actor2);
  Weight across = relation_weight(e.data.type, e.data.mode);
  for (const auto& x : side1)
    for (const auto& y : side2)
      // Someone on both sides (a coding slip or a split group) says nothing about a relation.
      if (!std::binary_search(side2.begin(), side2.end(), x) && !std::binary_search(side1.begin(), side1.end(), y))
        pair(x, y, across);
  Weight together = same_side_weight(e.data.type, e.data.mode, side2.empty());
  for (std::size_t i = 0; i < side1.size(); ++i)
    for (std::size_t j = i + 1; j < side1.size(); ++j) pair(side1[i], side1[j], together);
  return out;
}

void RelationAccumulator::add_pair(const RelationPair& p, const store::Event& e) {
  const auto& d = e.data.date;
  auto [it, fresh] = cells_.try_emplace({p.a, p.b, d.year, d.month});
  RelationCell& c = it->second;
  if (fresh) {
    c.a = p.a;
    c.b = p.b;
    c.year = d.year;
    c.month = d.month;
  }
  if (p.tone == Tone::Cooperative) {
    c.cooperative += p.weight;
    ++c.cooperative_events;
  } else {
    c.conflictual += p.weight;
    ++c.conflictual_events;
  }
}

void RelationAccumulator::add(const store::Event& e) {
  for (const auto& p : relation_pairs(e)) add_pair(p, e);
}

std::vector<RelationCell> RelationAccumulator::cells() const {
  std::vector<RelationCell> out;
  out.reserve(cells_.size());
  for (const auto& [key, cell] : cells_) out.push_back(cell);
  return out;
}

}  // namespace faultline::graph
