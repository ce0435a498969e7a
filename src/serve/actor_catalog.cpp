#include "serve/actor_catalog.h"

#include <algorithm>
#include <set>

#include "graph/memberships.h"
#include "text/fold.h"

namespace faultline::serve {

void ActorCatalog::load(store::Store& s, const EventIndex& events) {
  memberships_ = s.memberships();
  roles_ = s.roles();
  control_ = s.control("");
  countries_ = s.countries();

  std::set<std::string> ids;
  for (auto& id : events.actor_ids()) ids.insert(std::move(id));
  for (const auto& m : memberships_) ids.insert({m.member, m.group});
  for (const auto& r : roles_) ids.insert({r.person, r.actor});
  for (const auto& c : control_) ids.insert(c.holders.begin(), c.holders.end());
  for (const auto& id : ids) {
    auto info = s.actor(id);
    ActorEntry e;
    e.info = info ? std::move(*info) : store::ActorInfo{id, id, "", "", "", {}};
    e.events = events.actor_events(id);
    e.id_key = text::fold(id);  // folded once: resolve() and search() run on every request
    e.name_key = text::fold(e.info.name);
    for (const auto& a : e.info.aliases) e.alias_keys.push_back(text::fold(a));
    actors_.emplace(id, std::move(e));
  }
}

const ActorEntry* ActorCatalog::find(const std::string& id) const {
  auto it = actors_.find(id);
  return it == actors_.end() ? nullptr : &it->second;
}

const std::string& ActorCatalog::name(const std::string& id) const {
  const ActorEntry* e = find(id);
  return e ? e->info.name : id;
}

std::vector<std::string> ActorCatalog::resolve(const std::string& name) const {
  const std::string key = text::fold(name);
  std::vector<std::string> out;
  for (const auto& [id, e] : actors_) {
    bool hit = e.id_key == key || e.name_key == key ||
               std::find(e.alias_keys.begin(), e.alias_keys.end(), key) != e.alias_keys.end();
    if (hit) out.push_back(id);
  }
  return out;
}

std::vector<std::string> ActorCatalog::resolve_with_members(const std::string& name, const graph::Window& w) const {
  std::vector<std::string> ids;
  for (const auto& id : resolve(name)) {
    ids.push_back(id);
    for (const auto& m : graph::members_of(memberships_, id, w)) ids.push_back(m);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<const ActorEntry*> ActorCatalog::search(const std::string& query, std::size_t limit) const {
  const std::string key = text::fold(query);
  struct Hit {
    int rank;
    const ActorEntry* entry;
  };
  std::vector<Hit> hits;
  auto rank_of = [&](const std::string& candidate) {
    if (candidate == key) return 0;
    if (candidate.rfind(key, 0) == 0) return 1;
    if (candidate.find(key) != std::string::npos) return 2;
    return 3;
  };
  for (const auto& [id, e] : actors_) {
    int rank = key.empty() ? 2 : std::min(rank_of(e.id_key), rank_of(e.name_key));
    for (const auto& a : e.alias_keys) rank = std::min(rank, rank_of(a));
    if (rank < 3) hits.push_back(Hit{rank, &e});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.entry->events > b.entry->events;
  });
  std::vector<const ActorEntry*> out;
  for (std::size_t i = 0; i < hits.size() && i < limit; ++i) out.push_back(hits[i].entry);
  return out;
}

}  // namespace faultline::serve
