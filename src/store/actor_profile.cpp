#include "store/actor_profile.h"

#include <algorithm>
#include <map>

#include "graph/memberships.h"
#include "graph/relation_weights.h"

namespace faultline::store {

std::vector<ProfileRelation> actor_relations(Store& s, const std::string& id, const graph::Window& w,
                                             const std::vector<std::string>& groups,
                                             const std::vector<std::string>& skip) {
  std::map<std::string, ProfileRelation> by_other;
  auto gather = [&](const std::string& subject) {
    for (const auto& r : s.relations(w, {subject})) {
      const std::string& other = r.a == subject ? r.b : r.a;
      if (other == id || std::find(skip.begin(), skip.end(), other) != skip.end()) continue;
      ProfileRelation& sum = by_other[other];
      sum.other = other;
      sum.total.a = id;
      sum.total.b = other;
      sum.total.cooperative += r.cooperative;
      sum.total.conflictual += r.conflictual;
      sum.total.cooperative_events += r.cooperative_events;
      sum.total.conflictual_events += r.conflictual_events;
      if (subject != id) sum.via.push_back(subject);
    }
  };
  gather(id);
  for (const auto& g : groups) gather(g);
  std::vector<ProfileRelation> out;
  for (auto& [other, sum] : by_other) out.push_back(std::move(sum));
  auto rank = [](const ProfileRelation& r) {
    const std::string kind = graph::relation_kind(r.total.a, r.total.b, r.total.cooperative, r.total.conflictual, r.events());
    return kind == "ally" ? 0 : kind == "enemy" ? 1 : kind == "mixed" ? 2 : 3;
  };
  std::stable_sort(out.begin(), out.end(), [&](const ProfileRelation& a, const ProfileRelation& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    return a.events() > b.events();
  });
  return out;
}

ActorProfile actor_profile(Store& s, const std::string& id, const graph::Window& w,
                           const std::vector<graph::MembershipFact>& memberships,
                           const std::vector<graph::RoleFact>& roles) {
  ActorProfile p;
  std::vector<std::string> related;
  for (const auto& m : memberships) {
    if (!graph::holds_during(m.from, m.to, w)) continue;
    if (m.member != id && m.group != id) continue;
    p.memberships.push_back(ProfileMembership{m, m.member == id});
    related.push_back(p.memberships.back().other());
  }
  for (const auto& r : roles) {
    if ((r.actor != id && r.person != id) || !graph::holds_during(r.from, r.to, w)) continue;
    p.roles.push_back(ProfileRole{r, r.actor == id});
  }
  // Relations reach an actor through its coalitions only where the packs state the membership: a
  // text-only one may be a coding slip, and would lend the actor a whole coalition's relations.
  std::vector<graph::MembershipFact> stated;
  for (const auto& m : memberships)
    if (m.source != "text") stated.push_back(m);
  p.groups = graph::groups_of(stated, id, w);
  related.insert(related.end(), p.groups.begin(), p.groups.end());
  p.relations = actor_relations(s, id, w, p.groups, related);
  return p;
}

}  // namespace faultline::store
