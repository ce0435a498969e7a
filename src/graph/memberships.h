// Membership facts: the packs' (memberships.tsv) plus what the text states — an AGREE event of
// mode `merge` ("X joined the coalition", "X merged into Y", "X pledged allegiance to Y") makes
// each named group of actor1 a member of each named group of actor2 from the event's date.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "graph/facts.h"
#include "graph/pack_facts.h"
#include "graph/time_window.h"
#include "store/records.h"

namespace faultline::graph {

class MembershipDeriver {
 public:
  explicit MembershipDeriver(const PackFacts& pack);
  void add(const store::Event& e);
  // Pack facts first (in pack order, dated and confirmed by the text where it can), then the
  // text's new facts by (member, group).
  std::vector<MembershipFact> facts() const;

 private:
  struct Claim {
    PartialDate date;
    std::string event;
    std::size_t documents = 1;
  };
  const PackFacts& pack_;
  std::set<std::string> members_;  // named actors that are not persons
  std::set<std::string> groups_;   // those that have members: armed groups, coalitions, organisations of states
  std::map<std::pair<std::string, std::string>, std::vector<Claim>> claims_;
};

// The groups `actor` belonged to at some time in `w` (directly or through a group of a group),
// and the members `actor` had then (likewise).
std::vector<std::string> groups_of(const std::vector<MembershipFact>& facts, const std::string& actor, const Window& w);
std::vector<std::string> members_of(const std::vector<MembershipFact>& facts, const std::string& actor, const Window& w);

}  // namespace faultline::graph
