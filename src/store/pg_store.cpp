// The PostgreSQL store: connecting, pack knowledge, writing documents, recomputing events and the
// graph. Reads for queries are in pg_store_queries.cpp and pg_store_serving.cpp.
#include "store/pg_store.h"

#include <set>
#include <thread>
#include <unordered_map>

#include "extract/dates.h"
#include "store/fts_terms.h"
#include "store/graph_queries.h"
#include "store/pg_bulk.h"
#include "store/pg_columns.h"
#include "store/pg_schema.h"
#include "text/fold.h"

namespace faultline::store {

using pg::BulkInsert;
using pg::Params;

namespace {

// Advisory lock kinds (the first key of pg_advisory_xact_lock(int4, int4)).
constexpr int32_t kPackLock = 0x46'4c'00'02;
constexpr int32_t kGraphLock = 0x46'4c'00'03;
constexpr int32_t kBlockLock = 0x46'4c'00'04;
constexpr int32_t kAnalyzeLock = 0x46'4c'00'05;

// The lock of a block: a hash of its type and year (a collision only makes two blocks wait for
// each other).
int32_t block_lock_key(const BlockKey& b) {
  uint32_t h = 2166136261u;
  for (char c : b.type) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  h = (h ^ static_cast<uint32_t>(b.year)) * 16777619u;
  return static_cast<int32_t>(h);
}

enum class BlockOutcome { done, clean, busy };

}  // namespace

PgStore::PgStore(const std::string& url, bool create) : c_(pg::Connection::open(url)) {
  if (!create && pg_schema_version(c_) == 0)
    throw std::runtime_error("no Faultline store in the database " + c_.display() +
                             " (create one with `faultline ingest --db URL`)");
  pg_migrate(c_);
}

std::string PgStore::meta(const std::string& key) {
  pg::Result r = c_.cached("SELECT value FROM meta WHERE key = $1", Params().add(key));
  return r.rows() ? r.text(0, 0) : "";
}

void PgStore::mark_graph_stale() {
  c_.cached(
      "INSERT INTO meta (key, value) VALUES ('graph_stale', nextval('graph_stale_seq')::text) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      Params());
}

void PgStore::analyze() {
  // Without statistics, the planner takes a freshly filled table for empty and joins it by
  // scanning it; ANALYZE samples each table, so it stays quick on large stores. Two ANALYZE of one
  // table at once can fail, hence the lock; a failure here only costs speed.
  try {
    pg::Transaction tx(c_);
    if (c_.scalar("SELECT pg_try_advisory_xact_lock($1::int4, 0)::int", Params().add(kAnalyzeLock)) == 1)
      c_.exec("ANALYZE");
    tx.commit();
  } catch (const pg::Error&) {
  }
}

bool PgStore::sync_pack(const graph::PackFacts& facts) {
  const std::string fingerprint = facts.fingerprint();
  if (meta("pack_fingerprint") == fingerprint) return false;
  bool changed = false;
  pg::with_retry([&] {
    pg::Transaction tx(c_);
    pg::lock(c_, kPackLock, 0);
    // Another process may have written the same packs while this one waited.
    if (meta("pack_fingerprint") == fingerprint) {
      tx.commit();
      changed = false;
      return;
    }
    c_.exec("DELETE FROM actor_aliases; DELETE FROM actors; DELETE FROM roles; DELETE FROM countries;");
    // Later rows win, as SQLite's INSERT OR REPLACE and upsert make them.
    std::map<std::string, std::string> countries;
    for (const auto& c : facts.countries) countries[c.iso3] = c.name;
    BulkInsert country(c_, "INSERT INTO countries (iso3, name)", 2);
    for (const auto& [iso3, name] : countries) country.row().add(iso3).add(name);
    country.flush();
    std::map<std::string, const lexicon::Actor*> actors;
    for (const auto& a : facts.actors) actors[a.id] = &a;
    BulkInsert actor(c_, "INSERT INTO actors (id, name, name_key, kind, country, sector)", 6);
    for (const auto& [id, a] : actors)
      actor.row()
          .add(id)
          .add(a->name)
          .add(text::fold(a->name))
          .text_or_null(a->kind)
          .text_or_null(a->country)
          .text_or_null(a->sector);
    actor.flush();
    BulkInsert alias(c_, "INSERT INTO actor_aliases (actor, alias, key)", 3, "ON CONFLICT DO NOTHING");
    for (const auto& a : facts.actors)
      for (const auto& al : a.aliases) alias.row().add(a.id).add(al).add(text::fold(al));
    alias.flush();
    // SQLite's INSERT OR IGNORE leaves out a role without a start date (its key is NOT NULL).
    BulkInsert role(c_, "INSERT INTO roles (person, actor, role, date_from, date_to)", 5, "ON CONFLICT DO NOTHING");
    for (const auto& r : facts.roles) {
      const std::string from = extract::format_date(r.from);
      if (from.empty()) continue;
      role.row().add(r.person).add(r.actor).add(r.role).add(from).text_or_null(extract::format_date(r.to));
    }
    role.flush();
    c_.cached(
        "INSERT INTO meta (key, value) VALUES ('pack_fingerprint', $1) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value",
        Params().add(fingerprint));
    mark_graph_stale();
    tx.commit();
    changed = true;
  });
  return changed;
}

std::optional<std::string> PgStore::document_hash(const std::string& doc_id) {
  pg::Result r = c_.cached("SELECT content_hash FROM documents WHERE doc_id = $1", Params().add(doc_id));
  if (!r.rows()) return std::nullopt;
  return r.text(0, 0);
}

void PgStore::insert_reports(int64_t document, const std::vector<Report>& reports) {
  std::vector<int64_t> ids;
  BulkInsert rows(
      c_,
      "INSERT INTO reports (document, sentence, idx, evidence, evidence_begin, evidence_end, type, mode, acled_type, "
      "acled_subtype, cameo, date, date_first, date_last, place, place_key, admin1, admin1_key, country, lat, lon, "
      "place_inferred, fatalities, confidence, pattern, block_year, terms)",
      27, "RETURNING id", [&](const pg::Result& r) {
        for (int i = 0; i < r.rows(); ++i) ids.push_back(r.int64(i, 0));
      });
  for (const auto& r : reports) {
    const EventData& d = r.data;
    Params& p = rows.row();
    p.add(document).add(r.sentence).add(r.index).add(r.evidence).add(r.evidence_begin).add(r.evidence_end);
    add_event_data(p, d);
    p.add(r.location_inferred ? 1 : 0).add(d.fatalities).add(d.confidence).text_or_null(r.pattern).add(d.date.year);
    p.add(tsvector_literal(r.evidence));
  }
  rows.flush();
  BulkInsert actors(c_,
                    "INSERT INTO report_actors (report, role, ord, actor_id, name, mention, affiliation, "
                    "affiliation_id, country, sector)",
                    10);
  for (std::size_t k = 0; k < reports.size() && k < ids.size(); ++k) {
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? reports[k].data.actor1 : reports[k].data.actor2;
      for (std::size_t i = 0; i < side.size(); ++i) add_actor(actors.row().add(ids[k]).add(role).add(i), side[i]);
    }
  }
  actors.flush();
}

WriteStats PgStore::write_documents(const std::vector<DocumentInput>& batch) {
  WriteStats stats;
  pg::with_retry([&] {
    pg::Transaction tx(c_);
    stats = write_batch(batch);
    tx.commit();
  });
  return stats;
}

WriteStats PgStore::write_batch(const std::vector<DocumentInput>& batch) {
  WriteStats stats;
  std::set<std::pair<std::string, int>> dirty;  // sorted: writers lock the marks in one order
  for (const auto& in : batch) {
    const auto& doc = in.doc;
    std::optional<int64_t> existing;
    std::string hash;
    int64_t row = 0;
    // Lock the document's row, or insert it; when a concurrent writer inserts the same id first,
    // ON CONFLICT waits for it to commit and the next look finds its row.
    for (int attempt = 0; !existing && row == 0; ++attempt) {
      pg::Result found =
          c_.cached("SELECT id, content_hash FROM documents WHERE doc_id = $1 FOR UPDATE", Params().add(doc.id));
      if (found.rows()) {
        existing = found.int64(0, 0);
        hash = found.text(0, 1);
        break;
      }
      if (attempt == 3) throw pg::Error("document " + doc.id + " is neither stored nor insertable", "40001");
      pg::Result ins = c_.cached(
          "INSERT INTO documents (doc_id, content_hash, date, title, source, url, lang) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (doc_id) DO NOTHING RETURNING id",
          Params()
              .add(doc.id)
              .add(in.hash)
              .text_or_null(doc.date)
              .text_or_null(doc.title)
              .text_or_null(doc.source)
              .text_or_null(doc.url)
              .text_or_null(doc.lang));
      if (ins.rows()) row = ins.int64(0, 0);
    }
    if (existing) {
      if (hash == in.hash && !in.force) {
        ++stats.unchanged;
        continue;
      }
      row = *existing;
      // The old reports' blocks must be recomputed without them.
      pg::Result old =
          c_.cached("SELECT DISTINCT type, block_year FROM reports WHERE document = $1", Params().add(row));
      for (int i = 0; i < old.rows(); ++i) dirty.emplace(old.text(i, 0), static_cast<int>(old.int64(i, 1)));
      c_.cached("DELETE FROM reports WHERE document = $1", Params().add(row));
      c_.cached(
          "UPDATE documents SET content_hash = $2, date = $3, title = $4, source = $5, url = $6, lang = $7 WHERE id = "
          "$1",
          Params()
              .add(row)
              .add(in.hash)
              .text_or_null(doc.date)
              .text_or_null(doc.title)
              .text_or_null(doc.source)
              .text_or_null(doc.url)
              .text_or_null(doc.lang));
      c_.cached("UPDATE document_texts SET text = $2 WHERE document = $1", Params().add(row).add(doc.text));
      ++stats.changed;
    } else {
      c_.cached("INSERT INTO document_texts (document, text) VALUES ($1, $2)", Params().add(row).add(doc.text));
      ++stats.added;
    }
    insert_reports(row, in.reports);
    for (const auto& r : in.reports) dirty.emplace(r.data.type, r.data.date.year);
    stats.reports += in.reports.size();
  }
  BulkInsert marks(c_, "INSERT INTO dirty_blocks (type, block_year)", 2,
                   "ON CONFLICT (type, block_year) DO UPDATE SET gen = dirty_blocks.gen + 1");
  for (const auto& [type, year] : dirty) marks.row().add(type).add(year);
  marks.flush();
  // Last, so that the row lock on meta is held only until the commit that follows.
  if (stats.added || stats.changed) mark_graph_stale();
  return stats;
}

void PgStore::insert_events(const std::vector<Event>& events) {
  std::vector<int64_t> keys;
  BulkInsert rows(c_,
                  "INSERT INTO events (id, type, mode, acled_type, acled_subtype, cameo, date, date_first, date_last, "
                  "place, place_key, admin1, admin1_key, country, lat, lon, fatalities, confidence, sources, "
                  "representative, block_year)",
                  21, "RETURNING key", [&](const pg::Result& r) {
                    for (int i = 0; i < r.rows(); ++i) keys.push_back(r.int64(i, 0));
                  });
  for (const auto& e : events) {
    Params& p = rows.row();
    p.add(e.id);
    add_event_data(p, e.data);
    p.add(e.data.fatalities).add(e.data.confidence).add(e.reports.size()).add(e.representative).add(e.block_year);
  }
  rows.flush();
  BulkInsert actors(c_,
                    "INSERT INTO event_actors (event, role, ord, actor_id, name, mention, affiliation, affiliation_id, "
                    "country, sector)",
                    10);
  BulkInsert sources(c_, "INSERT INTO event_sources (event, ord, report)", 3);
  for (std::size_t k = 0; k < events.size() && k < keys.size(); ++k) {
    const EventData& d = events[k].data;
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? d.actor1 : d.actor2;
      for (std::size_t i = 0; i < side.size(); ++i) add_actor(actors.row().add(keys[k]).add(role).add(i), side[i]);
    }
    for (std::size_t i = 0; i < events[k].reports.size(); ++i)
      sources.row().add(keys[k]).add(i).add(events[k].reports[i]);
  }
  actors.flush();
  sources.flush();
}

std::vector<Report> PgStore::block_reports(const BlockKey& block) {
  std::vector<Report> reports;
  std::unordered_map<int64_t, std::size_t> at;
  const Params key = Params().add(block.type).add(block.year);
  pg::Result s = c_.cached(
      "SELECT r.id, d.doc_id, r.sentence, r.idx, r.evidence, r.evidence_begin, r.evidence_end, r.pattern, "
      "r.place_inferred, " +
          pg_data_columns("r") +
          " FROM reports r JOIN documents d ON d.id = r.document WHERE r.type = $1 AND r.block_year = $2",
      key);
  for (int i = 0; i < s.rows(); ++i) {
    pg::Row row(s, i);
    Report r;
    r.id = row.int64(0);
    r.doc = row.text(1);
    r.sentence = static_cast<uint32_t>(row.int64(2));
    r.index = static_cast<uint32_t>(row.int64(3));
    r.evidence = row.text(4);
    r.evidence_begin = static_cast<uint32_t>(row.int64(5));
    r.evidence_end = static_cast<uint32_t>(row.int64(6));
    r.pattern = row.text(7);
    r.location_inferred = row.int64(8) != 0;
    r.data = read_event_data(row, 9);
    if (r.data.location) r.data.location->inferred = r.location_inferred;
    at[r.id] = reports.size();
    reports.push_back(std::move(r));
  }
  pg::Result a = c_.cached("SELECT a.report, a.role, " + pg_actor_columns("a") +
                               " FROM report_actors a JOIN reports r ON r.id = a.report WHERE r.type = $1 AND "
                               "r.block_year = $2 ORDER BY a.report, a.role, a.ord",
                           key);
  for (int i = 0; i < a.rows(); ++i) {
    pg::Row row(a, i);
    // A report a concurrent writer added since the read above is not in this computation; its
    // writer marked the block again, so it is computed once more.
    auto it = at.find(row.int64(0));
    if (it == at.end()) continue;
    Report& r = reports[it->second];
    (row.int64(1) == 1 ? r.data.actor1 : r.data.actor2).push_back(read_actor(row, 2));
  }
  return reports;
}

std::size_t PgStore::recompute_dirty_blocks(const Dedup& dedup,
                                            const std::function<void(std::size_t, std::size_t)>& progress) {
  std::size_t recomputed = 0;
  bool wait_for_busy = false;
  // Several processes may recompute at once: each takes the blocks no one else is on, then waits
  // for the ones others hold, and looks again until no block is dirty.
  for (int pass = 0; pass < 1000; ++pass) {
    std::vector<BlockKey> blocks;
    pg::Result r = c_.exec("SELECT type, block_year FROM dirty_blocks ORDER BY type, block_year");
    for (int i = 0; i < r.rows(); ++i) blocks.push_back(BlockKey{r.text(i, 0), static_cast<int>(r.int64(i, 1))});
    if (blocks.empty()) break;
    if (pass == 0) analyze();  // the reports just written
    std::size_t busy = 0;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      const BlockKey& b = blocks[i];
      BlockOutcome outcome = BlockOutcome::clean;
      pg::with_retry([&] {
        pg::Transaction tx(c_);
        const Params key = Params().add(b.type).add(b.year);
        if (wait_for_busy) {
          pg::lock(c_, kBlockLock, block_lock_key(b));
        } else if (c_.cached("SELECT pg_try_advisory_xact_lock($1::int4, $2::int4)",
                             Params().add(kBlockLock).add(block_lock_key(b)))
                       .text(0, 0) != "t") {
          outcome = BlockOutcome::busy;
          return;
        }
        pg::Result g = c_.cached("SELECT gen FROM dirty_blocks WHERE type = $1 AND block_year = $2", key);
        if (!g.rows()) {
          outcome = BlockOutcome::clean;  // another process recomputed it meanwhile
          tx.commit();
          return;
        }
        const int64_t gen = g.int64(0, 0);
        std::vector<Event> events = dedup(block_reports(b));
        c_.cached("DELETE FROM events WHERE type = $1 AND block_year = $2", key);
        insert_events(events);
        // Cleared only if no writer touched the block since `gen` was read.
        c_.cached("DELETE FROM dirty_blocks WHERE type = $1 AND block_year = $2 AND gen = $3",
                  Params().add(b.type).add(b.year).add(gen));
        mark_graph_stale();
        tx.commit();
        outcome = BlockOutcome::done;
      });
      if (outcome == BlockOutcome::done) ++recomputed;
      if (outcome == BlockOutcome::busy) ++busy;
      if (progress) progress(i + 1, blocks.size());
    }
    wait_for_busy = busy > 0;
  }
  return recomputed;
}

void PgStore::rebuild_graph(const std::function<graph::Graph(const EventScan&)>& derive) {
  pg::with_retry([&] {
    pg::Transaction tx(c_);
    pg::lock(c_, kGraphLock, 0);
    // The number the last change wrote; "0" when another process rebuilt the graph after it.
    const std::string token = meta("graph_stale");
    if (token == "0") {
      tx.commit();
      return;
    }
    EventScan scan = [this](const std::function<void(const Event&)>& fn) {
      // By public id, so that the graph never depends on the order blocks were recomputed in.
      constexpr int kRole = 5 + 13;
      Event e;
      pg::for_each_row(c_,
                       "SELECT e.id, e.representative, e.block_year, coalesce(d.documents, 0), d.published, " +
                           pg_data_columns("e") + ", a.role, " + pg_actor_columns("a") +
                           " FROM events e LEFT JOIN event_actors a ON a.event = e.key LEFT JOIN (" +
                           kEventDocuments + ") d ON d.event = e.key ORDER BY e.id, a.role, a.ord",
                       Params(), [&](const pg::Row& s) {
                         std::string id = s.text(0);
                         if (id != e.id) {
                           if (!e.id.empty()) fn(e);
                           e = Event{};
                           e.id = std::move(id);
                           e.representative = s.int64(1);
                           e.block_year = static_cast<int>(s.int64(2));
                           e.documents = static_cast<std::size_t>(s.int64(3));
                           if (!s.is_null(4))
                             e.published = lexicon::parse_partial_date(s.text(4)).value_or(lexicon::PartialDate{});
                           e.data = read_event_data(s, 5);
                         }
                         if (!s.is_null(kRole))
                           (s.int64(kRole) == 1 ? e.data.actor1 : e.data.actor2).push_back(read_actor(s, kRole + 1));
                       });
      if (!e.id.empty()) fn(e);
    };
    graph::Graph g = derive(scan);

    c_.exec(
        "DELETE FROM membership_evidence; DELETE FROM memberships; DELETE FROM relations; "
        "DELETE FROM control_evidence; DELETE FROM control;");
    std::vector<int64_t> ids;
    auto collect = [&](const pg::Result& r) {
      for (int i = 0; i < r.rows(); ++i) ids.push_back(r.int64(i, 0));
    };
    BulkInsert m(c_, "INSERT INTO memberships (member, grp, date_from, date_to, source, note)", 6, "RETURNING id",
                 collect);
    for (const auto& f : g.memberships)
      m.row()
          .add(f.member)
          .add(f.group)
          .text_or_null(extract::format_date(f.from))
          .text_or_null(extract::format_date(f.to))
          .add(f.source)
          .text_or_null(f.note);
    m.flush();
    BulkInsert me(c_, "INSERT INTO membership_evidence (membership, event)", 2, "ON CONFLICT DO NOTHING");
    for (std::size_t k = 0; k < g.memberships.size() && k < ids.size(); ++k)
      for (const auto& ev : g.memberships[k].evidence) me.row().add(ids[k]).add(ev);
    me.flush();
    BulkInsert r(c_,
                 "INSERT INTO relations (a, b, year, month, cooperative, conflictual, cooperative_events, "
                 "conflictual_events)",
                 8);
    for (const auto& c : g.relations)
      r.row()
          .add(c.a)
          .add(c.b)
          .add(c.year)
          .add(c.month)
          .add(c.cooperative)
          .add(c.conflictual)
          .add(c.cooperative_events)
          .add(c.conflictual_events);
    r.flush();
    ids.clear();
    BulkInsert c(c_,
                 "INSERT INTO control (place, place_key, holders, date_from, date_to, to_open, source, status, note)",
                 9, "RETURNING id", collect);
    for (const auto& iv : g.control) {
      std::string holders;
      for (const auto& h : iv.holders) holders += (holders.empty() ? "" : "|") + h;
      c.row()
          .add(iv.place)
          .add(iv.place_key)
          .add(holders)
          .text_or_null(extract::format_date(iv.from))
          .text_or_null(extract::format_date(iv.to))
          .add(iv.to_open ? 1 : 0)
          .add(iv.source)
          .add(iv.status)
          .text_or_null(iv.note);
    }
    c.flush();
    BulkInsert ce(c_, "INSERT INTO control_evidence (control, event, change)", 3, "ON CONFLICT DO NOTHING");
    for (std::size_t k = 0; k < g.control.size() && k < ids.size(); ++k)
      for (const auto& ev : g.control[k].evidence) ce.row().add(ids[k]).add(ev.event).add(ev.change);
    ce.flush();
    // Fresh only if no change came while this ran (a change wrote a new number).
    if (token.empty())
      c_.exec("INSERT INTO meta (key, value) VALUES ('graph_stale', '0') ON CONFLICT (key) DO NOTHING");
    else
      c_.cached("UPDATE meta SET value = '0' WHERE key = 'graph_stale' AND value = $1", Params().add(token));
    tx.commit();
  });
  analyze();  // the events and the graph just written
}

}  // namespace faultline::store
