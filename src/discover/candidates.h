// New-actor candidates from a store: every provisional actor (`NEW_…`) of the stored events,
// linked across documents and languages (one acronym, one English key through name_words.tsv, or
// a spelling within a normalised edit distance) and to a pack actor it may be under an alias the
// packs lack, with its evidence: documents, events, dates, counterparts and example sentences.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "store/store.h"

namespace faultline::discover {

struct Link {
  std::string id;    // a provisional id or a pack id
  std::string name;
  std::string how;   // "acronym", "translation", "spelling", "alias"
  double score = 0;  // 1 = certain
};

// An evidence sentence: the wording of the event's representative report, with where it is.
struct Example {
  std::string text;
  std::string event;      // the event's id
  std::string document;   // the document that states it
  uint32_t sentence = 0;  // its sentence in the document
};

struct Counterpart {
  std::string id;
  std::string name;
  int events = 0;
};

struct Candidate {
  std::string id;                    // the provisional id of its most reported name
  std::string name;
  std::string kind;                  // group, coalition, person
  std::vector<std::string> ids;      // every provisional id linked into it
  std::vector<std::string> aliases;  // other names as written
  std::vector<std::string> acronyms;
  std::vector<Link> links;           // how its names were linked
  std::vector<Link> pack_matches;    // pack actors it may be, best first
  std::string country;               // the most frequent
  std::string sector;
  std::string affiliation;           // a person's organisation, as coded
  std::string affiliation_id;        // …and its actor id (a pack id or a provisional one)
  std::size_t documents = 0;
  std::size_t events = 0;
  std::string first_seen, last_seen;  // event dates
  std::vector<Counterpart> fought, allied;
  std::vector<Example> examples;  // evidence sentences, up to three
  std::string suggested_id;       // an id to adopt it under (suggested_id.h)
};

struct Options {
  std::size_t min_documents = 1;
  double max_spelling_distance = 0.15;  // normalised edit distance of two English keys
};

// Candidates with at least `min_documents` documents, most documented first.
std::vector<Candidate> find_candidates(store::Store& s, const lexicon::Lexicon& lex, const Options& o);

// The candidate an id (any linked one) or a name, alias or acronym (case and accents ignored)
// names, or nullptr.
const Candidate* find_candidate(const std::vector<Candidate>& all, const std::string& name_or_id);

}  // namespace faultline::discover
