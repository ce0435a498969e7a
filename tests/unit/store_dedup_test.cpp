// Deduplication rules on reports built in the test: which reports describe one event, and what
// the merged event says.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "bundled_packs.h"
#include "extract/dates.h"
#include "lexicon/lexicon.h"
#include "store/dedup.h"
#include "store/retrospective.h"

using namespace faultline;
using store::Report;

namespace {

struct Place {
  std::string name;
  std::string admin1;
  double lat = 0, lon = 0;
  bool coords = false;
};

Report report(const std::string& doc, uint32_t sentence, const std::string& type, const std::string& date,
              std::vector<std::string> a1, std::vector<std::string> a2, std::optional<Place> place = std::nullopt) {
  static int64_t next_id = 1;
  Report r;
  r.id = next_id++;
  r.doc = doc;
  r.sentence = sentence;
  r.index = sentence;
  r.evidence = doc + " sentence " + std::to_string(sentence);
  r.data.type = type;
  r.data.date = *lexicon::parse_partial_date(date);
  for (auto& id : a1) r.data.actor1.push_back(store::Actor{id, id + " name", id, "", "", "MLI", "MIL"});
  for (auto& id : a2) r.data.actor2.push_back(store::Actor{id, id + " name", id, "", "", "MLI", "REB"});
  if (place) {
    coding::CodedLocation l;
    l.name = place->name;
    l.admin1 = place->admin1;
    l.country = "MLI";
    l.lat = place->lat;
    l.lon = place->lon;
    l.has_coordinates = place->coords;
    r.data.location = l;
  }
  r.data.confidence = 0.9;
  return r;
}

const Place kKidal{"Kidal", "Kidal", 18.4411, 1.4078, true};
const Place kKidalNoCoords{"Kidal", "Kidal", 0, 0, false};
const Place kAnefis{"Anefis", "Kidal", 18.04, 0.6011, true};  // ~95 km from Kidal, same region
const Place kGao{"Gao", "Gao", 16.2717, -0.0447, true};
const Place kGaoSuburb{"Gao Suburb", "", 16.30, 0.0, true};  // ~5 km from Gao, no region
const Place kBoni{"Boni", "Mopti", 15.08, -1.93, true};
const Place kDouentza{"Douentza", "Mopti", 15.00, -2.95, true};  // ~110 km from Boni, same region

std::vector<std::vector<int64_t>> groups(const std::vector<store::Event>& events) {
  std::vector<std::vector<int64_t>> out;
  for (const auto& e : events) {
    auto r = e.reports;
    std::sort(r.begin(), r.end());
    out.push_back(r);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(StoreDedup, NReportsInNDocumentsBecomeOneEventWithNSources) {
  std::vector<Report> reports;
  for (int i = 0; i < 5; ++i)
    reports.push_back(report("doc" + std::to_string(i), 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"CMA"}, kKidal));
  auto events = store::deduplicate(reports);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].reports.size(), 5u);
  EXPECT_EQ(events[0].data.type, "ASSAULT");
}

TEST(StoreDedup, SameEventRules) {
  auto base = report("a", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"CMA"}, kKidal);
  // Overlap on either side counts, whichever side the actor is on.
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"CMA"}, {}, kKidal)));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"JNIM"}, {}, kKidal)));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "COERCE", "2023-11-14", {"MLI_MIL"}, {"CMA"}, kKidal)));
  // Dates: within a day at day precision; a month or year containing the other, and then only
  // with the same actors and the same named place.
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-15", {"MLI_MIL"}, {}, kKidal)));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-16", {"MLI_MIL"}, {}, kKidal)));
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11", {"MLI_MIL"}, {"CMA"}, kKidal)));
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023", {"CMA"}, {"MLI_MIL"}, kKidalNoCoords)));
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11", {"MLI_MIL"}, {}, kKidal)));  // a subset
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11", {"MLI_MIL"}, {"JNIM"}, kKidal)));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023", {"MLI_MIL"}, {"CMA"}, kAnefis)));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023", {"MLI_MIL"}, {"CMA"})));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023-10", {"MLI_MIL"}, {"CMA"}, kKidal)));
  // Places: same name, same region, within 50 km; an unknown place only with the same actors.
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kKidalNoCoords)));
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kAnefis)));
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"CMA"})));
  EXPECT_TRUE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {})));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"JNIM"})));
  EXPECT_FALSE(store::same_event(base, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kGao)));
  // Two towns of one region are two places; the region itself may be either.
  auto boni = report("a", 0, "ASSAULT", "2021-03-04", {"JNIM"}, {"MLI_MIL"}, kBoni);
  EXPECT_FALSE(store::same_event(boni, report("b", 0, "ASSAULT", "2021-03-04", {"JNIM"}, {"MLI_MIL"}, kDouentza)));
  EXPECT_TRUE(store::same_event(boni, report("b", 0, "ASSAULT", "2021-03-04", {"JNIM"}, {"MLI_MIL"},
                                             Place{"Mopti", "Mopti", 14.49, -4.19, true})));
  auto gao = report("a", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kGao);
  EXPECT_TRUE(store::same_event(gao, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kGaoSuburb)));
  // Never two reports of one sentence; two sentences of one document may be one event.
  EXPECT_FALSE(store::same_event(base, report("a", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"CMA"}, kKidal)));
  EXPECT_TRUE(store::same_event(base, report("a", 1, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"CMA"}, kKidal)));
  // Reports without actors match only reports without actors.
  auto bare = report("a", 0, "PROTEST", "2023-11-14", {}, {}, kGao);
  EXPECT_TRUE(store::same_event(bare, report("b", 0, "PROTEST", "2023-11-14", {}, {}, kGao)));
  EXPECT_FALSE(store::same_event(bare, report("b", 0, "PROTEST", "2023-11-14", {"MLI_MIL"}, {}, kGao)));
  // Undated reports are never merged.
  auto undated = report("a", 0, "ASSAULT", "2023", {"MLI_MIL"}, {}, kKidal);
  undated.data.date = {};
  EXPECT_FALSE(store::same_event(undated, report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kKidal)));
}

TEST(StoreDedup, PersonsMatchTheOrganisationTheyActedFor) {
  auto a = report("a", 0, "ACCUSE", "2012-03-01", {"MNLA"}, {"MLI_GOV"});
  auto b = report("b", 0, "ACCUSE", "2012-03-01", {"BILAL_AG_ACHERIF"}, {});
  b.data.actor1[0].affiliation_id = "MNLA";
  EXPECT_TRUE(store::same_event(a, b));
}

TEST(StoreDedup, MergedEventTakesMostPreciseDateCoordinatesAndBestSupportedToll) {
  auto vague = report("a", 0, "ASSAULT", "2023-11", {"MLI_MIL"}, {"CMA"}, kKidalNoCoords);
  vague.data.fatalities = 12;
  auto precise = report("b", 0, "ASSAULT", "2023-11-14", {"CMA"}, {"MLI_MIL"}, kKidalNoCoords);
  precise.data.fatalities = 3;
  auto located = report("c", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {"CMA"}, kKidal);
  located.data.mode = "occupy";
  located.data.fatalities = 3;
  auto events = store::deduplicate({vague, precise, located});
  ASSERT_EQ(events.size(), 1u);
  const auto& e = events[0];
  EXPECT_EQ(e.data.date.day, 14);
  ASSERT_TRUE(e.data.location);
  EXPECT_TRUE(e.data.location->has_coordinates);
  EXPECT_EQ(e.data.fatalities, 3);  // two reports say 3, one says 12: 3, not 12 and not 15
  EXPECT_EQ(e.data.mode, "occupy");
  EXPECT_EQ(e.reports.size(), 3u);
  // Each actor goes to the side most reports give it (one report has the sides swapped).
  ASSERT_EQ(e.data.actor1.size(), 1u);
  EXPECT_EQ(e.data.actor1[0].id, "MLI_MIL");
  ASSERT_EQ(e.data.actor2.size(), 1u);
  EXPECT_EQ(e.data.actor2[0].id, "CMA");
}

// A background sentence dated to its year ("in 2012 the army lost 500 men in the north") shares an
// actor with the fall of a town that year, but is not a report of it.
TEST(StoreDedup, AVagueDateNeverFusesWithAnEventOfItsPeriodByOneSharedActor) {
  auto fall = report("a", 0, "ASSAULT", "2012-01-24", {"MNLA"}, {"MLI_MIL"}, kAnefis);
  fall.data.fatalities = 20;
  auto background = report("b", 3, "ASSAULT", "2012", {"WAGNER"}, {"MLI_MIL"});
  background.data.fatalities = 500;
  auto month = report("c", 1, "ASSAULT", "2012-01", {"MNLA"}, {"MLI_MIL"}, kKidal);
  auto events = store::deduplicate({fall, background, month});
  ASSERT_EQ(events.size(), 3u);
  for (const auto& e : events) {
    if (e.data.date.day == 24) {
      EXPECT_EQ(e.reports.size(), 1u);
      EXPECT_EQ(e.data.fatalities, 20);
      ASSERT_EQ(e.data.actor1.size(), 1u);
      EXPECT_EQ(e.data.actor1[0].id, "MNLA");
    }
  }
}

// A sentence that names two places gives one report per place; its one toll is counted once.
TEST(StoreDedup, OneStatedTollIsNotDoubledByThePlacesOfItsSentence) {
  auto town = report("a", 2, "ASSAULT", "2023-08-11", {"JNIM"}, {"MLI_MIL"}, kKidal);
  town.data.fatalities = 14;
  auto other = report("a", 2, "ASSAULT", "2023-08-11", {"JNIM"}, {"MLI_MIL"}, kAnefis);
  other.index = 7;
  other.data.fatalities = 14;
  auto events = store::deduplicate({town, other});
  ASSERT_EQ(events.size(), 2u);
  int64_t total = 0;
  for (const auto& e : events) total += e.data.fatalities.value_or(0);
  EXPECT_EQ(total, 14);
  for (const auto& e : events) {
    if (e.data.fatalities) {
      EXPECT_EQ(e.data.location->name, "Anefis");  // the first by name
    }
  }
  // Two sentences stating tolls for two places keep both.
  auto second = report("a", 3, "ASSAULT", "2023-08-11", {"JNIM"}, {"MLI_MIL"}, kGao);
  second.data.fatalities = 14;
  events = store::deduplicate({town, second});
  total = 0;
  for (const auto& e : events) total += e.data.fatalities.value_or(0);
  EXPECT_EQ(total, 28);
}

TEST(StoreDedup, NoChainsOfLooselySimilarReports) {
  // a~b (a day apart) and b~c (a day apart), but a and c are two days apart: not one event.
  auto a = report("a", 0, "ASSAULT", "2023-11-13", {"MLI_MIL"}, {}, kKidal);
  auto b = report("b", 0, "ASSAULT", "2023-11-14", {"MLI_MIL"}, {}, kKidal);
  auto c = report("c", 0, "ASSAULT", "2023-11-15", {"MLI_MIL"}, {}, kKidal);
  auto events = store::deduplicate({a, b, c});
  EXPECT_EQ(events.size(), 2u);
}

TEST(StoreDedup, ResultDoesNotDependOnInputOrder) {
  std::vector<Report> reports;
  const char* dates[] = {"2023-11-13", "2023-11-14", "2023-11-15", "2023-11", "2023", "2023-11-14"};
  const Place* places[] = {&kKidal, &kAnefis, &kGao, &kKidalNoCoords};
  int n = 0;
  for (const char* d : dates)
    for (const Place* p : places)
      for (const char* actor : {"MLI_MIL", "CMA"}) {
        ++n;
        reports.push_back(report("doc" + std::to_string(n % 7), static_cast<uint32_t>(n), "ASSAULT", d, {actor}, {}, *p));
      }
  auto expected = store::deduplicate(reports);
  std::vector<std::string> ids;
  for (const auto& e : expected) ids.push_back(e.id);
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(reports.begin(), reports.end(), rng);
    auto events = store::deduplicate(reports);
    EXPECT_EQ(groups(events), groups(expected));
    std::vector<std::string> got;
    for (const auto& e : events) got.push_back(e.id);
    EXPECT_EQ(got, ids);
  }
}

TEST(StoreDedup, DistanceIsGreatCircle) {
  EXPECT_NEAR(store::distance_km(18.4411, 1.4078, 16.2717, -0.0447), 288, 5);  // Kidal–Gao
  EXPECT_NEAR(store::distance_km(0, 0, 0, 1), 111.2, 0.2);
}

// One outlet names the group, another the kind of actor: "jihadists" and JNIM, "Malian rebels" and
// the MNLA are one event when everything else agrees; never across families or countries.
TEST(StoreDedup, AGenericAgentMatchesANamedActorOfItsFamilyAndCountry) {
  store::DedupRules rules;
  rules.generic_agents = {"JIHADISTS", "REBELS", "GUNMEN", "MERCENARIES"};
  auto named = [](const std::string& id, const std::string& country, const std::string& sector) {
    return store::Actor{id, id + " name", id, "", "", country, sector};
  };
  auto with = [&](const std::string& doc, store::Actor a1, std::vector<std::string> a2 = {}) {
    auto r = report(doc, 0, "ASSAULT", "2021-03-04", {}, std::move(a2), kGao);
    r.data.actor1 = {std::move(a1)};
    return r;
  };
  auto jnim = with("a", named("JNIM", "MLI", "INS"));
  EXPECT_TRUE(store::same_event(jnim, with("b", named("JIHADISTS", "", "INS")), rules));
  EXPECT_FALSE(store::same_event(jnim, with("b", named("JIHADISTS", "", "INS"))));  // without the rules
  EXPECT_TRUE(store::same_event(with("a", named("MNLA", "MLI", "REB")), with("b", named("MLI_REB", "MLI", "REB")), rules));
  EXPECT_FALSE(store::same_event(with("a", named("MNLA", "MLI", "REB")), with("b", named("NER_REB", "NER", "REB")), rules));
  EXPECT_FALSE(store::same_event(with("a", named("WAGNER", "RUS", "PMC")), with("b", named("GUNMEN", "", "INS")), rules));
  EXPECT_FALSE(store::same_event(jnim, with("b", named("ISGS", "MLI", "INS")), rules));
  // A shared target does not join two different named attackers, nor a named one and another
  // country's rebels; two kinds of unnamed attacker may be one.
  auto jnim_army = with("a", named("JNIM", "MLI", "INS"), {"MLI_MIL"});
  EXPECT_FALSE(store::same_event(jnim_army, with("b", named("ISGS", "MLI", "INS"), {"MLI_MIL"}), rules));
  EXPECT_FALSE(store::same_event(with("a", named("MNLA", "MLI", "REB"), {"MLI_MIL"}),
                                 with("b", named("NER_REB", "NER", "REB"), {"MLI_MIL"}), rules));
  EXPECT_TRUE(store::same_event(with("a", named("GUNMEN", "", "INS"), {"MLI_MIL"}),
                                with("b", named("JIHADISTS", "", "INS"), {"MLI_MIL"}), rules));
  EXPECT_TRUE(store::same_event(jnim_army, with("b", named("JIHADISTS", "", "INS"), {"MLI_MIL"}), rules));
  // Complete linkage: a generic report joins the JNIM event, but an ISGS report then joins neither.
  auto events = store::deduplicate(
      {jnim_army, with("b", named("JIHADISTS", "", "INS"), {"MLI_MIL"}), with("c", named("ISGS", "MLI", "INS"), {"MLI_MIL"})},
      rules);
  EXPECT_EQ(events.size(), 2u);
}

// The one rule of "told in retrospect", shared with control: published more than three months
// after the last day the date allows.
TEST(StoreDedup, ARetrospectiveReportIsPublishedMoreThanThreeMonthsAfterItsDate) {
  auto told = [](const char* date, const char* published) {
    return store::told_in_retrospect(*lexicon::parse_partial_date(date), *lexicon::parse_partial_date(published));
  };
  EXPECT_FALSE(told("2023-06-12", "2023-06-13"));
  EXPECT_FALSE(told("2023-06-12", "2023-09-12"));
  EXPECT_TRUE(told("2023-06-12", "2023-09-13"));
  EXPECT_FALSE(told("2023-06", "2023-09-30"));
  EXPECT_TRUE(told("2023-06", "2023-10-01"));
  EXPECT_FALSE(told("2023", "2024-03-31"));
  EXPECT_TRUE(told("2023", "2024-04-01"));
  EXPECT_TRUE(told("2012-03", "2024-05-02"));
  EXPECT_FALSE(store::told_in_retrospect(*lexicon::parse_partial_date("2012-03"), {}));
}

namespace {

// A report of the attack on Boni on 12 June 2023, published on `published`.
Report boni_report(const std::string& doc, const std::string& date, const std::string& published,
                   std::vector<std::string> attackers = {"JNIM"}, std::optional<Place> place = kBoni) {
  auto r = report(doc, 0, "ASSAULT", date, std::move(attackers), {"MLI_MIL"}, place);
  for (auto& a : r.data.actor1) {
    a.sector = "INS";
    if (a.id == "JIHADISTS") a.country.clear();
  }
  r.data.actor2[0].sector = "MIL";
  r.published = *lexicon::parse_partial_date(published);
  return r;
}

}  // namespace

// "In June 2023 JNIM attacked the army in Boni", in a 2025 analysis: one actor, the month or the
// region in common would fuse it with whatever happened then; it joins only on full agreement.
TEST(StoreDedup, ARetrospectiveReportJoinsAnEventOnlyOnFullAgreement) {
  store::DedupRules rules;
  rules.generic_agents = {"JIHADISTS"};
  auto news = boni_report("news", "2023-06-12", "2023-06-13");
  // Full agreement: same type, named place, parties and day.
  EXPECT_TRUE(store::same_event(news, boni_report("essay", "2023-06-12", "2025-02-01"), rules));
  // Each partial match that a report of the time may make, a retrospective one may not.
  struct Case {
    Report of_the_time, in_retrospect;
  };
  const Place mopti{"Mopti", "Mopti", 14.49, -4.19, true};
  const Place near_boni{"Boni Camp", "", 15.10, -1.90, true};  // ~4 km away
  std::vector<Case> partial{
      {boni_report("b", "2023-06-13", "2023-06-14"), boni_report("b", "2023-06-13", "2025-02-01")},  // a day apart
      {boni_report("b", "2023-06", "2023-06-30"), boni_report("b", "2023-06", "2025-02-01")},        // its month
      {boni_report("b", "2023-06-12", "2023-06-13", {"JIHADISTS"}),
       boni_report("b", "2023-06-12", "2025-02-01", {"JIHADISTS"})},  // a generic agent for JNIM
      {boni_report("b", "2023-06-12", "2023-06-13", {}), boni_report("b", "2023-06-12", "2025-02-01", {})},  // a subset
      {boni_report("b", "2023-06-12", "2023-06-13", {"JNIM"}, mopti),
       boni_report("b", "2023-06-12", "2025-02-01", {"JNIM"}, mopti)},  // the region
      {boni_report("b", "2023-06-12", "2023-06-13", {"JNIM"}, near_boni),
       boni_report("b", "2023-06-12", "2025-02-01", {"JNIM"}, near_boni)},  // a place nearby
      {boni_report("b", "2023-06-12", "2023-06-13", {"JNIM"}, std::nullopt),
       boni_report("b", "2023-06-12", "2025-02-01", {"JNIM"}, std::nullopt)},  // no place
  };
  for (const auto& c : partial) {
    const std::string what = c.of_the_time.data.date.year ? extract::format_date(c.of_the_time.data.date) : "";
    EXPECT_TRUE(store::same_event(news, c.of_the_time, rules)) << "of the time " << what;
    EXPECT_FALSE(store::same_event(news, c.in_retrospect, rules)) << "in retrospect " << what;
    EXPECT_FALSE(store::same_event(c.in_retrospect, news, rules)) << "in retrospect " << what;
  }
  // Two retrospective reports at month precision may be one event; at year precision never.
  EXPECT_TRUE(store::same_event(boni_report("a", "2023-06", "2025-01-01"), boni_report("b", "2023-06", "2025-02-01")));
  EXPECT_FALSE(store::same_event(boni_report("a", "2023", "2025-01-01"), boni_report("b", "2023", "2025-02-01")));
}

// A retrospective report never stands for an event that a report of the time tells, and never
// starts one that the reports of the time then could not join.
TEST(StoreDedup, ARetrospectiveReportNeverStandsForTheEvent) {
  store::DedupRules rules;
  rules.generic_agents = {"JIHADISTS"};
  auto essay = boni_report("a-essay", "2023-06-12", "2025-02-01");  // first in canonical order
  auto news = boni_report("b-news", "2023-06-12", "2023-06-13");
  news.data.fatalities = 20;
  essay.data.fatalities = 35;
  auto events = store::deduplicate({essay, news}, rules);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].representative, news.id);
  EXPECT_EQ(events[0].reports.front(), news.id);
  EXPECT_EQ(events[0].reports.size(), 2u);
  EXPECT_EQ(events[0].data.fatalities, 20);  // one each: the report of the time's
  // With a generic report of the time, the two reports of the time are the event and the essay
  // (which agrees fully with one of them only) stays apart.
  auto generic = boni_report("c-news", "2023-06-12", "2023-06-13", {"JIHADISTS"});
  events = store::deduplicate({essay, news, generic}, rules);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(groups(events), (std::vector<std::vector<int64_t>>{{essay.id}, {news.id, generic.id}}));
}

// "A mission with its organisation": MINUSMA's peacekeepers and "UN peacekeepers" are one party
// for dedup, through the pack's memberships of one intergovernmental body in another.
TEST(StoreDedup, AMissionMatchesItsOrganisation) {
  store::DedupRules rules;
  rules.organisation_of = {{"MINUSMA", "UN"}, {"EUTM_MALI", "EU"}};
  const Place tessalit{"Tessalit", "Kidal", 20.20, 1.01, true};
  auto attacked = [&](const std::string& doc, const std::string& target) {
    auto r = report(doc, 0, "ASSAULT", "2016-05-30", {}, {target}, tessalit);
    r.data.actor2[0].sector = "IGO";
    r.data.actor2[0].country = "";
    return r;
  };
  auto minusma = attacked("a", "MINUSMA");
  EXPECT_TRUE(store::same_event(minusma, attacked("b", "UN"), rules));
  EXPECT_TRUE(store::same_event(attacked("b", "UN"), minusma, rules));
  EXPECT_FALSE(store::same_event(minusma, attacked("b", "UN")));  // without the rules
  EXPECT_FALSE(store::same_event(minusma, attacked("b", "EU"), rules));
  EXPECT_FALSE(store::same_event(minusma, attacked("b", "EUTM_MALI"), rules));
  // Found as a candidate from either name, in either order.
  EXPECT_EQ(store::deduplicate({minusma, attacked("b", "UN")}, rules).size(), 1u);
  EXPECT_EQ(store::deduplicate({attacked("0", "UN"), minusma}, rules).size(), 1u);
}

// The rules the packs give: the intergovernmental bodies of memberships.tsv.
TEST(StoreDedup, RulesComeFromThePacks) {
  const auto& lex = test_support::bundled_lexicon();
  const auto rules = store::dedup_rules(lex);
  auto part_of = [&](const std::string& body, const std::string& org) {
    auto [b, e] = rules.organisation_of.equal_range(body);
    return std::any_of(b, e, [&](const auto& kv) { return kv.second == org; });
  };
  EXPECT_TRUE(part_of("MINUSMA", "UN"));
  EXPECT_TRUE(part_of("EUTM_MALI", "EU"));
  EXPECT_TRUE(part_of("AFISMA", "ECOWAS"));
  EXPECT_FALSE(part_of("MLI_GOV", "ECOWAS"));  // a member state is not the organisation
  EXPECT_FALSE(part_of("MNLA", "CMA"));        // nor an armed group its coalition
  EXPECT_TRUE(rules.generic_agents.count("JIHADISTS"));
}

// A report without a place matches any place: only news of the same days may join on it.
TEST(StoreDedup, AnUnknownPlaceJoinsOnlyReportsPublishedClose) {
  auto placed = boni_report("a", "2023-06-12", "2023-06-13");
  auto nowhere = [](const std::string& published) {
    return boni_report("b", "2023-06-12", published, {"JNIM"}, std::nullopt);
  };
  EXPECT_TRUE(store::same_event(placed, nowhere("2023-06-13")));
  EXPECT_TRUE(store::same_event(placed, nowhere("2023-06-20")));
  EXPECT_FALSE(store::same_event(placed, nowhere("2023-06-21")));
  EXPECT_FALSE(store::same_event(nowhere("2023-06-21"), placed));
  // A named place needs no such closeness (a follow-up weeks later names the same town).
  EXPECT_TRUE(store::same_event(placed, boni_report("b", "2023-06-12", "2023-07-10")));
  // An unknown publication date says nothing against it.
  auto undated_doc = nowhere("2023-06-21");
  undated_doc.published = {};
  EXPECT_TRUE(store::same_event(placed, undated_doc));
}
