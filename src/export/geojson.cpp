// GeoJSON: a FeatureCollection of points, one per event whose place has coordinates (others are
// counted as skipped), with the event's fields as properties. Opens in QGIS as a point layer.
#include "export/exporters.h"
#include "extract/dates.h"

#include <nlohmann/json.hpp>

namespace faultline::exporting {
namespace {

using json = nlohmann::ordered_json;

std::string names(const std::vector<store::Actor>& side) {
  std::string out;
  for (const auto& a : side) out += (out.empty() ? "" : "; ") + a.name;
  return out;
}

}  // namespace

ExportStats export_geojson(store::Store& /*s*/, const EventStream& events, std::ostream& out) {
  ExportStats stats;
  // Written feature by feature, so that a large export never sits in memory whole.
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  events.each([&](const store::EventView& v) {
    const auto& d = v.event.data;
    if (!d.location || !d.location->has_coordinates) {
      ++stats.skipped;
      return;
    }
    json f;
    f["type"] = "Feature";
    f["id"] = v.event.id;
    f["geometry"] = {{"type", "Point"}, {"coordinates", {d.location->lon, d.location->lat}}};
    json p;
    p["id"] = v.event.id;
    p["date"] = extract::format_date(d.date);
    p["date_precision"] = extract::date_precision(d.date);
    p["type"] = d.type;
    p["mode"] = d.mode;
    p["acled_type"] = d.acled_type;
    p["actor1"] = names(d.actor1);
    p["actor2"] = names(d.actor2);
    p["place"] = d.location->name;
    p["admin1"] = d.location->admin1;
    p["country"] = d.location->country;
    p["fatalities"] = d.fatalities ? json(*d.fatalities) : json();
    p["sources"] = v.sources.size();
    p["evidence"] = v.evidence;
    f["properties"] = p;
    out << (stats.written ? ",\n" : "\n") << f.dump(-1, ' ', false, json::error_handler_t::replace);
    ++stats.written;
  });
  out << "\n]}\n";
  return stats;
}

}  // namespace faultline::exporting
