#include "extract/fatalities.h"

#include <cstdlib>
#include <string>
#include <unordered_set>

#include "extract/numbers.h"

namespace faultline::extract {
namespace {

const std::unordered_set<std::string> kDeathWords = {
    "killed", "killing", "kill", "kills", "dead", "deaths", "died", "die", "dying", "death", "lives",
    "massacre", "massacred", "executed", "executing", "slain", "slaughtered", "fatalities", "bodies",
    "tues", "tue", "tuee", "tuees", "tuant", "tuent", "tuer", "morts", "mort", "deces", "victimes", "massacres",
    "executes", "toll", "abattus", "abattu", "pertes"};
const std::unordered_set<std::string> kHedges = {
    "at", "least", "more", "than", "over", "about", "some", "nearly", "around", "approximately", "up", "to",
    "almost", "roughly", "an", "estimated", "of", "+", "au", "moins", "plus", "de", "pres", "environ", "quelque",
    "rose", "reached", "stood", "was", "is", "the", "a", "toll", "death", "people", "persons"};
// Nouns for who may be counted between the figure and the death word ("14 soldiers were killed").
const std::unordered_set<std::string> kCounted = {
    "people", "persons", "civilians", "soldiers", "troops", "militants", "jihadists", "fighters", "rebels",
    "police", "policemen", "officers", "villagers", "children", "women", "men", "peacekeepers", "terrorists",
    "assailants", "attackers", "gunmen", "insurgents", "personnes", "civils", "soldats", "militaires",
    "were", "have", "been", "had", "are", "and", "others", "wounded", "injured", "malian", "french", "nigerien",
    "burkinabe", "chadian", "un", "army", "security", "forces", "members", "who", "worshippers", "ont", "ete",
    "sont", "of", "them"};

const std::unordered_set<std::string> kKillVerbs = {"killed", "assassinated", "executed", "killing", "slain",
                                                    "eliminated", "tue", "tua", "assassine", "neutralized"};

}  // namespace

std::optional<int64_t> find_fatalities(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end,
                                       uint32_t near) {
  std::optional<int64_t> best;
  int64_t best_distance = INT64_MAX;
  auto consider = [&](const Count& c, uint32_t at) {
    if (c.vague || c.value <= 0) return;
    int64_t d = std::llabs(static_cast<int64_t>(at) - static_cast<int64_t>(near));
    if (d < best_distance) {
      best_distance = d;
      best = c.value;
    }
  };
  for (uint32_t i = begin; i < end; ++i) {
    if (!kDeathWords.count(tokens[i].key)) continue;
    // After the death word: "killing at least 14", "a massacre of 500", "death toll rose to 30"
    for (uint32_t j = i + 1, n = 0; j < end && n < 5; ++j, ++n) {
      if (auto c = read_count(tokens, j, end)) {
        consider(*c, i);
        break;
      }
      if (!kHedges.count(tokens[j].key)) break;
    }
    // Before it: "14 soldiers were killed", "20+ dead"
    for (uint32_t j = i, n = 0; j > begin && n < 6; ++n) {
      --j;
      if (auto c = read_count(tokens, j, end)) {
        consider(*c, i);
        break;
      }
      if (!kCounted.count(tokens[j].key) && !kHedges.count(tokens[j].key)) break;
    }
  }
  return best;
}

bool states_killing(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end) {
  for (uint32_t i = begin; i < end; ++i)
    if (kKillVerbs.count(tokens[i].key)) return true;
  return false;
}

}  // namespace faultline::extract
