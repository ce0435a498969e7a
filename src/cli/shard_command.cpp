// `faultline shard`: splits a corpus into balanced shards and writes the Slurm job array that
// ingests them, one task a shard (docs/scale.md).
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/date_options.h"
#include "cluster/sbatch_script.h"
#include "cluster/sharder.h"

namespace faultline::cli {
namespace fs = std::filesystem;
namespace {

// Slurm's default MaxArraySize: job arrays of indexes 0 … 1000.
constexpr uint32_t kSlurmDefaultMaxArray = 1001;

struct ShardCommandOptions {
  PackOptions packs;
  uint32_t parts = 0;
  std::string out;
  std::string db;
  std::string date;
  unsigned cpus = 1;
  bool quiet = false;
  std::vector<std::string> inputs;
};

std::string this_binary() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot find this program's own path (/proc/self/exe): " + ec.message());
  return p.string();
}

int run_shard(const ShardCommandOptions& o) {
  for (const auto& in : o.inputs) {
    std::error_code ec;
    if (in != "-" && !fs::is_regular_file(in, ec))
      throw std::invalid_argument(in + ": " + (fs::exists(in, ec) ? "not a regular file" : "no such file"));
  }
  if (std::count(o.inputs.begin(), o.inputs.end(), "-") > 1)
    throw std::invalid_argument("standard input ('-') given twice");
  for (const auto& p : o.packs.extra)
    if (!fs::is_directory(p)) throw std::invalid_argument("--pack " + p + ": no such folder");
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_directory(o.out, ec))
    throw std::invalid_argument("--out " + o.out + ": not a folder");
  if (cluster::holds_shards(o.out))
    throw std::invalid_argument("--out " + o.out + " already holds shards (" + cluster::kManifestFile +
                                " or shard-*.jsonl); remove them or choose another folder");
  const std::string dir = fs::weakly_canonical(fs::absolute(o.out)).string();

  cluster::SbatchOptions script;
  script.binary = this_binary();
  script.dir = dir;
  script.parts = o.parts;
  // A database file named relative to here must still be found from a task's folder.
  script.db = o.db.empty() || o.db.find("://") != std::string::npos ? o.db : fs::absolute(o.db).string();
  script.cpus_per_task = o.cpus;
  script.no_default_packs = o.packs.no_default;
  for (const auto& p : o.packs.extra) script.packs.push_back(fs::absolute(p).string());
  std::string script_text = cluster::sbatch_script(script);  // checks the folder's name first

  cluster::ShardOptions options;
  options.parts = o.parts;
  options.dir = dir;
  options.read.default_date = o.date;
  cluster::Sharder sharder(options);
  sharder.on_issue([](const io::InputIssue& i) { std::cerr << i.text() << "\n"; });
  cluster::ShardResult r = sharder.run(o.inputs);

  fs::create_directories(fs::path(dir) / cluster::kLogDir, ec);
  if (ec)
    throw std::runtime_error(dir + "/" + cluster::kLogDir + ": cannot create the log folder (" + ec.message() + ")");
  const std::string script_path = (fs::path(dir) / cluster::kSbatchFile).string();
  cluster::write_file_atomically(script_path, script_text);
  fs::permissions(script_path, fs::perms::owner_exec | fs::perms::group_exec, fs::perm_options::add, ec);
  cluster::write_manifest(dir, r.manifest);  // last: a folder with a manifest is complete

  if (!o.quiet) {
    uint64_t least = UINT64_MAX, most = 0;
    for (const auto& s : r.manifest.shards) {
      least = std::min(least, s.bytes);
      most = std::max(most, s.bytes);
    }
    std::cerr << "faultline: read " << r.read << " document(s)";
    if (r.replaced) std::cerr << " (" << r.replaced << " earlier version(s) of repeated ids left out)";
    if (r.input_problems) std::cerr << "; " << r.input_problems << " input problem(s) skipped";
    std::cerr << "\nfaultline: " << r.manifest.documents() << " document(s), " << r.manifest.bytes()
              << " bytes of text, in " << o.parts << " shard(s) of " << least << " to " << most << " bytes in " << dir
              << "\n";
    if (r.manifest.documents() < o.parts)
      std::cerr << "faultline: warning: fewer documents than shards; some shards are empty\n";
    if (o.parts > kSlurmDefaultMaxArray)
      std::cerr << "faultline: warning: " << o.parts << " tasks exceed Slurm's default MaxArraySize ("
                << kSlurmDefaultMaxArray << "); the cluster's slurm.conf must allow it\n";
    std::cerr << "faultline: submit with: " << (o.db.empty() ? "FAULTLINE_DB=URL " : "") << "sbatch " << script_path
              << "\n";
  }
  return r.input_problems ? 1 : 0;
}

}  // namespace

void add_shard_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<ShardCommandOptions>();
  auto* cmd =
      app.add_subcommand("shard", "Split a corpus into balanced shards and write a Slurm job array that ingests them");
  cmd->footer(
      "Writes DIR/shard-K.jsonl (K = 0 … N-1; JSON Lines, every document in exactly one shard, shards\n"
      "balanced by text bytes, deterministic), DIR/shard-K.ids.jsonl (each document's id and content\n"
      "hash), DIR/manifest.json, and DIR/faultline.sbatch: `sbatch DIR/faultline.sbatch` runs task K as\n"
      "`faultline ingest --db \"$FAULTLINE_DB\" DIR/shard-K.jsonl` (log: DIR/logs/shard-K.log);\n"
      "`faultline status --db URL --shards DIR` shows the progress. INPUT: as for `faultline code`.\n"
      "Exit status: 0 done; 1 some input was skipped (see messages); 2 usage or write error.");
  opts->packs.add_to(*cmd);
  cmd->add_option("--parts,-n", opts->parts, "Number of shards (job-array tasks)")
      ->required()
      ->check(CLI::Range(1u, 1000000u));
  cmd->add_option("--out,-o", opts->out, "Folder for the shards, manifest and job script (must hold no shards)")
      ->required();
  cmd->add_option("--db", opts->db, "The database the tasks write to, when FAULTLINE_DB is not set at submission");
  cmd->add_option("--date", opts->date, "Publication date of plain-text input (YYYY-MM-DD)")
      ->check(day_date());
  cmd->add_option("--cpus-per-task", opts->cpus, "CPUs (coding threads) of each task (default 1)")
      ->check(CLI::Range(1u, 1024u));
  cmd->add_flag("--quiet,-q", opts->quiet, "No summary on standard error");
  cmd->add_option("INPUT", opts->inputs, "Input files ('-' = standard input)")->required();
  cmd->callback([opts, &action] { action = [opts] { return run_shard(*opts); }; });
}

}  // namespace faultline::cli
