// The subcommands of the faultline binary. Each adds itself to the CLI11 app and sets the action
// that runs once the command line has been parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace faultline::cli {

using Action = std::function<int()>;

// Options every coding command shares.
struct PackOptions {
  std::vector<std::string> extra;  // --pack DIR…
  bool no_default = false;         // --no-default-packs
  void add_to(CLI::App& cmd);
  // Loads the bundled packs (core, geo, sahel; from $FAULTLINE_PACKS or the build's pack folder)
  // then the extra ones. Throws lexicon::PackError.
  lexicon::Lexicon load() const;
  // The pack folders load() reads, in order (for the store's pack files: memberships, control).
  std::vector<std::string> dirs() const;
};

void add_code_command(CLI::App& app, Action& action);
void add_eval_command(CLI::App& app, Action& action);
// The knowledge store (docs/store.md).
void add_ingest_command(CLI::App& app, Action& action);
void add_recode_command(CLI::App& app, Action& action);
void add_events_command(CLI::App& app, Action& action);
void add_actor_command(CLI::App& app, Action& action);
void add_control_command(CLI::App& app, Action& action);
void add_graph_command(CLI::App& app, Action& action);
void add_export_command(CLI::App& app, Action& action);
// The web page and JSON API (docs/serve.md).
void add_serve_command(CLI::App& app, Action& action);
// Sharded ingest on a Slurm cluster (docs/scale.md).
void add_shard_command(CLI::App& app, Action& action);
void add_status_command(CLI::App& app, Action& action);
// Auditing a store's derived knowledge (docs/store.md).
void add_check_command(CLI::App& app, Action& action);
// New actors: candidates the packs lack, and adopting them (docs/new_actors.md).
void add_discover_command(CLI::App& app, Action& action);

}  // namespace faultline::cli
