// Bibliographic citations inside a sentence — "(Laplace, 2023)", "(AFP, 2012)", "(Ibrahim et al.,
// 2021: 14)" — name a source and a publication year, not an actor of the story or an event date.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "text/token.h"

namespace faultline::extract {

// Token ranges [begin, end) of the citations among tokens[begin, end), parentheses included.
std::vector<std::pair<uint32_t, uint32_t>> find_citations(const std::vector<text::Token>& tokens, uint32_t begin,
                                                          uint32_t end);

}  // namespace faultline::extract
