// The SQLite store: opening, pack knowledge, writing documents, recomputing events and the graph.
// Reads for queries are in sqlite_store_queries.cpp.
#include "store/sqlite_store.h"

#include <filesystem>
#include <unordered_map>

#include "extract/dates.h"
#include "store/graph_queries.h"
#include "store/schema.h"
#include "store/sqlite_columns.h"
#include "text/fold.h"

namespace faultline::store {

using sqlite::Statement;
using sqlite::Transaction;

SqliteStore::SqliteStore(const std::string& path, bool create) : db_(sqlite::Database::open(path, create)) {
  // Writers queue for the lock: several ingest processes on one file (a Slurm job array, see
  // docs/scale.md) wait while one of them recomputes events, which can take minutes on a big store.
  db_.exec("PRAGMA busy_timeout = 600000");
  // WAL: a commit is one append to the log, readers see the last commit, and a killed process
  // leaves the database as of its last commit. NORMAL sync is safe against process crashes
  // (only a power cut can lose the latest commits, never consistency).
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA synchronous = NORMAL");
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("PRAGMA cache_size = -65536");  // 64 MiB
  db_.exec("PRAGMA mmap_size = 2147418112");  // reads straight from the page cache (SQLite's maximum)
  // Checkpoint (copy the log back into the database) every 64 MiB of log rather than every 4 MiB:
  // batches rewrite the same index pages, which then reach the database file once, not each time.
  db_.exec("PRAGMA wal_autocheckpoint = 16384");
  migrate(db_);
}

void SqliteStore::set_meta(const std::string& key, const std::string& value) {
  db_.cached("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

std::string SqliteStore::meta(const std::string& key) {
  Statement& s = db_.cached("SELECT value FROM meta WHERE key = ?1");
  s.bind(1, key);
  std::string value = s.step() ? s.text(0) : "";
  s.reset();
  return value;
}

bool SqliteStore::sync_pack(const graph::PackFacts& facts) {
  const std::string fingerprint = facts.fingerprint();
  if (meta("pack_fingerprint") == fingerprint) return false;
  Transaction tx(db_);
  db_.exec("DELETE FROM actor_aliases; DELETE FROM actors; DELETE FROM roles; DELETE FROM countries;");
  Statement country = db_.prepare("INSERT OR REPLACE INTO countries (iso3, name) VALUES (?1, ?2)");
  for (const auto& c : facts.countries) country.bind(1, c.iso3).bind(2, c.name).run();
  Statement actor = db_.prepare(
      "INSERT INTO actors (id, name, name_key, kind, country, sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_key = excluded.name_key, kind = excluded.kind, "
      "country = excluded.country, sector = excluded.sector");
  Statement alias = db_.prepare("INSERT OR IGNORE INTO actor_aliases (actor, alias, key) VALUES (?1, ?2, ?3)");
  for (const auto& a : facts.actors) {
    actor.bind(1, a.id).bind(2, a.name).bind(3, text::fold(a.name)).bind_text_or_null(4, a.kind);
    actor.bind_text_or_null(5, a.country).bind_text_or_null(6, a.sector).run();
    for (const auto& al : a.aliases) alias.bind(1, a.id).bind(2, al).bind(3, text::fold(al)).run();
  }
  Statement role = db_.prepare(
      "INSERT OR IGNORE INTO roles (person, actor, role, date_from, date_to) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (const auto& r : facts.roles) {
    role.bind(1, r.person).bind(2, r.actor).bind(3, r.role);
    role.bind_text_or_null(4, extract::format_date(r.from)).bind_text_or_null(5, extract::format_date(r.to)).run();
  }
  set_meta("pack_fingerprint", fingerprint);
  set_meta("graph_stale", "1");
  tx.commit();
  return true;
}

std::optional<std::string> SqliteStore::document_hash(const std::string& doc_id) {
  Statement& s = db_.cached("SELECT content_hash FROM documents WHERE doc_id = ?1");
  s.bind(1, doc_id);
  std::optional<std::string> hash;
  if (s.step()) hash = s.text(0);
  s.reset();
  return hash;
}

void SqliteStore::insert_report(int64_t document, const Report& r) {
  const EventData& d = r.data;
  Statement& s = db_.cached(
      "INSERT INTO reports (document, sentence, idx, evidence, evidence_begin, evidence_end, type, mode, "
      "acled_type, acled_subtype, cameo, date, date_first, date_last, place, place_key, admin1, admin1_key, "
      "country, lat, lon, place_inferred, fatalities, confidence, pattern, block_year) VALUES (?1, ?2, ?3, ?4, "
      "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
  s.bind(1, document).bind(2, r.sentence).bind(3, r.index).bind(4, r.evidence);
  s.bind(5, r.evidence_begin).bind(6, r.evidence_end);
  bind_event_data(s, 7, d);
  s.bind(22, r.location_inferred ? 1 : 0).bind(23, d.fatalities).bind(24, d.confidence);
  s.bind_text_or_null(25, r.pattern).bind(26, d.date.year);
  s.run();
  int64_t id = db_.last_insert_rowid();
  Statement& a = db_.cached(
      "INSERT INTO report_actors (report, role, ord, actor_id, name, mention, affiliation, affiliation_id, "
      "country, sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (int role = 1; role <= 2; ++role) {
    const auto& side = role == 1 ? d.actor1 : d.actor2;
    for (std::size_t i = 0; i < side.size(); ++i) {
      a.bind(1, id).bind(2, role).bind(3, i);
      bind_actor(a, 4, side[i]);
      a.run();
    }
  }
  db_.cached("INSERT OR IGNORE INTO dirty_blocks (type, block_year) VALUES (?1, ?2)")
      .bind(1, d.type)
      .bind(2, d.date.year)
      .run();
}

WriteStats SqliteStore::write_documents(const std::vector<DocumentInput>& batch) {
  WriteStats stats;
  Transaction tx(db_);
  for (const auto& in : batch) {
    const auto& doc = in.doc;
    Statement& find = db_.cached("SELECT id, content_hash FROM documents WHERE doc_id = ?1");
    find.bind(1, doc.id);
    std::optional<int64_t> existing;
    std::string hash;
    if (find.step()) {
      existing = find.int64(0);
      hash = find.text(1);
    }
    find.reset();
    if (existing && hash == in.hash && !in.force) {
      ++stats.unchanged;
      continue;
    }
    int64_t row = 0;
    if (existing) {
      row = *existing;
      // The old reports' blocks must be recomputed without them.
      db_.cached("INSERT OR IGNORE INTO dirty_blocks (type, block_year) "
                 "SELECT DISTINCT type, block_year FROM reports WHERE document = ?1")
          .bind(1, row)
          .run();
      db_.cached("DELETE FROM reports WHERE document = ?1").bind(1, row).run();
      Statement& up = db_.cached(
          "UPDATE documents SET content_hash = ?2, date = ?3, title = ?4, source = ?5, url = ?6, lang = ?7 "
          "WHERE id = ?1");
      up.bind(1, row).bind(2, in.hash).bind_text_or_null(3, doc.date).bind_text_or_null(4, doc.title);
      up.bind_text_or_null(5, doc.source).bind_text_or_null(6, doc.url).bind_text_or_null(7, doc.lang).run();
      db_.cached("UPDATE document_texts SET text = ?2 WHERE document = ?1").bind(1, row).bind(2, doc.text).run();
      ++stats.changed;
    } else {
      Statement& ins = db_.cached(
          "INSERT INTO documents (doc_id, content_hash, date, title, source, url, lang) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
      ins.bind(1, doc.id).bind(2, in.hash).bind_text_or_null(3, doc.date).bind_text_or_null(4, doc.title);
      ins.bind_text_or_null(5, doc.source).bind_text_or_null(6, doc.url).bind_text_or_null(7, doc.lang).run();
      row = db_.last_insert_rowid();
      db_.cached("INSERT INTO document_texts (document, text) VALUES (?1, ?2)").bind(1, row).bind(2, doc.text).run();
      ++stats.added;
    }
    for (const auto& r : in.reports) insert_report(row, r);
    stats.reports += in.reports.size();
  }
  if (stats.added || stats.changed) set_meta("graph_stale", "1");
  tx.commit();
  return stats;
}

void SqliteStore::insert_event(const Event& e) {
  const EventData& d = e.data;
  Statement& s = db_.cached(
      "INSERT INTO events (id, type, mode, acled_type, acled_subtype, cameo, date, date_first, date_last, place, "
      "place_key, admin1, admin1_key, country, lat, lon, fatalities, confidence, sources, representative, "
      "block_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
      "?20, ?21)");
  s.bind(1, e.id);
  bind_event_data(s, 2, d);
  s.bind(17, d.fatalities).bind(18, d.confidence).bind(19, e.reports.size()).bind(20, e.representative);
  s.bind(21, e.block_year).run();
  const int64_t key = db_.last_insert_rowid();
  Statement& a = db_.cached(
      "INSERT INTO event_actors (event, role, ord, actor_id, name, mention, affiliation, affiliation_id, country, "
      "sector) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (int role = 1; role <= 2; ++role) {
    const auto& side = role == 1 ? d.actor1 : d.actor2;
    for (std::size_t i = 0; i < side.size(); ++i) {
      a.bind(1, key).bind(2, role).bind(3, i);
      bind_actor(a, 4, side[i]);
      a.run();
    }
  }
  Statement& src = db_.cached("INSERT INTO event_sources (event, ord, report) VALUES (?1, ?2, ?3)");
  for (std::size_t i = 0; i < e.reports.size(); ++i) src.bind(1, key).bind(2, i).bind(3, e.reports[i]).run();
}

std::vector<Report> SqliteStore::block_reports(const BlockKey& block) {
  std::vector<Report> reports;
  std::unordered_map<int64_t, std::size_t> at;
  Statement& s = db_.cached(
      "SELECT r.id, d.doc_id, r.sentence, r.idx, r.evidence, r.evidence_begin, r.evidence_end, r.pattern, "
      "r.place_inferred, " + data_columns("r") +
      " FROM reports r JOIN documents d ON d.id = r.document WHERE r.type = ?1 AND r.block_year = ?2");
  s.bind(1, block.type).bind(2, block.year);
  while (s.step()) {
    Report r;
    r.id = s.int64(0);
    r.doc = s.text(1);
    r.sentence = static_cast<uint32_t>(s.int64(2));
    r.index = static_cast<uint32_t>(s.int64(3));
    r.evidence = s.text(4);
    r.evidence_begin = static_cast<uint32_t>(s.int64(5));
    r.evidence_end = static_cast<uint32_t>(s.int64(6));
    r.pattern = s.text(7);
    r.location_inferred = s.int64(8) != 0;
    r.data = read_event_data(s, 9);
    if (r.data.location) r.data.location->inferred = r.location_inferred;
    at[r.id] = reports.size();
    reports.push_back(std::move(r));
  }
  s.reset();
  Statement& a = db_.cached(
      "SELECT a.report, a.role, " + actor_columns("a") +
      " FROM report_actors a JOIN reports r ON r.id = a.report WHERE r.type = ?1 AND r.block_year = ?2 "
      "ORDER BY a.report, a.role, a.ord");
  a.bind(1, block.type).bind(2, block.year);
  while (a.step()) {
    Report& r = reports[at.at(a.int64(0))];
    (a.int64(1) == 1 ? r.data.actor1 : r.data.actor2).push_back(read_actor(a, 2));
  }
  a.reset();
  return reports;
}

std::size_t SqliteStore::recompute_dirty_blocks(const Dedup& dedup,
                                                const std::function<void(std::size_t, std::size_t)>& progress) {
  Transaction tx(db_);
  // New reports join the full-text index here, all at once (schema version 2).
  db_.exec(
      "INSERT INTO reports_fts (rowid, evidence) SELECT r.id, r.evidence FROM fts_pending p "
      "JOIN reports r ON r.id = p.report ORDER BY p.report; DELETE FROM fts_pending;");
  std::vector<BlockKey> blocks;
  {
    Statement s = db_.prepare("SELECT type, block_year FROM dirty_blocks ORDER BY type, block_year");
    while (s.step()) blocks.push_back(BlockKey{s.text(0), static_cast<int>(s.int64(1))});
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const BlockKey& b = blocks[i];
    std::vector<Event> events = dedup(block_reports(b));
    db_.cached("DELETE FROM events WHERE type = ?1 AND block_year = ?2").bind(1, b.type).bind(2, b.year).run();
    for (const auto& e : events) insert_event(e);
    if (progress) progress(i + 1, blocks.size());
  }
  db_.exec("DELETE FROM dirty_blocks");
  if (!blocks.empty()) set_meta("graph_stale", "1");
  tx.commit();
  return blocks.size();
}

void SqliteStore::rebuild_graph(const std::function<graph::Graph(const EventScan&)>& derive) {
  Transaction tx(db_);
  EventScan scan = [this](const std::function<void(const Event&)>& fn) {
    // By public id, so that the graph never depends on the order blocks were recomputed in.
    // With the number of distinct documents among each event's sources (control and memberships
    // from text need two).
    Statement s = db_.prepare("SELECT e.id, e.representative, e.block_year, coalesce(d.documents, 0), d.published, " +
                              data_columns("e") + ", a.role, " + actor_columns("a") +
                              " FROM events e LEFT JOIN event_actors a ON a.event = e.key LEFT JOIN (" +
                              kEventDocuments + ") d ON d.event = e.key ORDER BY e.id, a.role, a.ord");
    constexpr int kRole = 5 + 13;
    Event e;
    while (s.step()) {
      std::string id = s.text(0);
      if (id != e.id) {
        if (!e.id.empty()) fn(e);
        e = Event{};
        e.id = std::move(id);
        e.representative = s.int64(1);
        e.block_year = static_cast<int>(s.int64(2));
        e.documents = static_cast<std::size_t>(s.int64(3));
        if (!s.is_null(4)) e.published = lexicon::parse_partial_date(s.text(4)).value_or(lexicon::PartialDate{});
        e.data = read_event_data(s, 5);
      }
      if (!s.is_null(kRole)) (s.int64(kRole) == 1 ? e.data.actor1 : e.data.actor2).push_back(read_actor(s, kRole + 1));
    }
    if (!e.id.empty()) fn(e);
  };
  graph::Graph g = derive(scan);

  db_.exec(
      "DELETE FROM membership_evidence; DELETE FROM memberships; DELETE FROM relations; "
      "DELETE FROM control_evidence; DELETE FROM control;");
  Statement m = db_.prepare(
      "INSERT INTO memberships (member, grp, date_from, date_to, source, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  Statement me = db_.prepare("INSERT OR IGNORE INTO membership_evidence (membership, event) VALUES (?1, ?2)");
  for (const auto& f : g.memberships) {
    m.bind(1, f.member).bind(2, f.group).bind_text_or_null(3, extract::format_date(f.from));
    m.bind_text_or_null(4, extract::format_date(f.to)).bind(5, f.source).bind_text_or_null(6, f.note).run();
    int64_t id = db_.last_insert_rowid();
    for (const auto& ev : f.evidence) me.bind(1, id).bind(2, ev).run();
  }
  Statement r = db_.prepare(
      "INSERT INTO relations (a, b, year, month, cooperative, conflictual, cooperative_events, conflictual_events) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& c : g.relations) {
    r.bind(1, c.a).bind(2, c.b).bind(3, c.year).bind(4, c.month).bind(5, c.cooperative).bind(6, c.conflictual);
    r.bind(7, c.cooperative_events).bind(8, c.conflictual_events).run();
  }
  Statement c = db_.prepare(
      "INSERT INTO control (place, place_key, holders, date_from, date_to, to_open, source, status, note) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  Statement ce = db_.prepare("INSERT OR IGNORE INTO control_evidence (control, event, change) VALUES (?1, ?2, ?3)");
  for (const auto& iv : g.control) {
    std::string holders;
    for (const auto& h : iv.holders) holders += (holders.empty() ? "" : "|") + h;
    c.bind(1, iv.place).bind(2, iv.place_key).bind(3, holders).bind_text_or_null(4, extract::format_date(iv.from));
    c.bind_text_or_null(5, extract::format_date(iv.to)).bind(6, iv.to_open ? 1 : 0).bind(7, iv.source);
    c.bind(8, iv.status).bind_text_or_null(9, iv.note).run();
    int64_t id = db_.last_insert_rowid();
    for (const auto& ev : iv.evidence) ce.bind(1, id).bind(2, ev.event).bind(3, ev.change).run();
  }
  set_meta("graph_stale", "0");
  tx.commit();
  // The store just changed: refresh the query planner's statistics (sampled, so that this stays
  // quick on large stores).
  db_.exec("PRAGMA analysis_limit = 1000; ANALYZE;");
}

}  // namespace faultline::store
