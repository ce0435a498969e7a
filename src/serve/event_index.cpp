#include "serve/event_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "store/store.h"
#include "text/fold.h"

namespace faultline::serve {
namespace {

void append_unique(std::vector<uint32_t>& list, uint32_t item) {
  if (list.empty() || list.back() != item) list.push_back(item);
}

bool contains(const std::vector<uint32_t>& sorted, uint32_t x) { return std::binary_search(sorted.begin(), sorted.end(), x); }

// The union of sorted lists, merged pairwise (linear in their sizes, no sort).
std::vector<uint32_t> sorted_union(const std::vector<const std::vector<uint32_t>*>& lists) {
  std::vector<uint32_t> out, merged;
  for (const auto* l : lists) {
    merged.clear();
    merged.reserve(out.size() + l->size());
    std::set_union(out.begin(), out.end(), l->begin(), l->end(), std::back_inserter(merged));
    out.swap(merged);
  }
  return out;
}

const std::vector<uint32_t>& list_or_empty(const std::unordered_map<uint32_t, std::vector<uint32_t>>& m, uint32_t key) {
  static const std::vector<uint32_t> empty;
  auto it = m.find(key);
  return it == m.end() ? empty : it->second;
}

}  // namespace

void EventIndex::load(store::Store& s) {
  const std::size_t expected = s.counts().events;
  views_.reserve(expected);
  columns_.reserve(expected);
  s.events(store::EventQuery{}, [&](const store::EventView& v) {
    const auto i = static_cast<uint32_t>(views_.size());
    const auto& d = v.event.data;
    Columns c;
    if (d.date.known()) {
      c.first_key = d.date.first_key();
      c.last_key = d.date.last_key();
    }
    c.type = ids_.intern(d.type);
    append_unique(by_type_[c.type], i);
    if (d.location) {
      c.place = ids_.intern(text::fold(d.location->name));
      c.region = ids_.intern(text::fold(d.location->admin1));
      if (c.place != StringIds::kNone) append_unique(by_place_[c.place], i);
      if (c.region != StringIds::kNone) {
        append_unique(by_place_[c.region], i);
        append_unique(by_region_[c.region], i);
      }
      c.has_coordinates = d.location->has_coordinates;
      c.lat = static_cast<float>(d.location->lat);
      c.lon = static_cast<float>(d.location->lon);
    }
    c.fatalities = d.fatalities ? *d.fatalities : -1;
    c.sources = static_cast<uint32_t>(v.sources.size());
    c.confidence = static_cast<float>(d.confidence);
    c.actors_begin = static_cast<uint32_t>(actor_refs_.size());
    std::set<uint32_t> actors;
    for (const auto* side : {&d.actor1, &d.actor2})
      for (const auto& a : *side) {
        if (!a.id.empty()) actors.insert(ids_.intern(a.id));
        if (!a.affiliation_id.empty()) actors.insert(ids_.intern(a.affiliation_id));
      }
    for (uint32_t a : actors) {
      actor_refs_.push_back(a);
      by_actor_[a].push_back(i);
    }
    c.actors_end = static_cast<uint32_t>(actor_refs_.size());
    columns_.push_back(c);

    by_id_.emplace(v.event.id, i);
    std::set<std::string_view> texts;
    for (uint32_t k = 0; k < v.sources.size(); ++k) {
      const auto& src = v.sources[k];
      by_document_[src.doc].push_back(DocumentSentence{i, k});
      if (texts.insert(src.evidence).second) words_.add(i, src.evidence);
    }
    if (texts.insert(v.evidence).second) words_.add(i, v.evidence);
    views_.push_back(v);
  });
  words_.finish();
  auto order = [&](auto key) {
    std::vector<uint32_t> o(columns_.size());
    std::iota(o.begin(), o.end(), 0u);
    std::stable_sort(o.begin(), o.end(), [&](uint32_t a, uint32_t b) { return key(columns_[a]) < key(columns_[b]); });
    return o;
  };
  by_fatalities_ = order([](const Columns& c) { return c.fatalities; });
  by_sources_ = order([](const Columns& c) { return c.sources; });
  by_confidence_ = order([](const Columns& c) { return c.confidence; });
}

const std::vector<uint32_t>& EventIndex::order_of(SortKey key) const {
  return key == SortKey::Fatalities ? by_fatalities_ : key == SortKey::Sources ? by_sources_ : by_confidence_;
}

std::optional<uint32_t> EventIndex::find(const std::string& event_id) const {
  auto it = by_id_.find(event_id);
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

bool EventIndex::has_actor(const std::string& id) const {
  uint32_t k = ids_.find(id);
  return k != StringIds::kUnknown && by_actor_.count(k);
}

std::shared_ptr<const std::vector<uint32_t>> EventIndex::actor_union(const std::vector<uint32_t>& actors) const {
  {
    std::lock_guard<std::mutex> lock(union_mutex_);
    if (auto it = unions_.find(actors); it != unions_.end()) return it->second;
  }
  std::vector<const std::vector<uint32_t>*> lists;
  for (uint32_t a : actors) lists.push_back(&list_or_empty(by_actor_, a));
  auto merged = std::make_shared<const std::vector<uint32_t>>(sorted_union(lists));
  std::lock_guard<std::mutex> lock(union_mutex_);
  if (unions_.size() >= 256) unions_.clear();  // bounded: a burst of new names starts it afresh
  unions_.emplace(actors, merged);
  return merged;
}

EventIndex::ListRefs EventIndex::word_lists(const EventFilter& f, std::deque<std::vector<uint32_t>>& owned) const {
  ListRefs out;
  for (const auto& w : f.words) {
    if (w.prefix) out.push_back(&owned.emplace_back(words_.items(w)));
    else out.push_back(&words_.exact_items(w.key));
  }
  return out;
}

void EventIndex::candidates(const EventFilter& f, const ListRefs& words, Candidates& out) const {
  int constraints = 0;
  auto offer = [&](const std::vector<uint32_t>& list) {
    ++constraints;
    if (!out.list || list.size() < out.list->size()) out.list = &list;
  };
  // A union of types is built here and moves into `owned` when chosen.
  std::vector<uint32_t> types_union;
  if (f.by_actor) {
    out.shared = actor_union(f.actors);
    offer(*out.shared);
  }
  if (!f.types.empty()) {
    if (f.types.size() == 1) {
      offer(list_or_empty(by_type_, f.types.front()));
    } else {
      std::vector<const std::vector<uint32_t>*> lists;
      for (uint32_t t : f.types) lists.push_back(&list_or_empty(by_type_, t));
      types_union = sorted_union(lists);
      offer(types_union);
    }
  }
  if (f.place) offer(list_or_empty(by_place_, *f.place));
  if (f.region) offer(list_or_empty(by_region_, *f.region));
  for (const auto* l : words) offer(*l);
  if (out.list == &types_union) {
    out.owned = std::move(types_union);
    out.list = &out.owned;
  }
  out.exact = constraints == 1 && !f.from_key && !f.to_key && !f.bbox;
}

template <typename F>
void EventIndex::scan(const EventFilter& f, F&& fn) const {
  std::deque<std::vector<uint32_t>> owned;
  const ListRefs words = word_lists(f, owned);
  Candidates c;
  candidates(f, words, c);
  if (c.list) {
    for (uint32_t i : *c.list)
      if (c.exact || matches(columns_[i], i, f, words)) fn(i);
    return;
  }
  // Events are in date order (undated first): a period bounds the part worth looking at. A date
  // spans at most a year, so nothing that starts over a year before `from` can reach it.
  auto first_key_below = [&](int key) {
    return static_cast<uint32_t>(std::partition_point(columns_.begin(), columns_.end(),
                                                      [&](const Columns& c) { return c.first_key < key; }) -
                                 columns_.begin());
  };
  const uint32_t begin = f.from_key ? first_key_below(f.from_key - 10000) : 0;
  const uint32_t end = f.to_key ? first_key_below(f.to_key + 1) : static_cast<uint32_t>(columns_.size());
  for (uint32_t i = begin; i < end; ++i)
    if (matches(columns_[i], i, f, words)) fn(i);
}

bool EventIndex::matches(const Columns& c, uint32_t i, const EventFilter& f,
                         const ListRefs& words) const {
  if (!f.types.empty() && std::find(f.types.begin(), f.types.end(), c.type) == f.types.end()) return false;
  if (f.from_key && (c.last_key == 0 || c.last_key < f.from_key)) return false;
  if (f.to_key && (c.first_key == 0 || c.first_key > f.to_key)) return false;
  if (f.place && c.place != *f.place && c.region != *f.place) return false;
  if (f.region && c.region != *f.region) return false;
  if (f.bbox && (!c.has_coordinates || !f.bbox->contains(c.lat, c.lon))) return false;
  if (f.by_actor) {
    bool any = false;
    for (uint32_t k = c.actors_begin; k < c.actors_end && !any; ++k) any = contains(f.actors, actor_refs_[k]);
    if (!any) return false;
  }
  for (const auto* l : words)
    if (!contains(*l, i)) return false;
  return true;
}

void EventIndex::for_each(const EventFilter& f, const std::function<void(uint32_t)>& fn) const { scan(f, fn); }

EventIndex::Page EventIndex::page(const EventFilter& f, Sort sort, std::size_t offset, std::size_t limit) const {
  Page p;
  // No filter at all: the page is a slice of the events, in date order already.
  const bool unfiltered = !f.by_actor && f.types.empty() && !f.place && !f.region && !f.from_key && !f.to_key &&
                          f.words.empty() && !f.bbox;
  if (unfiltered && sort.key == SortKey::Date) {
    p.total = columns_.size();
    for (std::size_t k = offset; k < std::min(p.total, offset + limit); ++k)
      p.rows.push_back(static_cast<uint32_t>(sort.descending ? p.total - 1 - k : k));
    return p;
  }
  if (sort.key == SortKey::Date) {
    std::vector<uint32_t> all;
    scan(f, [&](uint32_t i) { all.push_back(i); });
    p.total = all.size();
    // Already in date order: take the slice, from the right end when descending.
    for (std::size_t k = offset; k < std::min(all.size(), offset + limit); ++k)
      p.rows.push_back(sort.descending ? all[all.size() - 1 - k] : all[k]);
    return p;
  }
  // Walk the events in the key's order and keep the matches of the page; count all matches apart
  // (through the posting lists, which is quick).
  std::deque<std::vector<uint32_t>> owned;
  const ListRefs words = word_lists(f, owned);
  std::size_t seen = 0;
  const auto& order = order_of(sort.key);
  auto take = [&](uint32_t i) {
    if (!unfiltered && !matches(columns_[i], i, f, words)) return true;
    if (seen++ >= offset) p.rows.push_back(i);
    return p.rows.size() < limit;
  };
  if (sort.descending) {
    for (auto it = order.rbegin(); it != order.rend() && take(*it); ++it) {
    }
  } else {
    for (auto it = order.begin(); it != order.end() && take(*it); ++it) {
    }
  }
  if (unfiltered) p.total = columns_.size();
  else scan(f, [&](uint32_t) { ++p.total; });
  return p;
}

Timeline EventIndex::timeline(const EventFilter& f) const {
  // Counted by (month, type id) in a hash table: one cheap step per event, even for millions.
  std::unordered_map<uint64_t, std::size_t> by_month_type;
  std::unordered_map<uint32_t, std::size_t> totals;
  Timeline t;
  scan(f, [&](uint32_t i) {
    // From the date keys alone (the views are large and scattered): a date with a month starts
    // and ends in that month; a year-only date spans January to December.
    const Columns& c = columns_[i];
    ++totals[c.type];
    if (!c.first_key) ++t.undated;
    else if (c.first_key / 100 != c.last_key / 100) ++t.year_only[c.first_key / 10000];
    else ++by_month_type[(static_cast<uint64_t>(c.first_key / 100) << 32) | c.type];
  });
  for (const auto& [key, n] : by_month_type)
    t.months[static_cast<int>(key >> 32)][ids_.str(static_cast<uint32_t>(key & 0xffffffffu))] = n;
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [type, n] : totals) ranked.emplace_back(n, ids_.str(type));
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (auto& [n, type] : ranked) t.types.push_back(std::move(type));
  return t;
}

std::vector<Cluster> EventIndex::clusters(const EventFilter& f, int zoom) const {
  // A 256-pixel world at zoom 0 is 360°; cells of 48 pixels.
  const double cell = 360.0 / 256.0 * 48.0 / std::ldexp(1.0, zoom);
  struct Cell {
    Cluster cluster;
    double lat_sum = 0, lon_sum = 0;
    std::unordered_map<uint32_t, std::size_t> types;
  };
  std::unordered_map<uint64_t, std::size_t> cell_of;  // grid cell → index in cells
  std::vector<Cell> cells;
  scan(f, [&](uint32_t i) {
    const Columns& c = columns_[i];
    if (!c.has_coordinates) return;
    auto x = static_cast<int64_t>(std::floor(c.lon / cell)), y = static_cast<int64_t>(std::floor(c.lat / cell));
    const uint64_t key = (static_cast<uint64_t>(x) << 32) ^ static_cast<uint64_t>(y & 0xffffffff);
    auto [it, fresh] = cell_of.try_emplace(key, cells.size());
    if (fresh) cells.emplace_back();
    Cell& k = cells[it->second];
    Cluster& cl = k.cluster;
    if (cl.count == 0) {
      cl.first = i;
      cl.lat = c.lat;
      cl.lon = c.lon;
    } else if (cl.single_place && (c.lat != static_cast<float>(cl.lat) || c.lon != static_cast<float>(cl.lon))) {
      cl.single_place = false;
    }
    k.lat_sum += c.lat;
    k.lon_sum += c.lon;
    ++cl.count;
    ++k.types[c.type];
  });
  std::vector<Cluster> out;
  out.reserve(cells.size());
  for (auto& k : cells) {
    Cluster& cl = k.cluster;
    const auto& loc = *views_[cl.first].event.data.location;
    if (cl.single_place) {
      cl.lat = loc.lat;
      cl.lon = loc.lon;
      cl.place = loc.name;
    } else {
      cl.lat = k.lat_sum / static_cast<double>(cl.count);
      cl.lon = k.lon_sum / static_cast<double>(cl.count);
    }
    for (const auto& [type, n] : k.types) cl.types[ids_.str(type)] = n;
    out.push_back(std::move(cl));
  }
  std::sort(out.begin(), out.end(), [](const Cluster& a, const Cluster& b) {
    return a.count != b.count ? a.count > b.count : a.first < b.first;
  });
  return out;
}

std::vector<Facet> EventIndex::type_counts() const {
  std::vector<Facet> out;
  for (const auto& [type, list] : by_type_) out.push_back(Facet{ids_.str(type), ids_.str(type), list.size()});
  std::sort(out.begin(), out.end(), [](const Facet& a, const Facet& b) { return a.count != b.count ? a.count > b.count : a.value < b.value; });
  return out;
}

std::vector<Facet> EventIndex::region_counts() const {
  std::vector<Facet> out;
  for (const auto& [region, list] : by_region_) {
    const auto& loc = *views_[list.front()].event.data.location;
    out.push_back(Facet{ids_.str(region), loc.admin1 + (loc.country.empty() ? "" : " (" + loc.country + ")"), list.size()});
  }
  std::sort(out.begin(), out.end(), [](const Facet& a, const Facet& b) { return a.count != b.count ? a.count > b.count : a.label < b.label; });
  return out;
}

std::size_t EventIndex::actor_events(const std::string& actor_id) const {
  uint32_t k = ids_.find(actor_id);
  return k == StringIds::kUnknown ? 0 : list_or_empty(by_actor_, k).size();
}

std::pair<int, int> EventIndex::date_range() const {
  int first = 0, last = 0;
  for (const auto& c : columns_) {
    if (!c.first_key) continue;
    if (!first || c.first_key < first) first = c.first_key;
    last = std::max(last, c.last_key);
  }
  return {first, last};
}

const std::vector<EventIndex::DocumentSentence>* EventIndex::document(const std::string& doc_id) const {
  auto it = by_document_.find(doc_id);
  return it == by_document_.end() ? nullptr : &it->second;
}

std::vector<std::string> EventIndex::actor_ids() const {
  std::vector<std::string> out;
  for (const auto& [id, list] : by_actor_) out.push_back(ids_.str(id));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace faultline::serve
