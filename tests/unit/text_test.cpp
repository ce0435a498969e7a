#include <gtest/gtest.h>

#include "text/fold.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

using namespace faultline::text;

namespace {

std::vector<std::string> keys(const std::string& s) {
  std::vector<std::string> out;
  for (auto& t : tokenize(s)) out.push_back(t.key);
  return out;
}

std::vector<std::string> sentences(const std::string& s) {
  auto toks = tokenize(s);
  std::vector<std::string> out;
  for (auto& x : split_sentences(s, toks)) out.push_back(s.substr(x.begin, x.end - x.begin));
  return out;
}

}  // namespace

TEST(Utf8, RepairsDoubleEncodedText) {
  RepairReport r;
  EXPECT_EQ(repair_utf8("Ã la Bashar", &r), "à la Bashar");
  EXPECT_EQ(r.mojibake_repaired, 1u);
  EXPECT_EQ(repair_utf8("MÃ©naka and GoÃ¯ta"), "Ménaka and Goïta");
  EXPECT_EQ(repair_utf8("the â€œjuntaâ€\x9d said"), "the “junta” said");
}

TEST(Utf8, LeavesGoodTextAlone) {
  RepairReport r;
  EXPECT_EQ(repair_utf8("Ménaka, Tombouctou – São Paulo", &r), "Ménaka, Tombouctou – São Paulo");
  EXPECT_FALSE(r.changed());
}

TEST(Utf8, ReadsInvalidBytesAsWindows1252AndDropsControls) {
  RepairReport r;
  std::string latin1 = "M\xe9naka";
  EXPECT_EQ(repair_utf8(latin1, &r), "Ménaka");
  EXPECT_EQ(r.invalid_bytes, 1u);
  EXPECT_EQ(r.first_invalid, 1u);
  EXPECT_EQ(repair_utf8(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(find_invalid_utf8("ok"), std::string::npos);
  EXPECT_EQ(find_invalid_utf8("o\xffk"), 1u);
}

TEST(Fold, LowersAndStripsAccents) {
  EXPECT_EQ(fold("Ménaka"), "menaka");
  EXPECT_EQ(fold("Goïta"), "goita");
  EXPECT_EQ(fold("Aguel’hoc"), "aguel'hoc");
  EXPECT_EQ(fold("ÉTAT – Œuvre"), "etat - oeuvre");
}

TEST(Tokenizer, KeepsNamesAbbreviationsAndNumbersWhole) {
  EXPECT_EQ(keys("al-Sahraoui's men took Aguel'hoc."),
            (std::vector<std::string>{"al-sahraoui", "'s", "men", "took", "aguel'hoc", "."}));
  EXPECT_EQ(keys("The U.N. counted 5,000 troops, 20+ dead"),
            (std::vector<std::string>{"the", "u.n.", "counted", "5,000", "troops", ",", "20", "+", "dead"}));
  EXPECT_EQ(keys("l'armée d'Ansar Dine"), (std::vector<std::string>{"l'", "armee", "d'", "ansar", "dine"}));
  EXPECT_EQ(keys("March 27-31, 2022"), (std::vector<std::string>{"march", "27-31", ",", "2022"}));
}

TEST(Tokenizer, RecordsOffsetsAndCase) {
  std::string s = "The CMA and Mali";
  auto t = tokenize(s);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(s.substr(t[1].begin, t[1].end - t[1].begin), "CMA");
  EXPECT_TRUE(t[1].all_caps);
  EXPECT_TRUE(t[3].capitalized);
  EXPECT_FALSE(t[3].all_caps);
}

TEST(SentenceSplitter, SurvivesAbbreviationsAndInitials) {
  auto s = sentences("Col. Assimi Goïta met Gen. Smith on Dec. 3. The U.N. Security Council met. J. Smith left.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Col. Assimi Goïta met Gen. Smith on Dec. 3.");
  EXPECT_EQ(s[1], "The U.N. Security Council met.");
}

TEST(SentenceSplitter, SplitsAtLinesAndFootnotes) {
  auto s = sentences("Title line\nThe MNLA attacked.[1] Then it left! \"Why?\" he asked.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "Title line");
  EXPECT_EQ(s[1], "The MNLA attacked.[1]");
  EXPECT_EQ(s[2], "Then it left!");
}

TEST(SentenceSplitter, CutsOverlongLines) {
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "word ";
  auto toks = tokenize(line);
  for (auto& x : split_sentences(line, toks)) EXPECT_LE(x.end_token - x.first_token, kMaxSentenceTokens);
}
