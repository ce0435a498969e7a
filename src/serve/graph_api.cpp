// /api/graph: the actor network of a date or period — ally, enemy and mixed edges weighted by the
// events between two actors, member edges from memberships — with each actor placed inside the
// coalition it belonged to then (`parent`), for a grouped drawing.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "graph/relation_weights.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/json_values.h"
#include "serve/query_params.h"

namespace faultline::serve {
namespace {

double rounded(double x) { return std::round(x * 100) / 100; }

}  // namespace

json api_graph(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {"at", "from", "to", "actor", "min_events", "limit"});
  const graph::Window w = p.window();
  const int min_events = static_cast<int>(p.integer("min_events", 1, 1'000'000, 1));
  const auto limit = static_cast<std::size_t>(p.integer("limit", 1, 5000, 300));
  std::vector<std::string> focus;
  if (p.has("actor")) {
    focus = c.actors.resolve_with_members(p.text("actor"), w);
    if (focus.empty()) throw not_found("no actor is named '" + p.text("actor") + "'");
  }

  auto relations = c.store.with([&](store::Store& s) { return s.relations(w, focus); });
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
  return j;
}

}  // namespace faultline::serve
