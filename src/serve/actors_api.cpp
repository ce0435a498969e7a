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
#include "serve/support_json.h"
#include "store/actor_profile.h"
#include "store/fact_support.h"

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

// Allies, enemies and mixed relations, as `faultline actor` ranks them (store/actor_profile.h);
// with `evidence`, each with its support and evidence events (the year-by-year grid has none).
json relations_json(const std::vector<store::ProfileRelation>& relations, const ActorCatalog& actors,
                    const graph::RelationEvidence* evidence = nullptr) {
  json rows = json::array();
  for (const auto& rel : relations) {
    const auto& t = rel.total;
    json j;
    j["actor"] = rel.other;
    j["name"] = actors.name(rel.other);
    j["kind"] = graph::relation_kind(t.a, t.b, t.cooperative, t.conflictual, t.cooperative_events + t.conflictual_events);
    j["score"] = rounded(graph::relation_score(t.cooperative, t.conflictual));
    j["cooperative"] = rounded(t.cooperative);
    j["conflictual"] = rounded(t.conflictual);
    j["cooperative_events"] = t.cooperative_events;
    j["conflictual_events"] = t.conflictual_events;
    j["events"] = rel.events();
    j["via"] = rel.via;
    if (evidence) {
      const graph::FactSupport* found = evidence->of(rel.other);
      const graph::FactSupport support = found ? *found : graph::FactSupport{};
      j["support"] = support_json("text", support);
      j["evidence"] = evidence_ids(support);
    }
    rows.push_back(std::move(j));
  }
  return rows;
}

json membership_json(const graph::MembershipFact& m, const std::string& other, const ActorCatalog& actors,
                     const graph::FactSupport& support) {
  json j;
  j["actor"] = other;
  j["name"] = actors.name(other);
  j["from"] = date_json(m.from);
  j["to"] = date_json(m.to);
  j["source"] = m.source;
  j["note"] = nullable(m.note);
  j["support"] = support_json(m.source, support);
  j["evidence"] = evidence_ids(support);
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
  // Not a structured binding: clang 14 cannot capture those in the lambda below.
  const std::pair<int, int> dates = c.events.date_range();
  const int first_key = dates.first, last_key = dates.second;
  c.store.with([&](store::Store& s) {
    const auto profile = store::actor_profile(s, id, w, c.actors.memberships(), c.actors.roles());
    j["member_of"] = json::array();
    j["members"] = json::array();
    for (const auto& m : profile.memberships)
      j[m.member_of ? "member_of" : "members"].push_back(
          membership_json(m.fact, m.other(), c.actors, store::read_support(s, m.fact.evidence)));
    j["leaders"] = json::array();
    j["roles"] = json::array();  // for a person: the organisations they led or spoke for
    for (const auto& role : profile.roles) {
      json k;
      k["actor"] = role.other();
      k["name"] = c.actors.name(role.other());
      k["role"] = role.fact.role;
      k["from"] = date_json(role.fact.from);
      k["to"] = date_json(role.fact.to);
      j[role.leader ? "leaders" : "roles"].push_back(k);
    }
    bool capped = false;
    const auto evidence = store::relation_evidence(s, id, profile.groups, w, capped);
    j["relations"] = relations_json(profile.relations, c.actors, &evidence);
    j["relations_evidence_capped"] = capped;
    // Year by year, for "allies and enemies over time" (the actor's own relations).
    j["relations_by_year"] = json::array();
    for (int year = first_key / 10000; first_key && year <= last_key / 10000; ++year) {
      graph::Window yw{year * 10000 + 101, year * 10000 + 1231};
      json rows = relations_json(store::actor_relations(s, id, yw, {}, {}), c.actors);
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
  for (const auto& v : read_events(c, page.rows)) j["recent_events"].push_back(event_json(v));
  return j;
}

}  // namespace faultline::serve
