#include "cluster/shard_progress.h"

#include <algorithm>

namespace faultline::cluster {
namespace {

constexpr std::size_t kBatch = 1000;  // ids per question to the store

}  // namespace

std::vector<ShardProgress> shard_progress(store::Store& s, const std::string& dir, const Manifest& m) {
  std::vector<ShardProgress> out;
  for (const auto& shard : m.shards) {
    ShardProgress p{shard.index, shard.file, shard.documents, 0, shard.bytes};
    std::vector<ShardDocument> docs = read_shard_documents(dir, shard);
    std::vector<std::string> ids;
    for (std::size_t first = 0; first < docs.size(); first += kBatch) {
      const std::size_t last = std::min(docs.size(), first + kBatch);
      ids.clear();
      for (std::size_t i = first; i < last; ++i) ids.push_back(docs[i].id);
      std::vector<std::optional<std::string>> stored = s.document_hashes(ids);
      for (std::size_t i = first; i < last; ++i)
        if (const auto& h = stored[i - first]; h && *h == docs[i].hash) ++p.stored;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace faultline::cluster
