#include "export/event_rows.h"

#include <cstdio>

#include "io/event_json.h"

namespace faultline::exporting {

namespace {

std::string ids_of(const nlohmann::ordered_json& side) {
  std::string out;
  for (const auto& a : side) {
    std::string id = a.value("id", "");
    out += (out.empty() ? "" : "; ") + (id.empty() ? a.value("name", "") : id);
  }
  return out;
}

std::string place_of(const nlohmann::ordered_json& row) {
  const auto& l = row["location"];
  return l.is_object() ? l.value("name", "") : "";
}

std::string names_of(const nlohmann::ordered_json& side) {
  std::string out;
  for (const auto& a : side) out += (out.empty() ? "" : "; ") + a.value("name", "");
  return out;
}

// A field of the row's location ("" when it has none).
Column location_column(const std::string& title, const std::string& key, const std::string& field, std::size_t width) {
  return {title, key, width, [field](const nlohmann::ordered_json& r) {
            const auto& l = r["location"];
            return l.is_object() && l.contains(field) ? cell_text(l[field]) : std::string();
          }};
}

// Coordinates as stored, to 4 decimals ("" when the place has none).
Column coordinate_column(const std::string& title, const std::string& key, const std::string& field) {
  return {title, key, 9, [field](const nlohmann::ordered_json& r) {
            const auto& l = r["location"];
            if (!l.is_object() || !l.contains(field) || !l[field].is_number()) return std::string();
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.4f", l[field].get<double>());
            return std::string(buf);
          }};
}

Column sources_column() {
  return {"SRC", "sources", 4, [](const auto& r) { return std::to_string(r["sources"].size()); }};
}

}  // namespace

nlohmann::ordered_json event_row(const store::EventView& v) {
  nlohmann::ordered_json j;
  j["id"] = v.event.id;
  const auto contract = io::event_to_json(store::to_coded(v.event.data, v.doc, v.sentence, v.evidence));
  for (auto it = contract.begin(); it != contract.end(); ++it) j[it.key()] = *it;
  j["sources"] = nlohmann::ordered_json::array();
  for (const auto& s : v.sources) {
    nlohmann::ordered_json o;
    o["doc"] = s.doc;
    o["source"] = s.outlet.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.outlet);
    o["sentence"] = s.sentence;
    j["sources"].push_back(o);
  }
  return j;
}

nlohmann::ordered_json report_row(const store::ReportView& v) {
  const store::Report& r = v.report;
  coding::CodedEvent e = store::to_coded(r.data, r.doc, r.sentence, r.evidence);
  if (e.location) e.location->inferred = r.location_inferred;
  nlohmann::ordered_json j;
  j["report"] = r.id;
  const auto contract = io::event_to_json(e);
  for (auto it = contract.begin(); it != contract.end(); ++it) j[it.key()] = *it;
  j["event"] = v.event_id.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(v.event_id);
  j["source"] = v.outlet.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(v.outlet);
  return j;
}

std::vector<Column> event_columns() {
  return {{"ID", "id", 19},
          {"DATE", "date", 10},
          {"TYPE", "type", 9},
          {"MODE", "mode", 12},
          {"ACTOR1", "actor1", 28, [](const auto& r) { return ids_of(r["actor1"]); }},
          {"ACTOR2", "actor2", 28, [](const auto& r) { return ids_of(r["actor2"]); }},
          {"PLACE", "place", 16, place_of},
          {"DEAD", "fatalities", 5},
          sources_column(),
          {"EVIDENCE", "evidence", 70}};
}

std::vector<Column> event_wide_columns() {
  return {{"ID", "id", 19},
          {"DATE", "date", 10},
          {"PREC", "date_precision", 5},
          {"TYPE", "type", 9},
          {"MODE", "mode", 12},
          {"ACLED TYPE", "acled_type", 26},
          {"ACLED SUB-TYPE", "acled_subtype", 34},
          {"ACTOR1", "actor1", 40, [](const auto& r) { return ids_of(r["actor1"]); }},
          {"ACTOR2", "actor2", 40, [](const auto& r) { return ids_of(r["actor2"]); }},
          {"PLACE", "place", 20, place_of},
          location_column("REGION", "admin1", "admin1", 16),
          location_column("CTRY", "country", "country", 4),
          coordinate_column("LAT", "latitude", "lat"),
          coordinate_column("LON", "longitude", "lon"),
          {"DEAD", "fatalities", 5},
          {"CONF", "confidence", 4},
          sources_column(),
          {"EVIDENCE", "evidence", 120}};
}

std::vector<Column> event_csv_columns() {
  return {{"id", "id"},
          {"date", "date"},
          {"date_precision", "date_precision"},
          {"type", "type"},
          {"mode", "mode"},
          {"acled_type", "acled_type"},
          {"acled_subtype", "acled_subtype"},
          {"cameo", "cameo"},
          {"actor1", "actor1", 0, [](const auto& r) { return ids_of(r["actor1"]); }},
          {"actor1_names", "actor1_names", 0, [](const auto& r) { return names_of(r["actor1"]); }},
          {"actor2", "actor2", 0, [](const auto& r) { return ids_of(r["actor2"]); }},
          {"actor2_names", "actor2_names", 0, [](const auto& r) { return names_of(r["actor2"]); }},
          {"place", "place", 0, place_of},
          location_column("admin1", "admin1", "admin1", 0),
          location_column("country", "country", "country", 0),
          coordinate_column("latitude", "latitude", "lat"),
          coordinate_column("longitude", "longitude", "lon"),
          {"fatalities", "fatalities"},
          {"confidence", "confidence"},
          sources_column(),
          {"doc", "doc"},
          {"sentence", "sentence"},
          {"evidence", "evidence"}};
}

std::vector<Column> report_columns() {
  return {{"DOC", "doc", 14},
          {"SENT", "sentence", 4},
          {"DATE", "date", 10},
          {"TYPE", "type", 9},
          {"MODE", "mode", 12},
          {"ACTOR1", "actor1", 28, [](const auto& r) { return ids_of(r["actor1"]); }},
          {"ACTOR2", "actor2", 28, [](const auto& r) { return ids_of(r["actor2"]); }},
          {"PLACE", "place", 16, place_of},
          {"EVENT", "event", 19},
          {"EVIDENCE", "evidence", 70}};
}

}  // namespace faultline::exporting
