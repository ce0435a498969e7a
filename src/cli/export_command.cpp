// `faultline export`: the store's events in a format for other tools.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "cli/output_file.h"
#include "cli/store_options.h"
#include "export/exporters.h"

namespace faultline::cli {
namespace {

struct ExportOptions {
  DbOption db;
  EventFilterOptions filters;
  std::string format;
  std::string out;
  bool quiet = false;
};

int run_export(const ExportOptions& o) {
  auto format = exporting::parse_export_format(o.format);
  auto s = o.db.open();
  store::EventQuery q = o.filters.resolve(*s);
  OutputFile output;
  if (!output.open(o.out)) return 2;
  std::ostream* out = &output.stream();
  auto stats = exporting::export_events(format, *s, q, *out);
  if (!output.commit()) return 2;
  if (!o.quiet) {
    std::cerr << "faultline: exported " << stats.written << (format == exporting::ExportFormat::GraphMl ? " node(s) and edge(s)" : " event(s)");
    if (stats.skipped) std::cerr << "; " << stats.skipped << " event(s) the format cannot hold were left out";
    std::cerr << "\n";
    for (const auto& [reason, n] : stats.skipped_by_reason) std::cerr << "faultline:   " << n << " left out: " << reason << "\n";
  }
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ExportOptions>();
  auto* cmd = app.add_subcommand("export", "Export the store's events: ACLED CSV, CAMEO TSV, PLOVER JSONL, GeoJSON, GraphML");
  cmd->footer(
      "acled-csv: events with an ACLED type; cameo-tsv: events with a CAMEO code (GDELT 1.0 columns);\n"
      "plover-jsonl: every event; geojson: events with coordinates (points); graphml: the actors of\n"
      "the events and their relations and memberships. Columns: docs/store.md.");
  opts->db.add_to(*cmd);
  cmd->add_option("--format", opts->format, "acled-csv, cameo-tsv, plover-jsonl, geojson or graphml")
      ->required()
      ->check(CLI::IsMember({"acled-csv", "cameo-tsv", "plover-jsonl", "geojson", "graphml"}));
  cmd->add_option("--out,-o", opts->out, "Write to FILE instead of standard output");
  cmd->add_flag("--quiet,-q", opts->quiet, "No summary line on standard error");
  opts->filters.add_to(*cmd);
  cmd->callback([opts, &action] { action = [opts] { return run_export(*opts); }; });
}

}  // namespace faultline::cli
