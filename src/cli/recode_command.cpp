// `faultline recode`: codes the stored documents again with the current coder and packs (the store
// keeps each document's text), so that a store follows a new coder or pack without its sources.
#include <unistd.h>

#include <chrono>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_options.h"
#include "graph/pack_facts.h"
#include "store/ingest.h"

namespace faultline::cli {
namespace {

struct RecodeCommandOptions {
  PackOptions packs;
  DbOption db;
  std::size_t batch = 200;
  unsigned jobs = 0;
  bool quiet = false;
};

int run_recode(const RecodeCommandOptions& o) {
  auto start = std::chrono::steady_clock::now();
  auto lex = o.packs.load();
  auto facts = graph::load_pack_facts(lex, o.packs.dirs());
  auto s = store::open_store(o.db.path, false);

  store::IngestOptions options;
  options.batch_size = o.batch;
  options.jobs = o.jobs;
  store::Ingester ingester(*s, lex, facts, options);
  const bool show_progress = !o.quiet && isatty(STDERR_FILENO);
  ProgressLine progress(std::cerr);
  if (show_progress) ingester.on_progress([&](const store::IngestProgress& p) { progress.update(p); });
  store::IngestResult r = ingester.recode();
  progress.done();

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!o.quiet)
    std::cerr << "faultline: recoded " << r.read << " document(s): " << r.writes.changed << " changed ("
              << r.writes.reports << " report(s) written), " << r.writes.unchanged
              << " unchanged\nfaultline: " << o.db.shown() << " holds " << r.after.documents << " documents, "
              << r.after.reports << " reports, " << r.after.events << " events (" << r.blocks
              << " block(s) deduplicated" << (r.graph_rebuilt ? ", graph rebuilt" : "") << ") in " << secs << " s\n";
  return 0;
}

}  // namespace

void add_recode_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<RecodeCommandOptions>();
  auto* cmd = app.add_subcommand("recode", "Code the stored documents again with the current coder and packs");
  cmd->footer(
      "Reads each document's text from the store and codes it again; a document whose reports change gets\n"
      "the new ones, the others are left alone. Events and the graph are then brought up to date.\n"
      "Exit status: 0 done; 2 usage, pack or database error.");
  opts->packs.add_to(*cmd);
  opts->db.add_to(*cmd);
  cmd->add_option("--batch", opts->batch, "Documents per transaction (default 200)")->check(CLI::Range(1, 100000));
  cmd->add_option("--jobs,-j", opts->jobs, "Coding threads (default: one per core)");
  cmd->add_flag("--quiet,-q", opts->quiet, "No progress line or summary on standard error");
  cmd->callback([opts, &action] { action = [opts] { return run_recode(*opts); }; });
}

}  // namespace faultline::cli
