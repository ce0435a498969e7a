// UTF-8 decoding, validation and repair of the damage scraped text carries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace faultline::text {

// Decodes the code point at s[i] and advances i. Invalid bytes decode as U+FFFD, one byte at a time.
char32_t next_code_point(std::string_view s, std::size_t& i);

void append_utf8(std::string& out, char32_t cp);

// Offset of the first byte that is not part of valid UTF-8, or npos when s is valid.
std::size_t find_invalid_utf8(std::string_view s);

struct RepairReport {
  std::size_t invalid_bytes = 0;      // bytes that were not UTF-8, read as Windows-1252
  std::size_t first_invalid = std::string::npos;
  std::size_t mojibake_repaired = 0;  // double-encoded sequences ("Ã©" for "é") turned back
  std::size_t nul_bytes = 0;          // NUL and other C0 controls dropped
  bool changed() const { return invalid_bytes + mojibake_repaired + nul_bytes > 0; }
};

// Returns valid UTF-8: invalid bytes are read as Windows-1252 (the usual culprit), control
// characters other than tab and newline are dropped, and UTF-8 that was encoded twice is decoded
// once more. The report says what was done so callers can tell the user.
std::string repair_utf8(std::string_view raw, RepairReport* report = nullptr);

}  // namespace faultline::text
