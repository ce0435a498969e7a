// A new-actor candidate as JSON: one object with everything `discover` shows, written the same by
// `faultline discover --format json` (a line each) and by the API's /api/new-actors (a list).
#pragma once

#include <nlohmann/json.hpp>

#include "discover/candidates.h"

namespace faultline::discover {

nlohmann::ordered_json candidate_json(const Candidate& c);

}  // namespace faultline::discover
