#include "store/pg_bulk.h"

namespace faultline::store::pg {

BulkInsert::BulkInsert(Connection& c, std::string head, int columns, std::string tail,
                       std::function<void(const Result&)> on_result, int max_rows)
    : c_(c),
      head_(std::move(head)),
      tail_(std::move(tail)),
      columns_(columns),
      max_rows_(max_rows),
      on_result_(std::move(on_result)) {}

Params& BulkInsert::row() {
  if (rows_ == max_rows_) flush();
  ++rows_;
  return params_;
}

void BulkInsert::flush() {
  if (rows_ == 0) return;
  std::string sql = head_ + " VALUES ";
  int n = 0;
  for (int r = 0; r < rows_; ++r) {
    sql += r ? ", (" : "(";
    for (int k = 0; k < columns_; ++k) sql += (k ? ", $" : "$") + std::to_string(++n);
    sql += ')';
  }
  if (!tail_.empty()) sql += " " + tail_;
  if (params_.size() != n)
    throw Error("internal error: " + std::to_string(params_.size()) + " values for " + std::to_string(n) +
                    " parameters in '" + head_ + "'",
                "");
  Result r = c_.exec(sql, params_);
  params_ = Params();
  rows_ = 0;
  if (on_result_) on_result_(r);
}

}  // namespace faultline::store::pg
