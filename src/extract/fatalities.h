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

// Whether the killing verb of the predicate at tokens[pred_begin, pred_end) has one person as its
// victim, named by a singular noun: its object ("killed the militia's commander", "killed a French
// soldier") or, passive, its subject ("a pilot was killed", "un soldat a été tué"). The toll is
// one. A victim coordinated with others ("a soldier and two civilians") is not counted here.
bool kills_one_person(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end, uint32_t pred_begin,
                      uint32_t pred_end);

}  // namespace faultline::extract
