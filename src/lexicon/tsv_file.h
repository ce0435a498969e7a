// Reading the line-oriented, TAB-separated pack files, with errors that name file and line.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::lexicon {

// A problem in a pack file: what, where (file and 1-based line; line 0 = the file as a whole).
class PackError : public std::runtime_error {
 public:
  PackError(std::string file, std::size_t line, const std::string& message);
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }

 private:
  std::string file_;
  std::size_t line_;
};

struct TsvRow {
  std::size_t line = 0;
  std::vector<std::string> cells;  // one per header column, trimmed; "-" is read as empty
  const std::string& operator[](std::size_t i) const { return cells[i]; }
};

struct TsvFile {
  std::string path;
  std::vector<TsvRow> rows;
  [[noreturn]] void fail(const TsvRow& row, const std::string& message) const;
};

// Reads `path`, checks UTF-8 and that the header names exactly `columns`, and that every row has
// that many cells. Throws PackError.
TsvFile read_tsv(const std::string& path, const std::vector<std::string_view>& columns);

// Splits a `|` list, trimming items and dropping empty ones.
std::vector<std::string> split_list(std::string_view cell);

}  // namespace faultline::lexicon
