#include "store/schema.h"

#include <string>

namespace faultline::store {
namespace {

// Version 1: documents, reports and their actors, pack knowledge, deduplicated events, the
// derived graph (memberships, relations, control), and full-text search over evidence.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  doc_id       TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  date         TEXT,
  title        TEXT,
  source       TEXT,
  url          TEXT,
  lang         TEXT
);
-- Texts apart, so that the rows reports join to stay small and many fit a page.
CREATE TABLE document_texts (
  document INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  text     TEXT NOT NULL
);

CREATE TABLE reports (
  id             INTEGER PRIMARY KEY,
  document       INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence       INTEGER NOT NULL,
  idx            INTEGER NOT NULL,
  evidence       TEXT NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end   INTEGER NOT NULL,
  type           TEXT NOT NULL,
  mode           TEXT,
  acled_type     TEXT,
  acled_subtype  TEXT,
  cameo          TEXT,
  date           TEXT,
  date_first     INTEGER,
  date_last      INTEGER,
  place          TEXT,
  place_key      TEXT,
  admin1         TEXT,
  admin1_key     TEXT,
  country        TEXT,
  lat            REAL,
  lon            REAL,
  place_inferred INTEGER NOT NULL DEFAULT 0,
  fatalities     INTEGER,
  confidence     REAL NOT NULL,
  pattern        TEXT,
  block_year     INTEGER NOT NULL,
  UNIQUE (document, idx)
);
CREATE INDEX reports_block ON reports(type, block_year);
CREATE INDEX reports_date ON reports(date_first);

CREATE TABLE report_actors (
  report         INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  role           INTEGER NOT NULL CHECK (role IN (1, 2)),
  ord            INTEGER NOT NULL,
  actor_id       TEXT,
  name           TEXT,
  mention        TEXT,
  affiliation    TEXT,
  affiliation_id TEXT,
  country        TEXT,
  sector         TEXT,
  PRIMARY KEY (report, role, ord)
) WITHOUT ROWID;
CREATE INDEX report_actors_actor ON report_actors(actor_id);
CREATE INDEX report_actors_affiliation ON report_actors(affiliation_id) WHERE affiliation_id IS NOT NULL;

CREATE VIRTUAL TABLE reports_fts USING fts5(
  evidence, content = 'reports', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
  INSERT INTO reports_fts(rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts(reports_fts, rowid, evidence) VALUES ('delete', old.id, old.evidence);
END;

CREATE TABLE actors (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  name_key TEXT NOT NULL,
  kind     TEXT,
  country TEXT,
  sector  TEXT
) WITHOUT ROWID;
CREATE INDEX actors_name ON actors(name_key);
CREATE TABLE actor_aliases (
  actor TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  key   TEXT NOT NULL,
  PRIMARY KEY (actor, alias)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases(key);
CREATE TABLE countries (
  iso3 TEXT PRIMARY KEY,
  name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE roles (
  person    TEXT NOT NULL,
  actor     TEXT NOT NULL,
  role      TEXT NOT NULL,
  date_from TEXT,
  date_to   TEXT,
  PRIMARY KEY (person, actor, role, date_from)
) WITHOUT ROWID;
CREATE INDEX roles_actor ON roles(actor);

-- `key` is internal (it changes when a block is recomputed); `id` is the stable public id.
CREATE TABLE events (
  key            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  type           TEXT NOT NULL,
  mode           TEXT,
  acled_type     TEXT,
  acled_subtype  TEXT,
  cameo          TEXT,
  date           TEXT,
  date_first     INTEGER,
  date_last      INTEGER,
  place          TEXT,
  place_key      TEXT,
  admin1         TEXT,
  admin1_key     TEXT,
  country        TEXT,
  lat            REAL,
  lon            REAL,
  fatalities     INTEGER,
  confidence     REAL NOT NULL,
  sources        INTEGER NOT NULL,
  -- No foreign key: a changed document deletes its reports at once, while its block's events are
  -- recomputed at the end of the run (the block is marked dirty in the same transaction).
  representative INTEGER NOT NULL,
  block_year     INTEGER NOT NULL
);
CREATE INDEX events_block ON events(type, block_year);
CREATE INDEX events_type_date ON events(type, date_first);
CREATE INDEX events_date ON events(date_first);
CREATE INDEX events_place ON events(place_key);
CREATE INDEX events_admin1 ON events(admin1_key);

CREATE TABLE event_actors (
  event          INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  role           INTEGER NOT NULL CHECK (role IN (1, 2)),
  ord            INTEGER NOT NULL,
  actor_id       TEXT,
  name           TEXT,
  mention        TEXT,
  affiliation    TEXT,
  affiliation_id TEXT,
  country        TEXT,
  sector         TEXT,
  PRIMARY KEY (event, role, ord)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_id, event);
CREATE INDEX event_actors_affiliation ON event_actors(affiliation_id, event) WHERE affiliation_id IS NOT NULL;

CREATE TABLE event_sources (
  event  INTEGER NOT NULL REFERENCES events(key) ON DELETE CASCADE,
  ord    INTEGER NOT NULL,
  report INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  PRIMARY KEY (event, ord)
) WITHOUT ROWID;
CREATE INDEX event_sources_report ON event_sources(report);

-- Blocks (type, year) whose events must be recomputed: written in the same transaction as the
-- reports that changed, cleared in the transaction that recomputes them.
CREATE TABLE dirty_blocks (
  type       TEXT NOT NULL,
  block_year INTEGER NOT NULL,
  PRIMARY KEY (type, block_year)
) WITHOUT ROWID;

CREATE TABLE memberships (
  id        INTEGER PRIMARY KEY,
  member    TEXT NOT NULL,
  grp       TEXT NOT NULL,
  date_from TEXT,
  date_to   TEXT,
  source    TEXT NOT NULL CHECK (source IN ('pack', 'text', 'pack+text')),
  note      TEXT
);
CREATE INDEX memberships_member ON memberships(member);
CREATE INDEX memberships_group ON memberships(grp);
CREATE TABLE membership_evidence (
  membership INTEGER NOT NULL REFERENCES memberships(id) ON DELETE CASCADE,
  event      TEXT NOT NULL,
  PRIMARY KEY (membership, event)
) WITHOUT ROWID;

-- Cooperative and conflictual weight between two actors (a < b) per month (month 0: events
-- dated to the year only).
CREATE TABLE relations (
  a               TEXT NOT NULL,
  b               TEXT NOT NULL,
  year            INTEGER NOT NULL,
  month           INTEGER NOT NULL,
  cooperative     REAL NOT NULL,
  conflictual     REAL NOT NULL,
  cooperative_events INTEGER NOT NULL,
  conflictual_events INTEGER NOT NULL,
  PRIMARY KEY (a, b, year, month)
) WITHOUT ROWID;
CREATE INDEX relations_period ON relations(year, month);
CREATE INDEX relations_b ON relations(b);

CREATE TABLE control (
  id         INTEGER PRIMARY KEY,
  place      TEXT NOT NULL,
  place_key  TEXT NOT NULL,
  holders    TEXT NOT NULL,
  date_from  TEXT,
  date_to    TEXT,
  to_open    INTEGER NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('pack', 'text')),
  status     TEXT NOT NULL CHECK (status IN ('held', 'contested')),
  note       TEXT
);
CREATE INDEX control_place ON control(place_key);
CREATE TABLE control_evidence (
  control INTEGER NOT NULL REFERENCES control(id) ON DELETE CASCADE,
  event   TEXT NOT NULL,
  change  TEXT NOT NULL,
  PRIMARY KEY (control, event)
) WITHOUT ROWID;
)sql";

// Version 2: new reports join the full-text index after a run's batches, all at once (an insert
// per report per batch cost many times more). fts_pending lists the reports not yet indexed; a
// deleted report leaves the index only if it was in it.
constexpr std::string_view kVersion2 = R"sql(
DROP TRIGGER reports_fts_insert;
DROP TRIGGER reports_fts_delete;
CREATE TABLE fts_pending (
  report INTEGER PRIMARY KEY
);
CREATE TRIGGER reports_fts_pending AFTER INSERT ON reports BEGIN
  INSERT INTO fts_pending (report) VALUES (new.id);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
  INSERT INTO reports_fts (reports_fts, rowid, evidence)
    SELECT 'delete', old.id, old.evidence WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE report = old.id);
  DELETE FROM fts_pending WHERE report = old.id;
END;
)sql";

// Version 3: a text-derived control interval stated by one report is "claimed", not "held"
// (docs/store.md). The control tables are derived: recreated empty, and the graph marked stale so
// that the next ingest derives them again.
constexpr std::string_view kVersion3 = R"sql(
DROP TABLE control_evidence;
DROP TABLE control;
CREATE TABLE control (
  id         INTEGER PRIMARY KEY,
  place      TEXT NOT NULL,
  place_key  TEXT NOT NULL,
  holders    TEXT NOT NULL,
  date_from  TEXT,
  date_to    TEXT,
  to_open    INTEGER NOT NULL,
  source     TEXT NOT NULL CHECK (source IN ('pack', 'text')),
  status     TEXT NOT NULL CHECK (status IN ('held', 'claimed', 'contested')),
  note       TEXT
);
CREATE INDEX control_place ON control(place_key);
CREATE TABLE control_evidence (
  control INTEGER NOT NULL REFERENCES control(id) ON DELETE CASCADE,
  event   TEXT NOT NULL,
  change  TEXT NOT NULL,
  PRIMARY KEY (control, event)
) WITHOUT ROWID;
INSERT OR REPLACE INTO meta (key, value) VALUES ('graph_stale', '1');
)sql";

// Version 4: deduplication reads each report's publication date (a report told in retrospect joins
// only on full agreement) and takes a mission and its organisation as one party (docs/store.md).
// No table changes; every block is marked dirty, so that the next ingest recomputes the events
// that older rules made.
constexpr std::string_view kVersion4 = R"sql(
INSERT OR IGNORE INTO dirty_blocks (type, block_year) SELECT DISTINCT type, block_year FROM reports;
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{{1, kVersion1}, {2, kVersion2}, {3, kVersion3}, {4, kVersion4}};
  return all;
}

void migrate(sqlite::Database& db) {
  const auto& all = migrations();
  int current = static_cast<int>(db.scalar("PRAGMA user_version"));
  int latest = all.empty() ? 0 : all.back().version;
  if (current > latest)
    throw sqlite::Error("the database has schema version " + std::to_string(current) +
                            ", newer than this faultline knows (" + std::to_string(latest) + "); use a newer faultline",
                        SQLITE_ERROR);
  if (current == latest) return;
  // Every pending step in one transaction: a process killed while creating or upgrading a store
  // leaves it as it was (no half-made schema that only a later run would finish).
  sqlite::Transaction tx(db);
  // Another process may have migrated meanwhile; the write lock is ours now, so look again.
  current = static_cast<int>(db.scalar("PRAGMA user_version"));
  for (const auto& m : all) {
    if (m.version <= current) continue;
    db.exec(m.sql);
    db.exec("PRAGMA user_version = " + std::to_string(m.version));  // a constant, not input
  }
  tx.commit();
}

}  // namespace faultline::store
