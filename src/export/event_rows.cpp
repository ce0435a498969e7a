#include "export/event_rows.h"

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
          {"SRC", "sources", 4, [](const auto& r) { return std::to_string(r["sources"].size()); }},
          {"EVIDENCE", "evidence", 70}};
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
