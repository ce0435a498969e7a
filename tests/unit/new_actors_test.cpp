// New actors (issue 15): organisations and titled persons no pack knows, coded under provisional
// NEW_ ids, on sentences written for these tests, with the bundled packs; and the name keys that
// link them across languages.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bundled_packs.h"
#include "coding/coder.h"
#include "extract/name_keys.h"
#include "lexicon/lexicon.h"
#include "lexicon/tsv_file.h"

using namespace faultline;

namespace {

const lexicon::Lexicon& lex() { return test_support::bundled_lexicon(); }

std::vector<coding::CodedEvent> code(const std::string& text, const std::string& lang = "en") {
  coding::Document d;
  d.id = "t";
  d.text = text;
  d.date = "2025-03-10";
  d.lang = lang;
  return coding::Coder(lex()).code(d);
}

// Every actor of every event, with its role: "1:ID" or "2:ID".
std::vector<std::string> parties(const std::vector<coding::CodedEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) {
    for (const auto& a : e.actor1) out.push_back("1:" + a.id);
    for (const auto& a : e.actor2) out.push_back("2:" + a.id);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

const coding::CodedActor* find_actor(const std::vector<coding::CodedEvent>& events, const std::string& id) {
  for (const auto& e : events)
    for (const auto* side : {&e.actor1, &e.actor2})
      for (const auto& a : *side)
        if (a.id == id) return &a;
  return nullptr;
}

bool any_new(const std::vector<coding::CodedEvent>& events) {
  auto p = parties(events);
  return std::any_of(p.begin(), p.end(), [](const std::string& s) { return s.find(":NEW_") != std::string::npos; });
}

}  // namespace

TEST(NewActors, NamedOrganisationWithHeadWordIsCodedProvisionally) {
  auto ev = code("The Tilemsi Salvation Front attacked Malian soldiers near Anefis.");
  auto p = parties(ev);
  EXPECT_TRUE(has(p, "1:NEW_TILEMSI_SALVATION_FRONT")) << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "2:MLI_MIL"));
  const auto* a = find_actor(ev, "NEW_TILEMSI_SALVATION_FRONT");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->name, "Tilemsi Salvation Front");
  EXPECT_EQ(a->sector, "REB");
  EXPECT_EQ(a->country, "MLI");  // from the event's place
}

TEST(NewActors, AcronymDefinedOnceNamesTheActorLater) {
  auto ev = code(
      "A new armed group, the Tilemsi Salvation Front (FST), announced its creation on Sunday. "
      "On Monday FST fighters attacked an army post in Tarkint.");
  auto p = parties(ev);
  EXPECT_TRUE(has(p, "1:NEW_TILEMSI_SALVATION_FRONT")) << ::testing::PrintToString(p);
  const auto* a = find_actor(ev, "NEW_TILEMSI_SALVATION_FRONT");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->mention, "FST");
}

TEST(NewActors, NameKeepsItsOfComplementAndEndsBeforeInAPlace) {
  // "of Azawad" is part of the name; "in Kidal" is where the fighters are, not part of it.
  auto ev = code("Fighters of the Front for the Liberation of Azawad in Kidal attacked Malian soldiers near Anefis.");
  const auto* a = find_actor(ev, "NEW_FRONT_FOR_THE_LIBERATION_OF_AZAWAD");
  ASSERT_TRUE(a) << ::testing::PrintToString(parties(ev));
  EXPECT_EQ(a->name, "Front for the Liberation of Azawad");
  EXPECT_FALSE(find_actor(ev, "NEW_FRONT_FOR_THE_LIBERATION_OF_AZAWAD_IN_KIDAL"));
  // The same with a head word last.
  ev = code("The Tilemsi Liberation Front in Kidal attacked Malian soldiers near Anefis.");
  a = find_actor(ev, "NEW_TILEMSI_LIBERATION_FRONT");
  ASSERT_TRUE(a) << ::testing::PrintToString(parties(ev));
  EXPECT_EQ(a->name, "Tilemsi Liberation Front");
}

TEST(NewActors, FrenchNameCapitalisesOnlyItsFirstWord) {
  auto ev = code("Le Front de salut du Tilemsi a attaqué des soldats maliens près d'Anefis.", "fr");
  auto p = parties(ev);
  EXPECT_TRUE(has(p, "1:NEW_FRONT_DE_SALUT_DU_TILEMSI")) << ::testing::PrintToString(p);
}

TEST(NewActors, TitledPersonWithAffiliation) {
  auto ev = code("JNIM commander Abdallah Ould Hamma attacked a convoy near Gao.");
  const coding::CodedActor* a = find_actor(ev, "NEW_ABDALLAH_OULD_HAMMA");
  ASSERT_TRUE(a) << ::testing::PrintToString(parties(ev));
  EXPECT_EQ(a->name, "Abdallah Ould Hamma");
  EXPECT_EQ(a->affiliation, lex().actors()[lex().actor_index("JNIM")].name);
  EXPECT_EQ(a->sector, lex().actors()[lex().actor_index("JNIM")].sector);
}

TEST(NewActors, TitledPersonIsNamedLaterByFullNameOrSurname) {
  auto ev = code(
      "FST commander Moussa Ag Tiloua was seen near Tarkint on Friday. "
      "On Saturday Ag Tiloua attacked Malian soldiers near Tarkint. "
      "Moussa Ag Tiloua also attacked an army post near Anefis.");
  int times = 0;
  for (const auto& e : ev)
    for (const auto& a : e.actor1)
      if (a.id == "NEW_MOUSSA_AG_TILOUA") ++times;
  EXPECT_EQ(times, 2) << ::testing::PrintToString(parties(ev));
}

TEST(NewActors, NameDefinedByAPackActorsAcronymIsThatActor) {
  // An unrecorded English name of the CMA, defined by its acronym: the CMA, not a new actor.
  auto ev = code("The Coordination of Azawadi Movements (CMA) attacked Malian soldiers near Anefis.");
  auto p = parties(ev);
  EXPECT_TRUE(has(p, "1:CMA")) << ::testing::PrintToString(p);
  EXPECT_FALSE(any_new(ev)) << ::testing::PrintToString(p);
  const auto* a = find_actor(ev, "CMA");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->mention, "Coordination of Azawadi Movements");  // the name, not only its acronym
}

TEST(NewActors, GenericPhrasesAreNoNewActors) {
  for (const char* s : {"The National Army attacked rebels near Kidal.",
                        "On Monday, the Malian Armed Forces attacked jihadists near Gao.",
                        "The Group attacked soldiers near Kidal.", "Security Forces attacked a market in Gao.",
                        "Movement of troops near Kidal was followed by an attack on the town.",
                        "Fighters of the Tilemsi Salvation attacked soldiers near Gao."}) {
    auto ev = code(s);
    EXPECT_FALSE(any_new(ev)) << s << " " << ::testing::PrintToString(parties(ev));
  }
}

TEST(NameKeys, FrenchAndEnglishNamesShareAnEnglishKey) {
  const auto& w = lex().name_words();
  EXPECT_EQ(extract::english_words(w, "Front de salut du Tilemsi"),
            extract::english_words(w, "Tilemsi Salvation Front"));
  EXPECT_NE(extract::english_words(w, "Front de salut du Tilemsi"),
            extract::english_words(w, "Tilemsi Liberation Front"));
}

TEST(NameKeys, AcronymsAbbreviateInEitherOrder) {
  const auto& w = lex().name_words();
  EXPECT_TRUE(extract::abbreviates(w, "FST", "Front de salut du Tilemsi"));
  EXPECT_TRUE(extract::abbreviates(w, "FST", "Tilemsi Salvation Front"));
  EXPECT_FALSE(extract::abbreviates(w, "FSA", "Tilemsi Salvation Front"));
  EXPECT_FALSE(extract::abbreviates(w, "TS", "Tilemsi Salvation Front"));
}

TEST(NameKeys, ProvisionalIdsAndSpellingDistance) {
  EXPECT_EQ(extract::provisional_id("the Front de libération de l'Azawad"), "NEW_FRONT_DE_LIBERATION_DE_L_AZAWAD");
  EXPECT_LT(extract::edit_ratio("front salvation tilemsi", "front salvation tilemssi"), 0.1);
  EXPECT_GT(extract::edit_ratio("front salvation tilemsi", "brigade gourma"), 0.5);
}

TEST(NameWords, BadRowsNameFileAndLine) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("faultline_bad_name_words_" + std::to_string(getpid()));
  fs::create_directories(dir);
  auto refused = [&](const std::string& rows, std::size_t line, const std::string& message) {
    {
      std::ofstream f(dir / "name_words.tsv");
      f << "# comment\nword\tlang\trole\tenglish\tsector\tkind\nfront\ten\thead\t\tREB\tgroup\n" << rows;
    }
    try {
      lexicon::Lexicon::load({dir.string()});
      ADD_FAILURE() << "expected a PackError for " << rows;
    } catch (const lexicon::PackError& e) {
      EXPECT_EQ(e.line(), line) << rows;
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("name_words.tsv"), std::string::npos) << e.what();
    }
  };
  refused("brigade\ten\thead\t\tREBELS\tgroup\n", 4, "sector");
  refused("brigade\ten\tnoun\t\tREB\tgroup\n", 4, "role");
  refused("salut\tfr\tword\t\t\t\n", 4, "English equivalent");
  refused("brigade\tde\thead\t\tREB\tgroup\n", 4, "lang");
  refused("brigade\ten\thead\t\tREB\tband\n", 4, "kind");
  fs::remove_all(dir);
}
