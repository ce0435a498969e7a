// What the packs state as fact and the store keeps: actors and their aliases, persons' roles,
// memberships (with their notes), and seed control facts (control.tsv, see docs/store.md).
#pragma once

#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace faultline::graph {

using lexicon::PartialDate;

struct RoleFact {
  std::string person;
  std::string actor;
  std::string role;
  PartialDate from, to;
};

struct PackMembership {
  std::string member;
  std::string group;
  PartialDate from, to;
  std::string note;
};

struct ControlSeed {
  std::string place;   // the gazetteer's name
  std::vector<std::string> holders;
  PartialDate from, to;  // `to` unknown = until the next fact for the place
  std::string note;
};

// When an actor existed (validity.tsv): events outside it that name the actor are anachronisms.
struct ActorValidity {
  std::string actor;
  PartialDate from, to;  // unknown = open
  std::string note;
};

struct PackFacts {
  std::vector<lexicon::Actor> actors;
  std::vector<lexicon::Country> countries;
  std::vector<RoleFact> roles;
  std::vector<PackMembership> memberships;
  std::vector<ControlSeed> control;
  std::vector<ActorValidity> validity;
  // Changes whenever any fact does, so that the store rewrites them only then.
  std::string fingerprint() const;
};

// Reads memberships.tsv, control.tsv and validity.tsv from the pack folders (in order) and takes actors and
// roles from the loaded lexicon. Throws lexicon::PackError naming file and line.
PackFacts load_pack_facts(const lexicon::Lexicon& lex, const std::vector<std::string>& pack_dirs);

// control.tsv alone: place, holders ('|' list of actor ids), from, to, note.
std::vector<ControlSeed> load_control_seeds(const std::string& path, const lexicon::Lexicon& lex);

}  // namespace faultline::graph
