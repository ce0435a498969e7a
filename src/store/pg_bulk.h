// Multi-row INSERT for the PostgreSQL store: rows are gathered and sent as one statement of up to
// `max_rows` rows (a round trip per statement, not per row). Internal to the PostgreSQL backend.
#pragma once

#include <functional>
#include <string>

#include "store/pg.h"

namespace faultline::store::pg {

class BulkInsert {
 public:
  // `head`: "INSERT INTO t (a, b, c)"; `columns`: values per row; `tail`: what follows VALUES
  // (ON CONFLICT…, RETURNING…). `on_result` sees each statement's result (rows returned in the
  // order the rows were added: PostgreSQL inserts a VALUES list in order).
  BulkInsert(Connection& c, std::string head, int columns, std::string tail = "",
             std::function<void(const Result&)> on_result = nullptr, int max_rows = 500);
  // Starts a row: add exactly `columns` values to what this returns. PostgreSQL infers each
  // value's type from its column.
  Params& row();
  // Sends the rows gathered, if any.
  void flush();

 private:
  Connection& c_;
  std::string head_, tail_;
  int columns_;
  int max_rows_;
  std::function<void(const Result&)> on_result_;
  Params params_;
  int rows_ = 0;
};

}  // namespace faultline::store::pg
