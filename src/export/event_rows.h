// Events and reports as JSON objects: the output contract of `faultline code` (io/event_json.h)
// plus the store's fields — for an event `id` and `sources` (its reports: document, outlet,
// sentence), for a report its `event`.
#pragma once

#include <nlohmann/json.hpp>

#include "export/rows.h"
#include "store/records.h"

namespace faultline::exporting {

nlohmann::ordered_json event_row(const store::EventView& v);
nlohmann::ordered_json report_row(const store::ReportView& v);

// The table and CSV columns of the two.
std::vector<Column> event_columns();
std::vector<Column> report_columns();

}  // namespace faultline::exporting
