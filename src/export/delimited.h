// Fields of delimited text: CSV as RFC 4180 (quoted when needed) and TSV as GDELT writes it
// (no quoting, so TABs and line breaks inside a field become spaces).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::exporting {

std::string csv_field(std::string_view s);
std::string tsv_field(std::string_view s);
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);
void write_tsv_row(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace faultline::exporting
