// The one factory of stores: the location says which backend.
#include <filesystem>

#include "store/pg_store.h"
#include "store/sqlite_store.h"
#include "store/store.h"

namespace faultline::store {

bool is_postgres_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string display_location(const std::string& location) {
  return is_postgres_url(location) ? pg::redact(location) : location;
}

std::unique_ptr<Store> open_store(const std::string& location, bool create) {
  if (location.empty()) throw std::runtime_error("no database given (--db PATH or URL, or FAULTLINE_DB)");
  if (is_postgres_url(location)) return std::make_unique<PgStore>(location, create);
  if (!create && !std::filesystem::exists(location))
    throw std::runtime_error("no database at " + location + " (create one with `faultline ingest --db " + location +
                             "`)");
  return std::make_unique<SqliteStore>(location, create);
}

}  // namespace faultline::store
