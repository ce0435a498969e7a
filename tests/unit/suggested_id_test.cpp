// The id and command a new-actor candidate is offered to be adopted with (discover/suggested_id.h,
// discover/adopt_command.h), on candidates written for these tests, with the bundled packs.
#include <gtest/gtest.h>

#include "bundled_packs.h"
#include "discover/adopt_command.h"
#include "discover/suggested_id.h"
#include "lexicon/lexicon.h"

using namespace faultline;

namespace {

const lexicon::Lexicon& lex() { return test_support::bundled_lexicon(); }

discover::Candidate group(const std::string& id, const std::string& name, std::vector<std::string> acronyms = {}) {
  discover::Candidate c;
  c.id = id;
  c.name = name;
  c.kind = "group";
  c.ids = {id};
  c.acronyms = std::move(acronyms);
  return c;
}

}  // namespace

TEST(SuggestedId, ItsOwnAcronymWhenNoPackHoldsIt) {
  EXPECT_EQ(discover::suggested_id(group("NEW_TILEMSI_SALVATION_FRONT", "Tilemsi Salvation Front", {"FST"}), lex()),
            "FST");
}

TEST(SuggestedId, TheProvisionalIdWithoutNewWhenTheAcronymIsTaken) {
  // CMA is a pack actor: adopting under it would add these names to the CMA.
  EXPECT_EQ(discover::suggested_id(group("NEW_CENTRAL_MALI_ALLIANCE", "Central Mali Alliance", {"CMA"}), lex()),
            "CENTRAL_MALI_ALLIANCE");
}

TEST(SuggestedId, NoAcronymForAPersonNorWithTwo) {
  auto p = group("NEW_MOUSSA_AG_TILOUA", "Moussa Ag Tiloua", {"MAT"});
  p.kind = "person";
  EXPECT_EQ(discover::suggested_id(p, lex()), "MOUSSA_AG_TILOUA");
  EXPECT_EQ(discover::suggested_id(group("NEW_X_FRONT", "X Front", {"XF", "FX"}), lex()), "X_FRONT");
}

TEST(SuggestedId, ThePackActorItIsUnderANewAlias) {
  auto c = group("NEW_MOVEMENT_FOR_SALVATION_OF_AZAWAD", "Movement for Salvation of Azawad");
  c.pack_matches = {{"MSA", "Movement for the Salvation of Azawad", "alias", 1.0}};
  EXPECT_EQ(discover::suggested_id(c, lex()), "MSA");
  // A spelling only: maybe another actor, so an id of its own.
  c.pack_matches = {{"MSA", "Movement for the Salvation of Azawad", "spelling", 0.9}};
  EXPECT_EQ(discover::suggested_id(c, lex()), "MOVEMENT_FOR_SALVATION_OF_AZAWAD");
}

TEST(SuggestedId, NeverAPackIdNorACountry) {
  // A provisional id whose bare form is a pack actor's or a country's id gets a number.
  EXPECT_EQ(discover::suggested_id(group("NEW_CMA", "The CMA"), lex()), "CMA_2");
  EXPECT_EQ(discover::suggested_id(group("NEW_MLI", "Mli"), lex()), "MLI_2");
  // Characters an id may not hold become underscores.
  EXPECT_EQ(discover::suggested_id(group("NEW_A-B  C", "A-B C"), lex()), "A_B_C");
}

TEST(AdoptCommand, QuotesForTheShell) {
  EXPECT_EQ(discover::shell_word("store.db"), "store.db");
  EXPECT_EQ(discover::shell_word("my store.db"), "'my store.db'");
  EXPECT_EQ(discover::shell_word("Ba'ath Front"), "'Ba'\\''ath Front'");
  EXPECT_EQ(discover::shell_word("$(rm -rf x)"), "'$(rm -rf x)'");
  EXPECT_EQ(discover::shell_word(""), "''");
}

TEST(AdoptCommand, ByNameUnlessTheNamePicksAnotherCandidate) {
  auto fst = group("NEW_TILEMSI_SALVATION_FRONT", "Tilemsi Salvation Front", {"FST"});
  fst.suggested_id = "FST";
  auto other = group("NEW_FST", "FST");  // a candidate named like the first one's acronym
  other.suggested_id = "FST_2";
  std::vector<discover::Candidate> all{fst, other};
  EXPECT_EQ(discover::adopt_command(all[0], all, "data/sahel store.db"),
            "faultline discover --db 'data/sahel store.db' --accept 'Tilemsi Salvation Front' --id FST");
  // "FST" finds the first candidate (its acronym) before the second: the id names the second.
  EXPECT_EQ(discover::adopt_command(all[1], all, "s.db"), "faultline discover --db s.db --accept NEW_FST --id FST_2");
}
