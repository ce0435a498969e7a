#include "graph/memberships.h"

#include <algorithm>

#include "graph/time_window.h"

namespace faultline::graph {

MembershipDeriver::MembershipDeriver(const PackFacts& pack) : pack_(pack) {
  // A government, an army or a newspaper has no member groups: "the groups of the CMA merged,
  // the government said" must not make the CMA a member of the government.
  static const std::set<std::string> kHaveMembers{"group", "coalition", "igo"};
  for (const auto& a : pack.actors) {
    if (a.kind == "person") continue;
    members_.insert(a.id);
    if (kHaveMembers.count(a.kind)) groups_.insert(a.id);
  }
}

void MembershipDeriver::add(const store::Event& e) {
  if (e.data.type != "AGREE" || e.data.mode != "merge" || !e.data.date.known()) return;
  for (const auto& m : e.data.actor1) {
    for (const auto& g : e.data.actor2) {
      if (m.id == g.id || !members_.count(m.id) || !groups_.count(g.id)) continue;
      claims_[{m.id, g.id}].push_back(Claim{e.data.date, e.id, e.support()});
    }
  }
}

std::vector<MembershipFact> MembershipDeriver::facts() const {
  std::vector<MembershipFact> out;
  std::set<std::pair<std::string, std::string>> used;
  for (const auto& p : pack_.memberships) {
    MembershipFact f{p.member, p.group, p.from, p.to, "pack", p.note, {}};
    auto it = claims_.find({p.member, p.group});
    if (it != claims_.end()) {
      for (const auto& c : it->second) {
        // A statement dated while the fact holds confirms it, and dates a start the pack left open.
        if (!holds_at(p.from, p.to, c.date)) continue;
        f.evidence.push_back(c.event);
        if (!p.from.known() && (!f.from.known() || c.date.first_key() < f.from.first_key())) f.from = c.date;
        f.source = "pack+text";
      }
      used.insert(it->first);
    }
    out.push_back(std::move(f));
  }
  for (const auto& [pair, claims] : claims_) {
    if (used.count(pair)) continue;
    // A membership the packs do not know needs two documents.
    std::size_t documents = 0;
    for (const auto& c : claims) documents += c.documents;
    if (documents < 2) continue;
    MembershipFact f{pair.first, pair.second, {}, {}, "text", {}, {}};
    for (const auto& c : claims) {
      if (!f.from.known() || c.date.first_key() < f.from.first_key()) f.from = c.date;
      f.evidence.push_back(c.event);
    }
    out.push_back(std::move(f));
  }
  for (auto& f : out) std::sort(f.evidence.begin(), f.evidence.end());
  return out;
}

namespace {

std::vector<std::string> walk(const std::vector<MembershipFact>& facts, const std::string& actor, const Window& w,
                              bool upward) {
  std::vector<std::string> found;
  std::vector<std::string> todo{actor};
  while (!todo.empty()) {
    std::string cur = todo.back();
    todo.pop_back();
    for (const auto& f : facts) {
      const std::string& from = upward ? f.member : f.group;
      const std::string& to = upward ? f.group : f.member;
      if (from != cur || !holds_during(f.from, f.to, w)) continue;
      if (to == actor || std::find(found.begin(), found.end(), to) != found.end()) continue;
      found.push_back(to);
      todo.push_back(to);
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

std::vector<std::string> groups_of(const std::vector<MembershipFact>& facts, const std::string& actor, const Window& w) {
  return walk(facts, actor, w, true);
}

std::vector<std::string> members_of(const std::vector<MembershipFact>& facts, const std::string& actor, const Window& w) {
  return walk(facts, actor, w, false);
}

}  // namespace faultline::graph
