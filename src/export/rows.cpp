#include "export/rows.h"

#include <stdexcept>

#include "export/delimited.h"

namespace faultline::exporting {
namespace {

constexpr std::size_t kSizingRows = 200;

std::size_t display_length(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;  // code points, not bytes
  return n;
}

// The first `width` characters, the last one "…" when cut (never splitting a UTF-8 sequence).
std::string clip(const std::string& s, std::size_t width) {
  if (display_length(s) <= width) return s;
  std::string out;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80 && ++n == width) break;
    out += s[i];
  }
  return out + "…";
}

std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

}  // namespace

RowFormat parse_row_format(const std::string& name) {
  if (name == "table") return RowFormat::Table;
  if (name == "json" || name == "jsonl") return RowFormat::Json;
  if (name == "csv") return RowFormat::Csv;
  throw std::invalid_argument("--format must be table, json or csv, not '" + name + "'");
}

std::string cell_text(const nlohmann::ordered_json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : "; ") + cell_text(x);
    return out;
  }
  if (v.is_number_float()) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4g", v.get<double>());
    return buf;
  }
  return v.dump();
}

RowWriter::RowWriter(std::ostream& out, RowFormat format, std::vector<Column> columns)
    : out_(out), format_(format), columns_(std::move(columns)) {}

std::vector<std::string> RowWriter::cells(const nlohmann::ordered_json& row) const {
  std::vector<std::string> out;
  for (const auto& c : columns_) {
    if (c.get) out.push_back(c.get(row));
    else out.push_back(row.contains(c.key) ? cell_text(row[c.key]) : "");
  }
  return out;
}

void RowWriter::add(const nlohmann::ordered_json& row) {
  ++rows_;
  switch (format_) {
    case RowFormat::Json:
      out_ << row.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      return;
    case RowFormat::Csv:
      if (rows_ == 1) {
        std::vector<std::string> titles;
        for (const auto& c : columns_) titles.push_back(c.key);
        write_csv_row(out_, titles);
      }
      write_csv_row(out_, cells(row));
      return;
    case RowFormat::Table:
      if (!header_done_) {
        buffered_.push_back(cells(row));
        if (buffered_.size() >= kSizingRows) finish();
      } else {
        print_table_row(cells(row));
      }
      return;
  }
}

void RowWriter::print_table_header() {
  widths_.clear();
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    std::size_t w = display_length(columns_[i].title);
    for (const auto& r : buffered_) w = std::max(w, std::min(columns_[i].width, display_length(one_line(r[i]))));
    widths_.push_back(w);
  }
  std::vector<std::string> titles;
  for (const auto& c : columns_) titles.push_back(c.title);
  print_table_row(titles);
  std::string rule;
  for (std::size_t i = 0; i < widths_.size(); ++i) rule += (i ? "  " : "") + std::string(widths_[i], '-');
  out_ << rule << '\n';
  header_done_ = true;
}

void RowWriter::print_table_row(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string c = clip(one_line(cells[i]), widths_[i]);
    line += c;
    if (i + 1 < cells.size()) line += std::string(widths_[i] - display_length(c) + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out_ << line << '\n';
}

void RowWriter::finish() {
  if (format_ != RowFormat::Table) return;
  if (!header_done_) {
    if (buffered_.empty() && rows_ == 0) return;
    print_table_header();
  }
  for (const auto& r : buffered_) print_table_row(r);
  buffered_.clear();
}

}  // namespace faultline::exporting
