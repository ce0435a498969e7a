// Sharding a corpus for a Slurm job array: the balance plan, the manifest, the job script.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "cluster/manifest.h"
#include "cluster/sbatch_script.h"
#include "cluster/shard_plan.h"
#include "cluster/sharder.h"

namespace faultline::cluster {
namespace {

std::vector<uint64_t> loads(const std::vector<uint64_t>& sizes, const std::vector<uint32_t>& plan, uint32_t parts) {
  std::vector<uint64_t> out(parts, 0);
  for (std::size_t i = 0; i < sizes.size(); ++i) out[plan[i]] += sizes[i];
  return out;
}

TEST(ShardPlan, EveryDocumentInOneShardAndBalanced) {
  std::mt19937_64 rng(7);
  std::vector<uint64_t> sizes;
  for (int i = 0; i < 5000; ++i) sizes.push_back(200 + rng() % 20000);
  for (uint32_t parts : {1u, 2u, 4u, 7u, 64u}) {
    auto plan = balance_shards(sizes, parts);
    ASSERT_EQ(plan.size(), sizes.size());
    for (auto k : plan) ASSERT_LT(k, parts);
    auto l = loads(sizes, plan, parts);
    uint64_t largest = *std::max_element(sizes.begin(), sizes.end());
    EXPECT_LE(*std::max_element(l.begin(), l.end()) - *std::min_element(l.begin(), l.end()), largest) << parts;
  }
}

TEST(ShardPlan, Deterministic) {
  std::vector<uint64_t> sizes = {5, 5, 5, 9, 1, 1, 3, 5, 5, 2};
  EXPECT_EQ(balance_shards(sizes, 3), balance_shards(sizes, 3));
  // Equal sizes go to shards in input order: the first 5 to shard 1 (shard 0 took the 9).
  auto plan = balance_shards(sizes, 3);
  EXPECT_EQ(plan[3], 0u);
  EXPECT_EQ(plan[0], 1u);
  EXPECT_EQ(plan[1], 2u);
}

TEST(ShardPlan, MoreShardsThanDocumentsAndNone) {
  auto plan = balance_shards({10, 20}, 5);
  EXPECT_EQ(plan, (std::vector<uint32_t>{1, 0}));
  EXPECT_TRUE(balance_shards({}, 3).empty());
  EXPECT_THROW(balance_shards({1}, 0), std::invalid_argument);
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("faultline_cluster_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string str() const { return path_.string(); }
  std::filesystem::path operator/(const std::string& s) const { return path_ / s; }

 private:
  std::filesystem::path path_;
};

void write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Sharder, WritesShardsAndManifestThatReadBack) {
  TempDir tmp;
  write(tmp / "in.jsonl",
        "{\"id\":\"a\",\"text\":\"short\"}\n"
        "{\"id\":\"b\",\"text\":\"a much longer text than the others\",\"date\":\"2020-01-02\",\"title\":\"T\"}\n"
        "not json\n"
        "{\"id\":\"c\",\"text\":\"medium text\"}\n"
        "{\"id\":\"a\",\"text\":\"short, second version\"}\n");
  write(tmp / "note.txt", "Plain text document.");
  ShardOptions o;
  o.parts = 2;
  o.dir = (tmp / "out").string();
  o.read.default_date = "2021-05-06";
  o.buffer_bytes = 10;  // flush often
  std::vector<io::InputIssue> issues;
  Sharder sharder(o);
  sharder.on_issue([&](const io::InputIssue& i) { issues.push_back(i); });
  ShardResult r = sharder.run({(tmp / "in.jsonl").string(), (tmp / "note.txt").string()});
  EXPECT_EQ(r.read, 5u);
  EXPECT_EQ(r.replaced, 1u);
  EXPECT_EQ(r.input_problems, 1u);
  ASSERT_EQ(r.manifest.shards.size(), 2u);
  EXPECT_EQ(r.manifest.documents(), 4u);  // a (second version), b, c, note
  write_manifest(o.dir, r.manifest);
  EXPECT_TRUE(holds_shards(o.dir));

  Manifest back = read_manifest(o.dir);
  ASSERT_EQ(back.shards.size(), 2u);
  std::vector<std::string> ids;
  for (const auto& s : back.shards) {
    auto docs = read_shard_documents(o.dir, s);
    EXPECT_EQ(docs.size(), s.documents);
    for (const auto& d : docs) ids.push_back(d.id);
    // The shard file reads back as documents with those ids, in the same order.
    std::vector<std::string> read_ids;
    std::vector<io::InputIssue> none;
    io::read_documents((tmp / "out" / s.file).string(), {}, [&](coding::Document&& d) { read_ids.push_back(d.id); },
                       none);
    EXPECT_TRUE(none.empty());
    std::vector<std::string> expect;
    for (const auto& d : docs) expect.push_back(d.id);
    EXPECT_EQ(read_ids, expect);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c", "note"}));
  std::string all = read(tmp / "out" / "shard-0.jsonl") + read(tmp / "out" / "shard-1.jsonl");
  EXPECT_NE(all.find("short, second version"), std::string::npos);
  EXPECT_EQ(all.find("\"short\""), std::string::npos);
  EXPECT_NE(all.find("\"date\":\"2021-05-06\""), std::string::npos);  // --date for plain text
  EXPECT_FALSE(std::filesystem::exists(tmp / "out" / ".spool.jsonl.partial"));
}

TEST(Manifest, BrokenManifestNamesTheFile) {
  TempDir tmp;
  write(tmp / "manifest.json", "{\"format\": \"faultline-shards/1\", \"inputs\": [], \"shards\": [{\"shard\": 0}]}");
  try {
    read_manifest(tmp.str());
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("manifest.json: shard 0"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_manifest((tmp / "nowhere").string()), std::runtime_error);
}

TEST(SbatchScript, ArrayLogsAndQuoting) {
  SbatchOptions o;
  o.binary = "/opt/fault line/faultline";
  o.dir = "/data/shards";
  o.parts = 4;
  o.db = "postgresql://u@h/db?x='1'";
  o.packs = {"/p/my pack"};
  std::string s = sbatch_script(o);
  EXPECT_NE(s.find("#SBATCH --array=0-3\n"), std::string::npos);
  EXPECT_NE(s.find("#SBATCH --output=/data/shards/logs/shard-%a.log\n"), std::string::npos);
  EXPECT_NE(s.find("exec '/opt/fault line/faultline' ingest --db \"$FAULTLINE_DB\""), std::string::npos);
  EXPECT_NE(s.find("shard='/data/shards'/shard-$task.jsonl"), std::string::npos);
  EXPECT_NE(s.find("--pack '/p/my pack'"), std::string::npos);
  EXPECT_NE(s.find("'postgresql://u@h/db?x='\\''1'\\'''"), std::string::npos);
  o.dir = "/data/my shards";
  EXPECT_THROW(sbatch_script(o), std::invalid_argument);
}

}  // namespace
}  // namespace faultline::cluster
