// SQL that both backends run as is to read what the graph needs (standard SQL, same text).
#pragma once

namespace faultline::store {

// For each event with sources, the number of distinct documents among them and the earliest of
// their publication dates (control opens nothing from a story told long after the fact).
inline constexpr const char* kEventDocuments =
    "SELECT s.event, count(DISTINCT r.document) AS documents, min(d.date) AS published FROM event_sources s "
    "JOIN reports r ON r.id = s.report JOIN documents d ON d.id = r.document GROUP BY s.event";

}  // namespace faultline::store
