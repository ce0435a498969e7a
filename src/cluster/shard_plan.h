// Splitting a corpus into balanced shards: which shard each document goes to, so that every
// shard holds about the same number of text bytes (the cost of coding). Deterministic: the same
// sizes in the same order always give the same plan.
#pragma once

#include <cstdint>
#include <vector>

namespace faultline::cluster {

// The shard (0 … parts-1) of each document, given its size. Largest first, each to the shard with
// the fewest bytes so far (the lowest index on a tie; equal sizes in input order): no shard ends
// more than one document's size above the lightest. Throws std::invalid_argument when parts is 0.
std::vector<uint32_t> balance_shards(const std::vector<uint64_t>& sizes, uint32_t parts);

}  // namespace faultline::cluster
