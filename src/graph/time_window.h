// Dates as intervals: a partial date denotes the days from its first to its last (2012 is
// 2012-01-01..2012-12-31), and facts hold from one date to another, both ends included.
#pragma once

#include <string>

#include "lexicon/lexicon.h"

namespace faultline::graph {

using lexicon::PartialDate;

// An inclusive range of YYYYMMDD keys.
struct Window {
  int first = 0;
  int last = 99991231;
  bool contains(int key) const { return first <= key && key <= last; }
  // Whether every day of [first, last] lies inside this window.
  bool covers(int a, int b) const { return first <= a && b <= last; }
};

Window window_of(const PartialDate& d);  // unknown → everything
// The window a query names with --at, or --from and --to (either may be empty).
Window query_window(const std::string& at, const std::string& from, const std::string& to);
// A window widened to whole months, the grain of stored relations.
Window whole_months(const Window& w);

// Whether a fact that holds from `from` to `to` (unknown ends open) holds at some time in `w`.
bool holds_during(const PartialDate& from, const PartialDate& to, const Window& w);
// …at some time in the interval `at` denotes (any time when `at` is unknown).
inline bool holds_at(const PartialDate& from, const PartialDate& to, const PartialDate& at) {
  return holds_during(from, to, window_of(at));
}

// Parses YYYY, YYYY-MM or YYYY-MM-DD; throws std::invalid_argument naming the option.
PartialDate parse_date_arg(const std::string& value, const std::string& option);

}  // namespace faultline::graph
