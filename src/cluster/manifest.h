// The manifest of a sharded corpus (DIR/manifest.json) and each shard's list of documents
// (DIR/shard-K.ids.jsonl: one {"id", "hash"} per document, the content hash ingest stores), which
// `faultline status` compares with the store.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace faultline::cluster {

struct ShardInfo {
  uint32_t index = 0;
  std::string file;      // shard-K.jsonl, relative to the manifest's folder
  std::string ids_file;  // shard-K.ids.jsonl
  uint64_t documents = 0;
  uint64_t bytes = 0;  // text bytes
};

struct Manifest {
  std::vector<std::string> inputs;  // as given on the command line
  std::vector<ShardInfo> shards;
  uint64_t documents() const;
  uint64_t bytes() const;
};

struct ShardDocument {
  std::string id;
  std::string hash;
};

inline constexpr const char* kManifestFile = "manifest.json";

std::string shard_file_name(uint32_t index);      // shard-K.jsonl
std::string shard_ids_file_name(uint32_t index);  // shard-K.ids.jsonl

// The manifest as JSON text (ends with a newline).
std::string manifest_json(const Manifest& m);
// One line of a shard's ids file, without its newline.
std::string shard_document_json(const ShardDocument& d);

// Reads DIR/manifest.json. Throws std::runtime_error naming the file (and line) for a missing or
// malformed manifest.
Manifest read_manifest(const std::string& dir);
// Reads a shard's ids file; throws std::runtime_error naming the file and line.
std::vector<ShardDocument> read_shard_documents(const std::string& dir, const ShardInfo& shard);

}  // namespace faultline::cluster
