// The output of the query commands: rows as a table (for people), JSON Lines (one object per
// row, every field) or CSV (the table's columns).
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

namespace faultline::exporting {

enum class RowFormat { Table, Json, Csv };
// "table", "json" or "csv"; throws std::invalid_argument otherwise.
RowFormat parse_row_format(const std::string& name);

struct Column {
  std::string title;
  std::string key;         // the row's field shown in this column (and the CSV header)
  std::size_t width = 40;  // at most this many characters in a table (longer cells end in "…")
  // For a nested field: how to show it; by default the field's value (see cell_text).
  std::function<std::string(const nlohmann::ordered_json& row)> get = nullptr;
};

class RowWriter {
 public:
  RowWriter(std::ostream& out, RowFormat format, std::vector<Column> columns);
  void add(const nlohmann::ordered_json& row);
  // Writes what is still buffered (a table sizes its columns on its first rows).
  void finish();
  std::size_t rows() const { return rows_; }

 private:
  std::vector<std::string> cells(const nlohmann::ordered_json& row) const;
  void print_table_header();
  void print_table_row(const std::vector<std::string>& cells);

  std::ostream& out_;
  RowFormat format_;
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> buffered_;
  std::vector<std::size_t> widths_;
  bool header_done_ = false;
  std::size_t rows_ = 0;
};

// A JSON value as a cell: strings as they are, null as "", arrays joined with "; ".
std::string cell_text(const nlohmann::ordered_json& v);

}  // namespace faultline::exporting
