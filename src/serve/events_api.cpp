// /api/events, /api/events/{id}, /api/timeline, /api/map and /api/search.
#include <algorithm>
#include <cstdio>
#include <set>

#include "extract/dates.h"
#include "serve/api.h"
#include "serve/api_error.h"
#include "serve/event_filter_params.h"
#include "serve/event_json.h"
#include "serve/page_cursor.h"

namespace faultline::serve {
namespace {

Sort parse_sort(const QueryParams& p) {
  Sort s;
  std::string v = p.has("sort") ? p.text("sort") : "date";
  if (!v.empty() && v[0] == '-') {
    s.descending = true;
    v.erase(0, 1);
  }
  if (v == "date") s.key = SortKey::Date;
  else if (v == "fatalities") s.key = SortKey::Fatalities;
  else if (v == "sources") s.key = SortKey::Sources;
  else if (v == "confidence") s.key = SortKey::Confidence;
  else throw bad_parameter("parameter 'sort' must be date, fatalities, sources or confidence, with '-' for descending");
  return s;
}

std::string sort_key_name(SortKey key) {
  switch (key) {
    case SortKey::Date:
      return "date";
    case SortKey::Fatalities:
      return "fatalities";
    case SortKey::Sources:
      return "sources";
    case SortKey::Confidence:
      return "confidence";
  }
  return "date";
}

json warnings_json(const std::vector<std::string>& warnings) {
  json j = json::array();
  for (const auto& w : warnings) j.push_back(w);
  return j;
}

std::string month_key(int yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  return buf;
}

// Each matching word of the evidence as a [begin, end) range in UTF-16 code units (what
// JavaScript strings index), so that the page can mark them.
json highlights(const std::string& text, const std::vector<WordQuery>& queries) {
  json out = json::array();
  std::size_t byte = 0, units = 0;
  auto advance_to = [&](std::size_t target) {
    for (; byte < target; ++byte) {
      auto c = static_cast<unsigned char>(text[byte]);
      if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // a 4-byte sequence is a surrogate pair
    }
  };
  for (const auto& w : split_words(text)) {
    bool hit = std::any_of(queries.begin(), queries.end(), [&](const WordQuery& q) { return q.matches(w.key); });
    if (!hit) continue;
    advance_to(w.begin);
    std::size_t begin = units;
    advance_to(w.end);
    out.push_back({begin, units});
  }
  return out;
}

}  // namespace

std::vector<store::EventView> read_events(const ApiContext& c, const std::vector<uint32_t>& rows) {
  return c.store.events_by_id(c.events.ids(rows));
}

json api_events(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {FAULTLINE_EVENT_FILTER_PARAMS, "limit", "offset", "sort", "cursor"});
  std::vector<std::string> warnings;
  EventFilter f = parse_event_filter(p, c.events, c.actors, warnings);
  const auto limit = static_cast<std::size_t>(p.integer("limit", 1, kMaxLimit, kDefaultLimit));
  const auto offset = static_cast<std::size_t>(p.integer("offset", 0, kMaxOffset, 0));
  const Sort sort = parse_sort(p);
  const std::string sort_name = (sort.descending ? "-" : "") + sort_key_name(sort.key);
  std::optional<uint32_t> after;
  if (p.has("cursor")) {
    if (p.has("offset")) throw bad_parameter("give 'cursor' or 'offset', not both");
    const PageCursor cursor = decode_cursor(p.text("cursor"));
    if (cursor.sort != sort_name)
      throw ApiError(400, "bad_cursor", "this cursor walks sort=" + cursor.sort + "; ask with the same sort");
    auto row = c.events.row_at(cursor.position, sort.key);
    if (!row || c.events.id(*row) != cursor.id)
      throw ApiError(400, "stale_cursor", "the store changed since this cursor was made; start again without a cursor");
    after = cursor.position;
  }
  // One more than the page: whether another page follows.
  auto page = c.events.page(f, sort, offset, limit + 1, after);
  const bool more = page.rows.size() > limit;
  if (more) page.rows.pop_back();
  json j;
  j["total"] = page.total;
  j["offset"] = after ? json() : json(offset);
  j["limit"] = limit;
  j["events"] = json::array();
  for (const auto& v : read_events(c, page.rows)) j["events"].push_back(event_json(v));
  j["next_cursor"] = more ? json(encode_cursor(PageCursor{sort_name, c.events.position(page.rows.back(), sort.key),
                                                          std::string(c.events.id(page.rows.back()))}))
                          : json();
  j["warnings"] = warnings_json(warnings);
  return j;
}

json api_event(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {});
  auto found = c.store.events_by_id({r.arg});
  if (found.empty()) throw not_found("no event has the id '" + r.arg + "'");
  const auto& v = found.front();
  json j = event_detail_json(v);
  // Display names of every actor the event names, for links to their profiles.
  json names = json::object();
  for (const auto* side : {&v.event.data.actor1, &v.event.data.actor2})
    for (const auto& a : *side) {
      names[a.id] = c.actors.name(a.id);
      if (!a.affiliation_id.empty()) names[a.affiliation_id] = c.actors.name(a.affiliation_id);
    }
  j["actor_names"] = names;
  return j;
}

json api_timeline(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {FAULTLINE_EVENT_FILTER_PARAMS, "group", "top"});
  std::vector<std::string> warnings;
  EventFilter f = parse_event_filter(p, c.events, c.actors, warnings);
  const std::string group_name = p.has("group") ? p.text("group") : "type";
  TimelineGroup group = TimelineGroup::Type;
  if (group_name == "actor")
    group = TimelineGroup::Actor;
  else if (group_name == "region")
    group = TimelineGroup::Region;
  else if (group_name != "type")
    throw bad_parameter("parameter 'group' must be type, actor or region");
  // The groups with most events; the others are summed as "other". Types are few: all by default.
  const auto top = static_cast<std::size_t>(p.integer("top", 1, 100, group == TimelineGroup::Type ? 100 : 10));
  Timeline t = c.events.timeline(f, group);
  std::set<std::string> shown(t.groups.begin(),
                              t.groups.begin() + static_cast<std::ptrdiff_t>(std::min(top, t.groups.size())));
  const bool others = shown.size() < t.groups.size();
  auto label = [&](const std::string& key) -> std::string {
    if (key.empty())
      return group == TimelineGroup::Actor ? "no actor named" : group == TimelineGroup::Region ? "no region" : "";
    if (group == TimelineGroup::Actor) return c.actors.name(key);
    if (group == TimelineGroup::Region) return c.events.region_label(key);
    return key;
  };
  json j;
  j["group"] = group_name;
  if (group == TimelineGroup::Type) j["types"] = t.groups;  // every type, as before group-by
  j["groups"] = json::array();
  Tally other;
  for (const auto& key : t.groups) {
    const Tally& n = t.group_totals.at(key);
    if (!shown.count(key)) {
      other.events += n.events;
      other.fatalities += n.fatalities;
      continue;
    }
    j["groups"].push_back({{"key", key}, {"label", label(key)}, {"events", n.events}, {"fatalities", n.fatalities}});
  }
  if (others)
    j["groups"].push_back(
        {{"key", "other"}, {"label", "other"}, {"events", other.events}, {"fatalities", other.fatalities}});
  j["months"] = json::array();
  if (!t.month_totals.empty()) {
    // Every month from the first to the last, empty ones included, so the chart's axis is even.
    int first = t.month_totals.begin()->first, last = t.month_totals.rbegin()->first;
    for (int m = first; m <= last; m = m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1) {
      json row;
      row["month"] = month_key(m);
      const auto total = t.month_totals.find(m);
      row["total"] = total == t.month_totals.end() ? 0 : total->second.events;
      row["fatalities"] = total == t.month_totals.end() ? 0 : total->second.fatalities;
      json counts = json::object(), tolls = json::object();
      if (auto it = t.months.find(m); it != t.months.end())
        for (const auto& [key, n] : it->second) {
          const std::string k = shown.count(key) ? key : "other";
          counts[k] = counts.value(k, std::size_t{0}) + n.events;
          tolls[k] = tolls.value(k, int64_t{0}) + n.fatalities;
        }
      row["counts"] = counts;
      row["fatalities_by"] = tolls;
      j["months"].push_back(row);
    }
  }
  j["year_only"] = json::object();
  j["year_only_fatalities"] = json::object();
  for (const auto& [year, n] : t.year_only) {
    j["year_only"][std::to_string(year)] = n.events;
    j["year_only_fatalities"][std::to_string(year)] = n.fatalities;
  }
  j["undated"] = t.undated.events;
  j["undated_fatalities"] = t.undated.fatalities;
  j["totals"] = {{"events", t.total.events}, {"fatalities", t.total.fatalities}};
  j["warnings"] = warnings_json(warnings);
  return j;
}

json api_map(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {FAULTLINE_EVENT_FILTER_PARAMS, "zoom"});
  std::vector<std::string> warnings;
  EventFilter f = parse_event_filter(p, c.events, c.actors, warnings);
  const int zoom = static_cast<int>(p.integer("zoom", 0, 18, 5));
  json j;
  j["zoom"] = zoom;
  j["clusters"] = json::array();
  std::size_t located = 0;
  for (const auto& cl : c.events.clusters(f, zoom)) {
    json k;
    k["lat"] = cl.lat;
    k["lon"] = cl.lon;
    k["count"] = cl.count;
    k["fatalities"] = cl.fatalities;
    k["types"] = cl.types;
    k["place"] = cl.single_place ? json(cl.place) : json();
    k["event"] = cl.count == 1 ? json(std::string(c.events.id(cl.first))) : json();
    located += cl.count;
    j["clusters"].push_back(std::move(k));
  }
  j["located"] = located;
  j["warnings"] = warnings_json(warnings);
  return j;
}

json api_search(const ApiContext& c, const ApiRequest& r) {
  QueryParams p(r.params, {"q", "limit", "offset"});
  if (!p.has("q")) throw bad_parameter("parameter 'q' (the words to search for) is required");
  // The words are the events' `text` filter.
  std::multimap<std::string, std::string> as_filter{{"text", p.text("q")}};
  std::vector<std::string> warnings;
  EventFilter f = parse_event_filter(QueryParams(as_filter, {"text"}), c.events, c.actors, warnings);
  const auto limit = static_cast<std::size_t>(p.integer("limit", 1, kMaxLimit, 20));
  const auto offset = static_cast<std::size_t>(p.integer("offset", 0, kMaxOffset, 0));
  auto page = c.events.page(f, Sort{SortKey::Date, true}, offset, limit);
  json j;
  j["q"] = p.text("q");
  j["total"] = page.total;
  j["offset"] = offset;
  j["limit"] = limit;
  j["results"] = json::array();
  for (const auto& v : read_events(c, page.rows)) {
    json hit;
    hit["event"] = v.event.id;
    hit["type"] = v.event.data.type;
    hit["date"] = v.event.data.date.known() ? json(extract::format_date(v.event.data.date)) : json();
    hit["place"] = v.event.data.location ? json(v.event.data.location->name) : json();
    hit["sentences"] = json::array();
    // The sentences that contain every word (an event's words may be spread over its sources).
    std::vector<std::string> seen;
    for (const auto& s : v.sources) {
      if (std::find(seen.begin(), seen.end(), s.evidence) != seen.end()) continue;
      seen.push_back(s.evidence);
      json marks = highlights(s.evidence, f.words);
      if (marks.empty()) continue;
      json sj = source_json(s);
      sj["highlights"] = marks;
      hit["sentences"].push_back(sj);
    }
    j["results"].push_back(hit);
  }
  return j;
}

}  // namespace faultline::serve
