#include "extract/dateline.h"

#include <algorithm>

namespace faultline::extract {
namespace {

constexpr uint32_t kMaxNameWords = 4;
constexpr uint32_t kMaxDatelineTokens = 16;
constexpr uint32_t kMaxWordsAfterComma = 6;

bool is_dash(const text::Token& t) { return t.key == "-" || t.key == "--"; }

}  // namespace

std::optional<Dateline> find_dateline(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end,
                                      const SentenceMentions& mentions) {
  uint32_t limit = std::min(end, begin + kMaxDatelineTokens);
  uint32_t i = begin;
  bool capitals = true;
  while (i < limit && tokens[i].word && tokens[i].capitalized) {
    capitals = capitals && tokens[i].all_caps;
    ++i;
  }
  uint32_t name_end = i;
  if (name_end == begin || name_end - begin > kMaxNameWords) return std::nullopt;
  if (i < limit && tokens[i].key == ",") {  // ", Mali", ", 5 janv."
    ++i;
    for (uint32_t words = 0; i < limit && tokens[i].key != "(" && !is_dash(tokens[i]); ++i)
      if (++words > kMaxWordsAfterComma) return std::nullopt;
  }
  bool agency = false;
  if (i < limit && tokens[i].key == "(") {  // "(Reuters)", "(AFP)"
    uint32_t close = i + 1;
    while (close < limit && tokens[close].key != ")") ++close;
    if (close >= limit || close == i + 1) return std::nullopt;
    agency = true;
    i = close + 1;
  }
  if (i >= limit || !is_dash(tokens[i])) return std::nullopt;
  ++i;
  if (i < end && is_dash(tokens[i])) ++i;  // "--" written as two hyphens

  Dateline d{begin, i, std::nullopt};
  for (const auto& pm : mentions.places)
    if (pm.begin >= begin && pm.end <= name_end && (pm.place != kNone || pm.country != kNone)) {
      d.place = pm;
      break;
    }
  if (!d.place)  // a capital is found as its government ("BAMAKO" = Mali's): the city itself
    for (const auto& am : mentions.actors)
      if (am.begin >= begin && am.end <= name_end && am.place != kNone) {
        d.place = PlaceMention{am.begin, am.end, am.place, kNone, false};
        break;
      }
  // A capitalised name needs its agency ("Gao (AFP) -"); capitals and a dash need a place the
  // gazetteer knows ("JNIM — the group's Sahel branch — …" is no dateline); a name with an agency
  // is one even for a town the gazetteer lacks.
  if (!capitals && !agency) return std::nullopt;
  if (!d.place && !agency) return std::nullopt;
  return d;
}

}  // namespace faultline::extract
