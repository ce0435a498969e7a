#include "store/fact_support.h"

namespace faultline::store {

graph::FactSupport read_support(Store& s, const std::vector<std::string>& event_ids) {
  graph::FactSupport out;
  if (event_ids.empty()) return out;
  for (const auto& v : s.events_by_id(event_ids)) out.add(v);
  return out;
}

graph::RelationEvidence relation_evidence(Store& s, const std::string& id, const std::vector<std::string>& groups,
                                          const graph::Window& w, bool& capped) {
  std::vector<std::string> subjects{id};
  subjects.insert(subjects.end(), groups.begin(), groups.end());
  graph::RelationEvidence evidence(subjects, w);
  EventQuery q;
  q.by_actor = true;
  q.actor_ids = subjects;
  const graph::Window months = graph::whole_months(w);
  q.from_key = months.first > 10101 ? months.first : 0;
  q.to_key = months.last < 99991231 ? months.last : 0;
  q.sort = EventSort::DateDesc;
  q.limit = kMaxRelationEvidenceEvents + 1;
  std::size_t seen = 0;
  s.events(q, [&](const EventView& v) {
    if (++seen <= kMaxRelationEvidenceEvents) evidence.add(v);
  });
  capped = seen > kMaxRelationEvidenceEvents;
  return evidence;
}

}  // namespace faultline::store
