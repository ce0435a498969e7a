// Behaviour of the coder on sentences written for these tests, with a small fixture pack
// (tests/data/packs/mini) and the bundled clause cues.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "coding/coder.h"
#include "extract/dates.h"
#include "lexicon/lexicon.h"
#include "lexicon/tsv_file.h"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = [] {
    // one folder per process: CTest runs the tests of this binary in parallel processes
    fs::path cues = fs::temp_directory_path() / ("faultline_test_cues_" + std::to_string(getpid()));
    fs::create_directories(cues);
    fs::copy_file(fs::path(FAULTLINE_PACK_DIR) / "core" / "cues.tsv", cues / "cues.tsv",
                  fs::copy_options::overwrite_existing);
    return lexicon::Lexicon::load({std::string(FAULTLINE_TEST_DATA) + "/packs/mini", cues.string()});
  }();
  return l;
}

std::vector<coding::CodedEvent> code(const std::string& text, const std::string& date = "2023-11-16") {
  coding::Document d;
  d.id = "t";
  d.text = text;
  d.date = date;
  return coding::Coder(lex()).code(d);
}

std::vector<std::string> ids(const std::vector<coding::CodedActor>& actors) {
  std::vector<std::string> out;
  for (const auto& a : actors) out.push_back(a.id);
  std::sort(out.begin(), out.end());
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST(Coder, ActiveVoiceSubjectAndObject) {
  auto ev = code("Malian soldiers attacked the MNLA in Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "ASSAULT");
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MNLA"});
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Kidal");
  EXPECT_EQ(ev[0].acled_type, "Battles");
}

TEST(Coder, PassiveVoiceSwapsRoles) {
  auto ev = code("The MNLA was attacked by Wagner mercenaries near Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"WAGNER"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MNLA"});
}

TEST(Coder, CoordinatedActorsActTogether) {
  auto ev = code("The MNLA and Ansar Dine attacked Malian troops.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), (Ids{"ANSAR_DINE", "MNLA"}));
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_MIL"});
}

TEST(Coder, ParentheticalDoesNotBecomeTheSubject) {
  auto ev = code("A delegation of the MNLA, led by Ag Ghali, met with Lavrov in Moscow.", "2012-05-01");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "CONSULT");
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"LAVROV"});
  EXPECT_EQ(ev[0].location->name, "Moscow");
}

TEST(Coder, ReportedSpeechCodesTheReportedEvent) {
  auto ev = code("The UN said that the junta accused the CMA.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "ACCUSE");
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_GOV"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CMA"});
}

TEST(Coder, NegatedDeniedModalAndConditionalSentencesYieldNothing) {
  EXPECT_TRUE(code("Malian soldiers did not attack the MNLA.").empty());
  EXPECT_TRUE(code("The junta denied the deployment of Wagner mercenaries.").empty());
  EXPECT_TRUE(code("The MNLA could attack Kidal.").empty());
  EXPECT_TRUE(code("If the MNLA attacks Gao, the army will respond.").empty());
  EXPECT_TRUE(code("Did the MNLA attack Gao?").empty());
}

TEST(Coder, InfinitiveIsNotAnEventButItsGovernorIs) {
  auto ev = code("The CMA threatened to attack Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "THREATEN");
}

TEST(Coder, PersonsActForTheirOrganisationAtTheEventDate) {
  auto before = code("In 2013, Ag Ghali attacked Malian troops.", "2013-05-01");
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].actor1[0].affiliation, "Ansar Dine");
  auto after = code("In 2019, Ag Ghali attacked Malian troops.", "2019-05-01");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].actor1[0].affiliation, "Jama'at Nasr al-Islam wal Muslimin");
}

TEST(Coder, EventDateIsTheEventsNotThePublicationDate) {
  auto ev = code("On Tuesday, Malian soldiers captured Kidal.");  // published Thursday 2023-11-16
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(extract::format_date(ev[0].date), "2023-11-14");
  ev = code("The MNLA took control of Gao in April 2012. In June, the MNLA attacked Timbuktu.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(extract::format_date(ev[0].date), "2012-04");
  EXPECT_EQ(extract::format_date(ev[1].date), "2012-06");
}

TEST(Coder, CoordinatedPlacesGiveOneEventEach) {
  auto ev = code("In 2012 the MNLA captured Timbuktu on June 28th and Gao on November 28th.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].location->name, "Timbuktu");
  EXPECT_EQ(extract::format_date(ev[0].date), "2012-06-28");
  EXPECT_EQ(ev[1].location->name, "Gao");
  EXPECT_EQ(extract::format_date(ev[1].date), "2012-11-28");
}

TEST(Coder, NominalEventsFindTheirArguments) {
  auto ev = code("Clashes between the CMA and Malian troops broke out.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"CMA"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_MIL"});
}

TEST(Coder, SourcelessNounContinuesThePreviousEvent) {
  auto ev = code("The MNLA attacked Malian troops in Kidal. Attacks on Gao followed.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ids(ev[1].actor1), Ids{"MNLA"});
  EXPECT_EQ(ev[1].location->name, "Gao");
}

TEST(Coder, FatalitiesAndParticipleClauses) {
  auto ev = code("Malian soldiers attacked the MNLA in Gao, killing 14 villagers.");
  ASSERT_GE(ev.size(), 1u);
  EXPECT_EQ(ev[0].fatalities, 14);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
}

TEST(Coder, VisitAbroadHasTheHostStateAsCounterpart) {
  auto ev = code("Lavrov visited Bamako on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_GOV"});
  EXPECT_EQ(ev[0].location->name, "Bamako");
}

TEST(Lexicon, BadPackFilesNameFileAndLine) {
  fs::path dir = fs::temp_directory_path() / "faultline_bad_pack";
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "events.tsv");
    f << "type\tmode\tcameo\tpattern\tnote\nASSAULT\t\t190\t{attack}\t\nATTACK\t\t190\t{raid}\t\n";
  }
  try {
    lexicon::Lexicon::load({dir.string()});
    FAIL() << "expected a PackError";
  } catch (const lexicon::PackError& e) {
    EXPECT_EQ(e.line(), 3u);
    EXPECT_NE(std::string(e.what()).find("unknown PLOVER type"), std::string::npos);
  }
  {
    std::ofstream f(dir / "events.tsv");
    f << "type\tpattern\nASSAULT\t{attack}\n";
  }
  EXPECT_THROW(lexicon::Lexicon::load({dir.string()}), lexicon::PackError);
  fs::remove_all(dir);
}

TEST(Coder, CitationsAreNeitherActorsNorDates) {
  auto ev = code("The MNLA attacked Gao in 2012 (Lebovich and Smith, 2019, p. 4).", "2024-03-01");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date.year, 2012);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
}

TEST(Coder, SurnameAloneIsThePersonNamedBefore) {
  auto ev = code("Alioune Tine arrived in Bamako on Monday. Tine accused the junta of abuses.");
  auto it = std::find_if(ev.begin(), ev.end(), [](const auto& e) { return e.type == "ACCUSE"; });
  ASSERT_NE(it, ev.end());
  EXPECT_EQ(ids(it->actor1), Ids{"TINE"});
  EXPECT_EQ(it->actor1[0].affiliation, "United Nations");
}

TEST(Coder, ParticipleUsedAsAdjectiveIsNoEvent) {
  auto ev = code("Wagner mercenaries visited the recently captured town of Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "CONSULT");
}

TEST(Coder, EventNounUnderAnAccusationIsItsTopic) {
  auto ev = code("The UN accused the MNLA of attacks on civilians.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "ACCUSE");
  EXPECT_EQ(ids(ev[0].actor1), Ids{"UN"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MNLA"});
}

TEST(Coder, MutualActSplitsItsParties) {
  auto ev = code("The MNLA and the CMA signed an agreement in Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].type, "AGREE");
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CMA"});
}

TEST(Coder, FirstPersonInAQuoteIsTheSpeaker) {
  auto ev = code("\xE2\x80\x9CWe attacked the Malian army in Gao,\xE2\x80\x9D the MNLA said.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_MIL"});
}

TEST(Coder, PossessiveBeforeAThingIsNoActor) {
  auto ev = code("Wagner mercenaries attacked their old base in Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"WAGNER"});
  EXPECT_TRUE(ev[0].actor2.empty());
}

TEST(Coder, GroupNounFindsTheActorItNames) {
  auto ev = code("The Coordination of Azawad Movements met with the MNLA in Kidal. Later, the coalition attacked Gao.");
  auto it = std::find_if(ev.begin(), ev.end(), [](const auto& e) { return e.type == "ASSAULT"; });
  ASSERT_NE(it, ev.end());
  EXPECT_EQ(ids(it->actor1), Ids{"CMA"});
}

TEST(Coder, MostProminentPlaceOfAName) {
  auto ev = code("The MNLA attacked Gao.");
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->country, "MLI");
  EXPECT_EQ(ev[0].location->admin1, "Gao");
}

TEST(Coder, DatesNamingThingsOrPlansDoNotMoveTheStory) {
  auto ev = code(
      "On March 3, the MNLA attacked Gao to derail the July 28, 2013 election. The junta planned talks for "
      "2031. On March 9, Wagner mercenaries attacked Kidal.",
      "2013-04-01");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].date.year, 2013);
  EXPECT_EQ(ev[0].date.month, 3);
  EXPECT_EQ(ev[1].date.year, 2013);
  EXPECT_EQ(ev[1].date.month, 3);
  EXPECT_EQ(ev[1].date.day, 9);
}

TEST(Coder, DemonymsOfAListShareTheirNoun) {
  auto ev = code("Malian and French soldiers attacked Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), (Ids{"FRA_MIL", "MLI_MIL"}));
}

TEST(Coder, AStatedObligationIsTheSpeakersDemand) {
  for (const char* text : {"Algeria said on Monday that Mali must release the prisoners.",
                           "Mali must release the prisoners, Algeria said."}) {
    auto ev = code(text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(ev[0].type, "REQUEST");
    EXPECT_EQ(ids(ev[0].actor1), Ids{"DZA_GOV"}) << text;
    EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_GOV"}) << text;
  }
}

TEST(Coder, APlaceNamesakeInTheDocumentsCountryWins) {
  // Alone, the more populous Lere (Nigeria) is taken; in a report about Mali, Léré in Mali.
  auto alone = code("Soldiers captured Léré.");
  ASSERT_EQ(alone.size(), 1u);
  ASSERT_TRUE(alone[0].location);
  EXPECT_EQ(alone[0].location->country, "NGA");
  auto ev = code("Malian soldiers attacked the MNLA in Kidal. The Malian army withdrew from Gao. The MNLA captured Léré.");
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev.back().location);
  EXPECT_EQ(ev.back().location->country, "MLI");
  EXPECT_EQ(ev.back().location->admin1, "Timbuktu");
}

TEST(Coder, APlaceCalledByItsOwnNameBeatsAForeignSpellingOfAnother) {
  // The gazetteer lists "Kita" among Quito's foreign spellings; the Malian town of that name wins
  // although Quito is a capital of millions, and Quito's own name still finds Quito.
  auto ev = code("The MNLA attacked Kita.");
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Kita");
  EXPECT_EQ(ev[0].location->country, "MLI");
  auto quito = code("The MNLA attacked Quito.");
  ASSERT_EQ(quito.size(), 1u);
  ASSERT_TRUE(quito[0].location);
  EXPECT_EQ(quito[0].location->country, "ECU");
  auto kito = code("The MNLA attacked Kito.");  // only Quito is called so: the spelling still finds it
  ASSERT_EQ(kito.size(), 1u);
  ASSERT_TRUE(kito[0].location);
  EXPECT_EQ(kito[0].location->name, "Quito");
}

TEST(Coder, APlaceAfterTheSameActGoesOnIsTheActsPlace) {
  // An infinitive of purpose and a noun of the same act in a circumstance phrase do not end the
  // clause: the place after them is where the main verb's act happened.
  auto purpose = code("Malian soldiers attacked the MNLA on Monday to capture Kidal.");
  ASSERT_FALSE(purpose.empty());
  ASSERT_TRUE(purpose[0].location);
  EXPECT_EQ(purpose[0].location->name, "Kidal");
  auto fighting = code("The MNLA killed ten soldiers in clashes near Gao.");
  ASSERT_FALSE(fighting.empty());
  for (const auto& e : fighting) {
    ASSERT_TRUE(e.location) << e.evidence;
    EXPECT_EQ(e.location->name, "Gao");
  }
  // A later act of another type keeps its own place: the attack was not in Gao.
  auto other = code("The MNLA attacked Kidal and signed a peace agreement in Gao.");
  ASSERT_FALSE(other.empty());
  ASSERT_TRUE(other[0].location);
  EXPECT_EQ(other[0].location->name, "Kidal");
}

TEST(Coder, AStatementTakesNoPlaceFromTheStoryItAnswers) {
  // A later attack without a place is placed where the story is; an accusation about it is not
  // made there.
  auto ev = code("The MNLA attacked Kidal on Monday. The MNLA also attacked Malian soldiers. Algeria accused the MNLA.");
  ASSERT_EQ(ev.size(), 3u);
  ASSERT_TRUE(ev[1].location);
  EXPECT_EQ(ev[1].location->name, "Kidal");
  EXPECT_TRUE(ev[1].location->inferred);
  EXPECT_EQ(ev[2].type, "ACCUSE");
  EXPECT_FALSE(ev[2].location) << ev[2].location->name;
}

TEST(Coder, ARegionGoesByItsOwnName) {
  auto ev = code("Malian soldiers attacked the MNLA in the Kidal region.");
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Kidal");
  EXPECT_EQ(ev[0].location->admin1, "Kidal");
  EXPECT_NEAR(ev[0].location->lat, 19.4, 1e-6);
}

// Whoever reports or hears of an act is no party to it: "X said", "according to X", "told X".
TEST(Coder, SpeechSourcesAndAddresseesAreNoParties) {
  auto ev = code("Malian soldiers attacked a village near Gao, the UN said.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
  EXPECT_TRUE(ev[0].actor2.empty());

  ev = code("The CMA told the UN that Kidal had been attacked by Malian soldiers.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
  EXPECT_TRUE(ev[0].actor2.empty());

  ev = code("The UN said the attack killed 14 villagers in Gao.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_TRUE(ids(e.actor1).empty()) << e.pattern;

  // What a speaker says of its own men is about itself.
  ev = code("The CMA said its men were attacked by Malian soldiers.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CMA"});
}

// "N were killed in clashes with X", "N died in clashes with X": X fought them; one event.
TEST(Coder, CasualtiesOfFightingWithAPartyAreItsTarget) {
  auto ev = code("Twelve Malian soldiers were killed in clashes with the MNLA near Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_MIL"});
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Kidal");

  ev = code("Twelve Malian soldiers died in clashes with the MNLA.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_MIL"});
}

// "X killed Y in an attack on Z": the attack is X's, not Y's.
TEST(Coder, NounInACircumstancePhraseIsTheVerbAgentsAct) {
  auto ev = code("Malian soldiers killed nine villagers in an attack on Kidal.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_EQ(ids(e.actor1), Ids{"MLI_MIL"});
}

// "near the border with Algeria" describes a place; Algeria is no party.
TEST(Coder, CountryInAPlaceDescriptionIsNoParty) {
  for (const char* text : {"The MNLA attacked a camp near the border with Algeria.",
                           "The MNLA attacked a camp near the borders with Algeria and Nigeria."}) {
    auto ev = code(text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"}) << text;
    EXPECT_TRUE(ev[0].actor2.empty()) << text;
  }
}

// "N were killed when X attacked …": one act told twice, one event with the place of either.
TEST(Coder, ACasualtyClauseAndTheAttackAreOneEvent) {
  auto ev = code("Fourteen villagers were killed when Malian soldiers attacked a market in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CIVILIANS"});
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Gao");
  EXPECT_EQ(ev[0].fatalities, 14);
}

// Offsets count from the story's date: "one day after <act>", "two days later", "the previous
// day", "three days ago" (from publication, Thursday 2023-11-16).
TEST(Coder, RelativeOffsetsCountFromTheStorysDate) {
  auto date_at = [](const std::vector<coding::CodedEvent>& ev, const char* place) {
    for (const auto& e : ev)
      if (e.location && e.location->name == place) return extract::format_date(e.date);
    return std::string("none");
  };
  auto ev = code("The MNLA attacked Gao on Saturday, one day after attacking Kidal.");
  EXPECT_EQ(date_at(ev, "Gao"), "2023-11-11");
  EXPECT_EQ(date_at(ev, "Kidal"), "2023-11-10");
  ev = code("The MNLA attacked Gao on Saturday. Two days later, Ansar Dine attacked Kidal.");
  EXPECT_EQ(date_at(ev, "Kidal"), "2023-11-13");
  ev = code("The MNLA attacked Gao on Saturday. The previous day, Ansar Dine attacked Kidal.");
  EXPECT_EQ(date_at(ev, "Kidal"), "2023-11-10");
  ev = code("The MNLA attacked Kidal three days ago.");
  EXPECT_EQ(date_at(ev, "Kidal"), "2023-11-13");
}

// A bare state agent belongs to the country where the act happened, not to the document's
// main country.
TEST(Coder, BareStateAgentTakesTheCountryOfTheEventsPlace) {
  auto ev = code("The MNLA attacked Malian soldiers in Kidal. Soldiers attacked Ansar Dine in Nigeria.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ids(ev[1].actor1), Ids{"NGA_MIL"});
  ev = code("The MNLA attacked Malian soldiers in Kidal. Soldiers attacked Ansar Dine near Gao.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ids(ev[1].actor1), Ids{"MLI_MIL"});
}

// With no place, the one country the sentence names.
TEST(Coder, BareStateAgentTakesTheOneCountryTheSentenceNames) {
  auto ev = code(
      "The MNLA attacked Malian soldiers in Kidal. The Algerian government said soldiers attacked Ansar Dine.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ids(ev[1].actor1), Ids{"DZA_MIL"});
}

// "rebels of the CMA" names the CMA; "the rebels" right after the CMA was named is the CMA,
// unless the CMA is the other party.
TEST(Coder, GenericRebelsAreTheGroupJustNamed) {
  auto ev = code("Rebels of the CMA attacked Malian soldiers in Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"CMA"});
  ev = code("The CMA attacked Malian soldiers in Kidal. The rebels then attacked Gao.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ids(ev[1].actor1), Ids{"CMA"});
  ev = code("The CMA attacked Malian soldiers in Kidal. Malian soldiers attacked the rebels in Gao.");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ids(ev[1].actor2), Ids{"CMA"});
  ev = code("The CMA attacked the rebels in Kidal.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor2), Ids{"REBELS"});
}

// "After the attack on Gao, the MNLA …": the subject of the next clause is no object of the noun.
TEST(Coder, SubjectOfTheNextClauseIsNoObject) {
  auto ev = code("After an attack on Gao, the MNLA attacked Malian soldiers in Kidal.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) {
    auto targets = ids(e.actor2);
    EXPECT_EQ(std::count(targets.begin(), targets.end(), "MNLA"), 0) << e.pattern;
  }
}

// "killed twelve people": dead named only as people are civilians.
TEST(Coder, UndescribedDeadAreCivilians) {
  auto ev = code("The MNLA killed twelve people near Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CIVILIANS"});
  ev = code("Twelve people were killed by the MNLA near Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CIVILIANS"});
}

// A quoted participle after "be" is still passive: were "killed" by X.
TEST(Coder, QuotedParticipleIsStillPassive) {
  auto ev = code("Thirty villagers were \"killed\" by Malian soldiers near Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_MIL"});
  EXPECT_EQ(ids(ev[0].actor2), Ids{"CIVILIANS"});
}

// "the separatists" after the CMA was named in the same sentence is the CMA.
TEST(Coder, DefiniteGenericGroupIsTheGroupNamedBeforeIt) {
  auto ev = code("The CMA attacked Malian soldiers in Kidal, in clashes between the separatists and the army.");
  ASSERT_FALSE(ev.empty());
  for (const auto& e : ev) EXPECT_EQ(ids(e.actor1), Ids{"CMA"}) << e.pattern;
}

// "junta" is an alias of Mali's government; "Algeria's junta" is Algeria's.
TEST(Coder, StateAliasWithAnotherCountryNamesThatCountrysInstitution) {
  auto ev = code("Algeria's junta accused the MNLA.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"DZA_GOV"});
  ev = code("Mali's junta accused the MNLA.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MLI_GOV"});
}

// "jointly with Z", before the verb or after the object: Z acts with the subject.
TEST(Coder, CompanionJoinedJointlyActsWithTheSubject) {
  for (const char* text : {"Malian troops, jointly with Wagner mercenaries, attacked the MNLA.",
                           "Malian troops attacked the MNLA jointly with Wagner mercenaries."}) {
    auto ev = code(text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(ids(ev[0].actor1), (Ids{"MLI_MIL", "WAGNER"})) << text;
    EXPECT_EQ(ids(ev[0].actor2), Ids{"MNLA"}) << text;
  }
}

// A wire dateline says where the story was filed: the capital is not its government acting, and
// its city is the place of an opening sentence that names none. Capitals and a dash before a
// name that is no place are no dateline.
TEST(Coder, DatelineIsNeitherActorNorNamedPlace) {
  auto ev = code("BAMAKO — The MNLA attacked an army convoy near the airport on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Bamako");
  EXPECT_TRUE(ev[0].location->inferred);

  ev = code("Kidal (AFP) - The MNLA attacked an army convoy on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Kidal");

  ev = code("GAO, Nov 13 (Reuters) - The MNLA attacked Timbuktu on Monday.");  // the sentence's own place wins
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Timbuktu");

  ev = code("MNLA — the Tuareg movement — attacked Gao on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"});
}

// "Sokolo, in the Mopti region": the region says which Sokolo and where; it is no second place.
TEST(Coder, RegionSetOffAfterAPlaceSituatesIt) {
  auto ev = code("The MNLA attacked Sokolo, in the Mopti region, on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Sokolo");
  EXPECT_EQ(ev[0].location->admin1, "Mopti");

  ev = code("The MNLA attacked Sokolo, dans la région de Mopti, on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].location->admin1, "Mopti");

  ev = code("The MNLA attacked Kidal, in northern Mali, on Monday.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].location->name, "Kidal");

  ev = code("The MNLA attacked Sokolo on Monday.");  // alone: the most prominent namesake
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].location->admin1, "Ségou");
}

// "in northeastern Mali", "in the north-east of Mali": a country after a compass word or a place
// noun is a place, not its government taking part.
TEST(Coder, CountryAfterACompassWordIsAPlace) {
  for (const char* text : {"The MNLA attacked a convoy in northeastern Mali, the army said.",
                           "The MNLA attacked a convoy in the north-east of Mali, the army said."}) {
    auto ev = code(text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(ids(ev[0].actor1), Ids{"MNLA"}) << text;
    EXPECT_EQ(ids(ev[0].actor2), Ids{}) << text;
    ASSERT_TRUE(ev[0].location) << text;
    EXPECT_EQ(ev[0].location->country, "MLI") << text;
  }
}

// "the Russians" stand for Russia's state; "two Russians", "dozens of Malians" are people.
TEST(Coder, CountedPeopleOfACountryAreCivilians) {
  auto ev = code("The MNLA killed two Russians in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor2), Ids{"RUS_CVL"});
  ev = code("The MNLA killed dozens of Malians in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor2), Ids{"MLI_CVL"});
  ev = code("The Russians attacked the MNLA in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), Ids{"RUS_GOV"});
}

// A place name followed by another capitalised word that is no name, date or place noun is part
// of a longer name ("Kita Traoré" is a person): no place. "Gao Sunday", "Gao Airport" stay Gao.
TEST(Coder, PlaceNameInsideALongerNameIsNoPlace) {
  auto ev = code("The MNLA attacked journalist Kita Traoré in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].location);
  EXPECT_EQ(ev[0].location->name, "Gao");
  for (const char* text : {"The MNLA attacked Gao Sunday.", "The MNLA attacked Gao Airport."}) {
    ev = code(text);
    ASSERT_EQ(ev.size(), 1u) << text;
    ASSERT_TRUE(ev[0].location) << text;
    EXPECT_EQ(ev[0].location->name, "Gao") << text;
  }
}

// One person killed, named by a singular noun, is a toll of one; not when others die with them.
TEST(Coder, OnePersonKilledIsATollOfOne) {
  for (const char* text : {"The MNLA killed a Malian soldier in Gao.", "The MNLA killed the army's commander in Gao.",
                           "A soldier was killed by the MNLA in Gao."}) {
    auto ev = code(text);
    ASSERT_EQ(ev.size(), 1u) << text;
    EXPECT_EQ(ev[0].fatalities, std::optional<int64_t>(1)) << text;
  }
  auto ev = code("The MNLA killed a soldier and two civilians in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_NE(ev[0].fatalities, std::optional<int64_t>(1));
  ev = code("The MNLA attacked a soldier in Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_FALSE(ev[0].fatalities);
}

// A count over a period sums many acts: no event (its toll would be counted again in every total).
TEST(Coder, ACountOverAPeriodIsNoEvent) {
  for (const char* text :
       {"The MNLA has killed 200 soldiers in Gao since 2012.", "Since 2012 the MNLA has attacked Gao many times.",
        "The MNLA killed 300 soldiers in Gao between 2012 and 2015."})
    EXPECT_TRUE(code(text).empty()) << text;
  auto ev = code("The MNLA attacked Gao on 12 March 2014, its first attack on the town since 2012.");
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(extract::format_date(ev[0].date), "2014-03-12");
  EXPECT_EQ(code("The MNLA attacked Gao, the army said.").size(), 1u);
}

// "this attack", "cette attaque": an event noun after a demonstrative names an act already told.
TEST(Coder, EventNounAfterADemonstrativeIsNoNewEvent) {
  auto ev = code("The MNLA attacked Gao on Monday. The army said this attack on Gao was the worst in years.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].sentence, 0u);
  ev = code("The MNLA attacked Gao on Monday. The army said the attack on Kidal was the worst in years.");
  EXPECT_EQ(ev.size(), 2u);  // a definite article names no earlier act: a second attack
}

// "fighters of the MNLA": some of a group's people named by a noun and "of" are the group acting,
// coordinated like any actor.
TEST(Coder, MembersOfANamedGroupAreTheGroup) {
  auto ev = code("Malian troops and fighters of the MNLA attacked Gao.");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ids(ev[0].actor1), (Ids{"MLI_MIL", "MNLA"}));
}
