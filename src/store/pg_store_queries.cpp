// The PostgreSQL store's reads: events and reports by filter, counts, actors, roles, memberships,
// relations and control intervals — the SQLite store's queries, in the same order (NULLs first,
// as SQLite sorts them; text in byte order through the `ctext` domain).
#include <map>
#include <unordered_map>

#include "extract/dates.h"
#include "lexicon/tsv_file.h"
#include "store/fts_terms.h"
#include "store/pg_columns.h"
#include "store/pg_store.h"
#include "text/fold.h"

namespace faultline::store {

using lexicon::PartialDate;
using pg::Params;

namespace {

// A WHERE clause assembled from fixed SQL fragments; every value goes in as a parameter.
class Where {
 public:
  void add(const std::string& clause) { sql_ += (sql_.empty() ? " WHERE " : " AND ") + clause; }
  std::string list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + param(v);
    return out;
  }
  template <typename T>
  std::string param(const T& v) {
    params_.add(v);
    return "$" + std::to_string(params_.size());
  }
  const std::string& sql() const { return sql_; }
  const Params& params() const { return params_; }

 private:
  std::string sql_;
  Params params_;
};

// The filters shared by events (alias e) and reports (alias r).
Where filters(const EventQuery& q, bool events) {
  Where w;
  const std::string t = events ? "e" : "r";
  if (q.by_actor) {
    if (q.actor_ids.empty()) {
      w.add("false");
    } else if (events) {
      std::string ids = w.list(q.actor_ids);
      std::string ids2 = w.list(q.actor_ids);
      w.add("e.key IN (SELECT event FROM event_actors WHERE actor_id IN (" + ids +
            ") UNION SELECT event FROM event_actors WHERE affiliation_id IN (" + ids2 + "))");
    } else {
      std::string ids = w.list(q.actor_ids);
      std::string ids2 = w.list(q.actor_ids);
      w.add("r.id IN (SELECT report FROM report_actors WHERE actor_id IN (" + ids +
            ") UNION SELECT report FROM report_actors WHERE affiliation_id IN (" + ids2 + "))");
    }
  }
  if (!q.types.empty()) w.add(t + ".type IN (" + w.list(q.types) + ")");
  if (!q.place_keys.empty()) {
    std::string p1 = w.list(q.place_keys);
    std::string p2 = w.list(q.place_keys);
    w.add("(" + t + ".place_key IN (" + p1 + ") OR " + t + ".admin1_key IN (" + p2 + "))");
  }
  if (!q.region_key.empty()) w.add(t + ".admin1_key = " + w.param(q.region_key));
  if (!q.country.empty()) w.add(t + ".country = " + w.param(q.country));
  if (q.from_key) w.add(t + ".date_last >= " + w.param(int64_t{q.from_key}) + "::int4");
  if (q.to_key) w.add(t + ".date_first <= " + w.param(int64_t{q.to_key}) + "::int4");
  if (q.min_fatalities) w.add(t + ".fatalities >= " + w.param(*q.min_fatalities) + "::int8");
  if (q.min_confidence) w.add(t + ".confidence >= " + w.param(*q.min_confidence) + "::float8");
  if (q.date_length) w.add("length(" + t + ".date) = " + w.param(int64_t{q.date_length}) + "::int4");
  if (!q.text.empty()) {
    const std::string query = tsquery_literal(q.text);
    if (query.empty()) {
      w.add("false");  // no word of the search has a term: nothing matches, as in SQLite
    } else {
      std::string m = w.param(query) + "::tsquery";
      if (events)
        w.add("e.key IN (SELECT s.event FROM reports f JOIN event_sources s ON s.report = f.id WHERE f.terms @@ " + m +
              ")");
      else
        w.add("r.terms @@ " + m);
    }
  }
  return w;
}

// An int8[] literal ("{1,2,3}") for `= ANY($n::int8[])`.
std::string id_array(const std::vector<int64_t>& ids) {
  std::string out = "{";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "}";
}

// The ORDER BY of events (alias e) for a sort, as sqlite_store_queries.cpp sorts: undated
// first when ascending, unknown tolls last.
std::string event_order(EventSort sort) {
  switch (sort) {
    case EventSort::Date: return "e.date_first NULLS FIRST, e.id";
    case EventSort::DateDesc: return "e.date_first IS NULL, e.date_first DESC, e.id";
    case EventSort::Fatalities: return "e.fatalities IS NULL, e.fatalities, e.date_first NULLS FIRST, e.id";
    case EventSort::FatalitiesDesc: return "e.fatalities IS NULL, e.fatalities DESC, e.date_first NULLS FIRST, e.id";
    case EventSort::Sources: return "e.sources DESC, e.date_first NULLS FIRST, e.id";
  }
  return "e.date_first NULLS FIRST, e.id";
}

std::string limit_offset(const EventQuery& q, Where& w) {
  std::string out;
  if (q.limit) out += " LIMIT " + w.param(static_cast<int64_t>(q.limit));
  if (q.offset) out += " OFFSET " + w.param(static_cast<int64_t>(q.offset));
  return out;
}

PartialDate date_of(const std::string& s) {
  auto d = lexicon::parse_partial_date(s);
  return d ? *d : PartialDate{};
}

}  // namespace

Counts PgStore::counts() {
  Counts c;
  c.documents = static_cast<std::size_t>(c_.scalar("SELECT count(*) FROM documents"));
  c.reports = static_cast<std::size_t>(c_.scalar("SELECT count(*) FROM reports"));
  c.events = static_cast<std::size_t>(c_.scalar("SELECT count(*) FROM events"));
  c.dirty_blocks = static_cast<std::size_t>(c_.scalar("SELECT count(*) FROM dirty_blocks"));
  const std::string stale = meta("graph_stale");
  c.graph_stale = !stale.empty() && stale != "0";
  return c;
}

bool PgStore::has_pending_work() {
  if (c_.scalar("SELECT count(*) FROM (SELECT 1 FROM dirty_blocks LIMIT 1) d") != 0) return true;
  const std::string stale = meta("graph_stale");
  return !stale.empty() && stale != "0";
}

void PgStore::read_event_details(std::vector<EventView>& views, const std::vector<int64_t>& keys) {
  std::unordered_map<int64_t, std::size_t> at;
  for (std::size_t i = 0; i < keys.size(); ++i) at.emplace(keys[i], i);
  const Params p = Params().add(id_array(keys));
  pg::Result a = c_.cached("SELECT a.event, a.role, " + pg_actor_columns("a") +
                               " FROM event_actors a WHERE a.event = ANY($1::int8[]) ORDER BY a.event, a.role, a.ord",
                           p);
  for (int i = 0; i < a.rows(); ++i) {
    pg::Row row(a, i);
    Event& e = views[at.at(row.int64(0))].event;
    (row.int64(1) == 1 ? e.data.actor1 : e.data.actor2).push_back(read_actor(row, 2));
  }
  pg::Result src = c_.cached(
      "SELECT s.event, s.report, d.doc_id, d.source, d.url, d.date, r.sentence, r.evidence FROM event_sources s "
      "JOIN reports r ON r.id = s.report JOIN documents d ON d.id = r.document WHERE s.event = ANY($1::int8[]) "
      "ORDER BY s.event, s.ord",
      p);
  for (int i = 0; i < src.rows(); ++i) {
    EventView& v = views[at.at(src.int64(i, 0))];
    Source so{src.int64(i, 1), src.text(i, 2), src.text(i, 3),
              src.text(i, 4),  src.text(i, 5), static_cast<uint32_t>(src.int64(i, 6)),
              src.text(i, 7)};
    v.event.reports.push_back(so.report);
    v.sources.push_back(std::move(so));
  }
}

void PgStore::events(const EventQuery& q, const std::function<void(const EventView&)>& row) {
  Where w = filters(q, true);
  const std::string limit = limit_offset(q, w);
  // One snapshot for the rows and their details.
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  pg::for_each_batch(c_,
                     "SELECT e.id, e.representative, e.block_year, e.key, d.doc_id, r.sentence, r.evidence, " +
                         pg_data_columns("e") + " FROM (SELECT * FROM events e" + w.sql() +
                         " ORDER BY " + event_order(q.sort) + limit +
                         ") e LEFT JOIN reports r ON r.id = e.representative LEFT JOIN documents d ON d.id = r.document"
                         " ORDER BY " + event_order(q.sort),
                     w.params(), [&](const pg::Result& batch) {
                       std::vector<EventView> views(static_cast<std::size_t>(batch.rows()));
                       std::vector<int64_t> keys;
                       for (int i = 0; i < batch.rows(); ++i) {
                         pg::Row s(batch, i);
                         EventView& v = views[static_cast<std::size_t>(i)];
                         Event& e = v.event;
                         e.id = s.text(0);
                         e.representative = s.int64(1);
                         e.block_year = static_cast<int>(s.int64(2));
                         v.doc = s.text(4);
                         v.sentence = static_cast<uint32_t>(s.int64(5));
                         v.evidence = s.text(6);
                         e.data = read_event_data(s, 7);
                         keys.push_back(s.int64(3));
                       }
                       read_event_details(views, keys);
                       for (const auto& v : views) row(v);
                     });
  tx.commit();
}

void PgStore::reports(const EventQuery& q, const std::function<void(const ReportView&)>& row) {
  Where w = filters(q, false);
  const std::string limit = limit_offset(q, w);
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  pg::for_each_batch(
      c_,
      "SELECT r.id, d.doc_id, r.sentence, r.idx, r.evidence, r.evidence_begin, r.evidence_end, r.pattern, "
      "r.place_inferred, d.source, " +
          pg_data_columns("r") +
          " FROM (SELECT r.id AS report, r.date_first AS first, d.doc_id AS doc, r.idx AS idx"
          " FROM reports r JOIN documents d ON d.id = r.document" +
          w.sql() + " ORDER BY first NULLS FIRST, doc, idx" + limit +
          ") k JOIN reports r ON r.id = k.report JOIN documents d ON d.id = r.document"
          " ORDER BY k.first NULLS FIRST, k.doc, k.idx",
      w.params(), [&](const pg::Result& batch) {
        std::vector<ReportView> views(static_cast<std::size_t>(batch.rows()));
        std::vector<int64_t> ids;
        std::unordered_map<int64_t, std::size_t> at;
        for (int i = 0; i < batch.rows(); ++i) {
          pg::Row s(batch, i);
          ReportView& v = views[static_cast<std::size_t>(i)];
          Report& r = v.report;
          r.id = s.int64(0);
          r.doc = s.text(1);
          r.sentence = static_cast<uint32_t>(s.int64(2));
          r.index = static_cast<uint32_t>(s.int64(3));
          r.evidence = s.text(4);
          r.evidence_begin = static_cast<uint32_t>(s.int64(5));
          r.evidence_end = static_cast<uint32_t>(s.int64(6));
          r.pattern = s.text(7);
          r.location_inferred = s.int64(8) != 0;
          v.outlet = s.text(9);
          r.data = read_event_data(s, 10);
          if (r.data.location) r.data.location->inferred = r.location_inferred;
          ids.push_back(r.id);
          at.emplace(r.id, static_cast<std::size_t>(i));
        }
        const Params p = Params().add(id_array(ids));
        pg::Result a =
            c_.cached("SELECT a.report, a.role, " + pg_actor_columns("a") +
                          " FROM report_actors a WHERE a.report = ANY($1::int8[]) ORDER BY a.report, a.role, "
                          "a.ord",
                      p);
        for (int i = 0; i < a.rows(); ++i) {
          pg::Row ar(a, i);
          Report& r = views[at.at(ar.int64(0))].report;
          (ar.int64(1) == 1 ? r.data.actor1 : r.data.actor2).push_back(read_actor(ar, 2));
        }
        pg::Result ev = c_.cached(
            "SELECT s.report, e.id FROM event_sources s JOIN events e ON e.key = s.event WHERE s.report = "
            "ANY($1::int8[])",
            p);
        for (int i = 0; i < ev.rows(); ++i) {
          ReportView& v = views[at.at(ev.int64(i, 0))];
          if (v.event_id.empty()) v.event_id = ev.text(i, 1);
        }
        for (const auto& v : views) row(v);
      });
  tx.commit();
}

std::optional<ActorInfo> PgStore::actor(const std::string& id) {
  pg::Result s = c_.cached("SELECT id, name, kind, country, sector FROM actors WHERE id = $1", Params().add(id));
  if (!s.rows()) {
    // An id the coder composed (NGA_MIL) or a generic one (GUNMEN): known from reports only.
    pg::Result r = c_.cached("SELECT actor_id, name, country, sector FROM report_actors WHERE actor_id = $1 LIMIT 1",
                             Params().add(id));
    if (!r.rows()) return std::nullopt;
    return ActorInfo{r.text(0, 0), r.text(0, 1), "", r.text(0, 2), r.text(0, 3), {}};
  }
  ActorInfo info{s.text(0, 0), s.text(0, 1), s.text(0, 2), s.text(0, 3), s.text(0, 4), {}};
  pg::Result a = c_.cached("SELECT alias FROM actor_aliases WHERE actor = $1 ORDER BY alias", Params().add(id));
  for (int i = 0; i < a.rows(); ++i) info.aliases.push_back(a.text(i, 0));
  return info;
}

std::vector<ActorInfo> PgStore::find_actors(const std::string& name) {
  const std::string key = text::fold(name);
  std::vector<std::string> ids;
  // SQLite's NOCASE folds ASCII letters only; so does lower() on ctext (collation "C").
  pg::Result s = c_.exec(
      "SELECT id FROM actors WHERE lower(id) = lower($1::ctext) OR name_key = $2 "
      "UNION SELECT actor FROM actor_aliases WHERE key = $2 ORDER BY 1",
      Params().add(name).add(key));
  for (int i = 0; i < s.rows(); ++i) ids.push_back(s.text(i, 0));
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

std::vector<graph::RoleFact> PgStore::roles() {
  std::vector<graph::RoleFact> out;
  pg::Result s = c_.exec(
      "SELECT person, actor, role, date_from, date_to FROM roles ORDER BY actor, date_from NULLS FIRST, person");
  for (int i = 0; i < s.rows(); ++i)
    out.push_back(
        graph::RoleFact{s.text(i, 0), s.text(i, 1), s.text(i, 2), date_of(s.text(i, 3)), date_of(s.text(i, 4))});
  return out;
}

std::map<std::string, std::string> PgStore::countries() {
  std::map<std::string, std::string> out;
  pg::Result s = c_.exec("SELECT iso3, name FROM countries");
  for (int i = 0; i < s.rows(); ++i) out[s.text(i, 0)] = s.text(i, 1);
  return out;
}

std::vector<graph::MembershipFact> PgStore::memberships() {
  std::vector<graph::MembershipFact> out;
  std::map<int64_t, std::size_t> at;
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  pg::Result s = c_.exec("SELECT id, member, grp, date_from, date_to, source, note FROM memberships ORDER BY id");
  for (int i = 0; i < s.rows(); ++i) {
    at[s.int64(i, 0)] = out.size();
    out.push_back(graph::MembershipFact{
        s.text(i, 1), s.text(i, 2), date_of(s.text(i, 3)), date_of(s.text(i, 4)), s.text(i, 5), s.text(i, 6), {}});
  }
  pg::Result e = c_.exec("SELECT membership, event FROM membership_evidence ORDER BY membership, event");
  for (int i = 0; i < e.rows(); ++i) out[at.at(e.int64(i, 0))].evidence.push_back(e.text(i, 1));
  tx.commit();
  return out;
}

std::vector<RelationSum> PgStore::relations(const graph::Window& window, const std::vector<std::string>& actors) {
  graph::Window w = graph::whole_months(window);
  Where where;
  std::string first = where.param(int64_t{w.first}) + "::int8";
  std::string last = where.param(int64_t{w.last}) + "::int8";
  // Month cells inside the window; year-only cells when the window covers their whole year.
  where.add("((month > 0 AND year * 10000 + month * 100 + 1 >= " + first + " AND year * 10000 + month * 100 + 31 <= " +
            last + ") OR (month = 0 AND year * 10000 + 101 >= " + first + " AND year * 10000 + 1231 <= " + last + "))");
  if (!actors.empty()) {
    std::string a = where.list(actors);
    std::string b = where.list(actors);
    where.add("(a IN (" + a + ") OR b IN (" + b + "))");
  }
  pg::Result s = c_.exec(
      "SELECT a, b, sum(cooperative), sum(conflictual), sum(cooperative_events), sum(conflictual_events) "
      "FROM relations" +
          where.sql() + " GROUP BY a, b ORDER BY a, b",
      where.params());
  std::vector<RelationSum> out;
  for (int i = 0; i < s.rows(); ++i)
    out.push_back(RelationSum{s.text(i, 0), s.text(i, 1), s.real(i, 2), s.real(i, 3), static_cast<int>(s.int64(i, 4)),
                              static_cast<int>(s.int64(i, 5))});
  return out;
}

std::vector<graph::ControlInterval> PgStore::control(const std::string& place_key) {
  std::vector<graph::ControlInterval> out;
  std::map<int64_t, std::size_t> at;
  const std::string where = place_key.empty() ? "" : " WHERE k.place_key = $1";
  const Params p = place_key.empty() ? Params() : Params().add(place_key);
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  pg::Result s = c_.exec(
      "SELECT k.id, k.place, k.place_key, k.holders, k.date_from, k.date_to, k.to_open, k.source, k.status, k.note "
      "FROM control k" +
          where + " ORDER BY k.place_key, k.id",
      p);
  for (int i = 0; i < s.rows(); ++i) {
    pg::Row r(s, i);
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
  pg::Result e =
      c_.exec("SELECT c.control, c.event, c.change FROM control_evidence c JOIN control k ON k.id = c.control" + where +
                  " ORDER BY c.control, c.event",
              p);
  for (int i = 0; i < e.rows(); ++i)
    out[at.at(e.int64(i, 0))].evidence.push_back(graph::ControlEvidence{e.text(i, 1), e.text(i, 2)});
  tx.commit();
  return out;
}

}  // namespace faultline::store
