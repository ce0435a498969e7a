// The query parameters of one API request, checked before use: only the names the endpoint
// knows, each at most once, valid UTF-8 without control characters, not too long. Getters parse
// and range-check values and throw ApiError (400) with a message that names the parameter.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "graph/time_window.h"
#include "lexicon/lexicon.h"

namespace faultline::serve {

inline constexpr std::size_t kMaxParameterLength = 256;

class QueryParams {
 public:
  // Throws ApiError for an unknown, repeated or malformed parameter.
  QueryParams(const std::multimap<std::string, std::string>& raw, std::initializer_list<const char*> allowed);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  // The value, trimmed of surrounding spaces ("" when absent).
  std::string text(const std::string& name) const;
  // An integer in [min, max]; `fallback` when absent.
  long long integer(const std::string& name, long long min, long long max, long long fallback) const;
  // A number in [min, max].
  std::optional<double> number(const std::string& name, double min, double max) const;
  // YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), or nullopt when absent.
  std::optional<lexicon::PartialDate> date(const std::string& name) const;
  // The window named by `at`, or `from` and `to` (each optional): all time when none is given.
  graph::Window window() const;
  // A comma-separated list (empty items dropped).
  std::vector<std::string> list(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

// Whether s is valid UTF-8 without control characters.
bool is_clean_text(const std::string& s);

}  // namespace faultline::serve
