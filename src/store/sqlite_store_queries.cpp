// The SQLite store's reads: events and reports by filter, actors, roles, memberships, relations
// and control intervals.
#include <map>
#include <variant>

#include "extract/dates.h"
#include "lexicon/tsv_file.h"
#include "store/sqlite_columns.h"
#include "store/sqlite_store.h"
#include "text/fold.h"

namespace faultline::store {

using sqlite::Statement;
using lexicon::PartialDate;

namespace {

// A WHERE clause assembled from fixed SQL fragments; every value goes in as a parameter.
class Where {
 public:
  void add(const std::string& clause) { sql_ += (sql_.empty() ? " WHERE " : " AND ") + clause; }
  // "?n, ?n+1, …" for a list of values, which it takes as parameters.
  std::string list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + param(v);
    return out;
  }
  std::string param(std::variant<std::string, int64_t, double> v) {
    params_.push_back(std::move(v));
    return "?" + std::to_string(params_.size());
  }
  const std::string& sql() const { return sql_; }
  void bind(Statement& s) const {
    for (std::size_t i = 0; i < params_.size(); ++i) {
      int n = static_cast<int>(i + 1);
      if (const auto* t = std::get_if<std::string>(&params_[i])) s.bind(n, *t);
      else if (const auto* d = std::get_if<double>(&params_[i])) s.bind(n, *d);
      else s.bind(n, std::get<int64_t>(params_[i]));
    }
  }

 private:
  std::string sql_;
  std::vector<std::variant<std::string, int64_t, double>> params_;
};

// Words of a --text search as an FTS5 query: each word quoted (so that punctuation in it is not
// query syntax), all required.
std::string fts_query(const std::string& words) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    std::string quoted;
    for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += (out.empty() ? "\"" : " \"") + quoted + "\"";
    word.clear();
  };
  for (char c : words) {
    if (c == ' ' || c == '\t' || c == '\n') flush();
    else word += c;
  }
  flush();
  return out;
}

// The filters shared by events (alias e) and reports (alias r).
Where filters(const EventQuery& q, bool events) {
  Where w;
  const std::string t = events ? "e" : "r";
  if (q.by_actor) {
    if (q.actor_ids.empty()) {
      w.add("0");
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
  if (q.from_key) w.add(t + ".date_last >= " + w.param(int64_t{q.from_key}));
  if (q.to_key) w.add(t + ".date_first <= " + w.param(int64_t{q.to_key}));
  if (q.min_fatalities) w.add(t + ".fatalities >= " + w.param(*q.min_fatalities));
  if (q.min_confidence) w.add(t + ".confidence >= " + w.param(*q.min_confidence));
  if (q.date_length) w.add("length(" + t + ".date) = " + w.param(int64_t{q.date_length}));
  if (!q.text.empty()) {
    std::string m = w.param(fts_query(q.text));
    if (events)
      w.add("e.key IN (SELECT s.event FROM reports_fts JOIN event_sources s ON s.report = reports_fts.rowid "
            "WHERE reports_fts MATCH " + m + ")");
    else
      w.add("r.id IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH " + m + ")");
  }
  return w;
}

// The ORDER BY of events (alias e) for a sort: SQLite sorts NULL first, so unknown tolls are
// put last explicitly (pg_store_queries.cpp writes the same order).
std::string event_order(EventSort sort) {
  switch (sort) {
    case EventSort::Date: return "e.date_first, e.id";
    case EventSort::DateDesc: return "e.date_first IS NULL, e.date_first DESC, e.id";
    case EventSort::Fatalities: return "e.fatalities IS NULL, e.fatalities, e.date_first, e.id";
    case EventSort::FatalitiesDesc: return "e.fatalities IS NULL, e.fatalities DESC, e.date_first, e.id";
    case EventSort::Sources: return "e.sources DESC, e.date_first, e.id";
  }
  return "e.date_first, e.id";
}

// LIMIT and OFFSET (SQLite needs a LIMIT before an OFFSET: -1 is none).
std::string limit_offset(const EventQuery& q, Where& w) {
  std::string out;
  if (q.limit || q.offset) out += " LIMIT " + w.param(q.limit ? static_cast<int64_t>(q.limit) : int64_t{-1});
  if (q.offset) out += " OFFSET " + w.param(static_cast<int64_t>(q.offset));
  return out;
}

PartialDate date_of(const std::string& s) {
  auto d = lexicon::parse_partial_date(s);
  return d ? *d : PartialDate{};
}

}  // namespace

Counts SqliteStore::counts() {
  Counts c;
  c.documents = static_cast<std::size_t>(db_.scalar("SELECT count(*) FROM documents"));
  c.reports = static_cast<std::size_t>(db_.scalar("SELECT count(*) FROM reports"));
  c.events = static_cast<std::size_t>(db_.scalar("SELECT count(*) FROM events"));
  c.dirty_blocks = static_cast<std::size_t>(db_.scalar("SELECT count(*) FROM dirty_blocks"));
  c.graph_stale = meta("graph_stale") == "1";
  return c;
}

bool SqliteStore::has_pending_work() {
  return db_.scalar("SELECT EXISTS (SELECT 1 FROM dirty_blocks)") != 0 || meta("graph_stale") == "1";
}

void SqliteStore::events(const EventQuery& q, const std::function<void(const EventView&)>& row) {
  Where w = filters(q, true);
  Statement s = db_.prepare(
      // Filter, sort and cut the events first; only the rows kept are joined to their wording.
      "SELECT e.id, e.representative, e.block_year, e.key, d.doc_id, r.sentence, r.evidence, " + data_columns("e") +
      " FROM (SELECT * FROM events e" + w.sql() + " ORDER BY " + event_order(q.sort) + limit_offset(q, w) +
      ") e LEFT JOIN reports r ON r.id = e.representative LEFT JOIN documents d ON d.id = r.document"
      " ORDER BY " + event_order(q.sort));
  w.bind(s);
  while (s.step()) {
    EventView v;
    Event& e = v.event;
    e.id = s.text(0);
    e.representative = s.int64(1);
    e.block_year = static_cast<int>(s.int64(2));
    v.doc = s.text(4);
    v.sentence = static_cast<uint32_t>(s.int64(5));
    v.evidence = s.text(6);
    e.data = read_event_data(s, 7);
    read_event_details(v, s.int64(3));
    row(v);
  }
}

void SqliteStore::reports(const EventQuery& q, const std::function<void(const ReportView&)>& row) {
  Where w = filters(q, false);
  Statement s = db_.prepare(
      // Filter, sort and cut on the sort keys first; only the rows kept are read whole.
      "SELECT r.id, d.doc_id, r.sentence, r.idx, r.evidence, r.evidence_begin, r.evidence_end, r.pattern, "
      "r.place_inferred, d.source, " + data_columns("r") +
      " FROM (SELECT r.id AS report, r.date_first AS first, d.doc_id AS doc, r.idx AS idx"
      " FROM reports r JOIN documents d ON d.id = r.document" + w.sql() + " ORDER BY first, doc, idx" + limit_offset(q, w) +
      ") k JOIN reports r ON r.id = k.report JOIN documents d ON d.id = r.document ORDER BY k.first, k.doc, k.idx");
  w.bind(s);
  while (s.step()) {
    ReportView v;
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
    Statement& a = db_.cached("SELECT a.role, " + actor_columns("a") +
                              " FROM report_actors a WHERE a.report = ?1 ORDER BY a.role, a.ord");
    a.bind(1, r.id);
    while (a.step()) (a.int64(0) == 1 ? r.data.actor1 : r.data.actor2).push_back(read_actor(a, 1));
    a.reset();
    Statement& ev = db_.cached("SELECT e.id FROM event_sources s JOIN events e ON e.key = s.event WHERE s.report = ?1");
    ev.bind(1, r.id);
    if (ev.step()) v.event_id = ev.text(0);
    ev.reset();
    row(v);
  }
}

std::optional<ActorInfo> SqliteStore::actor(const std::string& id) {
  Statement& s = db_.cached("SELECT id, name, kind, country, sector FROM actors WHERE id = ?1");
  s.bind(1, id);
  std::optional<ActorInfo> info;
  if (s.step()) info = ActorInfo{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), {}};
  s.reset();
  if (!info) {
    // An id the coder composed (NGA_MIL) or a generic one (GUNMEN): known from reports only.
    Statement& r = db_.cached("SELECT actor_id, name, country, sector FROM report_actors WHERE actor_id = ?1 LIMIT 1");
    r.bind(1, id);
    if (r.step()) info = ActorInfo{r.text(0), r.text(1), "", r.text(2), r.text(3), {}};
    r.reset();
    return info;
  }
  Statement& a = db_.cached("SELECT alias FROM actor_aliases WHERE actor = ?1 ORDER BY alias");
  a.bind(1, id);
  while (a.step()) info->aliases.push_back(a.text(0));
  a.reset();
  return info;
}

std::vector<ActorInfo> SqliteStore::find_actors(const std::string& name) {
  const std::string key = text::fold(name);
  std::vector<std::string> ids;
  Statement s = db_.prepare(
      "SELECT id FROM actors WHERE id = ?1 COLLATE NOCASE OR name_key = ?2 "
      "UNION SELECT actor FROM actor_aliases WHERE key = ?2 ORDER BY 1");
  s.bind(1, name).bind(2, key);
  while (s.step()) ids.push_back(s.text(0));
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

std::vector<graph::RoleFact> SqliteStore::roles() {
  std::vector<graph::RoleFact> out;
  Statement s = db_.prepare("SELECT person, actor, role, date_from, date_to FROM roles ORDER BY actor, date_from, person");
  while (s.step()) out.push_back(graph::RoleFact{s.text(0), s.text(1), s.text(2), date_of(s.text(3)), date_of(s.text(4))});
  return out;
}

std::map<std::string, std::string> SqliteStore::countries() {
  std::map<std::string, std::string> out;
  Statement s = db_.prepare("SELECT iso3, name FROM countries");
  while (s.step()) out[s.text(0)] = s.text(1);
  return out;
}

std::vector<graph::MembershipFact> SqliteStore::memberships() {
  std::vector<graph::MembershipFact> out;
  std::map<int64_t, std::size_t> at;
  Statement s = db_.prepare("SELECT id, member, grp, date_from, date_to, source, note FROM memberships ORDER BY id");
  while (s.step()) {
    at[s.int64(0)] = out.size();
    out.push_back(graph::MembershipFact{s.text(1), s.text(2), date_of(s.text(3)), date_of(s.text(4)), s.text(5),
                                        s.text(6), {}});
  }
  Statement e = db_.prepare("SELECT membership, event FROM membership_evidence ORDER BY membership, event");
  while (e.step()) out[at.at(e.int64(0))].evidence.push_back(e.text(1));
  return out;
}

std::vector<RelationSum> SqliteStore::relations(const graph::Window& window, const std::vector<std::string>& actors) {
  graph::Window w = graph::whole_months(window);
  Where where;
  std::string first = where.param(int64_t{w.first});
  std::string last = where.param(int64_t{w.last});
  // Month cells inside the window; year-only cells when the window covers their whole year.
  where.add("((month > 0 AND year * 10000 + month * 100 + 1 >= " + first + " AND year * 10000 + month * 100 + 31 <= " +
            last + ") OR (month = 0 AND year * 10000 + 101 >= " + first + " AND year * 10000 + 1231 <= " + last + "))");
  if (!actors.empty()) {
    std::string a = where.list(actors);
    std::string b = where.list(actors);
    where.add("(a IN (" + a + ") OR b IN (" + b + "))");
  }
  Statement s = db_.prepare(
      "SELECT a, b, sum(cooperative), sum(conflictual), sum(cooperative_events), sum(conflictual_events) "
      "FROM relations" + where.sql() + " GROUP BY a, b ORDER BY a, b");
  where.bind(s);
  std::vector<RelationSum> out;
  while (s.step())
    out.push_back(RelationSum{s.text(0), s.text(1), s.real(2), s.real(3), static_cast<int>(s.int64(4)),
                              static_cast<int>(s.int64(5))});
  return out;
}

std::vector<graph::ControlInterval> SqliteStore::control(const std::string& place_key) {
  std::vector<graph::ControlInterval> out;
  std::map<int64_t, std::size_t> at;
  const std::string where = place_key.empty() ? "" : " WHERE k.place_key = ?1";
  Statement s = db_.prepare(
      "SELECT k.id, k.place, k.place_key, k.holders, k.date_from, k.date_to, k.to_open, k.source, k.status, k.note "
      "FROM control k" + where + " ORDER BY k.place_key, k.id");
  if (!place_key.empty()) s.bind(1, place_key);
  while (s.step()) {
    graph::ControlInterval iv;
    iv.place = s.text(1);
    iv.place_key = s.text(2);
    iv.holders = lexicon::split_list(s.text(3));
    iv.from = date_of(s.text(4));
    iv.to = date_of(s.text(5));
    iv.to_open = s.int64(6) != 0;
    iv.source = s.text(7);
    iv.status = s.text(8);
    iv.note = s.text(9);
    at[s.int64(0)] = out.size();
    out.push_back(std::move(iv));
  }
  Statement e = db_.prepare("SELECT c.control, c.event, c.change FROM control_evidence c JOIN control k ON k.id = c.control" +
                            where + " ORDER BY c.control, c.event");
  if (!place_key.empty()) e.bind(1, place_key);
  while (e.step()) out[at.at(e.int64(0))].evidence.push_back(graph::ControlEvidence{e.text(1), e.text(2)});
  return out;
}

}  // namespace faultline::store
