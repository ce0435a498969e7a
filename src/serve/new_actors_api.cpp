// /api/new-actors: the names no pack knows that the store's events carry (provisional ids NEW_…),
// as `faultline discover` lists them, with each example sentence's event and document for the
// page to open, and the command that adopts the candidate.
#include "discover/adopt_command.h"
#include "discover/candidates_json.h"
#include "serve/api.h"
#include "serve/new_actor_list.h"
#include "serve/query_params.h"

namespace faultline::serve {

json api_new_actors(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {"min_documents", "limit"});
  const auto min_documents = static_cast<std::size_t>(p.integer("min_documents", 1, 1'000'000, 1));
  const auto limit = static_cast<std::size_t>(p.integer("limit", 1, kMaxLimit, kDefaultLimit));
  const NewActors& found = c.new_actors.get(c.store);
  json j;
  j["min_documents"] = min_documents;
  j["documents"] = found.documents;
  j["total"] = 0;
  j["candidates"] = json::array();
  std::size_t total = 0;
  // Most documented first: those below the minimum come last.
  for (const auto& cand : found.candidates) {
    if (cand.documents < min_documents) break;
    if (++total > limit) continue;
    json k = discover::candidate_json(cand);
    k["adopt"] = discover::adopt_command(cand, found.candidates, c.database);
    j["candidates"].push_back(std::move(k));
  }
  j["total"] = total;
  return j;
}

}  // namespace faultline::serve
