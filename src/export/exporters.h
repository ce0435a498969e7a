// Exports of the store's events into the formats users' tools open: ACLED-style CSV (Excel, R),
// GDELT/CAMEO-style TSV, PLOVER JSON Lines, GeoJSON (QGIS) and GraphML (Gephi). Each takes the
// same query as `faultline events` (or any stream of events: the API streams the matches of its
// in-memory index). Column lists and mappings are in docs/store.md.
#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>

#include "store/store.h"

namespace faultline::exporting {

enum class ExportFormat { AcledCsv, CameoTsv, PloverJsonl, GeoJson, GraphMl };

// "acled-csv", "cameo-tsv", "plover-jsonl", "geojson" or "graphml"; throws std::invalid_argument.
ExportFormat parse_export_format(const std::string& name);

struct ExportStats {
  std::size_t written = 0;  // events (GraphML: nodes and edges)
  std::size_t skipped = 0;  // events the format cannot hold (no ACLED type, no CAMEO code, no coordinates)
  std::map<std::string, std::size_t> skipped_by_reason;  // where the exporter says why
  void skip(const std::string& reason) {
    ++skipped;
    ++skipped_by_reason[reason];
  }
};

// The events to export, visited in order, and the period they were asked for (GraphML keeps the
// memberships that held in it; 0 = open).
struct EventStream {
  using Visit = std::function<void(const store::EventView&)>;
  std::function<void(const Visit&)> each;
  int from_key = 0, to_key = 0;
};
// The events of a store query, in the store's order.
EventStream query_stream(store::Store& s, const store::EventQuery& q);

// The format's file name extension and media type (for downloads).
std::string export_extension(ExportFormat f);
std::string export_media_type(ExportFormat f);

// `s` gives what a format needs besides the events (country names, memberships).
ExportStats export_acled_csv(store::Store& s, const EventStream& events, std::ostream& out);
ExportStats export_cameo_tsv(store::Store& s, const EventStream& events, std::ostream& out);
ExportStats export_plover_jsonl(store::Store& s, const EventStream& events, std::ostream& out);
ExportStats export_geojson(store::Store& s, const EventStream& events, std::ostream& out);
// Actors of the matching events as nodes; as edges, their relations summed over those events
// (ally/enemy/mixed) and the memberships between them.
ExportStats export_graphml(store::Store& s, const EventStream& events, std::ostream& out);

ExportStats export_events(ExportFormat f, store::Store& s, const EventStream& events, std::ostream& out);
inline ExportStats export_events(ExportFormat f, store::Store& s, const store::EventQuery& q, std::ostream& out) {
  return export_events(f, s, query_stream(s, q), out);
}

}  // namespace faultline::exporting
