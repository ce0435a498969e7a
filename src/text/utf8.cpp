#include "text/utf8.h"

#include <array>
#include <optional>
#include <vector>

namespace faultline::text {
namespace {

// Windows-1252 code points for bytes 0x80..0x9F (0 where the byte is undefined).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char32_t cp1252_to_unicode(unsigned char b) {
  if (b >= 0x80 && b < 0xA0) {
    char32_t cp = kCp1252High[b - 0x80];
    return cp ? cp : b;
  }
  return b;
}

// The byte a code point came from when UTF-8 was wrongly read as Windows-1252 or Latin-1.
std::optional<unsigned char> unicode_to_cp1252(char32_t cp) {
  if (cp < 0x80) return static_cast<unsigned char>(cp);
  if (cp >= 0xA0 && cp <= 0xFF) return static_cast<unsigned char>(cp);
  if (cp >= 0x80 && cp < 0xA0) return static_cast<unsigned char>(cp);  // C1 controls via Latin-1
  for (std::size_t i = 0; i < kCp1252High.size(); ++i)
    if (kCp1252High[i] == cp) return static_cast<unsigned char>(0x80 + i);
  return std::nullopt;
}

int sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Length of the valid UTF-8 sequence at s[i], or 0.
int valid_sequence_at(std::string_view s, std::size_t i) {
  auto lead = static_cast<unsigned char>(s[i]);
  int n = sequence_length(lead);
  if (n <= 1 || i + n > s.size()) return n == 1 ? 1 : 0;
  for (int k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (lead == 0xE0 && b1 < 0xA0) return 0;  // overlong
  if (lead == 0xED && b1 >= 0xA0) return 0;  // surrogates
  if (lead == 0xF0 && b1 < 0x90) return 0;   // overlong
  if (lead == 0xF4 && b1 >= 0x90) return 0;  // beyond U+10FFFF
  return n;
}

}  // namespace

char32_t next_code_point(std::string_view s, std::size_t& i) {
  int n = valid_sequence_at(s, i);
  auto lead = static_cast<unsigned char>(s[i]);
  if (n == 0) {
    ++i;
    return 0xFFFD;
  }
  if (n == 1) {
    ++i;
    return lead;
  }
  char32_t cp = lead & (0x7F >> n);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t find_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    int n = valid_sequence_at(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string::npos;
}

namespace {

// Undoes one level of double encoding in valid UTF-8 text: a run of code points that are all
// Windows-1252 characters and whose bytes form a valid multi-byte UTF-8 sequence.
std::string undo_double_encoding(const std::string& s, std::size_t& repaired) {
  std::vector<char32_t> cps;
  cps.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) cps.push_back(next_code_point(s, i));
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < cps.size();) {
    char32_t c = cps[i];
    auto lead = unicode_to_cp1252(c);
    int n = lead ? sequence_length(*lead) : 0;
    if (c >= 0xC2 && c <= 0xF4 && n >= 2 && i + n <= cps.size()) {
      std::string bytes(1, static_cast<char>(*lead));
      bool ok = true;
      for (int k = 1; k < n && ok; ++k) {
        auto b = unicode_to_cp1252(cps[i + k]);
        ok = b && (*b & 0xC0) == 0x80;
        if (ok) bytes.push_back(static_cast<char>(*b));
      }
      if (ok && valid_sequence_at(bytes, 0) == n) {
        out += bytes;
        ++repaired;
        i += n;
        continue;
      }
      // "Ã" + space: the no-break space (0xA0) of "à" was turned into a plain space.
      if (c == 0xC3 && n == 2 && cps[i + 1] == U' ') {
        append_utf8(out, U'à');
        out.push_back(' ');
        ++repaired;
        i += 2;
        continue;
      }
    }
    append_utf8(out, c);
    ++i;
  }
  return out;
}

}  // namespace

std::string repair_utf8(std::string_view raw, RepairReport* report) {
  RepairReport local;
  RepairReport& r = report ? *report : local;
  std::string valid;
  valid.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    int n = valid_sequence_at(raw, i);
    auto b = static_cast<unsigned char>(raw[i]);
    if (n == 0) {
      if (r.first_invalid == std::string::npos) r.first_invalid = i;
      ++r.invalid_bytes;
      append_utf8(valid, cp1252_to_unicode(b));
      ++i;
      continue;
    }
    if (n == 1 && b < 0x20 && b != '\n' && b != '\t' && b != '\r') {
      ++r.nul_bytes;
      ++i;
      continue;
    }
    valid.append(raw.substr(i, n));
    i += n;
  }
  // Mojibake shows as Ã, Â or â followed by Windows-1252 punctuation: only then try to undo it.
  if (valid.find("\xC3\x83") != std::string::npos || valid.find("\xC3\x82") != std::string::npos ||
      valid.find("\xC3\xA2\xE2\x82\xAC") != std::string::npos) {
    return undo_double_encoding(valid, r.mojibake_repaired);
  }
  return valid;
}

}  // namespace faultline::text
