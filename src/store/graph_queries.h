// SQL that both backends run as is to read what the graph needs (standard SQL, same text).
#pragma once

namespace faultline::store {

// For each event with sources, the number of distinct documents among them.
inline constexpr const char* kEventDocuments =
    "SELECT s.event, count(DISTINCT r.document) AS documents FROM event_sources s JOIN reports r ON r.id = s.report "
    "GROUP BY s.event";

}  // namespace faultline::store
