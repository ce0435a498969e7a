#include "cluster/shard_plan.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <stdexcept>
#include <utility>

namespace faultline::cluster {

std::vector<uint32_t> balance_shards(const std::vector<uint64_t>& sizes, uint32_t parts) {
  if (parts == 0) throw std::invalid_argument("the number of shards must be at least 1");
  std::vector<uint32_t> order(sizes.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return sizes[a] > sizes[b]; });

  // (bytes so far, shard): the top is the lightest shard, the lowest index among equals.
  using Load = std::pair<uint64_t, uint32_t>;
  std::priority_queue<Load, std::vector<Load>, std::greater<Load>> lightest;
  for (uint32_t s = 0; s < parts; ++s) lightest.push({0, s});
  std::vector<uint32_t> shard(sizes.size());
  for (uint32_t doc : order) {
    auto [bytes, s] = lightest.top();
    lightest.pop();
    shard[doc] = s;
    lightest.push({bytes + sizes[doc], s});
  }
  return shard;
}

}  // namespace faultline::cluster
