#include "extract/numbers.h"

#include <string>
#include <unordered_map>

namespace faultline::extract {
namespace {

const std::unordered_map<std::string, int64_t>& number_words() {
  static const std::unordered_map<std::string, int64_t> kWords = {
      {"one", 1},        {"two", 2},        {"three", 3},      {"four", 4},       {"five", 5},
      {"six", 6},        {"seven", 7},      {"eight", 8},      {"nine", 9},       {"ten", 10},
      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
      {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18},  {"nineteen", 19},  {"twenty", 20},
      {"thirty", 30},    {"forty", 40},     {"fifty", 50},     {"sixty", 60},     {"seventy", 70},
      {"eighty", 80},    {"ninety", 90},    {"hundred", 100},  {"a", 1},
      {"un", 1},         {"une", 1},        {"deux", 2},       {"trois", 3},      {"quatre", 4},
      {"cinq", 5},       {"sept", 7},       {"huit", 8},       {"neuf", 9},       {"dix", 10},
      {"onze", 11},      {"douze", 12},     {"treize", 13},    {"quatorze", 14},  {"quinze", 15},
      {"seize", 16},     {"dix-sept", 17},  {"dix-huit", 18},  {"dix-neuf", 19},  {"vingt", 20},
      {"trente", 30},    {"quarante", 40},  {"cinquante", 50}, {"soixante", 60},  {"cent", 100}};
  return kWords;
}

bool is_vague(const std::string& k) {
  return k == "dozens" || k == "hundreds" || k == "thousands" || k == "scores" || k == "dozen" ||
         k == "several" || k == "numerous" || k == "many" || k == "dizaines" || k == "centaines" ||
         k == "milliers" || k == "dizaine" || k == "centaine" || k == "plusieurs" || k == "nombreux" ||
         k == "some";
}

std::optional<int64_t> digits_value(const std::string& k) {
  std::string d;
  for (char c : k) {
    if (c >= '0' && c <= '9')
      d.push_back(c);
    else if (c != ',' && c != ' ')
      return std::nullopt;
  }
  if (d.empty() || d.size() > 9) return std::nullopt;
  return std::stoll(d);
}

}  // namespace

std::optional<Count> read_count(const std::vector<text::Token>& tokens, uint32_t i, uint32_t end) {
  if (i >= end) return std::nullopt;
  const auto& k = tokens[i].key;
  if (is_vague(k)) return Count{0, 1, true};
  if ((k == "a" || k == "une") && i + 1 < end && is_vague(tokens[i + 1].key)) return Count{0, 2, true};
  if (tokens[i].number) {
    auto v = digits_value(k);
    if (!v) return std::nullopt;
    // "2012" is a year, not a count, unless written with a separator ("2,012").
    if (k.size() == 4 && *v >= 1900 && *v <= 2099) return std::nullopt;
    uint32_t len = 1;
    if (i + 1 < end && (tokens[i + 1].key == "million" || tokens[i + 1].key == "millions")) {
      *v *= 1000000;
      ++len;
    }
    return Count{*v, len, false};
  }
  const auto& words = number_words();
  if (k == "a" || k == "un" || k == "une") return std::nullopt;
  int64_t value = 0;
  if (auto it = words.find(k); it != words.end()) {
    value = it->second;
  } else if (auto dash = k.find('-'); dash != std::string::npos) {
    // "twenty-one" comes as one token
    auto a = words.find(k.substr(0, dash)), b = words.find(k.substr(dash + 1));
    if (a == words.end() || b == words.end()) return std::nullopt;
    value = a->second + b->second;
  } else {
    return std::nullopt;
  }
  uint32_t len = 1;
  // "one hundred", "two thousand"
  while (i + len < end) {
    const auto& nk = tokens[i + len].key;
    if (nk == "hundred" || nk == "cent" || nk == "cents") {
      value *= 100;
      ++len;
    } else if (nk == "thousand" || nk == "mille") {
      value *= 1000;
      ++len;
    } else {
      break;
    }
  }
  return Count{value, len, false};
}

}  // namespace faultline::extract
