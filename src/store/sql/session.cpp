// Reading result cells whatever the driver gave (typed values or text) and building parameter lists.
#include "store/sql/session.h"

#include <charconv>
#include <cstdlib>

namespace faultline::store::sql {

std::string Params::list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + param(v);
  return out;
}

std::string Row::text(int col) const {
  const Value& v = cells_[col];
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, ec == std::errc() ? end : buf);
  }
  return {};
}

int64_t Row::int64(int col) const {
  const Value& v = cells_[col];
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* s = std::get_if<std::string>(&v)) {
    if (*s == "t") return 1;  // a PostgreSQL boolean
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  return 0;
}

double Row::real(int col) const {
  const Value& v = cells_[col];
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

}  // namespace faultline::store::sql
