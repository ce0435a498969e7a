// Counts written in digits or words ("14", "5,000", "fourteen", "quatorze", "a dozen").
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "text/token.h"

namespace faultline::extract {

struct Count {
  int64_t value = 0;
  uint32_t length = 0;  // tokens used
  bool vague = false;   // "dozens", "hundreds", "a dozen", "une dizaine": no exact figure
};

// Reads a count at tokens[i] (within end). Years such as "2012" are not counts.
std::optional<Count> read_count(const std::vector<text::Token>& tokens, uint32_t i, uint32_t end);

}  // namespace faultline::extract
