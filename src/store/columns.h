// How the store lays the shared record fields out in columns (reports and events use the same
// layout): adding them as parameters for inserts and reading them back, for both backends.
#pragma once

#include <string>

#include "extract/dates.h"
#include "store/records.h"
#include "store/sql/session.h"
#include "text/fold.h"

namespace faultline::store {

// Adds type, mode, acled_type, acled_subtype, cameo, date, date_first, date_last, place,
// place_key, admin1, admin1_key, country, lat, lon: 15 parameters. `P` is sql::Params or
// pg::Params (the same builder words).
template <typename P>
void add_event_data(P& p, const EventData& d) {
  p.add(d.type).text_or_null(d.mode).text_or_null(d.acled_type).text_or_null(d.acled_subtype).text_or_null(d.cameo);
  if (d.date.known())
    p.add(extract::format_date(d.date)).add(d.date.first_key()).add(d.date.last_key());
  else
    p.null().null().null();
  if (d.location && !d.location->name.empty()) {
    const auto& l = *d.location;
    p.add(l.name).add(text::fold(l.name));
    if (l.admin1.empty())
      p.null().null();
    else
      p.add(l.admin1).add(text::fold(l.admin1));
    p.text_or_null(l.country);
    if (l.has_coordinates)
      p.add(l.lat).add(l.lon);
    else
      p.null().null();
  } else {
    for (int k = 0; k < 7; ++k) p.null();
  }
}

// Adds actor_id, name, mention, affiliation, affiliation_id, country, sector: 7 parameters.
template <typename P>
void add_actor(P& p, const Actor& a) {
  p.text_or_null(a.id).text_or_null(a.name).text_or_null(a.mention).text_or_null(a.affiliation);
  p.text_or_null(a.affiliation_id).text_or_null(a.country).text_or_null(a.sector);
}

// A report's stored values but its document's and its terms: sentence, idx, evidence,
// evidence_begin, evidence_end, the 15 of add_event_data, place_inferred, fatalities, confidence,
// pattern, block_year (25 values).
sql::Params report_values(const Report& r);
// Whether two reports would be stored alike (their values and their actors').
bool stored_alike(const Report& a, const Report& b);

// "p.type, p.mode, …, p.fatalities, p.confidence" (13 columns) for table alias `p`.
std::string data_columns(const std::string& alias);
EventData read_event_data(const sql::Row& r, int first);
// "p.actor_id, …, p.sector" (7 columns).
std::string actor_columns(const std::string& alias);
Actor read_actor(const sql::Row& r, int first);
// A report's own columns, its document's publication date and its data: "r.id, d.doc_id, …,
// r.place_inferred, d.date" (10 columns, for reports `r` joined to documents `d`), then
// data_columns("r"): kReportColumns in all.
std::string report_columns();
inline constexpr int kReportColumns = 23;
Report read_report(const sql::Row& r, int first);

// "$first, $first+1, …" for `n` parameters.
std::string placeholders(int first, int n);

}  // namespace faultline::store
