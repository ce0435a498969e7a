// `faultline status`: how far the ingest of a sharded corpus has come, shard by shard, read from
// the database.
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cluster/shard_progress.h"
#include "store/store.h"

namespace faultline::cli {
namespace {

struct StatusOptions {
  std::string db;
  std::string shards;
  std::string format = "table";
};

int run_status(const StatusOptions& o) {
  std::string db = o.db;
  if (db.empty())
    if (const char* env = std::getenv("FAULTLINE_DB"); env && *env) db = env;
  if (db.empty()) throw std::invalid_argument("no database: give --db or set FAULTLINE_DB");
  cluster::Manifest m = cluster::read_manifest(o.shards);
  auto s = store::open_store(db, false);
  std::vector<cluster::ShardProgress> progress = cluster::shard_progress(*s, o.shards, m);
  const bool pending = s->has_pending_work();

  uint64_t documents = 0, stored = 0, shards_done = 0;
  for (const auto& p : progress) {
    documents += p.documents;
    stored += p.stored;
    shards_done += p.done();
  }
  const bool done = shards_done == progress.size() && !pending;

  if (o.format == "json") {
    nlohmann::ordered_json j;
    auto& rows = j["shards"] = nlohmann::ordered_json::array();
    for (const auto& p : progress)
      rows.push_back({{"shard", p.shard},
                      {"file", p.file},
                      {"stored", p.stored},
                      {"documents", p.documents},
                      {"bytes", p.bytes},
                      {"done", p.done()}});
    j["parts"] = progress.size();
    j["shards_done"] = shards_done;
    j["stored"] = stored;
    j["documents"] = documents;
    j["pending_work"] = pending;
    j["done"] = done;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  } else {
    std::printf("%-7s %12s %12s %14s  %s\n", "shard", "stored", "documents", "text bytes", "done");
    for (const auto& p : progress)
      std::printf("%-7u %12llu %12llu %14llu  %s\n", p.shard, static_cast<unsigned long long>(p.stored),
                  static_cast<unsigned long long>(p.documents), static_cast<unsigned long long>(p.bytes),
                  p.done() ? "yes" : "no");
    std::printf("%-7s %12llu %12llu %14s  %llu of %zu shards\n", "total", static_cast<unsigned long long>(stored),
                static_cast<unsigned long long>(documents), "", static_cast<unsigned long long>(shards_done),
                progress.size());
    if (pending)
      std::printf(
          "The store has work in progress: events or graph not yet recomputed (a task is running, or the\n"
          "last one was interrupted: `faultline ingest --db URL` finishes it).\n");
    std::printf("%s\n", done ? "All done." : "Not done.");
  }
  return done ? 0 : 1;
}

}  // namespace

void add_status_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<StatusOptions>();
  auto* cmd =
      app.add_subcommand("status", "Progress of a sharded ingest (`faultline shard`), per shard, from the database");
  cmd->footer(
      "A document counts as stored when the database holds its id with the content hash the shard\n"
      "gives it. A shard is done when all its documents are; the whole is done when every shard is\n"
      "and no deduplication or graph work is pending. --format json prints one object.\n"
      "Exit status: 0 all done; 1 not yet; 2 usage, manifest or database error.");
  cmd->add_option("--db", opts->db, "The database the tasks write to (default: $FAULTLINE_DB)");
  cmd->add_option("--shards", opts->shards, "The folder `faultline shard --out` wrote")->required();
  cmd->add_option("--format", opts->format, "Output: table (default) or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([opts, &action] { action = [opts] { return run_status(*opts); }; });
}

}  // namespace faultline::cli
