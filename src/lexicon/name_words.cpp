// Loading and querying packs/core/name_words.tsv (see name_words.h).
#include "lexicon/name_words.h"

#include <set>

#include "lexicon/tsv_file.h"
#include "text/fold.h"

namespace faultline::lexicon {
namespace {

const std::set<std::string, std::less<>> kSectors = {"GOV", "MIL", "POL", "REB", "OPP", "CVL", "IGO",
                                                     "NGO", "BUS", "MED", "JUD", "LEG", "PMC", "INS"};
const std::set<std::string, std::less<>> kKinds = {"group", "coalition", "militia", "government", "military"};

uint8_t parse_role(std::string_view r) {
  if (r == "head") return kHeadWord;
  if (r == "title") return kTitleWord;
  if (r == "word") return kCommonWord;
  if (r == "connector") return kConnector;
  if (r == "particle") return kParticle;
  if (r == "stop") return kStopWord;
  // A word ending the name of a thing breaks a name as a stop word does: what stands before it
  // ("Free Trade" of "Free Trade Agreement (FTA)") holds no head word and no acronym.
  if (r == "thing") return kStopWord;
  return 0;
}

}  // namespace

void NameWords::load(const std::string& path) {
  auto f = read_tsv(path, {"word", "lang", "role", "english", "sector", "kind"});
  for (const auto& row : f.rows) {
    std::string key = text::fold(row[0]);
    if (key.empty() || key.find(' ') != std::string::npos) f.fail(row, "word must be one word, not '" + row[0] + "'");
    if (row[1] != "en" && row[1] != "fr") f.fail(row, "lang must be en or fr, not '" + row[1] + "'");
    uint8_t role = parse_role(row[2]);
    if (!role) f.fail(row, "role must be head, title, word, connector, particle, stop or thing, not '" + row[2] + "'");
    if (role == kCommonWord && row[3].empty()) f.fail(row, "a common word needs its English equivalent");
    if ((role == kHeadWord || role == kTitleWord) && !kSectors.count(row[4]))
      f.fail(row,
             "sector must be one of GOV MIL POL REB OPP CVL IGO NGO BUS MED JUD LEG PMC INS, not '" + row[4] + "'");
    if (role == kHeadWord && !kKinds.count(row[5]))
      f.fail(row, "kind must be group, coalition, militia, government or military, not '" + row[5] + "'");
    NameWord& w = words_[key];
    w.roles |= role;
    if (w.english.empty()) w.english = row[3].empty() ? key : text::fold(row[3]);
    if (w.sector.empty()) w.sector = row[4];
    if (w.kind.empty()) w.kind = row[5];
  }
}

const NameWord* NameWords::find(std::string_view key) const {
  auto it = words_.find(std::string(key));
  return it == words_.end() ? nullptr : &it->second;
}

std::string NameWords::english(std::string_view key) const {
  const NameWord* w = find(key);
  return w && !w->english.empty() ? w->english : std::string(key);
}

}  // namespace faultline::lexicon
