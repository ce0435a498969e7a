// How many were killed, where a sentence states a figure.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "text/token.h"

namespace faultline::extract {

// Finds a stated death toll in tokens[begin, end): "killing 14", "at least 500 civilians were
// killed", "20+ dead", "a massacre of 500", "quatorze morts". Vague figures ("dozens", "une
// dizaine") give none. The toll nearest to `near` wins when several are stated.
std::optional<int64_t> find_fatalities(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end,
                                       uint32_t near);

// Whether tokens[begin, end) holds a killing verb ("killed", "assassinated"): with a named person
// as the target, the toll is one.
bool states_killing(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end);

}  // namespace faultline::extract
