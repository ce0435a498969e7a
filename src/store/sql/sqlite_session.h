// The SQLite driver of the store's session (sql/session.h), over a connection it borrows.
#pragma once

#include "store/sql/session.h"
#include "store/sqlite.h"

namespace faultline::store::sql {

class SqliteSession final : public Session {
 public:
  explicit SqliteSession(sqlite::Database& db) : db_(db) {}

  Result query(std::string_view sql, const Params& p, Prepare prepare) override;
  void for_each_batch(std::string_view sql, const Params& p, const std::function<void(const Result&)>& batch,
                      int rows) override;
  void read(const std::function<void()>& reads) override;
  void transaction(const std::function<void()>& work) override;
  [[noreturn]] void conflict(const std::string& what) override { throw std::runtime_error(what); }
  void lock(int32_t, int32_t) override {}
  bool try_lock(int32_t, int32_t) override { return true; }
  std::unique_ptr<BulkInsert> bulk_insert(std::string head, int columns, std::string tail,
                                          std::function<void(const Result&)> on_result) override;
  void analyze() override;

  std::string_view nulls_first() const override { return ""; }  // SQLite's order already
  std::string_view no_limit() const override { return "-1"; }
  std::string id_set(const std::vector<int64_t>& ids) const override;
  std::string in_id_set(std::string_view expr, std::string_view param) const override;
  std::string text_set(const std::vector<std::string>& values) const override;
  std::string in_text_set(std::string_view expr, std::string_view param) const override;
  std::string text_query(std::string_view words) const override;
  std::string reports_matching(std::string_view param) const override;
  std::string concat_agg(std::string_view expr, std::string_view separator) const override;
  std::string byte_length(std::string_view expr) const override;
  std::string_view new_stale_mark() const override { return "'1'"; }
  std::optional<std::string> fts_terms(std::string_view) const override { return std::nullopt; }
  std::string_view for_update() const override { return ""; }
  std::string_view remark_dirty() const override { return "DO NOTHING"; }

 private:
  sqlite::Database& db_;
};

// Binds `p` to `s`'s parameters 1, 2, ….
void bind(sqlite::Statement& s, const Params& p);

// `sql` with its `$n` parameters written `?n`: SQLite numbers `$n` in the order they first
// appear, not by n.
std::string sqlite_parameters(std::string_view sql);

}  // namespace faultline::store::sql
