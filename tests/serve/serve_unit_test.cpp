// Unit tests of the server's parts that need no server: words and search, parameters, the rate
// limit, and the asset folder's guard against paths that leave it.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "serve/api_error.h"
#include "serve/query_params.h"
#include "serve/rate_limiter.h"
#include "serve/static_files.h"
#include "serve/store_pool.h"
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

// The limiter reads a clock the test moves by hand: no assertion depends on how fast the machine is.
struct ManualClock {
  RateLimiter::Clock::time_point t{};
  RateLimiter::Now now() {
    return [this] { return t; };
  }
  void advance(double seconds) {
    t += std::chrono::duration_cast<RateLimiter::Clock::duration>(std::chrono::duration<double>(seconds));
  }
};

TEST(RateLimit, BurstThenRefill) {
  ManualClock clock;
  RateLimiter limiter(10, 3, clock.now());  // 10 requests a second, bursts of 3
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_TRUE(limiter.allow("a"));
  double retry = 0;
  EXPECT_FALSE(limiter.allow("a", retry));
  EXPECT_DOUBLE_EQ(retry, 0.1);       // one token comes back in 1/rate seconds
  EXPECT_TRUE(limiter.allow("b"));    // another client has its own bucket
  clock.advance(0.05);
  EXPECT_FALSE(limiter.allow("a", retry));  // half a token is not a request
  EXPECT_NEAR(retry, 0.05, 1e-9);
  clock.advance(0.05);
  EXPECT_TRUE(limiter.allow("a"));
  EXPECT_FALSE(limiter.allow("a"));
}

TEST(RateLimit, RefillStopsAtTheBurst) {
  ManualClock clock;
  RateLimiter limiter(10, 3, clock.now());
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow("a"));
  clock.advance(3600);  // an hour idle refills the bucket to the burst, not to 36,000
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.allow("a")) << i;
  EXPECT_FALSE(limiter.allow("a"));
}

TEST(RateLimit, OffAllowsEverything) {
  ManualClock clock;
  RateLimiter off(0, 1, clock.now());
  EXPECT_FALSE(off.enabled());
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(off.allow("a"));
}

TEST(StaticFiles, ServesInsideTheFolderOnly) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / "faultline_static_test";
  fs::remove_all(root);
  fs::create_directories(root / "web" / "js");
  std::ofstream(root / "web" / "index.html") << "<p>hi</p>";
  std::ofstream(root / "web" / "js" / "a.js") << "1";
  fs::create_directories(root / "web" / "data");
  std::ofstream(root / "web" / "data" / "admin1.geojson") << "{}";
  std::ofstream(root / "secret.txt") << "secret";
  std::ofstream(root / "web" / "notes.cfg") << "x";
  fs::create_symlink(root / "secret.txt", root / "web" / "link.txt");
  StaticFiles files(root / "web");
  EXPECT_EQ(files.get("/")->body, "<p>hi</p>");
  EXPECT_EQ(files.get("/js/a.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files.get("/data/admin1.geojson")->content_type, "application/geo+json");  // region borders
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
// The pool lends each request a connection of its own: a request that holds one does not hold up
// another, and a connection comes back even when the request fails.
TEST(StorePool, RequestsGetConnectionsOfTheirOwn) {
  const auto dir = std::filesystem::temp_directory_path() / ("faultline_pool_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string db = (dir / "t.db").string();
  {
    StorePool pool(store::open_store(db, true), [&] { return store::open_store(db, false); }, 2);
    std::promise<void> taken, release;
    std::promise<store::Store*> first;
    std::thread holder([&] {
      pool.with([&](store::Store& s) {
        first.set_value(&s);
        taken.set_value();
        release.get_future().wait();
        return 0;
      });
    });
    taken.get_future().wait();
    store::Store* held = first.get_future().get();
    // The other connection answers while the first is held.
    store::Store* second = pool.with([&](store::Store& s) {
      EXPECT_EQ(s.counts().events, 0u);
      return &s;
    });
    EXPECT_NE(second, held);
    release.set_value();
    holder.join();
    for (int k = 0; k < 3; ++k)
      EXPECT_THROW(pool.with([](store::Store&) -> int { throw std::runtime_error("a failed request"); }),
                   std::runtime_error);
    std::vector<std::thread> many;
    std::atomic<int> done{0};
    for (int t = 0; t < 8; ++t)
      many.emplace_back([&] {
        for (int k = 0; k < 20; ++k) pool.with([&](store::Store& s) { return s.has_pending_work(); });
        ++done;
      });
    for (auto& t : many) t.join();
    EXPECT_EQ(done.load(), 8);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace faultline::serve
