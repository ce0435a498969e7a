// Deduplication: the reports of one real event, found in several documents (or sentences), become
// one event. The rule and its reasons are in docs/store.md ("Deduplication").
#pragma once

#include <set>
#include <string>
#include <vector>

#include "store/records.h"

namespace faultline::store {

inline constexpr double kSamePlaceKm = 50.0;

// What deduplication knows of the packs: the ids of generic agents ("REBELS", "JIHADISTS"), which
// may stand for a named actor of their family (REB and INS; PMC) and country.
struct DedupRules {
  std::set<std::string> generic_agents;
};

// Whether two reports may describe the same real event: same type; shared actor ids (an actor
// or the organisation a person acted for), a generic agent and a named actor of its family, or no
// actors on either; compatible places; compatible
// dates; never two reports of one sentence.
bool same_event(const Report& a, const Report& b, const DedupRules& rules = {});

// Groups the reports of one block into events. Reports are taken in a canonical order (most
// precise date first, then date, document, sentence, index) and each joins the best existing
// event all of whose reports it matches (complete linkage: no chains of loosely similar reports),
// or starts a new one. The result depends only on the set of reports, never on their order.
std::vector<Event> deduplicate(std::vector<Report> reports, const DedupRules& rules = {});

// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace faultline::store
