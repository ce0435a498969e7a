// Deduplication: the reports of one real event, found in several documents (or sentences), become
// one event. The rule and its reasons are in docs/store.md ("Deduplication").
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "store/records.h"

namespace faultline::store {

inline constexpr double kSamePlaceKm = 50.0;
// Two reports where one has no place are one event only if published at most this many days apart.
inline constexpr int kClosePublicationDays = 7;

// What deduplication knows of the packs: the ids of generic agents ("REBELS", "JIHADISTS"), which
// may stand for a named actor of their family (REB and INS; PMC) and country; and the
// organisations a body is part of (a mission and its organisation: MINUSMA and the UN), which may
// stand for each other.
struct DedupRules {
  std::set<std::string> generic_agents;
  std::multimap<std::string, std::string> organisation_of;  // body id → organisation id
};

// The rules the packs give: every agent of agents.tsv is generic; a membership of memberships.tsv
// whose member and group are both intergovernmental (sector IGO) makes the member part of the
// group (a state's government that belongs to ECOWAS, or an armed group in a coalition, is not).
DedupRules dedup_rules(const lexicon::Lexicon& lex);

// Whether two reports may describe the same real event: same type; shared actor ids (an actor
// or the organisation a person acted for), a generic agent and a named actor of its family, a
// body and its organisation, or no actors on either; compatible places; compatible dates; never
// two reports of one sentence. A report told in retrospect (store/retrospective.h) matches only
// on full agreement: the same named place, the same parties, the same day (or month, both month
// precision).
bool same_event(const Report& a, const Report& b, const DedupRules& rules = {});

// Groups the reports of one block into events. Reports are taken in a canonical order (most
// precise date first, then date, document, sentence, index) and each joins the best existing
// event all of whose reports it matches (complete linkage: no chains of loosely similar reports),
// or starts a new one; reports told in retrospect come after all the others, so that they never
// stand for an event that a report of the time tells. The result depends only on the set of
// reports, never on their order.
std::vector<Event> deduplicate(std::vector<Report> reports, const DedupRules& rules = {});

// Great-circle distance in kilometres.
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace faultline::store
