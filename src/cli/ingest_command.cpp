// `faultline ingest`: code documents and keep them, their reports, events and graph in the store.
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "cli/progress.h"
#include "cli/store_options.h"
#include "graph/pack_facts.h"
#include "store/ingest.h"

namespace faultline::cli {
namespace {

struct IngestCommandOptions {
  PackOptions packs;
  std::string db;
  std::string date;
  std::vector<std::string> inputs;
  std::size_t batch = 200;
  unsigned jobs = 0;
  bool recode = false;
  bool quiet = false;
};

int run_ingest(const IngestCommandOptions& o) {
  auto start = std::chrono::steady_clock::now();
  auto lex = o.packs.load();
  auto facts = graph::load_pack_facts(lex, o.packs.dirs());
  auto s = store::open_store(o.db, true);

  store::IngestOptions options;
  options.batch_size = o.batch;
  options.jobs = o.jobs;
  options.recode = o.recode;
  options.read.default_date = o.date;
  store::Ingester ingester(*s, lex, facts, options);
  ingester.on_issue([](const io::InputIssue& i) { std::cerr << i.text() << "\n"; });

  const bool show_progress = !o.quiet && isatty(STDERR_FILENO);
  ProgressLine progress(std::cerr);
  if (show_progress) ingester.on_progress([&](const store::IngestProgress& p) { progress.update(p); });
  std::size_t total = show_progress ? store::count_documents(o.inputs) : 0;
  store::IngestResult r = ingester.run(o.inputs, total);
  progress.done();

  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet) {
    const auto& w = r.writes;
    std::cerr << "faultline: read " << r.read << " document(s): " << w.added << " new, " << w.changed << " changed, "
              << w.unchanged << " unchanged; " << w.reports << " report(s) coded";
    if (r.input_problems) std::cerr << "; " << r.input_problems << " input problem(s) skipped";
    std::cerr << "\nfaultline: " << store::display_location(o.db) << " holds " << r.after.documents << " documents, "
              << r.after.reports << " reports, " << r.after.events << " events (" << r.blocks << " block(s) deduplicated"
              << (r.graph_rebuilt ? ", graph rebuilt" : "") << ") in " << secs << " s";
    if (r.read && secs > 0) std::cerr << ", " << static_cast<long>(r.read / secs) << " docs/s";
    char phases[160];
    std::snprintf(phases, sizeof phases, " (coding %.1f s, writing %.1f s, deduplication %.1f s, graph %.1f s)",
                  r.coding_seconds, r.writing_seconds, r.dedup_seconds, r.graph_seconds);
    std::cerr << phases << "\n";
  }
  return r.input_problems ? 1 : 0;
}

}  // namespace

void add_ingest_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<IngestCommandOptions>();
  auto* cmd = app.add_subcommand("ingest",
                                 "Code documents and store them, their events and the actor graph (SQLite or PostgreSQL)");
  cmd->footer(
      "INPUT: as for `faultline code` (JSON Lines or plain text; '-' = standard input). Without INPUT,\n"
      "ingest only finishes work an interrupted run left (deduplication, graph) and refreshes pack facts.\n"
      "A document already stored with the same content is skipped; a changed one replaces its reports.\n"
      "Exit status: 0 done; 1 some input was skipped (see messages); 2 usage, pack or database error.");
  opts->packs.add_to(*cmd);
  cmd->add_option("--db", opts->db,
                  "The store: an SQLite database file (created if missing), or postgresql://USER@HOST:PORT/DBNAME (an "
                  "existing database; its tables are created if missing) (default: $FAULTLINE_DB)")
      ->envname("FAULTLINE_DB")
      ->required();
  cmd->add_option("--date", opts->date, "Publication date of plain-text input (YYYY-MM-DD)")
      ->check(day_date());
  cmd->add_option("--batch", opts->batch, "Documents per transaction (default 200)")->check(CLI::Range(1, 100000));
  cmd->add_option("--jobs,-j", opts->jobs, "Coding threads (default: one per core)");
  cmd->add_flag("--recode", opts->recode, "Code stored documents again even when unchanged (after a pack update)");
  cmd->add_flag("--quiet,-q", opts->quiet, "No progress line or summary on standard error");
  cmd->add_option("INPUT", opts->inputs, "Input files ('-' = standard input)");
  cmd->callback([opts, &action] { action = [opts] { return run_ingest(*opts); }; });
}

}  // namespace faultline::cli
