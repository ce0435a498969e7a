// Adopting a new-actor candidate: a row in a user pack's actors.tsv (docs/packs.md), written so
// that the packs still load; re-coding then codes the actor under its real id.
#pragma once

#include <string>
#include <vector>

#include "discover/candidates.h"
#include "lexicon/lexicon.h"

namespace faultline::discover {

struct Adoption {
  std::string id;       // the actor's id: a new one, or a pack actor's (its aliases then grow)
  std::string kind;     // empty = the candidate's guess
  std::string country;  // empty = the candidate's
  std::string sector;   // empty = the candidate's (REB when it has none)
};

struct Adopted {
  std::string actors_file;  // the actors.tsv written
  std::string roles_file;   // the roles.tsv written, or "" when no role was
  std::string role_actor;   // …the organisation the person acts for there
};

// Appends the candidate as `a.id` to `dir`/actors.tsv (creating the folder and the file with its
// header), its name and every alias and acronym as aliases; for a pack actor's id, with that
// actor's fields. A new person whose affiliation `lex` knows (a pack actor, or one adopted before:
// by id, else by its name or an alias naming one actor) also gets a row in `dir`/roles.tsv (format
// of docs/packs.md): role "member" from the date first seen, open-ended, so that re-coding keeps
// coding the person as acting for it. Then loads `packs` followed by `dir`: if they do not load,
// the files are put back as they were and the PackError is rethrown. Throws std::invalid_argument
// for a bad id or one the user pack already has.
Adopted adopt(const Candidate& c, const Adoption& a, const std::string& dir, const lexicon::Lexicon& lex,
              std::vector<std::string> packs);

}  // namespace faultline::discover
