#include "serve/query_params.h"

#include <charconv>
#include <cmath>

#include "serve/api_error.h"
#include "text/utf8.h"

namespace faultline::serve {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

// What an error message may quote of a value: short and printable.
std::string quoted(const std::string& v) {
  std::string s = v.size() > 40 ? v.substr(0, 40) + "…" : v;
  return "'" + (is_clean_text(s) ? s : std::string("(not printable)")) + "'";
}

}  // namespace

bool is_clean_text(const std::string& s) {
  if (text::find_invalid_utf8(s) != std::string::npos) return false;
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return false;
  return true;
}

QueryParams::QueryParams(const std::multimap<std::string, std::string>& raw, std::initializer_list<const char*> allowed) {
  std::set<std::string> known(allowed.begin(), allowed.end());
  for (const auto& [name, value] : raw) {
    if (!known.count(name)) {
      std::string names;
      for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
      throw ApiError(400, "unknown_parameter",
                     "unknown parameter " + quoted(name) + (names.empty() ? " (this endpoint takes none)" : "; known: " + names));
    }
    if (values_.count(name)) throw ApiError(400, "repeated_parameter", "parameter '" + name + "' given more than once");
    if (value.size() > kMaxParameterLength)
      throw ApiError(400, "parameter_too_long",
                     "parameter '" + name + "' is longer than " + std::to_string(kMaxParameterLength) + " bytes");
    if (!is_clean_text(value))
      throw ApiError(400, "bad_encoding", "parameter '" + name + "' is not valid UTF-8 text (or holds control characters)");
    values_.emplace(name, value);
  }
}

std::string QueryParams::text(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::string() : trim(it->second);
}

long long QueryParams::integer(const std::string& name, long long min, long long max, long long fallback) const {
  if (!has(name)) return fallback;
  const std::string v = text(name);
  long long n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size())
    throw bad_parameter("parameter '" + name + "' must be an integer, not " + quoted(v));
  if (n < min || n > max)
    throw ApiError(400, "out_of_range",
                   "parameter '" + name + "' must be between " + std::to_string(min) + " and " + std::to_string(max));
  return n;
}

std::optional<double> QueryParams::number(const std::string& name, double min, double max) const {
  if (!has(name)) return std::nullopt;
  const std::string v = text(name);
  double x = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || !std::isfinite(x))
    throw bad_parameter("parameter '" + name + "' must be a number, not " + quoted(v));
  if (x < min || x > max)
    throw ApiError(400, "out_of_range", "parameter '" + name + "' must be between " + std::to_string(min) + " and " +
                                            std::to_string(max));
  return x;
}

std::optional<lexicon::PartialDate> QueryParams::date(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  const std::string v = text(name);
  auto d = lexicon::parse_partial_date(v);
  if (!d)
    throw ApiError(400, "bad_date", "parameter '" + name + "' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not " + quoted(v));
  return d;
}

graph::Window QueryParams::window() const {
  auto at = date("at");
  auto from = date("from");
  auto to = date("to");
  if (at && (from || to)) throw bad_parameter("'at' cannot be combined with 'from' or 'to'");
  if (at) return graph::window_of(*at);
  graph::Window w;
  if (from) w.first = from->first_key();
  if (to) w.last = to->last_key();
  if (w.last < w.first) throw ApiError(400, "bad_range", "'to' is before 'from'");
  return w;
}

std::vector<std::string> QueryParams::list(const std::string& name) const {
  std::vector<std::string> out;
  std::string v = text(name), item;
  for (char c : v + ",") {
    if (c == ',') {
      item = trim(item);
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

}  // namespace faultline::serve
