// Actors acting outside their lifetime: an event dated wholly before an actor began or after it
// ended (the packs' validity.tsv) is an anachronism — usually a date carried over from a
// background sentence. Such events stay in the store but are kept out of the derived graph, and
// `faultline check` lists them.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "graph/pack_facts.h"
#include "store/records.h"

namespace faultline::graph {

struct Anachronism {
  std::string actor;
  const ActorValidity* validity = nullptr;
};

class ValidityCheck {
 public:
  explicit ValidityCheck(const std::vector<ActorValidity>& validity);
  // The parties of `e` (a person counting as the organisation they acted for) that did not exist
  // on the event's date; empty for an undated event.
  std::vector<Anachronism> anachronisms(const store::Event& e) const;

 private:
  std::map<std::string, const ActorValidity*> by_actor_;
};

}  // namespace faultline::graph
