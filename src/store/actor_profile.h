// An actor's profile at a date or over a period, from the store: the memberships and roles that
// held then, the coalitions it belonged to, and its allies, enemies and mixed relations with their
// evidence. `faultline actor` prints it; the API's /api/actors/{id} returns it as JSON.
#pragma once

#include <string>
#include <vector>

#include "graph/facts.h"
#include "graph/pack_facts.h"
#include "graph/time_window.h"
#include "store/store.h"

namespace faultline::store {

struct ProfileMembership {
  graph::MembershipFact fact;
  bool member_of = false;  // the actor is the member (else it is the group)
  const std::string& other() const { return member_of ? fact.group : fact.member; }
};

struct ProfileRole {
  graph::RoleFact fact;
  bool leader = false;  // fact.person held a role in the actor (else the actor is the person)
  const std::string& other() const { return leader ? fact.person : fact.actor; }
};

// The relation with one other actor, summed over the actor's own relations and those of the
// coalitions it acted through (`via`).
struct ProfileRelation {
  std::string other;
  RelationSum total;
  std::vector<std::string> via;
  int events() const { return total.cooperative_events + total.conflictual_events; }
};

struct ActorProfile {
  std::vector<ProfileMembership> memberships;  // holding during the window, in the facts' order
  std::vector<ProfileRole> roles;              // likewise
  std::vector<std::string> groups;             // coalitions it belonged to then (transitively)
  std::vector<ProfileRelation> relations;      // see actor_relations
};

// Relations of `id` over `w`: its own and those of `groups` (a group often acts through its
// coalition), summed per other actor, leaving out `id` and `skip`; allies first, then enemies,
// then mixed, each with the most evidence first (ties by the other's id).
std::vector<ProfileRelation> actor_relations(Store& s, const std::string& id, const graph::Window& w,
                                             const std::vector<std::string>& groups,
                                             const std::vector<std::string>& skip);

// The profile of `id` during `w`, from the pack's memberships and roles (as Store::memberships()
// and roles() return them) and the store's relations. Its coalitions (transitively) and the
// actors it has memberships with are neither its allies nor its enemies.
ActorProfile actor_profile(Store& s, const std::string& id, const graph::Window& w,
                           const std::vector<graph::MembershipFact>& memberships,
                           const std::vector<graph::RoleFact>& roles);

}  // namespace faultline::store
