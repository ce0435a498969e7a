// Unit tests of the server's parts that need no server: words and search, parameters, the rate
// limit, and the asset folder's guard against paths that leave it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "serve/api_error.h"
#include "serve/query_params.h"
#include "serve/rate_limiter.h"
#include "serve/static_files.h"
#include "serve/word_index.h"

namespace faultline::serve {
namespace {

TEST(Words, SplitFoldsAndKeepsByteRanges) {
  auto words = split_words("Ménaka's FAMa, 2012!");
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(words[0].key, "menaka");
  EXPECT_EQ(words[0].begin, 0u);
  EXPECT_EQ(words[0].end, 7u);  // "Ménaka" is 7 bytes
  EXPECT_EQ(words[1].key, "s");
  EXPECT_EQ(words[2].key, "fama");
  EXPECT_EQ(words[3].key, "2012");
}

TEST(Words, QueriesWithPrefixes) {
  auto q = parse_word_queries("Kidal attack*  \"quoted\"");
  ASSERT_EQ(q.size(), 3u);
  EXPECT_FALSE(q[0].prefix);
  EXPECT_TRUE(q[1].prefix);
  EXPECT_TRUE(q[1].matches("attacked"));
  EXPECT_FALSE(q[0].matches("kidals"));
  EXPECT_EQ(q[2].key, "quoted");
}

TEST(Words, IndexFindsWordsAndPrefixes) {
  WordIndex index;
  index.add(0, "Gunmen attacked Kidal.");
  index.add(1, "The attack on Gao.");
  index.add(1, "Kidal again");
  index.add(2, "Nothing here");
  index.finish();
  EXPECT_EQ(index.items({"kidal", false}), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(index.items({"attack", true}), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(index.items({"attack", false}), (std::vector<uint32_t>{1}));
  EXPECT_TRUE(index.items({"timbuktu", false}).empty());
}

std::multimap<std::string, std::string> params(std::initializer_list<std::pair<const std::string, std::string>> kv) {
  return std::multimap<std::string, std::string>(kv);
}

int status_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& e) {
    return e.status();
  }
  return 200;
}

TEST(Params, UnknownRepeatedLongAndDirtyAreRefused) {
  EXPECT_EQ(status_of([] { QueryParams(params({{"x", "1"}}), {"limit"}); }), 400);
  EXPECT_EQ(status_of([] { QueryParams(params({{"limit", "1"}, {"limit", "2"}}), {"limit"}); }), 400);
  EXPECT_EQ(status_of([] { QueryParams(params({{"q", std::string(300, 'a')}}), {"q"}); }), 400);
  EXPECT_EQ(status_of([] { QueryParams(params({{"q", "\xff"}}), {"q"}); }), 400);
  EXPECT_EQ(status_of([] { QueryParams(params({{"q", std::string("a\0b", 3)}}), {"q"}); }), 400);
  EXPECT_EQ(status_of([] { QueryParams(params({{"q", "Ménaka"}}), {"q"}); }), 200);
}

TEST(Params, NumbersAndDates) {
  QueryParams p(params({{"limit", "20"}, {"zoom", "x"}, {"from", "2012-02-29"}, {"to", "2013-02-29"}}),
                {"limit", "zoom", "from", "to", "offset"});
  EXPECT_EQ(p.integer("limit", 1, 500, 50), 20);
  EXPECT_EQ(p.integer("offset", 0, 10, 7), 7);
  EXPECT_EQ(status_of([&] { p.integer("limit", 1, 10, 5); }), 400);
  EXPECT_EQ(status_of([&] { p.integer("zoom", 0, 18, 5); }), 400);
  EXPECT_EQ(p.date("from")->day, 29);  // 2012 is a leap year
  EXPECT_EQ(status_of([&] { p.date("to"); }), 400);
  EXPECT_EQ(status_of([&] { QueryParams(params({{"at", "2014"}, {"from", "2013"}}), {"at", "from"}).window(); }), 400);
  EXPECT_EQ(QueryParams(params({{"at", "2014-06"}}), {"at"}).window().first, 20140601);
}

TEST(RateLimit, BurstThenRefill) {
  RateLimiter limiter(1000, 3);
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("a"));
  double retry = 0;
  EXPECT_FALSE(limiter.allow("a", retry));
  EXPECT_GT(retry, 0);
  EXPECT_TRUE(limiter.allow("b"));  // another client has its own bucket
  RateLimiter off(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(off.allow("a"));
}

TEST(StaticFiles, ServesInsideTheFolderOnly) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / "faultline_static_test";
  fs::remove_all(root);
  fs::create_directories(root / "web" / "js");
  std::ofstream(root / "web" / "index.html") << "<p>hi</p>";
  std::ofstream(root / "web" / "js" / "a.js") << "1";
  std::ofstream(root / "secret.txt") << "secret";
  std::ofstream(root / "web" / "notes.cfg") << "x";
  fs::create_symlink(root / "secret.txt", root / "web" / "link.txt");
  StaticFiles files(root / "web");
  EXPECT_EQ(files.get("/")->body, "<p>hi</p>");
  EXPECT_EQ(files.get("/js/a.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_FALSE(files.get("/../secret.txt"));
  EXPECT_FALSE(files.get("/js/../../secret.txt"));
  EXPECT_FALSE(files.get("//etc/passwd"));
  EXPECT_FALSE(files.get("/link.txt"));   // a link out of the folder
  EXPECT_FALSE(files.get("/notes.cfg"));  // not a type the page uses
  EXPECT_FALSE(files.get("/missing.js"));
  EXPECT_FALSE(files.get(std::string("/index.html\0.png", 16)));
  fs::remove_all(root);
}

}  // namespace
}  // namespace faultline::serve
