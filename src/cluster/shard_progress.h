// How far the ingest of a sharded corpus has come: per shard, how many of its documents the store
// holds with the content hash the shard gives them (an older or changed version does not count).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cluster/manifest.h"
#include "store/store.h"

namespace faultline::cluster {

struct ShardProgress {
  uint32_t shard = 0;
  std::string file;
  uint64_t documents = 0;  // in the shard
  uint64_t stored = 0;     // of those, stored with the shard's content
  uint64_t bytes = 0;
  bool done() const { return stored == documents; }
};

// Asks the store about every shard's documents (in batches). Throws std::runtime_error for a
// broken ids file.
std::vector<ShardProgress> shard_progress(store::Store& s, const std::string& dir, const Manifest& m);

}  // namespace faultline::cluster
