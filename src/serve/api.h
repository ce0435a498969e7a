// The JSON API's endpoints (docs/serve.md). Each takes the request's path argument and query
// parameters and returns the response body; a bad request throws ApiError. They filter, sort
// and count with the in-memory snapshot, and read from the store what they return whole (the
// events of a page, an event, a document) and relations over a period.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "serve/actor_catalog.h"
#include "serve/event_index.h"
#include "serve/store_pool.h"

namespace faultline::serve {

using json = nlohmann::ordered_json;

class NewActorList;  // serve/new_actor_list.h

struct ApiContext {
  const EventIndex& events;
  const ActorCatalog& actors;
  StorePool& store;
  std::string database;  // the path, for /api/meta
  NewActorList& new_actors;  // found on the first /api/new-actors
};

struct ApiRequest {
  std::string arg;  // the path's {id} or {place}, URL-decoded
  const std::multimap<std::string, std::string>& params;
};

// The events of `rows` (of the index), read whole from the store, in that order.
std::vector<store::EventView> read_events(const ApiContext& c, const std::vector<uint32_t>& rows);

// Page sizes of list endpoints.
inline constexpr long long kDefaultLimit = 50;
inline constexpr long long kMaxLimit = 500;
inline constexpr long long kMaxOffset = 100'000'000;

json api_meta(const ApiContext& c, const ApiRequest& r);
json api_events(const ApiContext& c, const ApiRequest& r);
json api_event(const ApiContext& c, const ApiRequest& r);
json api_timeline(const ApiContext& c, const ApiRequest& r);
json api_map(const ApiContext& c, const ApiRequest& r);
json api_search(const ApiContext& c, const ApiRequest& r);
json api_actors(const ApiContext& c, const ApiRequest& r);
json api_actor(const ApiContext& c, const ApiRequest& r);
json api_graph(const ApiContext& c, const ApiRequest& r);
json api_control_places(const ApiContext& c, const ApiRequest& r);
json api_control(const ApiContext& c, const ApiRequest& r);
json api_document(const ApiContext& c, const ApiRequest& r);
json api_new_actors(const ApiContext& c, const ApiRequest& r);

// A file to download, written after the headers are sent (streamed, never whole in memory).
struct Download {
  std::string media_type;
  std::string filename;
  std::function<void(std::ostream&)> write;
};
// /api/export: the events of /api/events' filters in an export format. The parameters are
// checked here (ApiError); `write` only writes.
Download api_export(const ApiContext& c, const ApiRequest& r);

}  // namespace faultline::serve
