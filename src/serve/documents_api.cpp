// /api/documents/{id}: what the store's events say about a document — its source, address and
// publication date, and each of its sentences that is evidence of an event, with the events.
#include <map>

#include "extract/dates.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/json_values.h"
#include "serve/query_params.h"

namespace faultline::serve {

json api_document(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {});
  const auto* sentences = c.events.document(r.arg);
  if (!sentences) throw not_found("no event cites a document with the id '" + r.arg + "'");
  json j;
  j["id"] = r.arg;
  std::map<uint32_t, json> by_sentence;
  for (const auto& ds : *sentences) {
    const auto& v = c.events.view(ds.event);
    const auto& src = v.sources[ds.source];
    if (!j.contains("source")) {
      j["source"] = nullable(src.outlet);
      j["url"] = nullable(src.url);
      j["published"] = nullable(src.published);
    }
    json& s = by_sentence[src.sentence];
    if (s.is_null()) {
      s["sentence"] = src.sentence;
      s["evidence"] = src.evidence;
      s["events"] = json::array();
    }
    s["events"].push_back({{"id", v.event.id},
                           {"type", v.event.data.type},
                           {"date", date_json(v.event.data.date)},
                           {"place", v.event.data.location ? json(v.event.data.location->name) : json()}});
  }
  j["sentences"] = json::array();
  for (auto& [n, s] : by_sentence) j["sentences"].push_back(std::move(s));
  return j;
}

}  // namespace faultline::serve
