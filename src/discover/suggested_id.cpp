// Choosing the suggested id of a candidate (see suggested_id.h).
#include "discover/suggested_id.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace faultline::discover {
namespace {

// An id `adopt` takes: [A-Z0-9_]+ and not provisional.
bool adoptable(const std::string& id) {
  return !id.empty() && id.rfind("NEW_", 0) != 0 && std::all_of(id.begin(), id.end(), [](char ch) {
    return std::isupper(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) || ch == '_';
  });
}

// Whether the packs hold the id already: adopting under it would add aliases to that actor.
bool taken(const std::string& id, const lexicon::Lexicon& lex) {
  return lex.actor_index(id) != lexicon::kNone || lex.country_index(id) != lexicon::kNone;
}

// The provisional id without NEW_, in the characters an id may hold (never empty).
std::string bare_id(const std::string& provisional) {
  std::string out;
  for (char ch : provisional.rfind("NEW_", 0) == 0 ? provisional.substr(4) : provisional) {
    const auto u = static_cast<unsigned char>(ch);
    const char keep = std::isalnum(u) ? static_cast<char>(std::toupper(u)) : '_';
    if (keep != '_' || (!out.empty() && out.back() != '_')) out += keep;
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out.empty() || out.rfind("NEW_", 0) == 0 ? "ACTOR_" + out : out;
}

}  // namespace

std::string suggested_id(const Candidate& c, const lexicon::Lexicon& lex) {
  // The same name in English words as a pack actor's: adopting adds its names to that actor.
  if (!c.pack_matches.empty() && c.pack_matches.front().how == "alias" && c.pack_matches.front().score >= 1.0)
    return c.pack_matches.front().id;
  std::vector<std::string> tries;
  if (c.kind != "person" && c.acronyms.size() == 1) tries.push_back(c.acronyms.front());
  const std::string bare = bare_id(c.id);
  tries.push_back(bare);
  for (const auto& id : tries)
    if (adoptable(id) && !taken(id, lex)) return id;
  // Both taken (a pack actor of that very name under another kind…): a new id of its own.
  for (int n = 2;; ++n)
    if (std::string id = bare + "_" + std::to_string(n); !taken(id, lex)) return id;
}

}  // namespace faultline::discover
