// The event filters shared by /api/events, /api/timeline, /api/map and /api/export — actor (with
// a coalition's members), type, place, region, from, to, text, bbox, min_fatalities,
// min_confidence — parsed and resolved against the snapshot.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "serve/actor_catalog.h"
#include "serve/event_index.h"
#include "serve/query_params.h"

namespace faultline::serve {

// The parameter names of the filters.
#define FAULTLINE_EVENT_FILTER_PARAMS \
  "actor", "type", "place", "region", "from", "to", "text", "bbox", "min_fatalities", "min_confidence"

// Resolves the filters; notes (an unknown actor or place) go to `warnings`.
EventFilter parse_event_filter(const QueryParams& p, const EventIndex& events, const ActorCatalog& actors,
                               std::vector<std::string>& warnings);

// The PLOVER event types.
const std::vector<std::string>& plover_types();

}  // namespace faultline::serve
