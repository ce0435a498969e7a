// `faultline shard`'s work: reads a corpus (any input `code` and `ingest` read: JSON Lines, text,
// HTML, standard input), and writes it as N balanced shards of JSON Lines with their lists of
// documents (id and content hash). Each document lands in exactly one shard; a document id that
// occurs more than once keeps only its last version (what ingesting them all in order leaves),
// so that no two tasks write the same document.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cluster/manifest.h"
#include "io/documents.h"

namespace faultline::cluster {

struct ShardOptions {
  uint32_t parts = 1;
  std::string dir;  // the output folder (created if missing; must hold no shards yet)
  io::ReadOptions read;
  std::size_t buffer_bytes = 32u << 20;  // shard text held in memory before it is appended to the files
};

struct ShardResult {
  Manifest manifest;
  std::size_t read = 0;            // documents read
  std::size_t replaced = 0;        // earlier versions of a repeated id, left out
  std::size_t input_problems = 0;  // documents or lines skipped as unreadable
};

class Sharder {
 public:
  explicit Sharder(ShardOptions options) : options_(std::move(options)) {}
  void on_issue(std::function<void(const io::InputIssue&)> fn) { issue_ = std::move(fn); }
  // Writes DIR/shard-K.jsonl and DIR/shard-K.ids.jsonl for every K (each written beside and
  // renamed at the end) and returns the manifest, which the caller writes last
  // (write_manifest). Throws std::runtime_error for an unusable folder or a failed write.
  ShardResult run(const std::vector<std::string>& inputs);

 private:
  ShardOptions options_;
  std::function<void(const io::InputIssue&)> issue_;
};

// Whether DIR already holds a manifest or shard files (`shard` never mixes two corpora).
bool holds_shards(const std::string& dir);

// Writes DIR/manifest.json (beside, then renamed). Throws std::runtime_error.
void write_manifest(const std::string& dir, const Manifest& m);

// Writes `text` to `path` whole (beside, then renamed). Throws std::runtime_error.
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace faultline::cluster
