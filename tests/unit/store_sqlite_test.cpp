// The SQLite store on real database files in a temporary folder: schema versions, transactions,
// idempotent writes, replacement of a changed document, deduplicated events and queries.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "extract/dates.h"
#include "graph/builder.h"
#include "store/dedup.h"
#include "store/schema.h"
#include "store/sqlite.h"
#include "store/sqlite_store.h"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

class TempDb {
 public:
  TempDb() {
    dir_ = fs::temp_directory_path() / ("faultline_store_test_" + std::to_string(::getpid()) + "_" + std::to_string(++n_));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~TempDb() { fs::remove_all(dir_); }
  std::string path() const { return (dir_ / "t.db").string(); }

 private:
  static inline int n_ = 0;
  fs::path dir_;
};

store::Report report(uint32_t sentence, const std::string& type, const std::string& date, const std::string& a1,
                     const std::string& a2, const std::string& place, const std::string& evidence) {
  store::Report r;
  r.sentence = sentence;
  r.index = sentence;
  r.evidence = evidence;
  r.data.type = type;
  r.data.date = *lexicon::parse_partial_date(date);
  if (!a1.empty()) r.data.actor1.push_back(store::Actor{a1, a1 + " name", a1, "", "", "MLI", "MIL"});
  if (!a2.empty()) r.data.actor2.push_back(store::Actor{a2, a2 + " name", a2, "", "", "MLI", "REB"});
  if (!place.empty()) {
    coding::CodedLocation l;
    l.name = place;
    l.admin1 = place + " Region";
    l.country = "MLI";
    r.data.location = l;
  }
  r.data.confidence = 0.9;
  return r;
}

store::DocumentInput doc(const std::string& id, const std::string& text, std::vector<store::Report> reports) {
  store::DocumentInput in;
  in.doc.id = id;
  in.doc.text = text;
  in.doc.date = "2023-11-15";
  in.doc.source = "Test Wire";
  in.hash = "h:" + text;
  for (auto& r : reports) r.doc = id;
  in.reports = std::move(reports);
  return in;
}

void dedup_all(store::Store& s) {
  s.recompute_dirty_blocks([](std::vector<store::Report> r) { return store::deduplicate(std::move(r)); }, nullptr);
}

std::vector<store::EventView> events(store::Store& s, const store::EventQuery& q = {}) {
  std::vector<store::EventView> out;
  s.events(q, [&](const store::EventView& v) { out.push_back(v); });
  return out;
}

}  // namespace

TEST(StoreSqlite, NewDatabaseHasTheLatestSchemaVersion) {
  TempDb t;
  { store::SqliteStore s(t.path(), true); }
  auto db = store::sqlite::Database::open(t.path(), false);
  EXPECT_EQ(db.scalar("PRAGMA user_version"), store::migrations().back().version);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'events'"), 1);
  // Opening again applies nothing and keeps the data.
  { store::SqliteStore again(t.path(), false); }
  EXPECT_EQ(store::sqlite::Database::open(t.path(), false).scalar("PRAGMA user_version"),
            store::migrations().back().version);
}

TEST(StoreSqlite, RefusesADatabaseFromANewerFaultline) {
  TempDb t;
  { store::SqliteStore s(t.path(), true); }
  store::sqlite::Database::open(t.path(), false).exec("PRAGMA user_version = 999");
  EXPECT_THROW(store::SqliteStore(t.path(), false), store::sqlite::Error);
}

TEST(StoreSqlite, MissingDatabaseIsNamedWhenNotCreating) {
  TempDb t;
  try {
    store::open_store(t.path(), false);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no database at"), std::string::npos);
  }
}

TEST(StoreSqlite, TransactionRollsBackUnlessCommitted) {
  TempDb t;
  auto db = store::sqlite::Database::open(t.path(), true);
  db.exec("CREATE TABLE x (v INTEGER)");
  try {
    store::sqlite::Transaction tx(db);
    db.prepare("INSERT INTO x (v) VALUES (?1)").bind(1, 7).run();
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(db.scalar("SELECT count(*) FROM x"), 0);
  {
    store::sqlite::Transaction tx(db);
    db.prepare("INSERT INTO x (v) VALUES (?1)").bind(1, 7).run();
    tx.commit();
  }
  EXPECT_EQ(db.scalar("SELECT count(*) FROM x"), 1);
}

TEST(StoreSqlite, ParametersAreNeverSql) {
  TempDb t;
  store::SqliteStore s(t.path(), true);
  s.write_documents({doc("x'); DROP TABLE documents; --", "text", {})});
  EXPECT_TRUE(s.document_hash("x'); DROP TABLE documents; --"));
  store::EventQuery q;
  q.text = "\"unbalanced ( quote* NEAR";
  EXPECT_NO_THROW(events(s, q));
}

TEST(StoreSqlite, WritesAreIdempotentAndChangedDocumentsReplaceTheirReports) {
  TempDb t;
  store::SqliteStore s(t.path(), true);
  auto first = s.write_documents({doc("d1", "one", {report(0, "ASSAULT", "2023-11-14", "MLI_MIL", "CMA", "Kidal", "e1")}),
                                  doc("d2", "two", {report(0, "ASSAULT", "2023-11-14", "CMA", "", "Kidal", "e2")})});
  EXPECT_EQ(first.added, 2u);
  EXPECT_EQ(first.reports, 2u);
  dedup_all(s);
  auto ev = events(s);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].sources.size(), 2u);
  EXPECT_EQ(ev[0].sources[0].outlet, "Test Wire");

  // The same content again: nothing changes, nothing to recompute.
  auto again = s.write_documents({doc("d1", "one", {report(0, "ASSAULT", "2023-11-14", "MLI_MIL", "CMA", "Kidal", "e1")})});
  EXPECT_EQ(again.unchanged, 1u);
  EXPECT_EQ(s.counts().dirty_blocks, 0u);

  // d2 changes: its report is replaced, the event loses that source and a new one appears.
  auto changed = s.write_documents({doc("d2", "two, corrected", {report(0, "COERCE", "2023-11-20", "JNIM", "", "Gao", "e3")})});
  EXPECT_EQ(changed.changed, 1u);
  dedup_all(s);
  auto c = s.counts();
  EXPECT_EQ(c.documents, 2u);
  EXPECT_EQ(c.reports, 2u);
  EXPECT_EQ(c.events, 2u);
  EXPECT_EQ(c.dirty_blocks, 0u);
  store::EventQuery q;
  q.types = {"ASSAULT"};
  ev = events(s, q);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].sources.size(), 1u);
  EXPECT_EQ(ev[0].sources[0].doc, "d1");
}

TEST(StoreSqlite, QueriesFilterByActorPlaceDateAndText) {
  TempDb t;
  store::SqliteStore s(t.path(), true);
  s.write_documents({doc("d1", "one", {report(0, "ASSAULT", "2023-11-14", "MLI_MIL", "CMA", "Kidal", "The army took Kidal."),
                                       report(1, "AGREE", "2015-06-20", "CMA", "MLI_GOV", "Bamako", "The CMA signed the accord in Bamako.")})});
  dedup_all(s);
  auto count = [&](store::EventQuery q) { return events(s, q).size(); };
  store::EventQuery q;
  q.by_actor = true;
  q.actor_ids = {"CMA"};
  EXPECT_EQ(count(q), 2u);
  q.actor_ids = {"JNIM"};
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.by_actor = true;  // an actor name that resolved to nothing matches nothing
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.place_keys = {"kidal"};
  EXPECT_EQ(count(q), 1u);
  q.place_keys = {"bamako region"};  // the first-level region matches too
  EXPECT_EQ(count(q), 1u);
  q = {};
  q.from_key = 20230101;
  EXPECT_EQ(count(q), 1u);
  q.to_key = 20231231;
  q.from_key = 20150101;
  EXPECT_EQ(count(q), 2u);
  q = {};
  q.text = "signed accord";
  EXPECT_EQ(count(q), 1u);
  q.text = "signed Kidal";
  EXPECT_EQ(count(q), 0u);
  q = {};
  q.limit = 1;
  auto first = events(s, q);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].event.data.type, "AGREE");  // by date

  std::vector<store::ReportView> reports;
  s.reports({}, [&](const store::ReportView& v) { reports.push_back(v); });
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_FALSE(reports[0].event_id.empty());
}

TEST(StoreSqlite, GraphIsReplacedWhole) {
  TempDb t;
  store::SqliteStore s(t.path(), true);
  graph::PackFacts facts;
  facts.actors.push_back(lexicon::Actor{"MNLA", "MNLA", "group", "MLI", "REB", {"Azawad movement"}});
  facts.actors.push_back(lexicon::Actor{"CMA", "Coordination of Azawad Movements", "coalition", "MLI", "REB", {}});
  facts.memberships.push_back(graph::PackMembership{"MNLA", "CMA", *lexicon::parse_partial_date("2014-06-09"), {}, "Algiers"});
  EXPECT_TRUE(s.sync_pack(facts));
  EXPECT_FALSE(s.sync_pack(facts));  // unchanged: not rewritten
  s.write_documents({doc("d1", "one", {report(0, "ASSAULT", "2023-11-14", "MLI_MIL", "CMA", "Kidal", "e1")})});
  dedup_all(s);
  EXPECT_TRUE(s.counts().graph_stale);
  s.rebuild_graph([&](const store::Store::EventScan& scan) {
    graph::GraphBuilder b(facts);
    scan([&](const store::Event& e) { b.add(e); });
    return b.finish();
  });
  EXPECT_FALSE(s.counts().graph_stale);
  auto m = s.memberships();
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].group, "CMA");
  auto rel = s.relations(graph::window_of(*lexicon::parse_partial_date("2023")), {"CMA"});
  ASSERT_EQ(rel.size(), 1u);
  EXPECT_EQ(rel[0].a, "CMA");
  EXPECT_EQ(rel[0].b, "MLI_MIL");
  EXPECT_GT(rel[0].conflictual, 0);
  EXPECT_TRUE(s.relations(graph::window_of(*lexicon::parse_partial_date("2022")), {"CMA"}).empty());
  auto found = s.find_actors("azawad MOVEMENT");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "MNLA");
  EXPECT_EQ(s.find_actors("mnla").size(), 1u);
  // An id known only from reports.
  auto composed = s.find_actors("mli_mil");
  ASSERT_EQ(composed.size(), 1u);
  EXPECT_EQ(composed[0].name, "MLI_MIL name");
}

// Version 4 changes the dedup rules, not the tables: a store of version 3 gets every block marked
// dirty, so that the next ingest recomputes its events.
TEST(StoreSqlite, MigratingToVersion4MarksEveryBlockDirty) {
  TempDb t;
  {
    auto db = store::sqlite::Database::open(t.path(), true);
    for (const auto& m : store::migrations())
      if (m.version <= 3) db.exec(m.sql);
    db.exec("PRAGMA user_version = 3");
    db.exec(
        "INSERT INTO documents (id, doc_id, content_hash, date) VALUES (1, 'd1', 'h', '2015-01-03');"
        "INSERT INTO document_texts (document, text) VALUES (1, 'text');"
        "INSERT INTO reports (id, document, sentence, idx, evidence, evidence_begin, evidence_end, type, date, "
        "date_first, date_last, confidence, block_year) VALUES (1, 1, 0, 0, 'The army shelled Gao.', 0, 21, "
        "'ASSAULT', '2015-01-02', 20150102, 20150102, 0.9, 2015), (2, 1, 1, 1, 'Rebels met in Kidal.', 22, 42, "
        "'CONSULT', '2014', 20140101, 20141231, 0.9, 2014);");
    ASSERT_EQ(db.scalar("SELECT count(*) FROM dirty_blocks"), 0);
  }
  store::SqliteStore s(t.path(), false);
  auto db = store::sqlite::Database::open(t.path(), false);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM dirty_blocks"), 2);
  EXPECT_EQ(db.scalar("SELECT count(*) FROM dirty_blocks WHERE type = 'ASSAULT' AND block_year = 2015"), 1);
  // The reports come back with their document's publication date, which dedup reads.
  auto reports = s.document_reports("d1");
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(extract::format_date(reports[0].published), "2015-01-03");
}

TEST(StoreSqlite, MigratesAVersion1StoreAndKeepsItsTextIndexRight) {
  TempDb t;
  {
    // A store as version 1 left it: one report, indexed at once by version 1's trigger.
    auto db = store::sqlite::Database::open(t.path(), true);
    db.exec(store::migrations().front().sql);
    db.exec("PRAGMA user_version = 1");
    db.exec(
        "INSERT INTO documents (id, doc_id, content_hash) VALUES (1, 'd1', 'h:old');"
        "INSERT INTO document_texts (document, text) VALUES (1, 'old');"
        "INSERT INTO reports (id, document, sentence, idx, evidence, evidence_begin, evidence_end, type, date, "
        "date_first, date_last, confidence, block_year) VALUES (1, 1, 0, 0, 'The army shelled Gao.', 0, 21, "
        "'ASSAULT', '2015-01-02', 20150102, 20150102, 0.9, 2015);"
        "INSERT INTO dirty_blocks VALUES ('ASSAULT', 2015);");
  }
  store::SqliteStore s(t.path(), false);
  EXPECT_EQ(store::sqlite::Database::open(t.path(), false).scalar("PRAGMA user_version"),
            store::migrations().back().version);
  dedup_all(s);
  store::EventQuery q;
  q.text = "shelled";
  EXPECT_EQ(events(s, q).size(), 1u);
  // The changed document's indexed report leaves the index; its new one joins it.
  s.write_documents({doc("d1", "new", {report(0, "ASSAULT", "2015-01-02", "MLI_MIL", "", "Gao", "Drones struck Gao.")})});
  dedup_all(s);
  EXPECT_EQ(events(s, q).size(), 0u);
  q.text = "drones";
  EXPECT_EQ(events(s, q).size(), 1u);
  auto db = store::sqlite::Database::open(t.path(), false);
  EXPECT_NO_THROW(db.exec("INSERT INTO reports_fts (reports_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_EQ(db.scalar("SELECT count(*) FROM fts_pending"), 0);
}

