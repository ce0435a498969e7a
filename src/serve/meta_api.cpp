// /api/meta: what the page needs to set itself up — counts, the event types and regions with
// their numbers of events, the date range, the places with control facts, and the API's limits.
#include <cmath>

#include "serve/api.h"
#include "serve/event_filter_params.h"
#include "serve/json_values.h"
#include "serve/query_params.h"

namespace faultline::serve {

json api_meta(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {});
  json j;
  j["database"] = c.database;
  j["events"] = c.events.size();
  auto [first, last] = c.events.date_range();
  j["first_date"] = first ? json(key_date(first)) : json();
  j["last_date"] = last ? json(key_date(last)) : json();
  j["types"] = json::array();
  for (const auto& f : c.events.type_counts()) j["types"].push_back({{"type", f.value}, {"events", f.count}});
  j["all_types"] = plover_types();
  j["regions"] = json::array();
  const auto centres = c.events.region_centres();
  for (const auto& f : c.events.region_counts()) {
    json k = {{"key", f.value}, {"name", f.label}, {"events", f.count}, {"lat", nullptr}, {"lon", nullptr}};
    if (auto it = centres.find(f.value); it != centres.end()) {
      k["lat"] = std::round(it->second.first * 1000) / 1000;
      k["lon"] = std::round(it->second.second * 1000) / 1000;
    }
    j["regions"].push_back(k);
  }
  j["limits"] = {{"default_limit", kDefaultLimit}, {"max_limit", kMaxLimit}, {"max_parameter_length", kMaxParameterLength}};
  return j;
}

}  // namespace faultline::serve
