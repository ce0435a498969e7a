// The PostgreSQL driver of the store's session (sql/session.h), over a libpq connection it
// borrows.
#pragma once

#include "store/pg.h"
#include "store/sql/session.h"

namespace faultline::store::sql {

class PgSession final : public Session {
 public:
  explicit PgSession(pg::Connection& c) : c_(c) {}

  Result query(std::string_view sql, const Params& p, Prepare prepare) override;
  void for_each_batch(std::string_view sql, const Params& p, const std::function<void(const Result&)>& batch,
                      int rows) override;
  void read(const std::function<void()>& reads) override;
  void transaction(const std::function<void()>& work) override;
  [[noreturn]] void conflict(const std::string& what) override { throw pg::Error(what, "40001"); }
  void lock(int32_t kind, int32_t key) override;
  bool try_lock(int32_t kind, int32_t key) override;
  std::unique_ptr<BulkInsert> bulk_insert(std::string head, int columns, std::string tail,
                                          std::function<void(const Result&)> on_result) override;
  void analyze() override;

  std::string_view nulls_first() const override { return " NULLS FIRST"; }
  std::string_view no_limit() const override { return "ALL"; }
  std::string id_set(const std::vector<int64_t>& ids) const override;
  std::string in_id_set(std::string_view expr, std::string_view param) const override;
  std::string text_set(const std::vector<std::string>& values) const override;
  std::string in_text_set(std::string_view expr, std::string_view param) const override;
  std::string text_query(std::string_view words) const override;
  std::string reports_matching(std::string_view param) const override;
  std::string concat_agg(std::string_view expr, std::string_view separator) const override;
  std::string byte_length(std::string_view expr) const override;
  std::string_view new_stale_mark() const override { return "nextval('graph_stale_seq')::text"; }
  std::optional<std::string> fts_terms(std::string_view text) const override;
  std::string_view for_update() const override { return " FOR UPDATE"; }
  std::string_view remark_dirty() const override { return "DO UPDATE SET gen = dirty_blocks.gen + 1"; }

 private:
  pg::Connection& c_;
  int depth_ = 0;  // read() calls open: only the outermost opens the snapshot
};

// The values of `p` as libpq's text parameters.
pg::Params pg_params(const Params& p);

}  // namespace faultline::store::sql
