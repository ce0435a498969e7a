// /api/control (the places with control facts) and /api/control/{place} (who held it when).
#include <map>

#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/json_values.h"
#include "serve/query_params.h"
#include "serve/support_json.h"
#include "store/fact_support.h"
#include "text/fold.h"

namespace faultline::serve {

json api_control_places(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {});
  struct Place {
    std::string name;
    std::size_t intervals = 0;
  };
  std::map<std::string, Place> places;
  for (const auto& iv : c.actors.control()) {
    Place& pl = places[iv.place_key];
    pl.name = iv.place;
    ++pl.intervals;
  }
  json j;
  j["places"] = json::array();
  for (const auto& [key, pl] : places) j["places"].push_back({{"place", pl.name}, {"key", key}, {"intervals", pl.intervals}});
  return j;
}

json api_control(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {});
  const std::string key = text::fold(r.arg);
  json intervals = json::array();
  std::string name;
  for (const auto& iv : c.actors.control()) {
    if (iv.place_key != key) continue;
    name = iv.place;
    json k;
    k["from"] = date_json(iv.from);
    k["to"] = iv.to_open || !iv.to.known() ? json() : date_json(iv.to);
    k["open"] = iv.to_open;
    k["holders"] = json::array();
    for (const auto& h : iv.holders) k["holders"].push_back({{"id", h}, {"name", c.actors.name(h)}});
    k["source"] = iv.source;
    k["status"] = iv.status;
    k["note"] = nullable(iv.note);
    std::vector<std::string> ids;
    for (const auto& e : iv.evidence) ids.push_back(e.event);
    const auto support = c.store.with([&](store::Store& s) { return store::read_support(s, ids); });
    k["support"] = support_json(iv.status, support);
    k["evidence"] = json::array();
    for (std::size_t i = 0; i < iv.evidence.size() && i < store::kMaxEvidenceIds; ++i)
      k["evidence"].push_back({{"event", iv.evidence[i].event}, {"change", iv.evidence[i].change}});
    intervals.push_back(k);
  }
  if (intervals.empty()) throw not_found("nothing is known about control of '" + r.arg + "'");
  json j;
  j["place"] = name;
  j["intervals"] = intervals;
  return j;
}

}  // namespace faultline::serve
