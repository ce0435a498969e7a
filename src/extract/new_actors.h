// Actors no pack knows: named organisations (a capitalised name holding an organisational head
// word of name_words.tsv, or a name with an acronym defined after it, "… (FSA)") and titled persons
// ("militia leader X", "JNIM commander X"), found in the places the pack mentions leave free. Each gets a provisional
// id `NEW_<normalised name>`; an acronym defined once names the actor in the document's later
// sentences.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/mentions.h"
#include "lexicon/lexicon.h"
#include "text/token.h"

namespace faultline::extract {

struct NewActor {
  std::string id;       // NEW_…
  std::string name;     // as first written
  std::string acronym;  // defined in the text ("FSA"), or empty
  std::string kind;     // group, coalition, person
  std::string sector;   // guessed from the head word or title (empty when nothing tells)
  // A person's organisation, when the text states it ("JNIM commander X", "FSA leader X").
  uint32_t affiliation_actor = kNone;  // a pack actor
  uint32_t affiliation_fresh = kNone;  // another new actor
  bool affiliation_group = false;      // "the group's commander X": the group the text speaks of
};

// One per document: finds the new actors of each sentence in turn, remembering the acronyms
// defined so far.
class NewActorFinder {
 public:
  NewActorFinder(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, const std::string& text)
      : lex_(lex), tok_(tokens), text_(text) {}

  // Adds to `sm` (in text order) mentions of new actors in tokens [begin, end), replacing the
  // place and bare-agent mentions their names hold; a name defined as an unrecorded alias of a pack
  // actor by its acronym ("the Azawad Coordination (CMA)") becomes a mention of that actor.
  void find(uint32_t begin, uint32_t end, SentenceMentions& sm);

  const std::vector<NewActor>& actors() const { return actors_; }

 private:
  struct Span {
    uint32_t begin = 0, end = 0;  // the name
    uint32_t next = 0;            // where scanning resumes (after a defined acronym)
    std::string acronym;
  };
  bool blocked(const SentenceMentions& sm, uint32_t t) const;
  bool joins_capitals(uint32_t k, uint32_t end) const;
  bool agent_word(const SentenceMentions& sm, uint32_t t) const;
  bool organisation(const SentenceMentions& sm, uint32_t sentence_begin, uint32_t i, uint32_t end, Span& span) const;
  bool person(const SentenceMentions& sm, uint32_t i, uint32_t end, Span& span) const;
  uint32_t remember(NewActor a);
  void place_mention(SentenceMentions& sm, ActorMention m) const;

  const lexicon::Lexicon& lex_;
  const std::vector<text::Token>& tok_;
  const std::string& text_;
  std::vector<NewActor> actors_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<std::string, uint32_t> by_acronym_;  // folded acronym → new actor
  // Persons named so far: their names' token keys (news names a person in full once, then by
  // the full name or the surname alone).
  std::vector<std::pair<std::vector<std::string>, uint32_t>> persons_;
  uint32_t named_person(const SentenceMentions& sm, uint32_t i, uint32_t end, uint32_t& length) const;
};

}  // namespace faultline::extract
