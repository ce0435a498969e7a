#include "io/event_json.h"

#include <cmath>

#include "extract/dates.h"
#include "io/json_null.h"

namespace faultline::io {
namespace {

nlohmann::ordered_json actor_json(const coding::CodedActor& a) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["name"] = a.name;
  j["mention"] = a.mention;
  if (!a.affiliation.empty()) j["affiliation"] = a.affiliation;
  j["country"] = nullable(a.country);
  j["sector"] = nullable(a.sector);
  return j;
}

double round4(double v) { return std::round(v * 10000.0) / 10000.0; }

}  // namespace

nlohmann::ordered_json event_to_json(const coding::CodedEvent& e) {
  nlohmann::ordered_json j;
  j["doc"] = e.doc;
  j["sentence"] = e.sentence;
  j["evidence"] = e.evidence;
  j["type"] = e.type;
  j["mode"] = nullable(e.mode);
  j["acled_type"] = nullable(e.acled_type);
  j["acled_subtype"] = nullable(e.acled_subtype);
  j["cameo"] = nullable(e.cameo);
  j["date"] = nullable(extract::format_date(e.date));
  j["date_precision"] = extract::date_precision(e.date);
  j["actor1"] = nlohmann::ordered_json::array();
  for (const auto& a : e.actor1) j["actor1"].push_back(actor_json(a));
  j["actor2"] = nlohmann::ordered_json::array();
  for (const auto& a : e.actor2) j["actor2"].push_back(actor_json(a));
  if (e.location) {
    nlohmann::ordered_json l;
    l["name"] = e.location->name;
    l["admin1"] = nullable(e.location->admin1);
    l["country"] = nullable(e.location->country);
    l["lat"] = e.location->has_coordinates ? nlohmann::ordered_json(round4(e.location->lat)) : nlohmann::ordered_json();
    l["lon"] = e.location->has_coordinates ? nlohmann::ordered_json(round4(e.location->lon)) : nlohmann::ordered_json();
    j["location"] = l;
  } else {
    j["location"] = nullptr;
  }
  j["fatalities"] = e.fatalities ? nlohmann::ordered_json(*e.fatalities) : nlohmann::ordered_json();
  j["confidence"] = std::round(e.confidence * 100.0) / 100.0;
  return j;
}

std::string event_to_json_line(const coding::CodedEvent& e) {
  return event_to_json(e).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace faultline::io
