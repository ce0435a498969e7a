// /api/graph: the actor network of a date or period — ally, enemy and mixed edges weighted by the
// events between two actors, member edges from memberships — with each actor placed inside the
// coalition it belonged to then (`parent`), for a grouped drawing. With event filters (type,
// place, region, words, tolls…) the relations are summed from the matching events themselves, so
// that the network shows what the page's other views show.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "graph/relation_weights.h"
#include "graph/relations.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/event_filter_params.h"
#include "serve/json_values.h"
#include "serve/query_params.h"

namespace faultline::serve {
namespace {

double rounded(double x) { return std::round(x * 100) / 100; }

// The event filters that narrow the network to some events (the period and the actor focus are
// the graph's own parameters).
constexpr const char* kEventOnly[] = {"type", "place", "region", "text", "bbox", "min_fatalities", "min_confidence"};
// At most this many events are read to sum relations from (the newest first): a bound on the
// time one request takes on a large store; `events_capped` says when it was reached.
constexpr std::size_t kMaxGraphEvents = 50'000;

// Relations summed over the events that match the filters in the window.
std::vector<store::RelationSum> relations_of_events(const ApiContext& c,
                                                    const std::multimap<std::string, std::string>& raw,
                                                    const graph::Window& w, const std::vector<std::string>& focus,
                                                    bool& capped) {
  std::multimap<std::string, std::string> only;
  for (const auto& [k, v] : raw)
    if (std::find(std::begin(kEventOnly), std::end(kEventOnly), k) != std::end(kEventOnly)) only.emplace(k, v);
  std::vector<std::string> warnings;
  EventFilter f = parse_event_filter(QueryParams(only, {FAULTLINE_EVENT_FILTER_PARAMS}), c.events, c.actors, warnings);
  if (w.first > 0) f.from_key = w.first;
  if (w.last < 99991231) f.to_key = w.last;
  auto page = c.events.page(f, Sort{SortKey::Date, true}, 0, kMaxGraphEvents + 1);
  capped = page.rows.size() > kMaxGraphEvents;
  if (capped) page.rows.resize(kMaxGraphEvents);
  graph::RelationAccumulator acc;
  for (std::size_t k = 0; k < page.rows.size(); k += 1000) {
    std::vector<uint32_t> batch(page.rows.begin() + static_cast<std::ptrdiff_t>(k),
                                page.rows.begin() + static_cast<std::ptrdiff_t>(std::min(k + 1000, page.rows.size())));
    for (const auto& v : c.store.with([&](store::Store& s) { return s.events_by_id(c.events.ids(batch)); }))
      acc.add(v.event);
  }
  std::map<std::pair<std::string, std::string>, store::RelationSum> sums;
  for (const auto& cell : acc.cells()) {
    const bool touches = focus.empty() || std::binary_search(focus.begin(), focus.end(), cell.a) ||
                         std::binary_search(focus.begin(), focus.end(), cell.b);
    if (!touches) continue;
    auto& x = sums[{cell.a, cell.b}];
    x.a = cell.a;
    x.b = cell.b;
    x.cooperative += cell.cooperative;
    x.conflictual += cell.conflictual;
    x.cooperative_events += cell.cooperative_events;
    x.conflictual_events += cell.conflictual_events;
  }
  std::vector<store::RelationSum> out;
  for (auto& [key, x] : sums) out.push_back(std::move(x));
  return out;
}

}  // namespace

json api_graph(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {"at", "from", "to", "actor", "min_events", "limit", "type", "place", "region", "text",
                           "bbox", "min_fatalities", "min_confidence"});
  const graph::Window w = p.window();
  const int min_events = static_cast<int>(p.integer("min_events", 1, 1'000'000, 1));
  const auto limit = static_cast<std::size_t>(p.integer("limit", 1, 5000, 300));
  std::vector<std::string> focus;
  if (p.has("actor")) {
    focus = c.actors.resolve_with_members(p.text("actor"), w);
    if (focus.empty()) throw not_found("no actor is named '" + p.text("actor") + "'");
  }

  std::sort(focus.begin(), focus.end());
  const bool by_events =
      std::any_of(std::begin(kEventOnly), std::end(kEventOnly), [&](const char* k) { return p.has(k); });
  bool capped = false;
  auto relations = by_events ? relations_of_events(c, r.params, w, focus, capped)
                             : c.store.with([&](store::Store& s) { return s.relations(w, focus); });
  relations.erase(std::remove_if(relations.begin(), relations.end(),
                                 [&](const store::RelationSum& x) {
                                   return x.cooperative_events + x.conflictual_events < min_events;
                                 }),
                  relations.end());
  std::stable_sort(relations.begin(), relations.end(), [](const auto& x, const auto& y) {
    return x.cooperative + x.conflictual > y.cooperative + y.conflictual;
  });
  const bool truncated = relations.size() > limit;
  if (truncated) relations.resize(limit);

  json edges = json::array();
  std::set<std::string> nodes;
  std::map<std::string, double> strength;
  for (const auto& x : relations) {
    json e;
    e["id"] = x.a + "|" + x.b;
    e["source"] = x.a;
    e["target"] = x.b;
    e["kind"] = graph::relation_kind(x.a, x.b, x.cooperative, x.conflictual, x.cooperative_events + x.conflictual_events);
    e["weight"] = rounded(x.cooperative + x.conflictual);
    e["score"] = rounded(graph::relation_score(x.cooperative, x.conflictual));
    e["cooperative"] = rounded(x.cooperative);
    e["conflictual"] = rounded(x.conflictual);
    e["events"] = x.cooperative_events + x.conflictual_events;
    edges.push_back(e);
    nodes.insert({x.a, x.b});
    strength[x.a] += x.cooperative + x.conflictual;
    strength[x.b] += x.cooperative + x.conflictual;
  }

  // Memberships holding during the window that touch an actor with relations (and the focus).
  auto in_focus = [&](const std::string& id) {
    return focus.empty() || std::binary_search(focus.begin(), focus.end(), id);
  };
  std::map<std::string, std::string> parent;
  const std::set<std::string> related = nodes;  // actors with relations in the window
  for (const auto& m : c.actors.memberships()) {
    if (!graph::holds_during(m.from, m.to, w)) continue;
    if (!related.count(m.member) && !related.count(m.group)) continue;
    if (!in_focus(m.member) && !in_focus(m.group)) continue;
    json e;
    e["id"] = m.member + ">" + m.group;
    e["source"] = m.member;
    e["target"] = m.group;
    e["kind"] = "member";
    e["weight"] = 1;
    e["score"] = nullptr;
    e["events"] = m.evidence.size();
    e["from"] = date_json(m.from);
    e["to"] = date_json(m.to);
    edges.push_back(e);
    nodes.insert({m.member, m.group});
    // One coalition per actor for drawing: the first that does not make a loop.
    if (parent.count(m.member)) continue;
    bool loop = false;
    for (std::string up = m.group; !loop && !up.empty();) {
      loop = up == m.member;
      auto it = parent.find(up);
      up = it == parent.end() ? std::string() : it->second;
    }
    if (!loop) parent[m.member] = m.group;
  }

  json j;
  j["window"] = window_json(w);
  j["nodes"] = json::array();
  for (const auto& id : nodes) {
    const ActorEntry* e = c.actors.find(id);
    json n;
    n["id"] = id;
    n["name"] = c.actors.name(id);
    n["kind"] = e ? nullable(e->info.kind) : json();
    n["sector"] = e ? nullable(e->info.sector) : json();
    n["country"] = e ? nullable(e->info.country) : json();
    n["parent"] = parent.count(id) ? json(parent[id]) : json();
    n["is_group"] = std::any_of(parent.begin(), parent.end(), [&](const auto& kv) { return kv.second == id; });
    n["strength"] = rounded(strength[id]);
    n["events"] = e ? e->events : 0;
    j["nodes"].push_back(n);
  }
  j["edges"] = edges;
  j["truncated"] = truncated;
  j["events_capped"] = capped;
  return j;
}

}  // namespace faultline::serve
