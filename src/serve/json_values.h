// Small conversions shared by the endpoints: empty strings and unknown dates as JSON null.
#pragma once

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "extract/dates.h"
#include "graph/time_window.h"
#include "io/json_null.h"

namespace faultline::serve {

using io::nullable;

inline nlohmann::ordered_json date_json(const graph::PartialDate& d) {
  return d.known() ? nlohmann::ordered_json(extract::format_date(d)) : nlohmann::ordered_json();
}

// A YYYYMMDD key as "YYYY-MM-DD". Keys that end a month use day 31 for every month (the graph's
// convention); shown, the day is the month's real last day.
inline std::string key_date(int key) {
  int y = key / 10000 % 10000, m = key / 100 % 100, d = key % 100;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m >= 1 && m <= 12) {
    int last = m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
    if (d > last) d = last;
  }
  char buf[40];  // room for any int, which the compiler cannot rule out
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// A query window as {"from", "to"}, null for an open end.
inline nlohmann::ordered_json window_json(const graph::Window& w) {
  nlohmann::ordered_json j;
  j["from"] = w.first <= 10101 ? nlohmann::ordered_json() : nlohmann::ordered_json(key_date(w.first));
  j["to"] = w.last >= 99991231 ? nlohmann::ordered_json() : nlohmann::ordered_json(key_date(w.last));
  return j;
}

}  // namespace faultline::serve
