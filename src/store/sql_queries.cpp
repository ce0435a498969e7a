// The store's reads, written once for both backends: events and reports by filter, counts,
// actors, roles, memberships, relations and control intervals, and the reports of a block. Both
// backends give the same rows in the same order (NULLs first, as SQLite sorts them; text in byte
// order, through the `ctext` domain on PostgreSQL).
#include <map>
#include <unordered_map>

#include "lexicon/tsv_file.h"
#include "store/columns.h"
#include "store/graph_queries.h"
#include "store/sql_store.h"
#include "text/fold.h"

namespace faultline::store {

using lexicon::PartialDate;
using sql::Params;

namespace {

// A WHERE clause assembled from fixed SQL fragments; every value goes in as a parameter.
class Where {
 public:
  void add(const std::string& clause) { sql_ += (sql_.empty() ? " WHERE " : " AND ") + clause; }
  const std::string& sql() const { return sql_; }
  Params& params() { return params_; }

 private:
  std::string sql_;
  Params params_;
};

// The filters shared by events (alias e) and reports (alias r). Numbers are cast to the type of
// their column (PostgreSQL receives every parameter as text).
Where filters(const EventQuery& q, bool events, const sql::Session& s) {
  Where w;
  Params& p = w.params();
  const std::string t = events ? "e" : "r";
  if (q.by_actor) {
    if (q.actor_ids.empty()) {
      w.add("false");
    } else {
      std::string ids = p.list(q.actor_ids);
      std::string ids2 = p.list(q.actor_ids);
      if (events)
        w.add("e.key IN (SELECT event FROM event_actors WHERE actor_id IN (" + ids +
              ") UNION SELECT event FROM event_actors WHERE affiliation_id IN (" + ids2 + "))");
      else
        w.add("r.id IN (SELECT report FROM report_actors WHERE actor_id IN (" + ids +
              ") UNION SELECT report FROM report_actors WHERE affiliation_id IN (" + ids2 + "))");
    }
  }
  if (!q.types.empty()) w.add(t + ".type IN (" + p.list(q.types) + ")");
  if (!q.place_keys.empty()) {
    std::string p1 = p.list(q.place_keys);
    std::string p2 = p.list(q.place_keys);
    w.add("(" + t + ".place_key IN (" + p1 + ") OR " + t + ".admin1_key IN (" + p2 + "))");
  }
  if (!q.region_key.empty()) w.add(t + ".admin1_key = " + p.param(q.region_key));
  if (!q.country.empty()) w.add(t + ".country = " + p.param(q.country));
  if (q.from_key) w.add(t + ".date_last >= CAST(" + p.param(int64_t{q.from_key}) + " AS INTEGER)");
  if (q.to_key) w.add(t + ".date_first <= CAST(" + p.param(int64_t{q.to_key}) + " AS INTEGER)");
  if (q.min_fatalities) w.add(t + ".fatalities >= CAST(" + p.param(*q.min_fatalities) + " AS BIGINT)");
  if (q.min_confidence) w.add(t + ".confidence >= CAST(" + p.param(*q.min_confidence) + " AS DOUBLE PRECISION)");
  if (q.date_length) w.add("length(" + t + ".date) = CAST(" + p.param(int64_t{q.date_length}) + " AS INTEGER)");
  if (!q.text.empty()) {
    const std::string query = s.text_query(q.text);
    if (query.empty()) {
      w.add("false");  // no word of the search can match
    } else {
      const std::string matching = s.reports_matching(p.param(query));
      if (events)
        w.add("e.key IN (SELECT s.event FROM event_sources s WHERE s.report IN (" + matching + "))");
      else
        w.add("r.id IN (" + matching + ")");
    }
  }
  return w;
}

// The ORDER BY of events (alias e) for a sort: undated first when ascending, unknown tolls last.
std::string event_order(EventSort sort, const sql::Session& s) {
  const std::string first = "e.date_first" + std::string(s.nulls_first());
  switch (sort) {
    case EventSort::Date:
      return first + ", e.id";
    case EventSort::DateDesc:
      return "e.date_first IS NULL, e.date_first DESC, e.id";
    case EventSort::Fatalities:
      return "e.fatalities IS NULL, e.fatalities, " + first + ", e.id";
    case EventSort::FatalitiesDesc:
      return "e.fatalities IS NULL, e.fatalities DESC, " + first + ", e.id";
    case EventSort::Sources:
      return "e.sources DESC, " + first + ", e.id";
  }
  return first + ", e.id";
}

std::string limit_offset(const EventQuery& q, Where& w, const sql::Session& s) {
  std::string out;
  if (q.limit)
    out += " LIMIT " + w.params().param(static_cast<int64_t>(q.limit));
  else if (q.offset)
    out += " LIMIT " + std::string(s.no_limit());
  if (q.offset) out += " OFFSET " + w.params().param(static_cast<int64_t>(q.offset));
  return out;
}

PartialDate date_of(const std::string& s) {
  auto d = lexicon::parse_partial_date(s);
  return d ? *d : PartialDate{};
}

}  // namespace

std::string SqlStore::meta(const std::string& key) {
  sql::Result r = session().query("SELECT value FROM meta WHERE key = $1", Params().add(key));
  return r.rows() ? r.text(0, 0) : "";
}

std::optional<std::string> SqlStore::document_hash(const std::string& doc_id) {
  sql::Result r = session().query("SELECT content_hash FROM documents WHERE doc_id = $1", Params().add(doc_id));
  if (!r.rows()) return std::nullopt;
  return r.text(0, 0);
}

Counts SqlStore::counts() {
  auto count = [&](const char* table) {
    return static_cast<std::size_t>(session().query(std::string("SELECT count(*) FROM ") + table).int64(0, 0));
  };
  Counts c;
  c.documents = count("documents");
  c.reports = count("reports");
  c.events = count("events");
  c.dirty_blocks = count("dirty_blocks");
  const std::string stale = meta("graph_stale");  // "0" when fresh (PostgreSQL numbers each change)
  c.graph_stale = !stale.empty() && stale != "0";
  return c;
}

bool SqlStore::has_pending_work() {
  if (session().query("SELECT count(*) FROM (SELECT 1 FROM dirty_blocks LIMIT 1) d").int64(0, 0) != 0) return true;
  const std::string stale = meta("graph_stale");
  return !stale.empty() && stale != "0";
}

void SqlStore::read_event_details(std::vector<EventView>& views, const std::vector<int64_t>& keys) {
  sql::Session& s = session();
  std::unordered_map<int64_t, std::size_t> at;
  for (std::size_t i = 0; i < keys.size(); ++i) at.emplace(keys[i], i);
  const Params p = Params().add(s.id_set(keys));
  sql::Result a = s.query("SELECT a.event, a.role, " + actor_columns("a") + " FROM event_actors a WHERE " +
                              s.in_id_set("a.event", "$1") + " ORDER BY a.event, a.role, a.ord",
                          p);
  for (int i = 0; i < a.rows(); ++i) {
    sql::Row row = a.row(i);
    Event& e = views[at.at(row.int64(0))].event;
    (row.int64(1) == 1 ? e.data.actor1 : e.data.actor2).push_back(read_actor(row, 2));
  }
  sql::Result src = s.query(
      "SELECT s.event, s.report, d.doc_id, d.source, d.url, d.date, r.sentence, r.evidence FROM event_sources s "
      "JOIN reports r ON r.id = s.report JOIN documents d ON d.id = r.document WHERE " +
          s.in_id_set("s.event", "$1") + " ORDER BY s.event, s.ord",
      p);
  for (int i = 0; i < src.rows(); ++i) {
    sql::Row row = src.row(i);
    EventView& v = views[at.at(row.int64(0))];
    Source so{row.int64(1), row.text(2), row.text(3), row.text(4), row.text(5), static_cast<uint32_t>(row.int64(6)),
              row.text(7)};
    v.event.reports.push_back(so.report);
    v.sources.push_back(std::move(so));
  }
}

void SqlStore::events(const EventQuery& q, const std::function<void(const EventView&)>& row) {
  sql::Session& s = session();
  Where w = filters(q, true, s);
  const std::string limit = limit_offset(q, w, s);
  const std::string order = event_order(q.sort, s);
  s.read([&] {
    // Filter, sort and cut the events first; only the rows kept are joined to their wording.
    s.for_each_batch("SELECT e.id, e.representative, e.block_year, e.key, d.doc_id, r.sentence, r.evidence, " +
                         data_columns("e") + " FROM (SELECT * FROM events e" + w.sql() + " ORDER BY " + order + limit +
                         ") e LEFT JOIN reports r ON r.id = e.representative LEFT JOIN documents d ON d.id = r.document"
                         " ORDER BY " +
                         order,
                     w.params(), [&](const sql::Result& batch) {
                       std::vector<EventView> views(static_cast<std::size_t>(batch.rows()));
                       std::vector<int64_t> keys;
                       for (int i = 0; i < batch.rows(); ++i) {
                         sql::Row r = batch.row(i);
                         EventView& v = views[static_cast<std::size_t>(i)];
                         v.event.id = r.text(0);
                         v.event.representative = r.int64(1);
                         v.event.block_year = static_cast<int>(r.int64(2));
                         v.doc = r.text(4);
                         v.sentence = static_cast<uint32_t>(r.int64(5));
                         v.evidence = r.text(6);
                         v.event.data = read_event_data(r, 7);
                         keys.push_back(r.int64(3));
                       }
                       read_event_details(views, keys);
                       for (const auto& v : views) row(v);
                     });
  });
}

void SqlStore::reports(const EventQuery& q, const std::function<void(const ReportView&)>& row) {
  sql::Session& s = session();
  Where w = filters(q, false, s);
  const std::string limit = limit_offset(q, w, s);
  const std::string first = std::string(s.nulls_first());
  s.read([&] {
    // Filter, sort and cut on the sort keys first; only the rows kept are read whole.
    s.for_each_batch(
        "SELECT " + report_columns() +
            ", d.source"
            " FROM (SELECT r.id AS report, r.date_first AS first, d.doc_id AS doc, r.idx AS idx"
            " FROM reports r JOIN documents d ON d.id = r.document" +
            w.sql() + " ORDER BY first" + first + ", doc, idx" + limit +
            ") k JOIN reports r ON r.id = k.report JOIN documents d ON d.id = r.document ORDER BY k.first" + first +
            ", k.doc, k.idx",
        w.params(), [&](const sql::Result& batch) {
          std::vector<ReportView> views(static_cast<std::size_t>(batch.rows()));
          std::vector<int64_t> ids;
          std::unordered_map<int64_t, std::size_t> at;
          for (int i = 0; i < batch.rows(); ++i) {
            ReportView& v = views[static_cast<std::size_t>(i)];
            v.report = read_report(batch.row(i), 0);
            v.outlet = batch.row(i).text(kReportColumns);
            ids.push_back(v.report.id);
            at.emplace(v.report.id, static_cast<std::size_t>(i));
          }
          const Params p = Params().add(s.id_set(ids));
          sql::Result a = s.query("SELECT a.report, a.role, " + actor_columns("a") + " FROM report_actors a WHERE " +
                                      s.in_id_set("a.report", "$1") + " ORDER BY a.report, a.role, a.ord",
                                  p);
          for (int i = 0; i < a.rows(); ++i) {
            sql::Row ar = a.row(i);
            Report& r = views[at.at(ar.int64(0))].report;
            (ar.int64(1) == 1 ? r.data.actor1 : r.data.actor2).push_back(read_actor(ar, 2));
          }
          sql::Result ev =
              s.query("SELECT s.report, e.id FROM event_sources s JOIN events e ON e.key = s.event WHERE " +
                          s.in_id_set("s.report", "$1"),
                      p);
          for (int i = 0; i < ev.rows(); ++i) {
            ReportView& v = views[at.at(ev.int64(i, 0))];
            if (v.event_id.empty()) v.event_id = ev.text(i, 1);
          }
          for (const auto& v : views) row(v);
        });
  });
}

std::vector<Report> SqlStore::read_reports(const std::string& where, const std::string& actors_where, const Params& p) {
  sql::Session& s = session();
  std::vector<Report> reports;
  std::unordered_map<int64_t, std::size_t> at;
  sql::Result r =
      s.query("SELECT " + report_columns() + " FROM reports r JOIN documents d ON d.id = r.document " + where, p);
  for (int i = 0; i < r.rows(); ++i) {
    Report report = read_report(r.row(i), 0);
    at[report.id] = reports.size();
    reports.push_back(std::move(report));
  }
  sql::Result a = s.query("SELECT a.report, a.role, " + actor_columns("a") +
                              " FROM report_actors a JOIN reports r ON r.id = a.report " + actors_where +
                              " ORDER BY a.report, a.role, a.ord",
                          p);
  for (int i = 0; i < a.rows(); ++i) {
    sql::Row row = a.row(i);
    auto it = at.find(row.int64(0));
    if (it == at.end()) continue;  // written by a concurrent writer after the read above
    Report& rep = reports[it->second];
    (row.int64(1) == 1 ? rep.data.actor1 : rep.data.actor2).push_back(read_actor(row, 2));
  }
  return reports;
}

std::vector<Report> SqlStore::block_reports(const BlockKey& block) {
  const std::string where = "WHERE r.type = $1 AND r.block_year = $2";
  return read_reports(where, where, Params().add(block.type).add(block.year));
}

std::vector<Report> SqlStore::document_reports(const std::string& doc_id) {
  std::vector<Report> out;
  session().read([&] {
    out = read_reports("WHERE d.doc_id = $1 ORDER BY r.idx",
                       "JOIN documents d ON d.id = r.document WHERE d.doc_id = $1", Params().add(doc_id));
  });
  return out;
}

std::vector<std::string> SqlStore::document_ids() {
  std::vector<std::string> ids;
  sql::Result r = session().query("SELECT doc_id FROM documents ORDER BY doc_id");
  for (int i = 0; i < r.rows(); ++i) ids.push_back(r.text(i, 0));
  return ids;
}

void SqlStore::scan_events(const std::function<void(const Event&)>& fn) {
  constexpr int kRole = 5 + 13;
  Event e;
  session().for_each_batch(
      "SELECT e.id, e.representative, e.block_year, coalesce(d.documents, 0), d.published, " + data_columns("e") +
          ", a.role, " + actor_columns("a") + " FROM events e LEFT JOIN event_actors a ON a.event = e.key LEFT JOIN (" +
          kEventDocuments + ") d ON d.event = e.key ORDER BY e.id, a.role, a.ord",
      Params(), [&](const sql::Result& batch) {
        for (int i = 0; i < batch.rows(); ++i) {
          sql::Row s = batch.row(i);
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
          if (!s.is_null(kRole))
            (s.int64(kRole) == 1 ? e.data.actor1 : e.data.actor2).push_back(read_actor(s, kRole + 1));
        }
      });
  if (!e.id.empty()) fn(e);
}

std::optional<ActorInfo> SqlStore::actor(const std::string& id) {
  sql::Session& s = session();
  sql::Result r = s.query("SELECT id, name, kind, country, sector FROM actors WHERE id = $1", Params().add(id));
  if (!r.rows()) {
    // An id the coder composed (NGA_MIL) or a generic one (GUNMEN): known from reports only.
    sql::Result f = s.query("SELECT actor_id, name, country, sector FROM report_actors WHERE actor_id = $1 LIMIT 1",
                            Params().add(id));
    if (!f.rows()) return std::nullopt;
    return ActorInfo{f.text(0, 0), f.text(0, 1), "", f.text(0, 2), f.text(0, 3), {}};
  }
  ActorInfo info{r.text(0, 0), r.text(0, 1), r.text(0, 2), r.text(0, 3), r.text(0, 4), {}};
  sql::Result a = s.query("SELECT alias FROM actor_aliases WHERE actor = $1 ORDER BY alias", Params().add(id));
  for (int i = 0; i < a.rows(); ++i) info.aliases.push_back(a.text(i, 0));
  return info;
}

std::vector<ActorInfo> SqlStore::find_actors(const std::string& name) {
  std::vector<std::string> ids;
  // lower() folds ASCII letters only, in SQLite and on ctext (collation "C") alike; CAST AS ctext
  // gives SQLite text affinity (the type name holds "TEXT").
  sql::Result r = session().query(
      "SELECT id FROM actors WHERE lower(id) = lower(CAST($1 AS ctext)) OR name_key = $2 "
      "UNION SELECT actor FROM actor_aliases WHERE key = $2 ORDER BY 1",
      Params().add(name).add(text::fold(name)), sql::Prepare::once);
  for (int i = 0; i < r.rows(); ++i) ids.push_back(r.text(i, 0));
  if (ids.empty()) {
    std::string upper;
    for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    ids.push_back(upper);
  }
  std::vector<ActorInfo> out;
  for (const auto& id : ids)
    if (auto info = actor(id)) out.push_back(std::move(*info));
  return out;
}

std::vector<graph::RoleFact> SqlStore::roles() {
  std::vector<graph::RoleFact> out;
  sql::Result r =
      session().query("SELECT person, actor, role, date_from, date_to FROM roles ORDER BY actor, date_from" +
                      std::string(session().nulls_first()) + ", person");
  for (int i = 0; i < r.rows(); ++i)
    out.push_back(
        graph::RoleFact{r.text(i, 0), r.text(i, 1), r.text(i, 2), date_of(r.text(i, 3)), date_of(r.text(i, 4))});
  return out;
}

std::map<std::string, std::string> SqlStore::countries() {
  std::map<std::string, std::string> out;
  sql::Result r = session().query("SELECT iso3, name FROM countries");
  for (int i = 0; i < r.rows(); ++i) out[r.text(i, 0)] = r.text(i, 1);
  return out;
}

std::vector<graph::MembershipFact> SqlStore::memberships() {
  std::vector<graph::MembershipFact> out;
  std::map<int64_t, std::size_t> at;
  sql::Session& s = session();
  s.read([&] {
    sql::Result m = s.query("SELECT id, member, grp, date_from, date_to, source, note FROM memberships ORDER BY id");
    for (int i = 0; i < m.rows(); ++i) {
      at[m.int64(i, 0)] = out.size();
      out.push_back(graph::MembershipFact{
          m.text(i, 1), m.text(i, 2), date_of(m.text(i, 3)), date_of(m.text(i, 4)), m.text(i, 5), m.text(i, 6), {}});
    }
    sql::Result e = s.query("SELECT membership, event FROM membership_evidence ORDER BY membership, event");
    for (int i = 0; i < e.rows(); ++i) out[at.at(e.int64(i, 0))].evidence.push_back(e.text(i, 1));
  });
  return out;
}

std::vector<RelationSum> SqlStore::relations(const graph::Window& window, const std::vector<std::string>& actors) {
  graph::Window w = graph::whole_months(window);
  Where where;
  Params& p = where.params();
  std::string first = "CAST(" + p.param(int64_t{w.first}) + " AS BIGINT)";
  std::string last = "CAST(" + p.param(int64_t{w.last}) + " AS BIGINT)";
  // Month cells inside the window; year-only cells when the window covers their whole year.
  where.add("((month > 0 AND year * 10000 + month * 100 + 1 >= " + first + " AND year * 10000 + month * 100 + 31 <= " +
            last + ") OR (month = 0 AND year * 10000 + 101 >= " + first + " AND year * 10000 + 1231 <= " + last + "))");
  if (!actors.empty()) {
    std::string a = p.list(actors);
    std::string b = p.list(actors);
    where.add("(a IN (" + a + ") OR b IN (" + b + "))");
  }
  sql::Result r = session().query(
      "SELECT a, b, sum(cooperative), sum(conflictual), sum(cooperative_events), sum(conflictual_events) "
      "FROM relations" +
          where.sql() + " GROUP BY a, b ORDER BY a, b",
      p, sql::Prepare::once);
  std::vector<RelationSum> out;
  for (int i = 0; i < r.rows(); ++i) {
    sql::Row row = r.row(i);
    out.push_back(RelationSum{row.text(0), row.text(1), row.real(2), row.real(3), static_cast<int>(row.int64(4)),
                              static_cast<int>(row.int64(5))});
  }
  return out;
}

std::vector<graph::ControlInterval> SqlStore::control(const std::string& place_key) {
  std::vector<graph::ControlInterval> out;
  std::map<int64_t, std::size_t> at;
  const std::string where = place_key.empty() ? "" : " WHERE k.place_key = $1";
  const Params p = place_key.empty() ? Params() : Params().add(place_key);
  sql::Session& s = session();
  s.read([&] {
    sql::Result k = s.query(
        "SELECT k.id, k.place, k.place_key, k.holders, k.date_from, k.date_to, k.to_open, k.source, k.status, k.note "
        "FROM control k" +
            where + " ORDER BY k.place_key, k.id",
        p);
    for (int i = 0; i < k.rows(); ++i) {
      sql::Row r = k.row(i);
      graph::ControlInterval iv;
      iv.place = r.text(1);
      iv.place_key = r.text(2);
      iv.holders = lexicon::split_list(r.text(3));
      iv.from = date_of(r.text(4));
      iv.to = date_of(r.text(5));
      iv.to_open = r.int64(6) != 0;
      iv.source = r.text(7);
      iv.status = r.text(8);
      iv.note = r.text(9);
      at[r.int64(0)] = out.size();
      out.push_back(std::move(iv));
    }
    sql::Result e = s.query(
        "SELECT c.control, c.event, c.change FROM control_evidence c JOIN control k ON k.id = "
        "c.control" +
            where + " ORDER BY c.control, c.event",
        p);
    for (int i = 0; i < e.rows(); ++i)
      out[at.at(e.int64(i, 0))].evidence.push_back(graph::ControlEvidence{e.text(i, 1), e.text(i, 2)});
  });
  return out;
}

}  // namespace faultline::store
