// The PostgreSQL store's reads for a server that keeps only an index in memory (as
// sqlite_store_serving.cpp): a light scan of every event's columns, whole events by id, and a
// document with its citations.
#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "store/pg_columns.h"
#include "store/pg_store.h"

namespace faultline::store {

using pg::Params;

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

// Parses "LEN:TEXT" pieces (LEN in bytes): a length cannot collide with what the text holds.
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

constexpr std::size_t kIdsPerQuery = 500;

}  // namespace

void PgStore::scan_event_columns(bool with_texts, const std::function<void(const EventColumns&)>& row) {
  const std::string texts = with_texts ? ", (SELECT string_agg(octet_length(r.evidence) || ':' || r.evidence, '') "
                                         "FROM event_sources s JOIN reports r ON r.id = s.report WHERE s.event = e.key)"
                                       : ", NULL";
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  EventColumns c;
  pg::for_each_row(
      c_,
      "SELECT e.id, e.type, e.date_first, e.date_last, e.place, e.admin1, e.country, e.lat, e.lon, e.fatalities, "
      "e.confidence, e.sources, (SELECT string_agg(coalesce(a.actor_id, '') || chr(31) || "
      "coalesce(a.affiliation_id, ''), chr(31)) FROM event_actors a WHERE a.event = e.key)" +
          texts + " FROM events e ORDER BY e.date_first NULLS FIRST, e.id",
      Params(), [&](const pg::Row& s) {
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
      });
  tx.commit();
}

std::vector<EventView> PgStore::events_by_id(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, EventView> found;
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  for (std::size_t at = 0; at < ids.size(); at += kIdsPerQuery) {
    const std::size_t n = std::min(kIdsPerQuery, ids.size() - at);
    Params p;
    for (std::size_t k = 0; k < n; ++k) p.add(ids[at + k]);
    pg::Result s = c_.exec("SELECT e.id, e.representative, e.block_year, e.key, d.doc_id, r.sentence, r.evidence, " +
                               pg_data_columns("e") +
                               " FROM events e LEFT JOIN reports r ON r.id = e.representative "
                               "LEFT JOIN documents d ON d.id = r.document WHERE e.id IN (" +
                               placeholders(1, static_cast<int>(n)) + ")",
                           p);
    std::vector<EventView> views(static_cast<std::size_t>(s.rows()));
    std::vector<int64_t> keys;
    for (int i = 0; i < s.rows(); ++i) {
      pg::Row row(s, i);
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
    read_event_details(views, keys);
    for (auto& v : views) found.emplace(v.event.id, std::move(v));
  }
  tx.commit();
  std::vector<EventView> out;
  out.reserve(found.size());
  for (const auto& id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);  // copied: an id may repeat
  return out;
}

std::optional<DocumentView> PgStore::document(const std::string& doc_id) {
  pg::Transaction tx(c_, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  pg::Result s = c_.cached(
      "SELECT d.id, d.doc_id, d.date, d.title, d.source, d.url, d.lang, t.text FROM documents d "
      "LEFT JOIN document_texts t ON t.document = d.id WHERE d.doc_id = $1",
      Params().add(doc_id));
  if (!s.rows()) return std::nullopt;
  DocumentView d;
  d.id = s.text(0, 1);
  d.date = s.text(0, 2);
  d.title = s.text(0, 3);
  d.source = s.text(0, 4);
  d.url = s.text(0, 5);
  d.lang = s.text(0, 6);
  d.text = s.text(0, 7);
  // In the order of events() within a sentence (date, then id), as an index in memory lists them.
  pg::Result c = c_.cached(
      "SELECT r.sentence, r.evidence, e.id FROM reports r JOIN event_sources s ON s.report = r.id "
      "JOIN events e ON e.key = s.event WHERE r.document = $1 ORDER BY r.sentence, e.date_first NULLS FIRST, e.id, "
      "s.ord",
      Params().add(s.int64(0, 0)));
  for (int i = 0; i < c.rows(); ++i)
    d.citations.push_back(DocumentView::Citation{static_cast<uint32_t>(c.int64(i, 0)), c.text(i, 1), c.text(i, 2)});
  tx.commit();
  return d;
}

}  // namespace faultline::store
