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
// Every field of an event, one column each (CSV: coordinates, region, precision, ACLED type and
// sub-type, fatalities, confidence, number of sources, actor ids and names).
std::vector<Column> event_csv_columns();
// The table of `events --wide`: the CSV's fields less the names and wording details.
std::vector<Column> event_wide_columns();
std::vector<Column> report_columns();

}  // namespace faultline::exporting
