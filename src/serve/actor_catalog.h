// The actors the API can show, with the pack's facts about them, held in memory: every actor that
// events, memberships, leadership roles or control facts name, with its aliases and its number of
// events; the memberships, roles, control intervals and country names as the store keeps them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/facts.h"
#include "graph/pack_facts.h"
#include "graph/time_window.h"
#include "serve/event_index.h"
#include "store/store.h"

namespace faultline::serve {

struct ActorEntry {
  store::ActorInfo info;
  std::size_t events = 0;
  std::string id_key;                  // folded id
  std::string name_key;                // folded name
  std::vector<std::string> alias_keys;  // folded aliases
};

class ActorCatalog {
 public:
  void load(store::Store& s, const EventIndex& events);

  const ActorEntry* find(const std::string& id) const;
  // The display name of an id (the id itself when unknown).
  const std::string& name(const std::string& id) const;

  // Actors whose id, name or an alias is `name` (accents and case ignored), as the CLI's --actor.
  std::vector<std::string> resolve(const std::string& name) const;
  // …and, transitively, their members during `w`, so that a coalition includes its groups. Sorted.
  std::vector<std::string> resolve_with_members(const std::string& name, const graph::Window& w) const;

  // Search for a search box: by id, name or alias, whole or prefix or part of a word; the best
  // matches first (exact, then prefix, then part; more events first).
  std::vector<const ActorEntry*> search(const std::string& query, std::size_t limit) const;

  const std::vector<graph::MembershipFact>& memberships() const { return memberships_; }
  const std::vector<graph::RoleFact>& roles() const { return roles_; }
  const std::vector<graph::ControlInterval>& control() const { return control_; }
  const std::map<std::string, std::string>& countries() const { return countries_; }

 private:
  std::map<std::string, ActorEntry> actors_;
  std::vector<graph::MembershipFact> memberships_;
  std::vector<graph::RoleFact> roles_;
  std::vector<graph::ControlInterval> control_;
  std::map<std::string, std::string> countries_;
};

}  // namespace faultline::serve
