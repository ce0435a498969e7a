// The evidence of derived facts, read from the store: the events behind a membership or a control
// interval (its evidence ids) and behind an actor's relations (found again among its events, see
// graph/relation_evidence.h), with the documents that state them. `faultline actor`, `faultline
// control` and the API show each fact's support from these.
#pragma once

#include <string>
#include <vector>

#include "graph/relation_evidence.h"
#include "store/store.h"

namespace faultline::store {

// At most this many of an actor's events are read to find its relations' evidence (the latest
// first): a bound on one profile's time on a large store.
inline constexpr std::size_t kMaxRelationEvidenceEvents = 20'000;
// Lists of evidence show at most this many event ids; the support's counts cover them all.
inline constexpr std::size_t kMaxEvidenceIds = 20;

// The events with these ids and their documents.
graph::FactSupport read_support(Store& s, const std::vector<std::string>& event_ids);

// The events behind the relations of `id` and its coalitions `groups` during `w`; `capped` is set
// when the actor has more than kMaxRelationEvidenceEvents events then (the earlier ones are left out).
graph::RelationEvidence relation_evidence(Store& s, const std::string& id, const std::vector<std::string>& groups,
                                          const graph::Window& w, bool& capped);

}  // namespace faultline::store
