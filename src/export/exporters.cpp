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

ExportStats export_events(ExportFormat f, store::Store& s, const store::EventQuery& q, std::ostream& out) {
  switch (f) {
    case ExportFormat::AcledCsv: return export_acled_csv(s, q, out);
    case ExportFormat::CameoTsv: return export_cameo_tsv(s, q, out);
    case ExportFormat::PloverJsonl: return export_plover_jsonl(s, q, out);
    case ExportFormat::GeoJson: return export_geojson(s, q, out);
    case ExportFormat::GraphMl: return export_graphml(s, q, out);
  }
  return {};
}

}  // namespace faultline::exporting
