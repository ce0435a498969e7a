// Ingest end to end on the bundled packs and documents written for the tests: deduplication
// across documents, skipping unchanged documents, and finishing the work an interrupted run left.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include "graph/pack_facts.h"
#include "store/content_hash.h"
#include "store/ingest.h"
#include "store/sqlite_store.h"

using namespace faultline;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> pack_dirs() {
  std::string root = FAULTLINE_PACK_DIR;
  return {root + "/core", root + "/geo", root + "/sahel"};
}

const lexicon::Lexicon& lex() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(pack_dirs());
  return l;
}

const graph::PackFacts& facts() {
  static const graph::PackFacts f = graph::load_pack_facts(lex(), pack_dirs());
  return f;
}

struct TempPath {
  fs::path dir = fs::temp_directory_path() / ("faultline_ingest_test_" + std::to_string(::getpid()));
  TempPath() { fs::create_directories(dir); }
  ~TempPath() { fs::remove_all(dir); }
  std::string db() const { return (dir / "t.db").string(); }
};

const std::string kSameEvent = std::string(FAULTLINE_TEST_DATA) + "/store/same_event.jsonl";

}  // namespace

TEST(StoreIngest, ReportsOfOneEventInSeveralDocumentsBecomeOneEvent) {
  TempPath t;
  store::SqliteStore s(t.db(), true);
  store::IngestOptions o;
  o.batch_size = 3;  // two batches
  auto r = store::Ingester(s, lex(), facts(), o).run({kSameEvent}, 0);
  EXPECT_EQ(r.read, 4u);
  EXPECT_EQ(r.writes.added, 4u);
  EXPECT_EQ(r.after.events, 1u);
  std::vector<store::EventView> events;
  s.events({}, [&](const store::EventView& v) { events.push_back(v); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].sources.size(), 4u);
  EXPECT_EQ(events[0].event.data.type, "ASSAULT");

  // Again: every document is skipped before coding, nothing is recomputed.
  auto again = store::Ingester(s, lex(), facts(), o).run({kSameEvent}, 0);
  EXPECT_EQ(again.writes.unchanged, 4u);
  EXPECT_EQ(again.writes.reports, 0u);
  EXPECT_EQ(again.blocks, 0u);
  EXPECT_FALSE(again.graph_rebuilt);
}

TEST(StoreIngest, ARunWithoutInputFinishesWhatAnInterruptedRunLeft) {
  TempPath t;
  store::SqliteStore s(t.db(), true);
  // As if killed right after the documents were written: reports stored, events not yet.
  s.sync_pack(facts());
  coding::Document d;
  d.id = "k1";
  d.date = "2023-11-15";
  d.text = "The Malian army took control of Kidal on Tuesday.";
  store::DocumentInput in;
  in.doc = d;
  in.hash = store::document_hash(d);
  for (const auto& e : coding::Coder(lex()).code(d)) in.reports.push_back(store::report_from_coded(e, 0));
  ASSERT_FALSE(in.reports.empty());
  s.write_documents({in});
  EXPECT_GT(s.counts().dirty_blocks, 0u);
  EXPECT_EQ(s.counts().events, 0u);

  auto r = store::Ingester(s, lex(), facts(), {}).run({}, 0);
  EXPECT_EQ(r.read, 0u);
  EXPECT_GT(r.blocks, 0u);
  EXPECT_TRUE(r.graph_rebuilt);
  EXPECT_EQ(r.after.dirty_blocks, 0u);
  EXPECT_FALSE(r.after.graph_stale);
  EXPECT_EQ(r.after.events, in.reports.size());
}
