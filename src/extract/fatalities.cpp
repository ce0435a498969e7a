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

// Singular nouns for one person, and the words that may open or modify such a noun phrase.
const std::unordered_set<std::string> kOnePerson = {
    "soldier",     "officer",  "commander",   "leader",   "pilot",    "journalist", "civilian", "policeman",
    "policewoman", "gendarme", "chief",       "mayor",    "imam",     "priest",     "teacher",  "student",
    "worker",      "official", "peacekeeper", "driver",   "trader",   "farmer",     "herder",   "militant",
    "fighter",     "jihadist", "rebel",       "man",      "woman",    "child",      "boy",      "girl",
    "guard",       "member",   "deputy",      "governor", "minister", "soldat",     "officier", "commandant",
    "chef",        "pilote",   "journaliste", "civil",    "policier", "maire",      "pretre",   "enseignant",
    "eleve",       "elu",      "homme",       "femme",    "enfant",   "garde",      "membre",   "gouverneur",
    "ministre",    "depute",   "casque"};
const std::unordered_set<std::string> kOneDeterminer = {"a",  "an",  "the", "one", "its", "his", "her", "their", "'s",
                                                        "un", "une", "le",  "la",  "l'",  "son", "sa",  "leur"};
const std::unordered_set<std::string> kPassiveBe = {"was", "is", "been", "has", "had", "a", "ete", "est", "fut"};
const std::unordered_set<std::string> kCoordination = {"and", "et", ",", "or", "ou"};

// A noun phrase for one person ending at tokens[last]: a determiner, at most two modifiers, then a
// singular person noun.
bool one_person_ending_at(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t last) {
  if (!kOnePerson.count(tokens[last].key)) return false;
  for (uint32_t k = last, n = 0; k > begin && n < 4; ++n) {
    --k;
    if (kOneDeterminer.count(tokens[k].key)) return true;
    if (!tokens[k].word || tokens[k].number || kCoordination.count(tokens[k].key)) return false;
  }
  return false;
}

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

bool kills_one_person(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end, uint32_t pred_begin,
                      uint32_t pred_end) {
  if (!states_killing(tokens, pred_begin, pred_end)) return false;
  // Active: the object right after the verb, alone.
  for (uint32_t k = pred_end, n = 0; k < end && n < 5; ++k, ++n) {
    if (!kOnePerson.count(tokens[k].key)) continue;
    if (!one_person_ending_at(tokens, pred_end > 0 ? pred_end - 1 : 0, k)) break;
    bool more = k + 1 < end && kCoordination.count(tokens[k + 1].key) && k + 2 < end && tokens[k + 2].word &&
                !tokens[k + 2].capitalized;
    return !more;
  }
  // Passive: the subject right before "was killed", "a été tué".
  uint32_t k = pred_begin;
  for (uint32_t n = 0; k > begin && n < 3 && kPassiveBe.count(tokens[k - 1].key); ++n) --k;
  if (k == pred_begin || k == begin) return false;
  return one_person_ending_at(tokens, begin, k - 1) && !(k - 1 > begin && kCoordination.count(tokens[k - 2].key));
}

}  // namespace faultline::extract
