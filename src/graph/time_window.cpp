#include "graph/time_window.h"

#include <stdexcept>

namespace faultline::graph {

Window window_of(const PartialDate& d) {
  if (!d.known()) return {};
  return {d.first_key(), d.last_key()};
}

PartialDate parse_date_arg(const std::string& value, const std::string& option) {
  auto d = lexicon::parse_partial_date(value);
  if (!d) throw std::invalid_argument(option + " '" + value + "': use YYYY, YYYY-MM or YYYY-MM-DD");
  return *d;
}

Window query_window(const std::string& at, const std::string& from, const std::string& to) {
  if (!at.empty()) {
    if (!from.empty() || !to.empty()) throw std::invalid_argument("--at cannot be combined with --from or --to");
    return window_of(parse_date_arg(at, "--at"));
  }
  Window w;
  if (!from.empty()) w.first = parse_date_arg(from, "--from").first_key();
  if (!to.empty()) w.last = parse_date_arg(to, "--to").last_key();
  if (w.last < w.first) throw std::invalid_argument("--to is before --from");
  return w;
}

Window whole_months(const Window& w) {
  return {w.first / 100 * 100 + 1, w.last / 100 * 100 + 31};
}

bool holds_during(const PartialDate& from, const PartialDate& to, const Window& w) {
  bool started = !from.known() || from.first_key() <= w.last;
  bool not_ended = !to.known() || w.first <= to.last_key();
  return started && not_ended;
}

}  // namespace faultline::graph
