// "Did you mean …": the known names closest to a name the user gave, for the error messages of
// filters that name nothing (an actor, a place, a region, an event type).
#pragma once

#include <string>
#include <vector>

namespace faultline::cli {

// Up to `n` of `known` closest to `given` (accents and case ignored): names that contain it or
// that it contains first, then by edit distance; none further than about a third of its length.
std::vector<std::string> closest_names(const std::string& given, const std::vector<std::string>& known,
                                       std::size_t n = 5);

// "; did you mean A, B or C?" (empty when there is nothing to suggest).
std::string did_you_mean(const std::vector<std::string>& names);

}  // namespace faultline::cli
