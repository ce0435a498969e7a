// The PostgreSQL store's pieces that need no server: full-text terms cut and folded as SQLite's
// unicode61 tokenizer does, and URLs shown without their password. (The store itself is tested
// against a real server by tests/pg/run_pg_tests.sh.)
#include <gtest/gtest.h>

#include "store/fts_terms.h"
#include "store/pg.h"
#include "store/store.h"

namespace faultline::store {
namespace {

TEST(FtsTerms, CutAtEverythingButLettersAndDigitsFoldedWithoutAccents) {
  EXPECT_EQ(fts_terms("Gunmen killed 14 in Ménaka; al-Sahraoui's men (ISGS) fled."),
            (std::vector<std::string>{"gunmen", "killed", "14", "in", "menaka", "al", "sahraoui", "s", "men", "isgs",
                                      "fled"}));
  EXPECT_EQ(fts_terms("SOLDATS MALIENS à Tombouctou"),
            (std::vector<std::string>{"soldats", "maliens", "a", "tombouctou"}));
  EXPECT_TRUE(fts_terms(" -- ,, ").empty());
}

TEST(FtsTerms, TsvectorKeepsPositionsAndQuotes) {
  EXPECT_EQ(tsvector_literal("Kidal's army"), "'kidal':1 's':2 'army':3");
  EXPECT_EQ(tsvector_literal(""), "");
}

TEST(FtsTerms, QueryIsOnePhrasePerWordAllRequired) {
  EXPECT_EQ(tsquery_literal("al-Sahraoui KIDAL"), "('al' <-> 'sahraoui') & ('kidal')");
  EXPECT_EQ(tsquery_literal("  Ménaka  "), "('menaka')");
  EXPECT_EQ(tsquery_literal("-- ,,"), "");
}

TEST(PgUrl, PasswordsNeverShown) {
  EXPECT_EQ(pg::redact("postgresql://u:secret@db.example:5432/x"), "postgresql://u:***@db.example:5432/x");
  EXPECT_EQ(pg::redact("postgres://u@h/x?password=secret&sslmode=require"),
            "postgres://u@h/x?password=***&sslmode=require");
  EXPECT_EQ(pg::redact("postgresql://u@h:5432/x"), "postgresql://u@h:5432/x");
  EXPECT_EQ(display_location("out/faultline.db"), "out/faultline.db");
  EXPECT_TRUE(is_postgres_url("postgres://h/x"));
  EXPECT_TRUE(is_postgres_url("postgresql://h/x"));
  EXPECT_FALSE(is_postgres_url("postgresql.db"));
}

TEST(PgConnection, UnreachableServerIsAClearError) {
  try {
    pg::Connection::open("postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=2");
    FAIL() << "connected to port 1";
  } catch (const pg::Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("cannot connect to PostgreSQL at postgresql://nobody:***@127.0.0.1:1/none"), std::string::npos)
        << what;
    EXPECT_EQ(what.find("pw@"), std::string::npos) << what;
  }
}

}  // namespace
}  // namespace faultline::store
