// Writing the adopting command line (see adopt_command.h).
#include "discover/adopt_command.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace faultline::discover {

std::string shell_word(const std::string& s) {
  const bool safe = !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) ||
           std::string_view("_-./:=@+,%").find(ch) != std::string_view::npos;
  });
  if (safe) return s;
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string adopt_command(const Candidate& c, const std::vector<Candidate>& all, const std::string& db) {
  const std::string& name = find_candidate(all, c.name) == &c ? c.name : c.id;
  return "faultline discover --db " + shell_word(db) + " --accept " + shell_word(name) + " --id " +
         shell_word(c.suggested_id);
}

}  // namespace faultline::discover
