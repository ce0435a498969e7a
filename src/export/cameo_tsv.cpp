// GDELT/CAMEO-style TSV: GDELT 1.0 event-table column names (the subset Faultline can fill) with a
// header line, one row per event that has a CAMEO code. Actor codes are CAMEO style (country
// ISO3 + sector, e.g. MLIMIL); geography uses ISO3, not GDELT's FIPS codes.
#include <chrono>
#include <cstdio>

#include "export/delimited.h"
#include "export/exporters.h"

namespace faultline::exporting {
namespace {

std::string actor_code(const std::vector<store::Actor>& side) {
  if (side.empty()) return "";
  return side.front().country + side.front().sector;
}

// CAMEO quad classes: 1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13), 4 material conflict (14-20).
int quad_class(const std::string& cameo) {
  int root = std::stoi(cameo.substr(0, 2));
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

std::string fraction_date(const lexicon::PartialDate& d) {
  using namespace std::chrono;
  int month = d.month ? d.month : 1;
  int day = d.day ? d.day : 1;
  auto yday = (sys_days(year(d.year) / month / day) - sys_days(year(d.year) / 1 / 1)).count();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.4f", d.year + static_cast<double>(yday) / 365.0);
  return buf;
}

}  // namespace

ExportStats export_cameo_tsv(store::Store& /*s*/, const EventStream& events, std::ostream& out) {
  ExportStats stats;
  write_tsv_row(out, {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
                      "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
                      "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                      "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
                      "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL"});
  events.each([&](const store::EventView& v) {
    const auto& d = v.event.data;
    if (d.cameo.size() < 2 || !d.date.known()) {
      ++stats.skipped;
      return;
    }
    char sqldate[16], month_year[16];
    // GDELT dates are whole days: a month or year stands as its first day.
    int month = d.date.month ? d.date.month : 1;
    std::snprintf(sqldate, sizeof sqldate, "%04d%02d%02d", d.date.year, month, d.date.day ? d.date.day : 1);
    std::snprintf(month_year, sizeof month_year, "%04d%02d", d.date.year, month);
    const auto* loc = d.location ? &*d.location : nullptr;
    // GDELT geo types: 1 country, 4 world city, 5 world state (first-level region).
    std::string geo_type = !loc ? "0" : loc->has_coordinates ? "4" : !loc->admin1.empty() ? "5" : "1";
    std::string full_name;
    if (loc) {
      full_name = loc->name;
      if (!loc->admin1.empty() && loc->admin1 != loc->name) full_name += ", " + loc->admin1;
    }
    std::size_t docs = 0;
    std::string last_doc, url;
    for (const auto& so : v.sources) {
      if (so.doc != last_doc) ++docs;
      last_doc = so.doc;
      if (url.empty()) url = so.url.empty() ? so.doc : so.url;
    }
    auto first = [](const std::vector<store::Actor>& side, auto field) { return side.empty() ? "" : field(side.front()); };
    write_tsv_row(out, {
        v.event.id,
        sqldate,
        month_year,
        std::to_string(d.date.year),
        fraction_date(d.date),
        actor_code(d.actor1),
        first(d.actor1, [](const store::Actor& a) { return a.name; }),
        first(d.actor1, [](const store::Actor& a) { return a.country; }),
        first(d.actor1, [](const store::Actor& a) { return a.sector; }),
        actor_code(d.actor2),
        first(d.actor2, [](const store::Actor& a) { return a.name; }),
        first(d.actor2, [](const store::Actor& a) { return a.country; }),
        first(d.actor2, [](const store::Actor& a) { return a.sector; }),
        "1",
        d.cameo,
        d.cameo.substr(0, std::min<std::size_t>(3, d.cameo.size())),
        d.cameo.substr(0, 2),
        std::to_string(quad_class(d.cameo)),
        std::to_string(v.sources.size()),
        std::to_string(docs),
        std::to_string(docs),
        geo_type,
        full_name,
        loc ? loc->country : "",
        loc ? loc->admin1 : "",
        loc && loc->has_coordinates ? std::to_string(loc->lat) : "",
        loc && loc->has_coordinates ? std::to_string(loc->lon) : "",
        url,
    });
    ++stats.written;
  });
  return stats;
}

}  // namespace faultline::exporting
