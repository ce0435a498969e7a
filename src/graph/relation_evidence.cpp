#include "graph/relation_evidence.h"

#include <algorithm>

#include "graph/relations.h"

namespace faultline::graph {

void FactSupport::add(const store::EventView& v) {
  if (std::find(events.begin(), events.end(), v.event.id) != events.end()) return;
  events.push_back(v.event.id);
  for (const auto& s : v.sources) documents.insert(s.doc);
  if (v.sources.empty() && !v.doc.empty()) documents.insert(v.doc);
}

bool in_relation_window(const PartialDate& d, const Window& window) {
  if (!d.known()) return false;
  const Window w = whole_months(window);
  if (d.month > 0) return w.covers(d.year * 10000 + d.month * 100 + 1, d.year * 10000 + d.month * 100 + 31);
  return w.covers(d.year * 10000 + 101, d.year * 10000 + 1231);
}

RelationEvidence::RelationEvidence(std::vector<std::string> subjects, const Window& w)
    : subjects_(std::move(subjects)), window_(w) {
  std::sort(subjects_.begin(), subjects_.end());
}

void RelationEvidence::add(const store::EventView& v) {
  if (!in_relation_window(v.event.data.date, window_)) return;
  auto subject = [&](const std::string& id) { return std::binary_search(subjects_.begin(), subjects_.end(), id); };
  for (const auto& p : relation_pairs(v.event)) {
    // A relation between two subjects (the actor and its own coalition) is not one it shows.
    if (subject(p.a) == subject(p.b)) continue;
    by_other_[subject(p.a) ? p.b : p.a].add(v);
  }
}

const FactSupport* RelationEvidence::of(const std::string& other) const {
  auto it = by_other_.find(other);
  return it == by_other_.end() ? nullptr : &it->second;
}

}  // namespace faultline::graph
