// /api/documents/{id}: a document as the store keeps it — its source, address, publication date,
// title and text — and each of its sentences that is evidence of an event, with the events.
#include <map>

#include "extract/dates.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/json_values.h"
#include "serve/query_params.h"

namespace faultline::serve {

json api_document(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {});
  auto d = c.store.with([&](store::Store& s) { return s.document(r.arg); });
  if (!d) throw not_found("no document has the id '" + r.arg + "'");
  // The cited events' type, date and place, read in one go.
  std::vector<std::string> ids;
  for (const auto& cite : d->citations) ids.push_back(cite.event_id);
  std::map<std::string, store::EventView> events;
  for (auto& v : c.store.with([&](store::Store& s) { return s.events_by_id(ids); }))
    events.emplace(v.event.id, std::move(v));
  json j;
  j["id"] = d->id;
  j["source"] = nullable(d->source);
  j["url"] = nullable(d->url);
  j["published"] = nullable(d->date);
  j["title"] = nullable(d->title);
  std::map<uint32_t, json> by_sentence;
  for (const auto& cite : d->citations) {
    auto it = events.find(cite.event_id);
    if (it == events.end()) continue;
    const auto& e = it->second.event;
    json& s = by_sentence[cite.sentence];
    if (s.is_null()) {
      s["sentence"] = cite.sentence;
      s["evidence"] = cite.evidence;
      s["events"] = json::array();
    }
    s["events"].push_back({{"id", e.id},
                           {"type", e.data.type},
                           {"date", date_json(e.data.date)},
                           {"place", e.data.location ? json(e.data.location->name) : json()}});
  }
  j["sentences"] = json::array();
  for (auto& [n, s] : by_sentence) j["sentences"].push_back(std::move(s));
  j["text"] = nullable(d->text);
  return j;
}

}  // namespace faultline::serve
