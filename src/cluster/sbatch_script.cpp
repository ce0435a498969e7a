#include "cluster/sbatch_script.h"

#include <sstream>
#include <stdexcept>

namespace faultline::cluster {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string sbatch_script(const SbatchOptions& o) {
  if (o.dir.find_first_of(" \t\n\r'\"\\%") != std::string::npos)
    throw std::invalid_argument(
        "the shards' folder " + o.dir +
        " contains white space, a quote, a backslash or '%', which Slurm's #SBATCH lines cannot hold;"
        " choose another --out folder");
  if (o.parts == 0) throw std::invalid_argument("no shards");
  std::ostringstream s;
  s << "#!/bin/bash\n"
    << "# Written by `faultline shard`: task K of this Slurm job array codes and stores shard-K.jsonl.\n"
    << "#   sbatch " << o.dir << "/" << kSbatchFile << "                # all " << o.parts << " shards\n"
    << "#   sbatch --array=K " << o.dir << "/" << kSbatchFile
    << "      # shard K again (stored documents are skipped)\n"
    << "#   faultline status --db \"$FAULTLINE_DB\" --shards " << o.dir << "\n"
    << "# The database is $FAULTLINE_DB at submission";
  if (!o.db.empty()) s << " (default: the --db given to `faultline shard`)";
  s << "; FAULTLINE_INGEST_OPTIONS adds options to\n"
    << "# every ingest (e.g. --batch 50). Logs: " << o.dir << "/" << kLogDir << "/shard-K.log.\n"
    << "#SBATCH --job-name=" << o.job_name << "\n"
    << "#SBATCH --array=0-" << (o.parts - 1) << "\n"
    << "#SBATCH --ntasks=1\n"
    << "#SBATCH --cpus-per-task=" << o.cpus_per_task << "\n"
    << "#SBATCH --output=" << o.dir << "/" << kLogDir << "/shard-%a.log\n"
    << "set -euo pipefail\n";
  if (!o.db.empty()) s << "FAULTLINE_DB=${FAULTLINE_DB:-" << shell_quote(o.db) << "}\n";
  s << "if [ -z \"${FAULTLINE_DB:-}\" ]; then\n"
    << "  echo \"" << kSbatchFile << ": set FAULTLINE_DB to the database (a file path or postgresql://...)\" >&2\n"
    << "  exit 2\n"
    << "fi\n"
    << "task=${SLURM_ARRAY_TASK_ID:?" << kSbatchFile << ": not run as a Slurm array task}\n"
    << "shard=" << shell_quote(o.dir) << "/shard-$task.jsonl\n"
    << "options=(--jobs \"${SLURM_CPUS_PER_TASK:-" << o.cpus_per_task << "}\"";
  if (o.no_default_packs) s << " --no-default-packs";
  for (const auto& p : o.packs) s << " --pack " << shell_quote(p);
  s << ")\n"
    << "echo \"faultline shard $task of " << o.parts
    << " on $(hostname), job ${SLURM_JOB_ID:-?}, $(date -u +%FT%TZ)\" >&2\n"
    << "# shellcheck disable=SC2086  # FAULTLINE_INGEST_OPTIONS is a list of words\n"
    << "exec " << shell_quote(o.binary)
    << " ingest --db \"$FAULTLINE_DB\" \"${options[@]}\" ${FAULTLINE_INGEST_OPTIONS:-} \"$shard\"\n";
  return s.str();
}

}  // namespace faultline::cluster
