// Events as the API returns them: the fields of `faultline events --format json` (the output
// contract plus `id` and `sources`), and for one event its sources in full.
#pragma once

#include <nlohmann/json.hpp>

#include "store/records.h"

namespace faultline::serve {

// The event as a list row: the contract's fields, `id`, and `sources` (doc, source, sentence).
nlohmann::ordered_json event_json(const store::EventView& v);
// …with each source's report id, url, publication date and evidence sentence.
nlohmann::ordered_json event_detail_json(const store::EventView& v);
// One source (a report of the event) in full.
nlohmann::ordered_json source_json(const store::Source& s);

}  // namespace faultline::serve
