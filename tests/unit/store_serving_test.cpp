// The store's reads for a server that keeps only an index in memory (store.h): the light scan of
// event columns, events by id and documents, on a real SQLite file, checked against events().
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/dedup.h"
#include "store/sqlite_store.h"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

class ServingStore : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("faultline_serving_test_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_ = std::make_unique<store::SqliteStore>((dir_ / "t.db").string(), true);
    // Two documents reporting one clash at Kidal (one event, two sources), a protest in Gao,
    // and an undated attack without a place.
    store_->write_documents({
        doc("d1", "2023-11-15", "Clashes at Kidal: 12:30 ends it. Protesters marched in Gao.",
            {report(0, 0, "ASSAULT", "2023-11-14", "FAMA", "CMA", "Kidal", 12, "Clashes at Kidal: 12:30 ends it."),
             report(1, 1, "PROTEST", "2023-11", "", "", "Gao", -1, "Protesters marched in Gao.")}),
        doc("d2", "2023-11-16", "Fighting near Kidal left ten dead. Gunmen attacked a village.",
            {report(0, 0, "ASSAULT", "2023-11-14", "FAMA", "CMA", "Kidal", 10, "Fighting near Kidal left ten dead."),
             report(1, 1, "ASSAULT", "", "GUNMEN", "", "", -1, "Gunmen attacked a village.")}),
    });
    store_->recompute_dirty_blocks([](std::vector<store::Report> r) { return store::deduplicate(std::move(r)); },
                                   nullptr);
    store_->events({}, [&](const store::EventView& v) { all_.push_back(v); });
    ASSERT_EQ(all_.size(), 3u);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  static store::Report report(uint32_t sentence, uint32_t index, const std::string& type, const std::string& date,
                              const std::string& a1, const std::string& a2, const std::string& place, int fatalities,
                              const std::string& evidence) {
    store::Report r;
    r.sentence = sentence;
    r.index = index;
    r.evidence = evidence;
    r.data.type = type;
    if (!date.empty()) r.data.date = *lexicon::parse_partial_date(date);
    if (!a1.empty()) r.data.actor1.push_back(store::Actor{a1, a1 + " name", a1, "", "", "MLI", "MIL"});
    if (!a2.empty()) r.data.actor2.push_back(store::Actor{a2, a2 + " name", a2, "Azawad", "CMA_UNION", "MLI", "REB"});
    if (!place.empty()) {
      coding::CodedLocation l;
      l.name = place;
      l.admin1 = place + " Region";
      l.country = "MLI";
      l.has_coordinates = place == "Kidal";
      l.lat = 18.4411;
      l.lon = 1.4078;
      r.data.location = l;
    }
    if (fatalities >= 0) r.data.fatalities = fatalities;
    r.data.confidence = 0.9;
    return r;
  }
  static store::DocumentInput doc(const std::string& id, const std::string& date, const std::string& text,
                                  std::vector<store::Report> reports) {
    store::DocumentInput in;
    in.doc.id = id;
    in.doc.text = text;
    in.doc.date = date;
    in.doc.title = "Title of " + id;
    in.doc.source = "Test Wire";
    in.doc.url = "https://example.org/" + id;
    in.hash = "h:" + text;
    for (auto& r : reports) r.doc = id;
    in.reports = std::move(reports);
    return in;
  }

  fs::path dir_;
  std::unique_ptr<store::SqliteStore> store_;
  std::vector<store::EventView> all_;  // as events() gives them
};

TEST_F(ServingStore, ColumnScanMatchesTheEventsInTheirOrder) {
  std::vector<store::EventColumns> rows;
  store_->scan_event_columns(true, [&](const store::EventColumns& c) { rows.push_back(c); });
  ASSERT_EQ(rows.size(), all_.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& c = rows[i];
    const auto& v = all_[i];
    const auto& d = v.event.data;
    EXPECT_EQ(c.id, v.event.id);
    EXPECT_EQ(c.type, d.type);
    EXPECT_EQ(c.first_key, d.date.known() ? d.date.first_key() : 0);
    EXPECT_EQ(c.last_key, d.date.known() ? d.date.last_key() : 0);
    ASSERT_EQ(c.location.has_value(), d.location.has_value());
    if (c.location) {
      EXPECT_EQ(c.location->name, d.location->name);
      EXPECT_EQ(c.location->admin1, d.location->admin1);
      EXPECT_EQ(c.location->country, d.location->country);
      EXPECT_EQ(c.location->has_coordinates, d.location->has_coordinates);
      EXPECT_EQ(c.location->lat, d.location->lat);
    }
    EXPECT_EQ(c.fatalities, d.fatalities);
    EXPECT_EQ(c.confidence, d.confidence);
    EXPECT_EQ(c.sources, v.sources.size());
    std::vector<std::string> texts;
    for (const auto& s : v.sources) texts.push_back(s.evidence);
    std::sort(texts.begin(), texts.end());
    EXPECT_EQ(c.texts, texts);  // whole, even with digits and colons in them
  }
  EXPECT_EQ(rows[0].first_key, 0);  // undated first, as events() orders them
  EXPECT_EQ(rows[0].actors, (std::vector<std::string>{"GUNMEN"}));
  EXPECT_EQ(rows[2].actors, (std::vector<std::string>{"CMA", "CMA_UNION", "FAMA"}));  // affiliations too
  EXPECT_EQ(rows[2].fatalities, 12);

  store_->scan_event_columns(false, [&](const store::EventColumns& c) { EXPECT_TRUE(c.texts.empty()); });
}

TEST_F(ServingStore, EventsByIdAreWholeAndInTheOrderAsked) {
  const std::string a = all_[2].event.id, b = all_[0].event.id;
  auto got = store_->events_by_id({a, "ev_nope", b, a, "' OR 1=1 --"});
  ASSERT_EQ(got.size(), 3u);  // unknown ids left out, a repeated one repeated
  EXPECT_EQ(got[0].event.id, a);
  EXPECT_EQ(got[1].event.id, b);
  EXPECT_EQ(got[2].event.id, a);
  const auto& want = all_[2];
  EXPECT_EQ(got[0].evidence, want.evidence);
  EXPECT_EQ(got[0].doc, want.doc);
  EXPECT_EQ(got[0].event.reports, want.event.reports);
  ASSERT_EQ(got[0].sources.size(), 2u);
  EXPECT_EQ(got[0].sources[1].url, want.sources[1].url);
  EXPECT_EQ(got[0].event.data.actor2.at(0).affiliation_id, "CMA_UNION");
  EXPECT_TRUE(store_->events_by_id({}).empty());
  // More ids than one query takes.
  std::vector<std::string> many(1200, b);
  EXPECT_EQ(store_->events_by_id(many).size(), 1200u);
}

TEST_F(ServingStore, DocumentWithTextAndTheEventsItIsEvidenceOf) {
  auto d = store_->document("d1");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->id, "d1");
  EXPECT_EQ(d->date, "2023-11-15");
  EXPECT_EQ(d->title, "Title of d1");
  EXPECT_EQ(d->source, "Test Wire");
  EXPECT_EQ(d->url, "https://example.org/d1");
  EXPECT_EQ(d->text, "Clashes at Kidal: 12:30 ends it. Protesters marched in Gao.");
  ASSERT_EQ(d->citations.size(), 2u);
  EXPECT_EQ(d->citations[0].sentence, 0u);
  EXPECT_EQ(d->citations[0].evidence, "Clashes at Kidal: 12:30 ends it.");
  EXPECT_EQ(d->citations[0].event_id, all_[2].event.id);
  EXPECT_EQ(d->citations[1].sentence, 1u);
  EXPECT_FALSE(store_->document("nope"));
  EXPECT_FALSE(store_->document("d1' OR '1'='1"));
}

}  // namespace
