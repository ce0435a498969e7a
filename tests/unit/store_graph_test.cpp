// The temporal graph: control intervals from seeds and events, relations, memberships, and the
// control.tsv loader's checks.
#include <gtest/gtest.h>

#include <set>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "bundled_packs.h"
#include "graph/anachronisms.h"
#include "graph/builder.h"
#include "graph/relation_evidence.h"
#include "graph/relation_weights.h"
#include "lexicon/tsv_file.h"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

lexicon::PartialDate date(const std::string& s) { return *lexicon::parse_partial_date(s); }

store::Actor armed(const std::string& id) { return store::Actor{id, id, id, "", "", "MLI", "REB"}; }

store::Event event(const std::string& id, const std::string& type, const std::string& mode, const std::string& when,
                   std::vector<store::Actor> a1, std::vector<store::Actor> a2, const std::string& place) {
  store::Event e;
  e.id = id;
  e.data.type = type;
  e.data.mode = mode;
  e.data.date = date(when);
  e.data.actor1 = std::move(a1);
  e.data.actor2 = std::move(a2);
  if (!place.empty()) {
    coding::CodedLocation l;
    l.name = place;
    e.data.location = l;
  }
  return e;
}

graph::PackFacts kidal_facts() {
  graph::PackFacts f;
  for (const char* id : {"MNLA", "ANSAR_DINE", "CMA", "MLI_MIL", "GATIA", "MUJAO"})
    f.actors.push_back(lexicon::Actor{id, id, "group", "MLI", "REB", {}});
  f.memberships.push_back(graph::PackMembership{"MNLA", "CMA", date("2014-06-09"), {}, ""});
  f.control.push_back(graph::ControlSeed{"Kidal", {"ANSAR_DINE"}, date("2012-06"), date("2013-01"), ""});
  f.control.push_back(graph::ControlSeed{"Kidal", {"CMA"}, date("2014-06-09"), date("2023-11-14"), ""});
  f.control.push_back(graph::ControlSeed{"Kidal", {"MLI_MIL"}, date("2023-11-14"), {}, ""});
  return f;
}

std::string holder_at(const std::vector<graph::ControlInterval>& ivs, const std::string& when) {
  int k = date(when).first_key();
  const graph::ControlInterval* best = nullptr;
  for (const auto& iv : ivs) {
    int from = iv.from.known() ? iv.from.first_key() : 0;
    int to = iv.to_open || !iv.to.known() ? 99991231 : iv.to.last_key();
    if (iv.status != "contested" && from <= k && k <= to && (!best || from >= (best->from.known() ? best->from.first_key() : 0)))
      best = &iv;
  }
  if (!best) return "-";
  std::string out;
  for (const auto& h : best->holders) out += (out.empty() ? "" : "|") + h;
  return out.empty() ? "?" : out;
}

}  // namespace

TEST(StoreGraph, ControlFollowsSeedsAndTextChanges) {
  auto facts = kidal_facts();
  graph::GraphBuilder b(facts);
  // A member of the seed's holder confirms it; someone else's claim inside a seed is contested.
  b.add(event("e1", "ASSAULT", "occupy", "2015-03-01", {armed("MNLA")}, {}, "Kidal"));
  b.add(event("e2", "ASSAULT", "occupy", "2016-01-01", {armed("GATIA")}, {}, "Kidal"));
  // Outside seeds the text alone decides: captured, handed over, withdrawn.
  b.add(event("e3", "ASSAULT", "occupy", "2013-05-01", {armed("MNLA")}, {}, "Kidal"));
  b.add(event("e4", "ASSAULT", "occupy", "2012-04-01", {armed("MNLA")}, {}, "Gao"));
  b.add(event("e5", "RETREAT", "withdraw", "2012-06-27", {armed("MNLA")}, {armed("MUJAO")}, "Gao"));
  b.add(event("e6", "RETREAT", "withdraw", "2013-01-26", {armed("MUJAO")}, {}, "Gao"));
  // Unarmed actors never hold a place.
  store::Actor crowd{"PROTESTERS", "Protesters", "", "", "", "", "CVL"};
  b.add(event("e7", "ASSAULT", "occupy", "2013-03-01", {crowd}, {}, "Gao"));
  auto g = b.finish();

  std::vector<graph::ControlInterval> kidal, gao;
  for (const auto& iv : g.control) (iv.place_key == "kidal" ? kidal : gao).push_back(iv);
  EXPECT_EQ(holder_at(kidal, "2013-01-01"), "ANSAR_DINE");
  EXPECT_EQ(holder_at(kidal, "2013-06-01"), "MNLA");  // from the text, until the next seed
  EXPECT_EQ(holder_at(kidal, "2015-06-01"), "CMA");
  EXPECT_EQ(holder_at(kidal, "2016-06-01"), "CMA");
  EXPECT_EQ(holder_at(kidal, "2023-12-01"), "MLI_MIL");
  EXPECT_EQ(holder_at(kidal, "2011-01-01"), "-");
  bool confirmed = false, contested = false;
  for (const auto& iv : kidal) {
    for (const auto& e : iv.evidence) {
      if (e.event == "e1") confirmed = iv.source == "pack";
      if (e.event == "e2") contested = iv.status == "contested";
    }
    if (iv.source == "text" && iv.status != "contested") {
      EXPECT_EQ(iv.status, "claimed");  // one report each
      ASSERT_TRUE(iv.to.known());
      EXPECT_EQ(iv.to.first_key(), 20140501);  // 12 months after its report, before the next pack fact
    }
  }
  EXPECT_TRUE(confirmed);
  EXPECT_TRUE(contested);

  EXPECT_EQ(holder_at(gao, "2012-05-01"), "MNLA");
  EXPECT_EQ(holder_at(gao, "2012-08-01"), "MUJAO");
  EXPECT_EQ(holder_at(gao, "2013-02-01"), "?");  // MUJAO left, nobody named took over
  EXPECT_EQ(holder_at(gao, "2013-04-01"), "?");
}

// Control from text needs a named holder, the town named in the sentence, a day or month, and two
// reports to be "held"; it ends a horizon after its last report.
TEST(StoreGraph, ControlFromTextNeedsSoundEvidence) {
  auto facts = kidal_facts();
  graph::GraphBuilder b(facts);
  auto twice = event("t1", "ASSAULT", "occupy", "2012-03-11", {armed("MNLA")}, {}, "Tessalit");
  twice.reports = {1, 2};  // two reports of the capture
  b.add(twice);
  store::Actor gunmen{"GUNMEN", "Unidentified Armed Group", "gunmen", "", "", "", "INS"};
  b.add(event("g1", "ASSAULT", "occupy", "2013-02-10", {gunmen}, {}, "Gao"));  // nobody can be named
  auto carried = event("b1", "ASSAULT", "occupy", "2014-05-02", {armed("MNLA")}, {}, "Timbuktu");
  carried.data.location->inferred = true;  // "captured the camp": the town is an earlier sentence's
  b.add(carried);
  b.add(event("y1", "ASSAULT", "occupy", "2016", {armed("GATIA")}, {}, "Menaka"));  // a year: background
  b.add(event("m1", "ASSAULT", "occupy", "2016-02", {armed("GATIA")}, {}, "Anefis"));
  // The army retook the town from the CSP; another report of that day has the CSP taking it.
  b.add(event("d1", "ASSAULT", "retake", "2023-12-20", {armed("MLI_MIL")}, {armed("CMA")}, "Aguelhok"));
  b.add(event("d2", "ASSAULT", "occupy", "2023-12-20", {armed("CMA")}, {}, "Aguelhok"));
  auto g = b.finish();
  std::map<std::string, std::vector<graph::ControlInterval>> by_place;
  for (const auto& iv : g.control) by_place[iv.place_key].push_back(iv);
  EXPECT_FALSE(by_place.count("gao"));
  EXPECT_FALSE(by_place.count("timbuktu"));
  EXPECT_FALSE(by_place.count("menaka"));
  ASSERT_EQ(by_place["tessalit"].size(), 1u);
  const auto& t = by_place["tessalit"][0];
  EXPECT_EQ(t.status, "held");
  EXPECT_EQ(holder_at(by_place["tessalit"], "2012-12-01"), "MNLA");
  EXPECT_EQ(holder_at(by_place["tessalit"], "2015-01-01"), "-");  // not "MNLA 2012–2023"
  ASSERT_FALSE(t.to_open);
  EXPECT_EQ(t.to.first_key(), 20130311);
  EXPECT_NE(t.note.find("no report after 2012-03"), std::string::npos) << t.note;
  ASSERT_EQ(by_place["aguelhok"].size(), 1u);
  EXPECT_EQ(by_place["aguelhok"][0].status, "contested");  // not "held jointly by the army and the CSP"
  EXPECT_EQ(holder_at(by_place["aguelhok"], "2023-12-20"), "-");
  ASSERT_EQ(by_place["anefis"].size(), 1u);
  EXPECT_EQ(by_place["anefis"][0].status, "claimed");
  EXPECT_EQ(by_place["anefis"][0].to.first_key(), 20170201);
}

TEST(StoreGraph, AStoryToldLongAfterTheFactOpensNoControl) {
  auto facts = kidal_facts();
  graph::GraphBuilder b(facts);
  // Reported the week it happened: a claim.
  auto fresh = event("f1", "ASSAULT", "occupy", "2012-03-11", {armed("MNLA")}, {}, "Tessalit");
  fresh.published = date("2012-03-14");
  b.add(fresh);
  // The same kind of sentence in a brief written years later ("the MNLA, which took Ber in March
  // 2012, …"): background, no interval; nor one first published four months after.
  auto told = event("r1", "ASSAULT", "occupy", "2012-03", {armed("MNLA")}, {}, "Ber");
  told.published = date("2024-05-02");
  b.add(told);
  auto late = event("r2", "ASSAULT", "occupy", "2016-02-10", {armed("GATIA")}, {}, "Anefis");
  late.published = date("2016-06-11");
  b.add(late);
  // Three months to the day is still news.
  auto edge = event("e1", "ASSAULT", "occupy", "2016-02-10", {armed("GATIA")}, {}, "Tabankort");
  edge.published = date("2016-05-10");
  b.add(edge);
  auto g = b.finish();
  std::set<std::string> places;
  for (const auto& iv : g.control) places.insert(iv.place_key);
  EXPECT_TRUE(places.count("tessalit"));
  EXPECT_FALSE(places.count("ber"));
  EXPECT_FALSE(places.count("anefis"));
  EXPECT_TRUE(places.count("tabankort"));
}

TEST(StoreGraph, RelationsWeighCooperationAgainstConflict) {
  graph::PackFacts facts;
  graph::GraphBuilder b(facts);
  b.add(event("e1", "ASSAULT", "", "2012-06-27", {armed("MUJAO")}, {armed("MNLA")}, ""));
  b.add(event("e2", "AGREE", "", "2012-05-26", {armed("MNLA"), armed("ANSAR_DINE")}, {}, ""));
  b.add(event("e3", "ASSAULT", "", "2012-03-01", {armed("MNLA"), armed("ANSAR_DINE")}, {armed("MLI_MIL")}, ""));
  auto g = b.finish();
  std::map<std::string, graph::RelationCell> by_pair;
  for (const auto& c : g.relations) {
    auto& sum = by_pair[c.a + "-" + c.b];
    sum.cooperative += c.cooperative;
    sum.conflictual += c.conflictual;
  }
  auto kind = [&](const std::string& a, const std::string& b) {
    const auto& c = by_pair[a + "-" + b];
    return graph::relation_kind(a, b, c.cooperative, c.conflictual, 2);
  };
  EXPECT_EQ(kind("MNLA", "MUJAO"), "enemy");
  EXPECT_EQ(kind("ANSAR_DINE", "MNLA"), "ally");
  EXPECT_EQ(kind("MLI_MIL", "MNLA"), "enemy");
  EXPECT_EQ(graph::relation_kind("A", "B", 1, 1, 2), "mixed");
  // One event is no alliance and no war; a state's government and army are not enemies on text.
  EXPECT_EQ(graph::relation_kind("MNLA", "TGO_GOV", 3, 0, 1), "uncertain");
  EXPECT_EQ(graph::relation_kind("MLI_GOV", "MLI_MIL", 0, 8, 2), "uncertain");
  EXPECT_EQ(graph::relation_kind("MLI_MIL", "NER_MIL", 0, 8, 2), "enemy");
  EXPECT_EQ(graph::relation_kind("MLI_GOV", "MLI_MIL", 8, 0, 2), "ally");
  EXPECT_EQ(graph::relation_weight("MOBILIZE", "troops").tone, graph::Tone::Neutral);
  // Cells are by month.
  for (const auto& c : g.relations) EXPECT_GT(c.month, 0);
}

TEST(StoreGraph, MergeEventsAddAndDateMemberships) {
  graph::PackFacts facts;
  for (const char* id : {"KATIBA_MACINA", "JNIM", "MDP", "PLATEFORME"})
    facts.actors.push_back(lexicon::Actor{id, id, "group", "MLI", "INS", {}});
  facts.actors.push_back(lexicon::Actor{"IYAD", "Iyad", "person", "MLI", "INS", {}});
  facts.memberships.push_back(graph::PackMembership{"MDP", "PLATEFORME", {}, {}, "dates unknown"});
  graph::GraphBuilder b(facts);
  auto joined = event("e1", "AGREE", "merge", "2017-03-02", {armed("KATIBA_MACINA")}, {armed("JNIM")}, "");
  joined.reports = {1, 2};  // a membership the packs do not know needs two reports
  b.add(joined);
  b.add(event("e2", "AGREE", "merge", "2016-02-01", {armed("MDP")}, {armed("PLATEFORME")}, ""));
  b.add(event("e3", "AGREE", "merge", "2017-03-02", {armed("IYAD")}, {armed("JNIM")}, ""));  // a person: not a membership
  auto g = b.finish();
  ASSERT_EQ(g.memberships.size(), 2u);
  EXPECT_EQ(g.memberships[0].member, "MDP");
  EXPECT_EQ(g.memberships[0].source, "pack+text");
  EXPECT_EQ(g.memberships[0].from.first_key(), 20160201);
  EXPECT_EQ(g.memberships[1].member, "KATIBA_MACINA");
  EXPECT_EQ(g.memberships[1].source, "text");
  EXPECT_EQ(g.memberships[1].evidence, std::vector<std::string>{"e1"});
  auto w = graph::window_of(date("2018"));
  EXPECT_EQ(graph::groups_of(g.memberships, "KATIBA_MACINA", w), std::vector<std::string>{"JNIM"});
  EXPECT_EQ(graph::members_of(g.memberships, "JNIM", graph::window_of(date("2016"))), std::vector<std::string>{});
}

// "The groups of the CMA merged into one, the government said": no group becomes a member of a
// government or an army, and one report does not make a membership the packs do not know.
TEST(StoreGraph, MembershipsFromTextNeedAGroupThatHasMembersAndTwoReports) {
  graph::PackFacts facts;
  for (const char* id : {"MNLA", "HCUA", "CMA", "FLA"})
    facts.actors.push_back(lexicon::Actor{id, id, "group", "MLI", "REB", {}});
  facts.actors.push_back(lexicon::Actor{"MLI_GOV", "Government of Mali", "government", "MLI", "GOV", {}});
  graph::GraphBuilder b(facts);
  auto merged = event("e1", "AGREE", "merge", "2023-02-08", {armed("MNLA"), armed("HCUA"), armed("CMA")},
                      {store::Actor{"MLI_GOV", "Government of Mali", "the government", "", "", "MLI", "GOV"}}, "");
  merged.reports = {1, 2, 3};
  b.add(merged);
  b.add(event("e2", "AGREE", "merge", "2024-11-30", {armed("CMA")}, {armed("FLA")}, ""));  // once
  auto g = b.finish();
  EXPECT_TRUE(g.memberships.empty()) << g.memberships.size() << " " << g.memberships[0].member << " in "
                                     << g.memberships[0].group;
}

TEST(StoreGraph, ControlFileErrorsNameTheLine) {
  auto lex = lexicon::Lexicon::load(test_support::bundled_pack_dirs());
  fs::path p = fs::temp_directory_path() / ("faultline_control_" + std::to_string(::getpid()) + ".tsv");
  auto expect_error = [&](const std::string& row, const std::string& message) {
    std::ofstream(p) << "# comment\nplace\tholders\tfrom\tto\tnote\nKidal\tCMA\t2014-06-09\t\tfine\n" << row << "\n";
    try {
      graph::load_control_seeds(p.string(), lex);
      ADD_FAILURE() << "no error for: " << row;
    } catch (const lexicon::PackError& e) {
      EXPECT_EQ(e.line(), 4u) << e.what();
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  };
  expect_error("Qxzzyville\tCMA\t2014\t\t", "unknown place");
  expect_error("Kidal\tNOBODY\t2014\t\t", "unknown holder id 'NOBODY'");
  expect_error("Kidal\t\t2014\t\t", "no holders");
  expect_error("Kidal\tCMA\t2014-13\t\t", "bad from date");
  expect_error("Kidal\tCMA\t2015\t2014\t", "'to' is before 'from'");
  expect_error("Kidal\tCMA\t\t\t", "at least one of");
  expect_error("Kidal\tCMA\t2014", "expected 5");
  fs::remove(p);

  // The bundled facts load and hold the Kidal timeline.
  auto facts = graph::load_pack_facts(lex, {std::string(FAULTLINE_PACK_DIR) + "/sahel"});
  EXPECT_GE(facts.control.size(), 6u);
  EXPECT_FALSE(facts.memberships.empty());
}

// validity.tsv: when an actor existed. A pack folder with a bad row fails with its line.
TEST(StoreGraph, ValidityFileErrorsNameTheLine) {
  auto lex = lexicon::Lexicon::load(test_support::bundled_pack_dirs());
  fs::path dir = fs::temp_directory_path() / ("faultline_validity_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto expect_error = [&](const std::string& row, const std::string& message) {
    std::ofstream(dir / "validity.tsv") << "# comment\nactor\tfrom\tto\tnote\nJNIM\t2017-03-02\t\tfine\n" << row << "\n";
    try {
      graph::load_pack_facts(lex, {dir.string()});
      ADD_FAILURE() << "no error for: " << row;
    } catch (const lexicon::PackError& e) {
      EXPECT_EQ(e.line(), 4u) << e.what();
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  };
  expect_error("NOBODY\t2014\t\t", "unknown actor id 'NOBODY'");
  expect_error("CMA\t2014-02-30\t\t", "bad from date");
  expect_error("CMA\t2015\t2014\t", "'to' is before 'from'");
  expect_error("CMA\t\t\t", "at least one of");
  fs::remove_all(dir);
  auto facts = graph::load_pack_facts(lex, {std::string(FAULTLINE_PACK_DIR) + "/sahel"});
  EXPECT_GE(facts.validity.size(), 10u);
}

// "In 2012, Wagner fighters ..." in a background sentence: Wagner was founded in 2014. The event is
// an anachronism and says nothing in the graph; the same event in 2022 does.
TEST(StoreGraph, AnachronismsStayOutOfTheGraph) {
  auto facts = kidal_facts();
  facts.actors.push_back(lexicon::Actor{"WAGNER", "Wagner Group", "company", "RUS", "PMC", {}});
  facts.validity.push_back(graph::ActorValidity{"WAGNER", date("2014"), {}, "founded 2014"});
  facts.validity.push_back(graph::ActorValidity{"MUJAO", date("2011-10"), date("2013-08-22"), "merged"});
  graph::ValidityCheck check(facts.validity);
  auto early = event("w1", "ASSAULT", "occupy", "2012-05-03", {armed("WAGNER")}, {armed("MNLA")}, "Menaka");
  auto late = event("w2", "ASSAULT", "occupy", "2022-05-03", {armed("WAGNER")}, {armed("MNLA")}, "Menaka");
  auto gone = event("m1", "ASSAULT", "", "2016-01", {armed("MUJAO")}, {armed("MNLA")}, "");
  auto vague = event("w3", "ASSAULT", "", "2014", {armed("WAGNER")}, {armed("MNLA")}, "");  // may be in 2014
  ASSERT_EQ(check.anachronisms(early).size(), 1u);
  EXPECT_EQ(check.anachronisms(early)[0].actor, "WAGNER");
  EXPECT_TRUE(check.anachronisms(late).empty());
  EXPECT_EQ(check.anachronisms(gone).size(), 1u);
  EXPECT_TRUE(check.anachronisms(vague).empty());
  graph::GraphBuilder b(facts);
  for (auto e : {early, gone}) {
    e.reports = {1, 2};
    b.add(e);
  }
  auto g = b.finish();
  for (const auto& iv : g.control) EXPECT_NE(iv.place_key, "menaka");
  EXPECT_TRUE(g.relations.empty());
}

// The events behind a profile's relations: those that gave weight to the relation of the actor (or
// a coalition it acted through) with another, in the months the window's relations sum.
TEST(StoreGraph, RelationEvidenceFindsTheEventsBehindEachRelation) {
  auto view = [](store::Event e, std::vector<std::string> docs) {
    store::EventView v;
    v.event = std::move(e);
    for (const auto& d : docs) v.sources.push_back(store::Source{0, d, "", "", "", 0, ""});
    return v;
  };
  const std::vector<store::EventView> events{
      view(event("e1", "ASSAULT", "", "2014-03-12", {armed("MNLA")}, {armed("MLI_MIL")}, ""), {"d1", "d2"}),
      view(event("e2", "ASSAULT", "", "2014-03-28", {armed("CMA")}, {armed("MLI_MIL")}, ""), {"d2"}),
      view(event("e3", "ASSAULT", "", "2014", {armed("MNLA")}, {armed("MLI_MIL")}, ""), {"d3"}),
      view(event("e4", "ASSAULT", "", "2014-05-02", {armed("MNLA")}, {armed("MLI_MIL")}, ""), {"d4"}),
      view(event("e5", "AGREE", "", "2014-03-15", {armed("MNLA"), armed("CMA")}, {}, ""), {"d5"}),
      view(event("e6", "MOBILIZE", "troops", "2014-03-15", {armed("MNLA")}, {armed("GATIA")}, ""), {"d6"}),
  };
  // A window inside March 2014 sums March's cells: e1 and e2 (through the CMA), not the year-only
  // e3, not May's e4, not e5 (the MNLA with its own coalition), not a neutral event (e6).
  graph::RelationEvidence march({"MNLA", "CMA"}, {20140310, 20140320});
  for (const auto& v : events) march.add(v);
  ASSERT_NE(march.of("MLI_MIL"), nullptr);
  EXPECT_EQ(march.of("MLI_MIL")->events, (std::vector<std::string>{"e1", "e2"}));
  EXPECT_EQ(march.of("MLI_MIL")->documents, (std::set<std::string>{"d1", "d2"}));
  EXPECT_EQ(march.of("CMA"), nullptr);
  EXPECT_EQ(march.of("GATIA"), nullptr);
  // The whole year also sums the year-only cell.
  graph::RelationEvidence year({"MNLA"}, {20140101, 20141231});
  for (const auto& v : events) year.add(v);
  ASSERT_NE(year.of("MLI_MIL"), nullptr);
  EXPECT_EQ(year.of("MLI_MIL")->events, (std::vector<std::string>{"e1", "e3", "e4"}));
  EXPECT_EQ(year.of("CMA")->events, (std::vector<std::string>{"e5"}));
}
