// The store's reads for a server that keeps only an index in memory, written once for both
// backends: a light scan of every event's columns, whole events by id (a page of results), and a
// document with its citations.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "store/columns.h"
#include "store/sql_store.h"

namespace faultline::store {

using sql::Params;

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

void SqlStore::scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) {
  sql::Session& s = session();
  // One row per event: its actors (and texts) are gathered by correlated subqueries on the
  // primary keys of event_actors and event_sources, so no join multiplies the rows. $1 is the
  // separator of actor ids (the unit separator, which no id holds).
  const std::string texts =
      with_texts ? ", (SELECT " + s.concat_agg(s.byte_length("r.evidence") + " || ':' || r.evidence", "''") +
                       " FROM event_sources s JOIN reports r ON r.id = s.report WHERE s.event = e.key)"
                 : ", NULL";
  const std::string actors = "(SELECT " +
                             s.concat_agg("coalesce(a.actor_id, '') || $1 || coalesce(a.affiliation_id, '')", "$1") +
                             " FROM event_actors a WHERE a.event = e.key)";
  EventColumns c;
  s.read([&] {
    s.for_each_batch(
        "SELECT e.id, e.type, e.date_first, e.date_last, e.place, e.admin1, e.country, e.lat, e.lon, e.fatalities, "
        "e.confidence, e.sources, " +
            actors + texts + " FROM events e ORDER BY e.date_first" + std::string(s.nulls_first()) + ", e.id",
        Params().add("\x1f"), [&](const sql::Result& batch) {
          for (int i = 0; i < batch.rows(); ++i) {
            sql::Row r = batch.row(i);
            c.id = r.text(0);
            c.type = r.text(1);
            c.first_key = static_cast<int>(r.int64(2));
            c.last_key = static_cast<int>(r.int64(3));
            c.location.reset();
            if (!r.is_null(4)) {
              coding::CodedLocation l;
              l.name = r.text(4);
              l.admin1 = r.text(5);
              l.country = r.text(6);
              l.has_coordinates = !r.is_null(7);
              l.lat = r.real(7);
              l.lon = r.real(8);
              c.location = std::move(l);
            }
            c.fatalities = r.optional_int64(9);
            c.confidence = r.real(10);
            c.sources = static_cast<uint32_t>(r.int64(11));
            c.actors = split_nonempty(r.text(12), '\x1f');
            std::sort(c.actors.begin(), c.actors.end());
            c.actors.erase(std::unique(c.actors.begin(), c.actors.end()), c.actors.end());
            c.texts = with_texts ? split_counted(r.text(13)) : std::vector<std::string>{};
            row(c);
          }
        });
  });
}

std::vector<EventView> SqlStore::events_by_id(const std::vector<std::string>& ids) {
  sql::Session& s = session();
  std::unordered_map<std::string, EventView> found;
  s.read([&] {
    // The ids go in as one parameter, a set the database unpacks: one statement for any number.
    sql::Result r = s.query("SELECT e.id, e.representative, e.block_year, e.key, d.doc_id, r.sentence, r.evidence, " +
                                data_columns("e") +
                                " FROM events e LEFT JOIN reports r ON r.id = e.representative "
                                "LEFT JOIN documents d ON d.id = r.document WHERE " +
                                s.in_text_set("e.id", "$1"),
                            Params().add(s.text_set(ids)));
    std::vector<EventView> views(static_cast<std::size_t>(r.rows()));
    std::vector<int64_t> keys;
    for (int i = 0; i < r.rows(); ++i) {
      sql::Row row = r.row(i);
      EventView& v = views[static_cast<std::size_t>(i)];
      v.event.id = row.text(0);
      v.event.representative = row.int64(1);
      v.event.block_year = static_cast<int>(row.int64(2));
      v.doc = row.text(4);
      v.sentence = static_cast<uint32_t>(row.int64(5));
      v.evidence = row.text(6);
      v.event.data = read_event_data(row, 7);
      keys.push_back(row.int64(3));
    }
    if (!views.empty()) read_event_details(views, keys);
    for (auto& v : views) found.emplace(v.event.id, std::move(v));
  });
  std::vector<EventView> out;
  out.reserve(found.size());
  for (const auto& id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);  // copied: an id may repeat
  return out;
}

std::optional<DocumentView> SqlStore::document(const std::string& doc_id) {
  sql::Session& s = session();
  std::optional<DocumentView> out;
  s.read([&] {
    sql::Result r = s.query(
        "SELECT d.id, d.doc_id, d.date, d.title, d.source, d.url, d.lang, t.text FROM documents d "
        "LEFT JOIN document_texts t ON t.document = d.id WHERE d.doc_id = $1",
        Params().add(doc_id));
    if (!r.rows()) return;
    sql::Row row = r.row(0);
    DocumentView d;
    d.id = row.text(1);
    d.date = row.text(2);
    d.title = row.text(3);
    d.source = row.text(4);
    d.url = row.text(5);
    d.lang = row.text(6);
    d.text = row.text(7);
    // In the order of events() within a sentence (date, then id), as an index in memory lists them.
    sql::Result c = s.query(
        "SELECT r.sentence, r.evidence, e.id FROM reports r JOIN event_sources s ON s.report = r.id "
        "JOIN events e ON e.key = s.event WHERE r.document = $1 ORDER BY r.sentence, e.date_first" +
            std::string(s.nulls_first()) + ", e.id, s.ord",
        Params().add(row.int64(0)));
    for (int i = 0; i < c.rows(); ++i)
      d.citations.push_back(DocumentView::Citation{static_cast<uint32_t>(c.int64(i, 0)), c.text(i, 1), c.text(i, 2)});
    out = std::move(d);
  });
  return out;
}

}  // namespace faultline::store
