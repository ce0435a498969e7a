// A derived fact's support as JSON, the same in the API and the CLI: {"level", "events",
// "documents"} — the level the graph gave it ("pack", "pack+text", "text" for memberships and
// relations; "held", "claimed", "contested" for control), its evidence events and their documents —
// and the first store::kMaxEvidenceIds evidence ids.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "graph/relation_evidence.h"
#include "store/fact_support.h"

namespace faultline::serve {

inline nlohmann::ordered_json support_json(const std::string& level, const graph::FactSupport& s) {
  nlohmann::ordered_json j;
  j["level"] = level;
  j["events"] = s.events.size();
  j["documents"] = s.documents.size();
  return j;
}

inline nlohmann::ordered_json evidence_ids(const graph::FactSupport& s) {
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < s.events.size() && i < store::kMaxEvidenceIds; ++i) ids.push_back(s.events[i]);
  return ids;
}

}  // namespace faultline::serve
