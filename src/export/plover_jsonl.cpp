// PLOVER JSON Lines: one object per event with the field names of the PLOVER/POLECAT event
// records (event_id, event_date, event_type, event_mode, actor/recipient, place fields), plus the
// sources Faultline keeps.
#include "export/exporters.h"
#include "extract/dates.h"
#include "io/json_null.h"

#include <nlohmann/json.hpp>

namespace faultline::exporting {
namespace {

using io::nullable;

using json = nlohmann::ordered_json;

json side_json(const std::vector<store::Actor>& side) {
  json out = json::array();
  for (const auto& a : side) {
    json o;
    o["id"] = nullable(a.id);
    o["name"] = a.name;
    o["country"] = nullable(a.country);
    o["sector"] = nullable(a.sector);
    if (!a.affiliation_id.empty()) o["affiliation"] = a.affiliation_id;
    out.push_back(o);
  }
  return out;
}

}  // namespace

ExportStats export_plover_jsonl(store::Store& /*s*/, const EventStream& events, std::ostream& out) {
  ExportStats stats;
  events.each([&](const store::EventView& v) {
    const auto& d = v.event.data;
    json j;
    j["event_id"] = v.event.id;
    j["event_date"] = nullable(extract::format_date(d.date));
    j["date_precision"] = extract::date_precision(d.date);
    j["event_type"] = d.type;
    j["event_mode"] = nullable(d.mode);
    j["actor"] = side_json(d.actor1);
    j["recipient"] = side_json(d.actor2);
    const auto* loc = d.location ? &*d.location : nullptr;
    j["placename"] = loc ? json(loc->name) : json();
    j["province"] = loc ? nullable(loc->admin1) : json();
    j["country"] = loc ? nullable(loc->country) : json();
    j["latitude"] = loc && loc->has_coordinates ? json(loc->lat) : json();
    j["longitude"] = loc && loc->has_coordinates ? json(loc->lon) : json();
    j["fatalities"] = d.fatalities ? json(*d.fatalities) : json();
    j["cameo"] = nullable(d.cameo);
    j["event_text"] = v.evidence;
    j["num_sources"] = v.sources.size();
    j["sources"] = json::array();
    for (const auto& so : v.sources) {
      json o;
      o["doc"] = so.doc;
      o["source"] = nullable(so.outlet);
      o["url"] = nullable(so.url);
      o["publication_date"] = nullable(so.published);
      o["sentence"] = so.sentence;
      o["text"] = so.evidence;
      j["sources"].push_back(o);
    }
    out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    ++stats.written;
  });
  return stats;
}

}  // namespace faultline::exporting
