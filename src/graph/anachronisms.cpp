#include "graph/anachronisms.h"

#include <algorithm>

namespace faultline::graph {

ValidityCheck::ValidityCheck(const std::vector<ActorValidity>& validity) {
  for (const auto& v : validity) by_actor_[v.actor] = &v;
}

std::vector<Anachronism> ValidityCheck::anachronisms(const store::Event& e) const {
  std::vector<Anachronism> out;
  const auto& d = e.data.date;
  if (!d.known() || by_actor_.empty()) return out;
  for (const auto* side : {&e.data.actor1, &e.data.actor2}) {
    for (const auto& a : *side) {
      auto it = by_actor_.find(a.party());
      if (it == by_actor_.end()) continue;
      const ActorValidity& v = *it->second;
      // Wholly outside: the event's last possible day is before the start, or its first after the end.
      bool before = v.from.known() && d.last_key() < v.from.first_key();
      bool after = v.to.known() && d.first_key() > v.to.last_key();
      if (!before && !after) continue;
      if (std::none_of(out.begin(), out.end(), [&](const Anachronism& x) { return x.actor == a.party(); }))
        out.push_back(Anachronism{a.party(), &v});
    }
  }
  return out;
}

}  // namespace faultline::graph
