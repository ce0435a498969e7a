// The PostgreSQL schema, as an ordered list of migrations (the SQLite schema's tables in
// PostgreSQL's DDL). The table faultline_schema records the last migration applied; opening a
// store applies the missing ones, each in its own transaction under an advisory lock. Add a
// migration at the end; never edit one that has shipped.
#pragma once

#include <vector>

#include "store/pg.h"
#include "store/schema.h"

namespace faultline::store {

const std::vector<Migration>& pg_migrations();

// The schema version of the database (0: no Faultline store in it).
int pg_schema_version(pg::Connection& c);

// Brings the database to the latest version. Throws when it was written by a newer faultline.
void pg_migrate(pg::Connection& c);

}  // namespace faultline::store
