// The Slurm job-array script `faultline shard` writes beside its shards: task K ingests
// shard-K.jsonl into the database named by $FAULTLINE_DB, one log per task.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace faultline::cluster {

struct SbatchOptions {
  std::string binary;              // absolute path of the faultline binary
  std::string dir;                 // absolute path of the shards' folder
  uint32_t parts = 1;              // tasks 0 … parts-1
  std::string db;                  // default for FAULTLINE_DB ("" = must be set at submission)
  unsigned cpus_per_task = 1;      // coding threads of each task
  std::vector<std::string> packs;  // --pack folders (absolute)
  bool no_default_packs = false;
  std::string job_name = "faultline-ingest";
};

inline constexpr const char* kSbatchFile = "faultline.sbatch";
inline constexpr const char* kLogDir = "logs";

// The script's text. Throws std::invalid_argument when a path cannot stand in an #SBATCH line
// (white space or quotes).
std::string sbatch_script(const SbatchOptions& o);

// `s` quoted for a POSIX shell.
std::string shell_quote(const std::string& s);

}  // namespace faultline::cluster
