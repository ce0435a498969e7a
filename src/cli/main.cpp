// faultline: turns conflict reporting into coded events.
#include <iostream>

#include "cli/commands.h"
#include "lexicon/tsv_file.h"

int main(int argc, char** argv) {
  CLI::App app{"Faultline: turns news and analysis text about conflicts into coded events (PLOVER, ACLED, CAMEO)."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "faultline 0.1.0");
  faultline::cli::Action action;
  faultline::cli::add_code_command(app, action);
  faultline::cli::add_eval_command(app, action);
  faultline::cli::add_ingest_command(app, action);
  faultline::cli::add_recode_command(app, action);
  faultline::cli::add_events_command(app, action);
  faultline::cli::add_actor_command(app, action);
  faultline::cli::add_control_command(app, action);
  faultline::cli::add_graph_command(app, action);
  faultline::cli::add_export_command(app, action);
  faultline::cli::add_serve_command(app, action);
  faultline::cli::add_shard_command(app, action);
  faultline::cli::add_status_command(app, action);
  faultline::cli::add_check_command(app, action);
  faultline::cli::add_discover_command(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message; every usage error exits 2 as README says (help and version exit 0).
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    return action ? action() : 0;
  } catch (const std::invalid_argument& e) {
    std::cerr << "faultline: " << e.what() << "\n";
    return 2;
  } catch (const faultline::lexicon::PackError& e) {
    std::cerr << "faultline: pack error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "faultline: error: " << e.what() << "\n";
    return 2;
  }
}
