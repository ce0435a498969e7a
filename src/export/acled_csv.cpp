// ACLED-style CSV: ACLED's column names and order (the subset Faultline can fill), one row per
// dated event that has an ACLED event type; the type and sub-event type follow ACLED's codebook
// (who takes territory, whether civilians are the target), an unnamed perpetrator is ACLED's
// "Unidentified Armed Group (COUNTRY)". What is left out is counted by reason (ExportStats).
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

// An event that changes who holds territory: ACLED names the sub-event type by who takes it —
// a state force regains it, anybody else overtakes it — whichever verb the text used.
bool changes_territory(const std::string& subtype) {
  return subtype == "Government regains territory" || subtype == "Non-state actor overtakes territory";
}

bool is_civilian(const store::Actor& a) { return a.sector == "CVL"; }

// State forces and institutions, of the event's country or another (a foreign army retaking a
// town with the government's forces still "regains" it).
bool is_state(const store::Actor& a) {
  const std::string& s = a.sector;
  return s == "MIL" || s == "POL" || s == "GOV" || s == "LEG" || s == "JUD";
}

// Whether the event's targets are civilians only (and its actors are not): ACLED's "Violence
// against civilians" (or, for protesters, "Excessive force against protesters") rather than a
// battle between armed groups.
bool targets_civilians(const store::EventData& d) {
  return !d.actor2.empty() && std::all_of(d.actor2.begin(), d.actor2.end(), is_civilian) &&
         std::none_of(d.actor1.begin(), d.actor1.end(), is_civilian);
}

struct AcledType {
  std::string type;
  std::string subtype;
};

// The event's ACLED type and sub-event type by ACLED's codebook: the mapped one, corrected for
// who acts (territory) and who is targeted (civilians).
AcledType acled_type_of(const store::EventData& d) {
  AcledType t{d.acled_type, d.acled_subtype};
  // Nobody takes territory from unarmed people: force against them comes first.
  if (t.type == "Battles" && targets_civilians(d)) {
    const bool protesters = std::all_of(d.actor2.begin(), d.actor2.end(), [](const auto& a) { return a.id == "PROTESTERS"; });
    return protesters ? AcledType{"Protests", "Excessive force against protesters"}
                      : AcledType{"Violence against civilians", "Attack"};
  }
  if (changes_territory(t.subtype))
    t.subtype = std::any_of(d.actor1.begin(), d.actor1.end(), is_state) ? "Government regains territory"
                                                                        : "Non-state actor overtakes territory";
  return t;
}

// ACLED's name for a perpetrator the sources do not identify.
std::string unidentified_actor(const std::string& country_name) {
  return "Unidentified Armed Group (" + (country_name.empty() ? std::string("International") : country_name) + ")";
}

std::string joined_names(const std::vector<store::Actor>& side, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < side.size(); ++i) out += (out.empty() ? "" : "; ") + side[i].name;
  return out;
}

}  // namespace

ExportStats export_acled_csv(store::Store& s, const EventStream& events, std::ostream& out) {
  ExportStats stats;
  const auto countries = s.countries();
  write_csv_row(out, {"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                      "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                      "interaction", "civilian_targeting", "iso3", "country", "admin1", "location", "latitude",
                      "longitude", "geo_precision", "source", "notes", "fatalities"});
  events.each([&](const store::EventView& v) {
    const auto& d = v.event.data;
    if (d.acled_type.empty()) {
      stats.skip("no ACLED event type (its PLOVER type and mode have none: talks, statements, aid, …)");
      return;
    }
    if (!d.date.known()) {
      stats.skip("no date (ACLED rows need one)");
      return;
    }
    const std::string country = d.location ? d.location->country : "";
    auto name = countries.find(country);
    const std::string country_name = name == countries.end() ? "" : name->second;
    // No identified actor1: ACLED's unidentified armed group of the country (inter code 2).
    int inter1 = d.actor1.empty() ? 2 : inter_code(d.actor1.front(), country);
    int inter2 = d.actor2.empty() ? 0 : inter_code(d.actor2.front(), country);
    const AcledType acled = acled_type_of(d);
    // ACLED writes the interaction with the smaller code first (e.g. 12, never 21).
    int interaction = inter1 && inter2 ? std::min(inter1, inter2) * 10 + std::max(inter1, inter2) : inter1 * 10 + inter2;
    bool civilians = acled.type == "Violence against civilians" ||
                     std::any_of(d.actor2.begin(), d.actor2.end(), [](const auto& a) { return a.sector == "CVL"; });
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", d.date.year, d.date.month ? d.date.month : 1,
                  d.date.day ? d.date.day : 1);
    std::string sources;
    for (const auto& so : v.sources)
      if (!so.outlet.empty() && sources.find(so.outlet) == std::string::npos)
        sources += (sources.empty() ? "" : "; ") + so.outlet;
    const auto* loc = d.location ? &*d.location : nullptr;
    write_csv_row(out, {
        v.event.id,
        date,
        std::to_string(d.date.year),
        d.date.day ? "1" : "3",  // 1: the day is known; 3: only the month (or year)
        disorder_type(acled.type),
        acled.type,
        acled.subtype,
        d.actor1.empty() ? unidentified_actor(country_name) : d.actor1.front().name,
        joined_names(d.actor1, 1),
        inter1 ? std::to_string(inter1) : "",
        d.actor2.empty() ? "" : d.actor2.front().name,
        joined_names(d.actor2, 1),
        inter2 ? std::to_string(inter2) : "",
        interaction ? std::to_string(interaction) : "",
        civilians ? "Civilian targeting" : "",
        country,
        country_name,
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
