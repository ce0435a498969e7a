#include "cli/date_options.h"

#include <regex>

#include "lexicon/lexicon.h"

namespace faultline::cli {

CLI::Validator day_date() {
  return CLI::Validator(
      [](const std::string& s) {
        static const std::regex re(R"(\d{4}-\d{2}-\d{2})");
        if (std::regex_match(s, re) && lexicon::parse_partial_date(s)) return std::string();
        return "'" + s + "' is not a calendar date YYYY-MM-DD";
      },
      "YYYY-MM-DD");
}

CLI::Validator partial_date() {
  return CLI::Validator(
      [](const std::string& s) {
        if (lexicon::parse_partial_date(s)) return std::string();
        return "'" + s + "' is not a calendar date YYYY, YYYY-MM or YYYY-MM-DD";
      },
      "DATE");
}

}  // namespace faultline::cli
