// /api/actors (search) and /api/actors/{id} (profile at a date or over a period).
#include <algorithm>
#include <cmath>

#include "extract/dates.h"
#include "graph/memberships.h"
#include "graph/relation_weights.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/event_json.h"
#include "serve/json_values.h"
#include "serve/query_params.h"

namespace faultline::serve {
namespace {

json actor_summary(const ActorEntry& e, const ActorCatalog& actors) {
  json j;
  j["id"] = e.info.id;
  j["name"] = e.info.name;
  j["kind"] = nullable(e.info.kind);
  j["country"] = nullable(e.info.country);
  auto c = actors.countries().find(e.info.country);
  j["country_name"] = c == actors.countries().end() ? json() : json(c->second);
  j["sector"] = nullable(e.info.sector);
  j["aliases"] = e.info.aliases;
  j["events"] = e.events;
  return j;
}

double rounded(double x) { return std::round(x * 100) / 100; }

// Allies, enemies and mixed relations of `id` during `w`: its own and those of the groups it
// belonged to then (a group often acts through its coalition), summed per other actor — as
// `faultline actor` does.
json relations_json(store::Store& s, const ActorCatalog& actors, const std::string& id, const graph::Window& w,
                    const std::vector<std::string>& groups, const std::vector<std::string>& skip) {
  struct Sum {
    store::RelationSum total;
    std::vector<std::string> via;
  };
  std::map<std::string, Sum> by_other;
  auto gather = [&](const std::string& subject) {
    for (const auto& r : s.relations(w, {subject})) {
      const std::string& other = r.a == subject ? r.b : r.a;
      if (other == id || std::find(skip.begin(), skip.end(), other) != skip.end()) continue;
      Sum& sum = by_other[other];
      sum.total.cooperative += r.cooperative;
      sum.total.conflictual += r.conflictual;
      sum.total.cooperative_events += r.cooperative_events;
      sum.total.conflictual_events += r.conflictual_events;
      if (subject != id) sum.via.push_back(subject);
    }
  };
  gather(id);
  for (const auto& g : groups) gather(g);
  std::vector<json> rows;
  for (const auto& [other, sum] : by_other) {
    const auto& t = sum.total;
    json j;
    j["actor"] = other;
    j["name"] = actors.name(other);
    j["kind"] = graph::relation_kind(t.cooperative, t.conflictual);
    j["score"] = rounded(graph::relation_score(t.cooperative, t.conflictual));
    j["cooperative"] = rounded(t.cooperative);
    j["conflictual"] = rounded(t.conflictual);
    j["cooperative_events"] = t.cooperative_events;
    j["conflictual_events"] = t.conflictual_events;
    j["events"] = t.cooperative_events + t.conflictual_events;
    j["via"] = sum.via;
    rows.push_back(std::move(j));
  }
  auto rank = [](const json& j) {
    const std::string k = j["kind"];
    return k == "ally" ? 0 : k == "enemy" ? 1 : 2;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const json& a, const json& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a["events"].get<int>() > b["events"].get<int>();
  });
  return json(rows);
}

json membership_json(const graph::MembershipFact& m, const std::string& other, const ActorCatalog& actors) {
  json j;
  j["actor"] = other;
  j["name"] = actors.name(other);
  j["from"] = date_json(m.from);
  j["to"] = date_json(m.to);
  j["source"] = m.source;
  j["note"] = nullable(m.note);
  j["evidence"] = m.evidence;
  return j;
}

}  // namespace

json api_actors(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {"q", "limit"});
  const auto limit = static_cast<std::size_t>(p.integer("limit", 1, kMaxLimit, 20));
  json j;
  j["q"] = p.text("q");
  j["actors"] = json::array();
  for (const auto* e : c.actors.search(p.text("q"), limit)) j["actors"].push_back(actor_summary(*e, c.actors));
  return j;
}

json api_actor(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {"at", "from", "to"});
  const graph::Window w = p.window();
  const ActorEntry* e = c.actors.find(r.arg);
  if (!e) {
    // A name or alias instead of an id is fine when it names one actor.
    auto ids = c.actors.resolve(r.arg);
    if (ids.size() == 1) e = c.actors.find(ids.front());
  }
  if (!e) throw not_found("no actor has the id '" + r.arg + "'");
  const std::string& id = e->info.id;

  json j = actor_summary(*e, c.actors);
  j["window"] = window_json(w);
  j["member_of"] = json::array();
  j["members"] = json::array();
  std::vector<std::string> related{id};
  for (const auto& m : c.actors.memberships()) {
    if (!graph::holds_during(m.from, m.to, w)) continue;
    if (m.member == id) {
      j["member_of"].push_back(membership_json(m, m.group, c.actors));
      related.push_back(m.group);
    } else if (m.group == id) {
      j["members"].push_back(membership_json(m, m.member, c.actors));
      related.push_back(m.member);
    }
  }
  j["leaders"] = json::array();
  j["roles"] = json::array();  // for a person: the organisations they led or spoke for
  for (const auto& role : c.actors.roles()) {
    if (!graph::holds_during(role.from, role.to, w)) continue;
    if (role.actor != id && role.person != id) continue;
    bool leader = role.actor == id;
    json k;
    k["actor"] = leader ? role.person : role.actor;
    k["name"] = c.actors.name(leader ? role.person : role.actor);
    k["role"] = role.role;
    k["from"] = date_json(role.from);
    k["to"] = date_json(role.to);
    j[leader ? "leaders" : "roles"].push_back(k);
  }

  const auto groups = graph::groups_of(c.actors.memberships(), id, w);
  const auto [first_key, last_key] = c.events.date_range();
  c.store.with([&](store::Store& s) {
    j["relations"] = relations_json(s, c.actors, id, w, groups, related);
    // Year by year, for "allies and enemies over time" (the actor's own relations).
    j["relations_by_year"] = json::array();
    for (int year = first_key / 10000; first_key && year <= last_key / 10000; ++year) {
      graph::Window yw{year * 10000 + 101, year * 10000 + 1231};
      json rows = relations_json(s, c.actors, id, yw, {}, {id});
      if (rows.empty()) continue;
      json y;
      y["year"] = year;
      y["relations"] = rows;
      j["relations_by_year"].push_back(y);
    }
    return 0;
  });

  // The latest events the actor took part in.
  EventFilter f;
  f.by_actor = true;
  if (uint32_t k = c.events.actor_id(id); k != StringIds::kUnknown) f.actors.push_back(k);
  f.from_key = w.first > 10101 ? w.first : 0;
  f.to_key = w.last < 99991231 ? w.last : 0;
  auto page = c.events.page(f, Sort{SortKey::Date, true}, 0, 10);
  j["recent_events"] = json::array();
  for (uint32_t i : page.rows) j["recent_events"].push_back(event_json(c.events.view(i)));
  return j;
}

}  // namespace faultline::serve
