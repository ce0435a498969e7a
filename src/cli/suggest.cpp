#include "cli/suggest.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "text/edit_distance.h"
#include "text/fold.h"
#include "text/utf8.h"

namespace faultline::cli {
namespace {

std::u32string code_points(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += text::next_code_point(s, i);
  return out;
}

}  // namespace

std::vector<std::string> closest_names(const std::string& given, const std::vector<std::string>& known,
                                       std::size_t n) {
  const std::string key = text::fold(given);
  const std::u32string key32 = code_points(key);
  if (key32.empty()) return {};
  const std::size_t max_distance = std::max<std::size_t>(2, key32.size() / 3);
  std::set<std::tuple<int, std::size_t, std::string>> ranked;  // (containment first, distance, name)
  std::set<std::string> seen;
  for (const auto& name : known) {
    if (name.empty() || !seen.insert(name).second) continue;
    const std::string folded = text::fold(name);
    const bool contains = key.size() >= 3 && (folded.find(key) != std::string::npos ||
                                              (folded.size() >= 3 && key.find(folded) != std::string::npos));
    const std::size_t d = text::edit_distance(key32, code_points(folded));  // over code points
    if (contains || d <= max_distance) ranked.emplace(contains ? 0 : 1, d, name);
  }
  std::vector<std::string> out;
  for (const auto& [c, d, name] : ranked) {
    if (out.size() == n) break;
    out.push_back(name);
  }
  return out;
}

std::string did_you_mean(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = "; did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  return out + "?";
}

}  // namespace faultline::cli
