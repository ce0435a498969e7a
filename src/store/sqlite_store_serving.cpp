// The SQLite store's reads for a server that keeps only an index in memory: a light scan of every
// event's columns, whole events by id (a page of results), and a document with its citations.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "store/sqlite_columns.h"
#include "store/sqlite_store.h"

namespace faultline::store {

using sqlite::Statement;

namespace {

// Splits `s` at `sep`, leaving out empty parts.
std::vector<std::string> split_nonempty(std::string_view s, char sep) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto cut = s.find(sep);
    std::string_view part = s.substr(0, cut);
    if (!part.empty()) out.emplace_back(part);
    if (cut == std::string_view::npos) break;
    s.remove_prefix(cut + 1);
  }
  return out;
}

// Parses "LEN:TEXT" pieces (LEN in bytes), as the scan's text column concatenates them: unlike a
// separator, a length cannot collide with what the text holds.
std::vector<std::string> split_counted(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos) break;
    std::size_t n = 0;
    for (char c : s.substr(0, colon)) n = n * 10 + static_cast<std::size_t>(c - '0');
    s.remove_prefix(colon + 1);
    n = std::min(n, s.size());
    out.emplace_back(s.substr(0, n));
    s.remove_prefix(n);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void SqliteStore::scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) {
  // One row per event: its actors (and texts) are gathered by correlated subqueries on the
  // primary keys of event_actors and event_sources, so no join multiplies the rows.
  const std::string texts =
      with_texts ? ", (SELECT group_concat(length(CAST(r.evidence AS BLOB)) || ':' || r.evidence, '') "
                   "FROM event_sources s JOIN reports r ON r.id = s.report WHERE s.event = e.key)"
                 : ", NULL";
  Statement s = db_.prepare(
      "SELECT e.id, e.type, e.date_first, e.date_last, e.place, e.admin1, e.country, e.lat, e.lon, e.fatalities, "
      "e.confidence, e.sources, (SELECT group_concat(coalesce(a.actor_id, '') || char(31) || "
      "coalesce(a.affiliation_id, ''), char(31)) FROM event_actors a WHERE a.event = e.key)" +
      texts + " FROM events e ORDER BY e.date_first, e.id");
  EventColumns c;
  while (s.step()) {
    c.id = s.text(0);
    c.type = s.text(1);
    c.first_key = static_cast<int>(s.int64(2));
    c.last_key = static_cast<int>(s.int64(3));
    c.location.reset();
    if (!s.is_null(4)) {
      coding::CodedLocation l;
      l.name = s.text(4);
      l.admin1 = s.text(5);
      l.country = s.text(6);
      l.has_coordinates = !s.is_null(7);
      l.lat = s.real(7);
      l.lon = s.real(8);
      c.location = std::move(l);
    }
    c.fatalities = s.optional_int64(9);
    c.confidence = s.real(10);
    c.sources = static_cast<uint32_t>(s.int64(11));
    c.actors = split_nonempty(s.text(12), '\x1f');
    std::sort(c.actors.begin(), c.actors.end());
    c.actors.erase(std::unique(c.actors.begin(), c.actors.end()), c.actors.end());
    c.texts = with_texts ? split_counted(s.text(13)) : std::vector<std::string>{};
    row(c);
  }
}

void SqliteStore::read_event_details(EventView& v, int64_t key) {
  Event& e = v.event;
  Statement& a = db_.cached("SELECT a.role, " + actor_columns("a") +
                            " FROM event_actors a WHERE a.event = ?1 ORDER BY a.role, a.ord");
  a.bind(1, key);
  while (a.step()) (a.int64(0) == 1 ? e.data.actor1 : e.data.actor2).push_back(read_actor(a, 1));
  a.reset();
  Statement& src = db_.cached(
      "SELECT s.report, d.doc_id, d.source, d.url, d.date, r.sentence, r.evidence FROM event_sources s "
      "JOIN reports r ON r.id = s.report JOIN documents d ON d.id = r.document WHERE s.event = ?1 ORDER BY s.ord");
  src.bind(1, key);
  while (src.step()) {
    Source so{src.int64(0), src.text(1), src.text(2), src.text(3), src.text(4), static_cast<uint32_t>(src.int64(5)),
              src.text(6)};
    e.reports.push_back(so.report);
    v.sources.push_back(std::move(so));
  }
  src.reset();
}

std::vector<EventView> SqliteStore::events_by_id(const std::vector<std::string>& ids) {
  // Three statements for the whole list, prepared once: the ids (then the events' keys) go in as
  // one parameter, a JSON array that json_each() unpacks.
  nlohmann::json id_list = nlohmann::json::array();
  for (const auto& id : ids) id_list.push_back(id);
  std::unordered_map<int64_t, EventView> by_key;
  std::unordered_map<std::string, int64_t> key_of;
  Statement& s = db_.cached("SELECT e.id, e.representative, e.block_year, e.key, d.doc_id, r.sentence, r.evidence, " +
                            data_columns("e") +
                            " FROM events e LEFT JOIN reports r ON r.id = e.representative "
                            "LEFT JOIN documents d ON d.id = r.document "
                            "WHERE e.id IN (SELECT value FROM json_each(?1))");
  s.bind(1, id_list.dump());
  nlohmann::json keys = nlohmann::json::array();
  while (s.step()) {
    EventView v;
    v.event.id = s.text(0);
    v.event.representative = s.int64(1);
    v.event.block_year = static_cast<int>(s.int64(2));
    v.doc = s.text(4);
    v.sentence = static_cast<uint32_t>(s.int64(5));
    v.evidence = s.text(6);
    v.event.data = read_event_data(s, 7);
    const int64_t key = s.int64(3);
    keys.push_back(key);
    key_of.emplace(v.event.id, key);
    by_key.emplace(key, std::move(v));
  }
  s.reset();
  if (!by_key.empty()) {
    const std::string key_list = keys.dump();
    Statement& a = db_.cached("SELECT a.event, a.role, " + actor_columns("a") +
                              " FROM event_actors a WHERE a.event IN (SELECT value FROM json_each(?1)) "
                              "ORDER BY a.event, a.role, a.ord");
    a.bind(1, key_list);
    while (a.step()) {
      auto& d = by_key.at(a.int64(0)).event.data;
      (a.int64(1) == 1 ? d.actor1 : d.actor2).push_back(read_actor(a, 2));
    }
    a.reset();
    Statement& src = db_.cached(
        "SELECT s.event, s.report, d.doc_id, d.source, d.url, d.date, r.sentence, r.evidence FROM event_sources s "
        "JOIN reports r ON r.id = s.report JOIN documents d ON d.id = r.document "
        "WHERE s.event IN (SELECT value FROM json_each(?1)) ORDER BY s.event, s.ord");
    src.bind(1, key_list);
    while (src.step()) {
      EventView& v = by_key.at(src.int64(0));
      Source so{src.int64(1), src.text(2), src.text(3), src.text(4), src.text(5), static_cast<uint32_t>(src.int64(6)),
                src.text(7)};
      v.event.reports.push_back(so.report);
      v.sources.push_back(std::move(so));
    }
    src.reset();
  }
  std::vector<EventView> out;
  out.reserve(ids.size());
  for (const auto& id : ids)
    if (auto it = key_of.find(id); it != key_of.end()) out.push_back(by_key.at(it->second));  // an id may repeat
  return out;
}

std::optional<DocumentView> SqliteStore::document(const std::string& doc_id) {
  Statement s = db_.prepare(
      "SELECT d.id, d.doc_id, d.date, d.title, d.source, d.url, d.lang, t.text FROM documents d "
      "LEFT JOIN document_texts t ON t.document = d.id WHERE d.doc_id = ?1");
  s.bind(1, doc_id);
  if (!s.step()) return std::nullopt;
  DocumentView d;
  const int64_t row = s.int64(0);
  d.id = s.text(1);
  d.date = s.text(2);
  d.title = s.text(3);
  d.source = s.text(4);
  d.url = s.text(5);
  d.lang = s.text(6);
  d.text = s.text(7);
  // In the order of events() within a sentence (date, then id), as an index in memory lists them.
  Statement c = db_.prepare(
      "SELECT r.sentence, r.evidence, e.id FROM reports r JOIN event_sources s ON s.report = r.id "
      "JOIN events e ON e.key = s.event WHERE r.document = ?1 ORDER BY r.sentence, e.date_first, e.id, s.ord");
  c.bind(1, row);
  while (c.step())
    d.citations.push_back(DocumentView::Citation{static_cast<uint32_t>(c.int64(0)), c.text(1), c.text(2)});
  return d;
}

}  // namespace faultline::store
