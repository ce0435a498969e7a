#include "lexicon/tsv_file.h"

#include <fstream>
#include <sstream>

#include "text/utf8.h"

namespace faultline::lexicon {
namespace {

std::string describe(const std::string& file, std::size_t line, const std::string& message) {
  std::ostringstream os;
  os << file;
  if (line > 0) os << ":" << line;
  os << ": " << message;
  return os.str();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = line.find('\t', start);
    std::string_view cell = trim(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    out.emplace_back(cell == "-" ? std::string_view{} : cell);
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

}  // namespace

PackError::PackError(std::string file, std::size_t line, const std::string& message)
    : std::runtime_error(describe(file, line, message)), file_(std::move(file)), line_(line) {}

void TsvFile::fail(const TsvRow& row, const std::string& message) const {
  throw PackError(path, row.line, message);
}

TsvFile read_tsv(const std::string& path, const std::vector<std::string_view>& columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw PackError(path, 0, "cannot open file");
  TsvFile file;
  file.path = path;
  std::string line;
  std::size_t number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++number;
    if (auto bad = text::find_invalid_utf8(line); bad != std::string::npos)
      throw PackError(path, number, "invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
    if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    std::string_view view = trim(line);
    if (view.empty() || view.front() == '#') continue;
    auto cells = split_tabs(line);
    if (!header_seen) {
      header_seen = true;
      bool same = cells.size() == columns.size();
      for (std::size_t i = 0; same && i < cells.size(); ++i) same = cells[i] == columns[i];
      if (!same) {
        std::string expected;
        for (auto c : columns) expected += (expected.empty() ? "" : "<TAB>") + std::string(c);
        throw PackError(path, number, "header must be: " + expected);
      }
      continue;
    }
    if (cells.size() != columns.size()) {
      throw PackError(path, number, "expected " + std::to_string(columns.size()) + " TAB-separated columns, found " +
                                        std::to_string(cells.size()));
    }
    file.rows.push_back(TsvRow{number, std::move(cells)});
  }
  if (!header_seen) throw PackError(path, 0, "no header line");
  return file;
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t bar = cell.find('|', start);
    std::string_view item = trim(cell.substr(start, bar == std::string_view::npos ? cell.npos : bar - start));
    if (!item.empty()) out.emplace_back(item);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace faultline::lexicon
