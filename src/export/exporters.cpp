#include "export/exporters.h"

#include <stdexcept>

namespace faultline::exporting {

ExportFormat parse_export_format(const std::string& name) {
  if (name == "acled-csv") return ExportFormat::AcledCsv;
  if (name == "cameo-tsv") return ExportFormat::CameoTsv;
  if (name == "plover-jsonl") return ExportFormat::PloverJsonl;
  if (name == "geojson") return ExportFormat::GeoJson;
  if (name == "graphml") return ExportFormat::GraphMl;
  throw std::invalid_argument("--format must be acled-csv, cameo-tsv, plover-jsonl, geojson or graphml, not '" +
                              name + "'");
}

EventStream query_stream(store::Store& s, const store::EventQuery& q) {
  return EventStream{[&s, q](const EventStream::Visit& visit) { s.events(q, visit); }, q.from_key, q.to_key};
}

std::string export_extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::AcledCsv:
      return "csv";
    case ExportFormat::CameoTsv:
      return "tsv";
    case ExportFormat::PloverJsonl:
      return "jsonl";
    case ExportFormat::GeoJson:
      return "geojson";
    case ExportFormat::GraphMl:
      return "graphml";
  }
  return "txt";
}

std::string export_media_type(ExportFormat f) {
  switch (f) {
    case ExportFormat::AcledCsv:
      return "text/csv; charset=utf-8";
    case ExportFormat::CameoTsv:
      return "text/tab-separated-values; charset=utf-8";
    case ExportFormat::PloverJsonl:
      return "application/x-ndjson";
    case ExportFormat::GeoJson:
      return "application/geo+json";
    case ExportFormat::GraphMl:
      return "application/graphml+xml";
  }
  return "text/plain";
}

ExportStats export_events(ExportFormat f, store::Store& s, const EventStream& events, std::ostream& out) {
  switch (f) {
    case ExportFormat::AcledCsv:
      return export_acled_csv(s, events, out);
    case ExportFormat::CameoTsv:
      return export_cameo_tsv(s, events, out);
    case ExportFormat::PloverJsonl:
      return export_plover_jsonl(s, events, out);
    case ExportFormat::GeoJson:
      return export_geojson(s, events, out);
    case ExportFormat::GraphMl:
      return export_graphml(s, events, out);
  }
  return {};
}

}  // namespace faultline::exporting
