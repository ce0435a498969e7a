// Writing a candidate as JSON (see candidates_json.h; fields in docs/new_actors.md).
#include "discover/candidates_json.h"

#include <cmath>

#include "io/json_null.h"

namespace faultline::discover {
namespace {

using io::nullable;

using json = nlohmann::ordered_json;

json links_json(const std::vector<Link>& links) {
  json a = json::array();
  for (const auto& l : links)
    a.push_back({{"id", l.id}, {"name", l.name}, {"how", l.how}, {"score", std::round(l.score * 100) / 100}});
  return a;
}

json counterparts_json(const std::vector<Counterpart>& cs) {
  json a = json::array();
  for (const auto& c : cs) a.push_back({{"id", c.id}, {"name", c.name}, {"events", c.events}});
  return a;
}

json examples_json(const std::vector<Example>& examples) {
  json a = json::array();
  for (const auto& e : examples)
    a.push_back({{"text", e.text}, {"event", e.event}, {"document", e.document}, {"sentence", e.sentence}});
  return a;
}

}  // namespace

json candidate_json(const Candidate& c) {
  json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["kind"] = c.kind;
  j["ids"] = c.ids;
  j["aliases"] = c.aliases;
  j["acronyms"] = c.acronyms;
  j["documents"] = c.documents;
  j["events"] = c.events;
  j["first_seen"] = nullable(c.first_seen);
  j["last_seen"] = nullable(c.last_seen);
  j["country"] = nullable(c.country);
  j["sector"] = nullable(c.sector);
  j["affiliation"] = nullable(c.affiliation);
  j["affiliation_id"] = nullable(c.affiliation_id);
  j["fought"] = counterparts_json(c.fought);
  j["allied"] = counterparts_json(c.allied);
  j["linked"] = links_json(c.links);
  j["pack_matches"] = links_json(c.pack_matches);
  j["examples"] = examples_json(c.examples);
  j["suggested_id"] = c.suggested_id;
  return j;
}

}  // namespace faultline::discover
