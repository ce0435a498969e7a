// The store's writes, written once for both backends: pack knowledge, documents with their
// reports, a block's events and the graph. Every write is one transaction (run again after a
// concurrent writer's conflict on PostgreSQL); the derived data is serialised by locks (one for
// pack knowledge, one for the graph), and the marks that say what to recompute carry a new value
// per change on PostgreSQL, so that a recomputation never clears a mark set after it read the data.
#include <map>
#include <set>

#include "extract/dates.h"
#include "store/columns.h"
#include "store/sql_store.h"
#include "text/fold.h"

namespace faultline::store {

using sql::Params;

namespace {

// Lock kinds (the first key of PostgreSQL's pg_advisory_xact_lock(int4, int4)).
constexpr int32_t kPackLock = 0x46'4c'00'02;
constexpr int32_t kGraphLock = 0x46'4c'00'03;

}  // namespace

void SqlStore::mark_graph_stale() {
  session().query("INSERT INTO meta (key, value) VALUES ('graph_stale', " + std::string(session().new_stale_mark()) +
                  ") ON CONFLICT (key) DO UPDATE SET value = excluded.value");
}

bool SqlStore::sync_pack(const graph::PackFacts& facts) {
  const std::string fingerprint = facts.fingerprint();
  if (meta("pack_fingerprint") == fingerprint) return false;
  sql::Session& s = session();
  bool changed = false;
  s.transaction([&] {
    s.lock(kPackLock, 0);
    // Another process may have written the same packs while this one waited.
    changed = meta("pack_fingerprint") != fingerprint;
    if (!changed) return;
    for (const char* table : {"actor_aliases", "actors", "roles", "countries"})
      s.query(std::string("DELETE FROM ") + table);
    // Later rows win.
    std::map<std::string, std::string> countries;
    for (const auto& c : facts.countries) countries[c.iso3] = c.name;
    auto country = s.bulk_insert("INSERT INTO countries (iso3, name)", 2);
    for (const auto& [iso3, name] : countries) country->row().add(iso3).add(name);
    country->flush();
    std::map<std::string, const lexicon::Actor*> actors;
    for (const auto& a : facts.actors) actors[a.id] = &a;
    auto actor = s.bulk_insert("INSERT INTO actors (id, name, name_key, kind, country, sector)", 6);
    for (const auto& [id, a] : actors)
      actor->row()
          .add(id)
          .add(a->name)
          .add(text::fold(a->name))
          .text_or_null(a->kind)
          .text_or_null(a->country)
          .text_or_null(a->sector);
    actor->flush();
    auto alias = s.bulk_insert("INSERT INTO actor_aliases (actor, alias, key)", 3, "ON CONFLICT DO NOTHING");
    for (const auto& a : facts.actors)
      for (const auto& al : a.aliases) alias->row().add(a.id).add(al).add(text::fold(al));
    alias->flush();
    // A role without a start date is left out (its key is NOT NULL).
    auto role =
        s.bulk_insert("INSERT INTO roles (person, actor, role, date_from, date_to)", 5, "ON CONFLICT DO NOTHING");
    for (const auto& r : facts.roles) {
      const std::string from = extract::format_date(r.from);
      if (from.empty()) continue;
      role->row().add(r.person).add(r.actor).add(r.role).add(from).text_or_null(extract::format_date(r.to));
    }
    role->flush();
    s.query(
        "INSERT INTO meta (key, value) VALUES ('pack_fingerprint', $1) ON CONFLICT (key) DO UPDATE SET value = "
        "excluded.value",
        Params().add(fingerprint));
    mark_graph_stale();
  });
  return changed;
}

void SqlStore::insert_reports(const DocumentReports& documents) {
  sql::Session& s = session();
  std::vector<int64_t> ids;
  const bool terms = s.fts_terms("").has_value();
  auto rows = s.bulk_insert(
      "INSERT INTO reports (document, sentence, idx, evidence, evidence_begin, evidence_end, type, mode, acled_type, "
      "acled_subtype, cameo, date, date_first, date_last, place, place_key, admin1, admin1_key, country, lat, lon, "
      "place_inferred, fatalities, confidence, pattern, block_year" +
          std::string(terms ? ", terms)" : ")"),
      terms ? 27 : 26, "RETURNING id", [&](const sql::Result& r) {
        for (int i = 0; i < r.rows(); ++i) ids.push_back(r.int64(i, 0));
      });
  for (const auto& [document, reports] : documents)
    for (const auto& r : *reports) {
      Params& p = rows->row().add(document).append(report_values(r));
      if (terms) p.add(*s.fts_terms(r.evidence));
    }
  rows->flush();
  auto actors = s.bulk_insert(
      "INSERT INTO report_actors (report, role, ord, actor_id, name, mention, affiliation, affiliation_id, country, "
      "sector)",
      10);
  std::size_t k = 0;  // ids[k] is the id of the k-th report written
  for (const auto& [document, reports] : documents)
    for (const auto& r : *reports) {
      if (k == ids.size()) break;
      for (int role = 1; role <= 2; ++role) {
        const auto& side = role == 1 ? r.data.actor1 : r.data.actor2;
        for (std::size_t i = 0; i < side.size(); ++i) add_actor(actors->row().add(ids[k]).add(role).add(i), side[i]);
      }
      ++k;
    }
  actors->flush();
}

WriteStats SqlStore::write_documents(const std::vector<DocumentInput>& batch) {
  WriteStats stats;
  session().transaction([&] { stats = write_batch(batch); });
  return stats;
}

WriteStats SqlStore::write_batch(const std::vector<DocumentInput>& batch) {
  sql::Session& s = session();
  WriteStats stats;
  std::set<std::pair<std::string, int>> dirty;  // sorted: writers mark blocks in one order
  // The batch's new texts and reports go in bulk at the end (a document met twice in one batch
  // first sends what is pending, so that the second sees the first's rows).
  auto texts = s.bulk_insert("INSERT INTO document_texts (document, text)", 2);
  DocumentReports reports;
  std::set<std::string> seen;
  auto send = [&] {
    texts->flush();
    insert_reports(reports);
    reports.clear();
  };
  for (const auto& in : batch) {
    const auto& doc = in.doc;
    if (!seen.insert(doc.id).second) send();
    std::optional<int64_t> existing;
    std::string hash;
    int64_t row = 0;
    // Lock the document's row, or insert it; when a concurrent writer inserts the same id first,
    // ON CONFLICT waits for it to commit and the next look finds its row.
    for (int attempt = 0; !existing && row == 0; ++attempt) {
      sql::Result found =
          s.query("SELECT id, content_hash FROM documents WHERE doc_id = $1" + std::string(s.for_update()),
                  Params().add(doc.id));
      if (found.rows()) {
        existing = found.int64(0, 0);
        hash = found.text(0, 1);
        break;
      }
      if (attempt == 3) s.conflict("document " + doc.id + " is neither stored nor insertable");
      sql::Result ins = s.query(
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
      sql::Result old = s.query("SELECT DISTINCT type, block_year FROM reports WHERE document = $1", Params().add(row));
      for (int i = 0; i < old.rows(); ++i) dirty.emplace(old.text(i, 0), static_cast<int>(old.int64(i, 1)));
      s.query("DELETE FROM reports WHERE document = $1", Params().add(row));
      s.query(
          "UPDATE documents SET content_hash = $2, date = $3, title = $4, source = $5, url = $6, lang = $7 "
          "WHERE id = $1",
          Params()
              .add(row)
              .add(in.hash)
              .text_or_null(doc.date)
              .text_or_null(doc.title)
              .text_or_null(doc.source)
              .text_or_null(doc.url)
              .text_or_null(doc.lang));
      s.query("UPDATE document_texts SET text = $2 WHERE document = $1", Params().add(row).add(doc.text));
      ++stats.changed;
    } else {
      texts->row().add(row).add(doc.text);
      ++stats.added;
    }
    reports.emplace_back(row, &in.reports);
    for (const auto& r : in.reports) dirty.emplace(r.data.type, r.data.date.year);
    stats.reports += in.reports.size();
  }
  send();
  auto marks = s.bulk_insert("INSERT INTO dirty_blocks (type, block_year)", 2,
                             "ON CONFLICT (type, block_year) " + std::string(s.remark_dirty()));
  for (const auto& [type, year] : dirty) marks->row().add(type).add(year);
  marks->flush();
  // Last, so that the row lock on meta is held only until the commit that follows.
  if (stats.added || stats.changed) mark_graph_stale();
  return stats;
}

void SqlStore::insert_events(const std::vector<Event>& events) {
  sql::Session& s = session();
  std::vector<int64_t> keys;
  auto rows = s.bulk_insert(
      "INSERT INTO events (id, type, mode, acled_type, acled_subtype, cameo, date, date_first, date_last, place, "
      "place_key, admin1, admin1_key, country, lat, lon, fatalities, confidence, sources, representative, block_year)",
      21, "RETURNING key", [&](const sql::Result& r) {
        for (int i = 0; i < r.rows(); ++i) keys.push_back(r.int64(i, 0));
      });
  for (const auto& e : events) {
    Params& p = rows->row();
    add_event_data(p.add(e.id), e.data);
    p.add(e.data.fatalities).add(e.data.confidence).add(e.reports.size()).add(e.representative).add(e.block_year);
  }
  rows->flush();
  auto actors = s.bulk_insert(
      "INSERT INTO event_actors (event, role, ord, actor_id, name, mention, affiliation, affiliation_id, country, "
      "sector)",
      10);
  auto sources = s.bulk_insert("INSERT INTO event_sources (event, ord, report)", 3);
  for (std::size_t k = 0; k < events.size() && k < keys.size(); ++k) {
    const EventData& d = events[k].data;
    for (int role = 1; role <= 2; ++role) {
      const auto& side = role == 1 ? d.actor1 : d.actor2;
      for (std::size_t i = 0; i < side.size(); ++i) add_actor(actors->row().add(keys[k]).add(role).add(i), side[i]);
    }
    for (std::size_t i = 0; i < events[k].reports.size(); ++i)
      sources->row().add(keys[k]).add(i).add(events[k].reports[i]);
  }
  actors->flush();
  sources->flush();
}

std::vector<BlockKey> SqlStore::dirty_blocks() {
  std::vector<BlockKey> blocks;
  sql::Result r = session().query("SELECT type, block_year FROM dirty_blocks ORDER BY type, block_year");
  for (int i = 0; i < r.rows(); ++i) blocks.push_back(BlockKey{r.text(i, 0), static_cast<int>(r.int64(i, 1))});
  return blocks;
}

void SqlStore::replace_block_events(const BlockKey& block, const std::vector<Event>& events) {
  session().query("DELETE FROM events WHERE type = $1 AND block_year = $2", Params().add(block.type).add(block.year));
  insert_events(events);
}

void SqlStore::rebuild_graph(const std::function<graph::Graph(const EventScan&)>& derive) {
  sql::Session& s = session();
  s.transaction([&] {
    s.lock(kGraphLock, 0);
    // The mark the last change wrote; "0" when another process rebuilt the graph after it.
    const std::string token = meta("graph_stale");
    if (token == "0") return;
    graph::Graph g = derive([this](const std::function<void(const Event&)>& fn) { scan_events(fn); });

    for (const char* table : {"membership_evidence", "memberships", "relations", "control_evidence", "control"})
      s.query(std::string("DELETE FROM ") + table);
    std::vector<int64_t> ids;
    auto collect = [&](const sql::Result& r) {
      for (int i = 0; i < r.rows(); ++i) ids.push_back(r.int64(i, 0));
    };
    auto m = s.bulk_insert("INSERT INTO memberships (member, grp, date_from, date_to, source, note)", 6, "RETURNING id",
                           collect);
    for (const auto& f : g.memberships)
      m->row()
          .add(f.member)
          .add(f.group)
          .text_or_null(extract::format_date(f.from))
          .text_or_null(extract::format_date(f.to))
          .add(f.source)
          .text_or_null(f.note);
    m->flush();
    auto me = s.bulk_insert("INSERT INTO membership_evidence (membership, event)", 2, "ON CONFLICT DO NOTHING");
    for (std::size_t k = 0; k < g.memberships.size() && k < ids.size(); ++k)
      for (const auto& ev : g.memberships[k].evidence) me->row().add(ids[k]).add(ev);
    me->flush();
    auto r = s.bulk_insert(
        "INSERT INTO relations (a, b, year, month, cooperative, conflictual, cooperative_events, conflictual_events)",
        8);
    for (const auto& c : g.relations)
      r->row()
          .add(c.a)
          .add(c.b)
          .add(c.year)
          .add(c.month)
          .add(c.cooperative)
          .add(c.conflictual)
          .add(c.cooperative_events)
          .add(c.conflictual_events);
    r->flush();
    ids.clear();
    auto c = s.bulk_insert(
        "INSERT INTO control (place, place_key, holders, date_from, date_to, to_open, source, status, note)", 9,
        "RETURNING id", collect);
    for (const auto& iv : g.control) {
      std::string holders;
      for (const auto& h : iv.holders) holders += (holders.empty() ? "" : "|") + h;
      c->row()
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
    c->flush();
    auto ce = s.bulk_insert("INSERT INTO control_evidence (control, event, change)", 3, "ON CONFLICT DO NOTHING");
    for (std::size_t k = 0; k < g.control.size() && k < ids.size(); ++k)
      for (const auto& ev : g.control[k].evidence) ce->row().add(ids[k]).add(ev.event).add(ev.change);
    ce->flush();
    // Fresh only if no change came while this ran (a change wrote a new mark).
    if (token.empty())
      s.query("INSERT INTO meta (key, value) VALUES ('graph_stale', '0') ON CONFLICT (key) DO NOTHING");
    else
      s.query("UPDATE meta SET value = '0' WHERE key = 'graph_stale' AND value = $1", Params().add(token));
  });
  s.analyze();  // the events and the graph just written
}

}  // namespace faultline::store
