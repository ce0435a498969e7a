// The SQLite schema, as an ordered list of migrations. A database records the last migration
// applied in PRAGMA user_version; opening it applies the missing ones, each in its own
// transaction. Add a migration at the end; never edit one that has shipped.
#pragma once

#include <string_view>
#include <vector>

#include "store/sqlite.h"

namespace faultline::store {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& migrations();

// Brings the database to the latest version. Throws when it was written by a newer faultline.
void migrate(sqlite::Database& db);

}  // namespace faultline::store
