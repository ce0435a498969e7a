#include <gtest/gtest.h>

#include "extract/dates.h"
#include "extract/fatalities.h"
#include "extract/numbers.h"
#include "text/tokenizer.h"

using namespace faultline;
using extract::DateContext;
using extract::DateRole;
using lexicon::PartialDate;

namespace {

struct Found {
  std::string date;
  DateRole role;
};

std::vector<Found> dates(const std::string& s, PartialDate pub, PartialDate narrative = {}) {
  auto toks = text::tokenize(s);
  DateContext ctx{pub, narrative};
  std::vector<Found> out;
  for (auto& m : extract::find_dates(toks, 0, static_cast<uint32_t>(toks.size()), ctx))
    out.push_back({extract::format_date(m.date), m.role});
  return out;
}

std::string first(const std::string& s, PartialDate pub, PartialDate narrative = {}) {
  auto d = dates(s, pub, narrative);
  return d.empty() ? "" : d.front().date;
}

const PartialDate kXmas{2021, 12, 25};  // a Saturday

}  // namespace

TEST(Dates, AbsoluteForms) {
  EXPECT_EQ(first("On March 14, 2014, a delegation met", kXmas), "2014-03-14");
  EXPECT_EQ(first("signed on 18 June 2013 in Ouagadougou", kXmas), "2013-06-18");
  EXPECT_EQ(first("le 18 janvier 2012, les rebelles", kXmas), "2012-01-18");
  EXPECT_EQ(first("as of 2022-03-02 the", kXmas), "2022-03-02");
  EXPECT_EQ(first("on 18/01/2012 at dawn", kXmas), "2012-01-18");
  EXPECT_EQ(first("in January 2022, Russia", kXmas), "2022-01");
  EXPECT_EQ(first("during a military operation on March 27-31, 2022, in Moura", kXmas), "2022-03-27");
}

TEST(Dates, MonthsAndDaysTakeTheNarrativeYear) {
  PartialDate narrative{2012, 4, 6};
  EXPECT_EQ(first("AQIM captured Timbuktu on June 28th", kXmas, narrative), "2012-06-28");
  EXPECT_EQ(first("Further clashes in November", kXmas, narrative), "2012-11");
  EXPECT_EQ(first("On Feb. 6-7, Lavrov visited", PartialDate{2023, 2, 10}), "2023-02-06");
  // With no narrative date yet, a month later than publication belongs to the previous year.
  EXPECT_EQ(first("In October, the prime minister said", PartialDate{2021, 9, 1}), "2020-10");
  EXPECT_EQ(first("the following March", kXmas, PartialDate{2022, 11, 0}), "2023-03");
}

TEST(Dates, DeicticExpressionsUseThePublicationDate) {
  EXPECT_EQ(first("On Thursday, France and NATO allies", kXmas), "2021-12-23");
  EXPECT_EQ(first("earlier this month", kXmas), "2021-12");
  EXPECT_EQ(first("last month", kXmas), "2021-11");
  EXPECT_EQ(first("yesterday the army", kXmas), "2021-12-24");
  EXPECT_EQ(first("hier, l'armée", kXmas), "2021-12-24");
  EXPECT_EQ(first("le mois dernier", kXmas), "2021-11");
  EXPECT_EQ(first("last year", kXmas), "2020");
}

// Outlets write one day differently; dedup compares the days these resolve to, so each must be
// the day the act happened, not the publication day.
TEST(Dates, RelativeDaysResolveFromThePublicationDate) {
  const PartialDate monday{2023, 6, 19};
  EXPECT_EQ(first("attacked an army post on Saturday", monday), "2023-06-17");
  EXPECT_EQ(first("attacked an army post two days ago", monday), "2023-06-17");
  EXPECT_EQ(first("attacked an army post at the weekend", monday), "2023-06-17");
  EXPECT_EQ(first("attacked an army post over the weekend", monday), "2023-06-17");
  EXPECT_EQ(first("attacked an army post last weekend", monday), "2023-06-17");
  EXPECT_EQ(first("ont attaqué ce week-end un poste", monday), "2023-06-17");
  EXPECT_EQ(first("ont attaqué le week-end dernier un poste", monday), "2023-06-17");
  // Published on a Saturday or Sunday, "at the weekend" is this one and "last weekend" the one before.
  EXPECT_EQ(first("attacked an army post at the weekend", kXmas), "2021-12-25");
  EXPECT_EQ(first("attacked an army post at the weekend", PartialDate{2021, 12, 26}), "2021-12-25");
  EXPECT_EQ(first("attacked an army post last weekend", kXmas), "2021-12-18");
  EXPECT_EQ(first("attacked an army post last weekend", PartialDate{2021, 12, 26}), "2021-12-18");
  // Without a publication day there is nothing to count from.
  EXPECT_EQ(first("attacked an army post at the weekend", PartialDate{2021, 12, 0}), "");
}

TEST(Dates, AnaphoricExpressionsUseTheNarrative) {
  PartialDate narrative{2017, 3, 2};
  EXPECT_EQ(first("Later that year, they formed", kXmas, narrative), "2017");
  EXPECT_EQ(first("Later that month", kXmas, narrative), "2017-03");
  EXPECT_EQ(first("the following year", kXmas, narrative), "2018");
}

TEST(Dates, YearsAndTheirRoles) {
  auto d = dates("the interim authorities terminated the 2015 Algiers Accord in 2024", kXmas);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].role, DateRole::Attributive);
  EXPECT_EQ(d[1].role, DateRole::Event);
  EXPECT_EQ(d[1].date, "2024");
  d = dates("since the August 2020 coup", kXmas);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].role, DateRole::LowerBound);
  EXPECT_EQ(first("in early 2023", kXmas), "2023");
  EXPECT_EQ(first("by mid-2023", kXmas), "2023");
}

TEST(Dates, MayIsAMonthOnlyInADateContext) {
  EXPECT_TRUE(dates("The rebels may attack", kXmas).empty());
  EXPECT_EQ(first("a joint declaration on May 26th", kXmas, PartialDate{2012, 4, 0}), "2012-05-26");
  EXPECT_EQ(first("in May 2013", kXmas), "2013-05");
}

TEST(Dates, ImpossibleDatesAreNotDates) {
  EXPECT_TRUE(dates("on February 31, 2020", kXmas).empty() || first("on February 31, 2020", kXmas) == "2020");
  EXPECT_EQ(first("31/02/2020", kXmas), "2020");
}

namespace {
std::optional<int64_t> toll(const std::string& s) {
  auto t = text::tokenize(s);
  return extract::find_fatalities(t, 0, static_cast<uint32_t>(t.size()), 0);
}
}  // namespace

TEST(Fatalities, StatedTolls) {
  EXPECT_EQ(toll("MOJWA captured the city, with 20+ dead"), 20);
  EXPECT_EQ(toll("army attacks have killed at least 500 civilians"), 500);
  EXPECT_EQ(toll("14 soldiers were killed in the ambush"), 14);
  EXPECT_EQ(toll("One massacre of 500 civilians in March 2022"), 500);
  EXPECT_EQ(toll("killing fourteen people"), 14);
  EXPECT_EQ(toll("l'attaque a fait quatorze morts"), 14);
  EXPECT_EQ(toll("the death toll rose to 1,200"), 1200);
}

TEST(Fatalities, VagueOrAbsentTollsGiveNone) {
  EXPECT_FALSE(toll("dozens of civilians were killed"));
  EXPECT_FALSE(toll("une dizaine de morts"));
  EXPECT_FALSE(toll("killed in 2012"));
  EXPECT_FALSE(toll("the army arrested 12 CMA members"));
}

TEST(Numbers, Counts) {
  auto t = text::tokenize("twenty-one 5,000 2012 dozens three hundred");
  EXPECT_EQ(extract::read_count(t, 0, 5)->value, 21);
  EXPECT_EQ(extract::read_count(t, 1, 5)->value, 5000);
  EXPECT_FALSE(extract::read_count(t, 2, 5));
  EXPECT_TRUE(extract::read_count(t, 3, 5)->vague);
  EXPECT_EQ(extract::read_count(t, 4, 6)->value, 300);
}

// Only calendar dates parse (every date option and pack date goes through this): no day is shifted
// into the next month.
TEST(PartialDateParse, RefusesDaysNotOnTheCalendar) {
  EXPECT_FALSE(lexicon::parse_partial_date("2021-02-31"));
  EXPECT_FALSE(lexicon::parse_partial_date("2021-02-29"));
  EXPECT_FALSE(lexicon::parse_partial_date("2023-04-31"));
  EXPECT_FALSE(lexicon::parse_partial_date("1900-02-29"));
  EXPECT_FALSE(lexicon::parse_partial_date("2021-13"));
  EXPECT_FALSE(lexicon::parse_partial_date("2021-00"));
  EXPECT_FALSE(lexicon::parse_partial_date("2021-01-00"));
  EXPECT_FALSE(lexicon::parse_partial_date("0000"));
  EXPECT_FALSE(lexicon::parse_partial_date("2021-1-5"));
}

TEST(PartialDateParse, RefusesTextThatIsNotADate) {
  for (const char* s : {"", "20a1", "2021/06", " 2021", "2021 ", "2021-06-1x", "2021-6", "2021-06-", "-2021",
                        "2021-06-01T10:00", "１２３４"})
    EXPECT_FALSE(lexicon::parse_partial_date(s)) << s;
}
TEST(PartialDateParse, AcceptsCalendarDatesAtEachPrecision) {
  auto leap = lexicon::parse_partial_date("2024-02-29");
  ASSERT_TRUE(leap);
  EXPECT_EQ(leap->year, 2024);
  EXPECT_EQ(leap->month, 2);
  EXPECT_EQ(leap->day, 29);
  EXPECT_TRUE(lexicon::parse_partial_date("2000-02-29"));
  EXPECT_TRUE(lexicon::parse_partial_date("2021-12-31"));
  auto month = lexicon::parse_partial_date("2021-06");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->day, 0);
  EXPECT_TRUE(lexicon::parse_partial_date("2012"));
}
