#include "serve/page_cursor.h"

#include <charconv>
#include <vector>

#include "serve/api_error.h"

namespace faultline::serve {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(const std::string& in) {
  std::string out;
  uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 63];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 63];
  return out;
}

bool unbase64url(const std::string& in, std::string& out) {
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = c >= 'A' && c <= 'Z'   ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '-'             ? 62
            : c == '_'             ? 63
                                   : -1;
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return true;
}

ApiError bad_cursor() {
  return ApiError(400, "bad_cursor", "parameter 'cursor' is not a cursor of this server; use a next_cursor it gave");
}

}  // namespace

std::string encode_cursor(const PageCursor& c) {
  return base64url("1|" + c.sort + "|" + std::to_string(c.position) + "|" + c.id);
}

PageCursor decode_cursor(const std::string& text) {
  std::string raw;
  if (text.empty() || !unbase64url(text, raw)) throw bad_cursor();
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int k = 0; k < 3; ++k) {
    auto bar = raw.find('|', start);
    if (bar == std::string::npos) throw bad_cursor();
    parts.push_back(raw.substr(start, bar - start));
    start = bar + 1;
  }
  parts.push_back(raw.substr(start));
  PageCursor c;
  if (parts[0] != "1" || parts[3].empty()) throw bad_cursor();
  c.sort = parts[1];
  const std::string& pos = parts[2];
  auto [end, ec] = std::from_chars(pos.data(), pos.data() + pos.size(), c.position);
  if (pos.empty() || ec != std::errc() || end != pos.data() + pos.size()) throw bad_cursor();
  c.id = parts[3];
  return c;
}

}  // namespace faultline::serve
