// ACLED-style CSV: ACLED's column names and order (the subset Faultline can fill), one row per
// event that has an ACLED event type.
#include <algorithm>
#include <cstdio>

#include "export/delimited.h"
#include "export/exporters.h"

namespace faultline::exporting {
namespace {

// ACLED's interaction codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
// militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
int inter_code(const store::Actor& a, const std::string& event_country) {
  const std::string& s = a.sector;
  if (s == "MIL" || s == "POL" || s == "GOV" || s == "LEG" || s == "JUD")
    return a.country.empty() || event_country.empty() || a.country == event_country ? 1 : 8;
  if (a.id == "MILITIA") return 4;
  if (s == "REB" || s == "INS") return 2;
  if (s == "OPP") return 3;
  if (a.id == "PROTESTERS") return 6;
  if (s == "PMC" || s == "IGO") return 8;
  if (s == "CVL" || s == "MED" || s == "NGO" || s == "BUS") return 7;
  return 0;
}

std::string disorder_type(const std::string& acled_type) {
  if (acled_type == "Protests" || acled_type == "Riots") return "Demonstrations";
  if (acled_type == "Strategic developments") return "Strategic developments";
  return "Political violence";
}

std::string joined_names(const std::vector<store::Actor>& side, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < side.size(); ++i) out += (out.empty() ? "" : "; ") + side[i].name;
  return out;
}

}  // namespace

ExportStats export_acled_csv(store::Store& s, const store::EventQuery& q, std::ostream& out) {
  ExportStats stats;
  const auto countries = s.countries();
  write_csv_row(out, {"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                      "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                      "interaction", "civilian_targeting", "iso3", "country", "admin1", "location", "latitude",
                      "longitude", "geo_precision", "source", "notes", "fatalities"});
  s.events(q, [&](const store::EventView& v) {
    const auto& d = v.event.data;
    if (d.acled_type.empty() || !d.date.known()) {
      ++stats.skipped;
      return;
    }
    const std::string country = d.location ? d.location->country : "";
    int inter1 = d.actor1.empty() ? 0 : inter_code(d.actor1.front(), country);
    int inter2 = d.actor2.empty() ? 0 : inter_code(d.actor2.front(), country);
    // ACLED writes the interaction with the smaller code first (e.g. 12, never 21).
    int interaction = inter1 && inter2 ? std::min(inter1, inter2) * 10 + std::max(inter1, inter2) : inter1 * 10 + inter2;
    bool civilians = d.acled_type == "Violence against civilians" ||
                     std::any_of(d.actor2.begin(), d.actor2.end(), [](const auto& a) { return a.sector == "CVL"; });
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.date.year, d.date.month ? d.date.month : 1,
                  d.date.day ? d.date.day : 1);
    std::string sources;
    for (const auto& so : v.sources)
      if (!so.outlet.empty() && sources.find(so.outlet) == std::string::npos)
        sources += (sources.empty() ? "" : "; ") + so.outlet;
    auto name = countries.find(country);
    const auto* loc = d.location ? &*d.location : nullptr;
    write_csv_row(out, {
        v.event.id,
        date,
        std::to_string(d.date.year),
        d.date.day ? "1" : "3",  // 1: the day is known; 3: only the month (or year)
        disorder_type(d.acled_type),
        d.acled_type,
        d.acled_subtype,
        d.actor1.empty() ? "" : d.actor1.front().name,
        joined_names(d.actor1, 1),
        inter1 ? std::to_string(inter1) : "",
        d.actor2.empty() ? "" : d.actor2.front().name,
        joined_names(d.actor2, 1),
        inter2 ? std::to_string(inter2) : "",
        interaction ? std::to_string(interaction) : "",
        civilians ? "Civilian targeting" : "",
        country,
        name == countries.end() ? "" : name->second,
        loc ? loc->admin1 : "",
        loc ? loc->name : "",
        loc && loc->has_coordinates ? std::to_string(loc->lat) : "",
        loc && loc->has_coordinates ? std::to_string(loc->lon) : "",
        loc && loc->has_coordinates ? "1" : loc ? "2" : "3",
        sources,
        v.evidence,
        std::to_string(d.fatalities.value_or(0)),
    });
    ++stats.written;
  });
  return stats;
}

}  // namespace faultline::exporting
