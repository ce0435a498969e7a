#include "serve/event_index.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include "serve/api_error.h"
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
  // The sort keys are needed only to order the events once; they are not kept.
  struct SortKeys {
    int64_t fatalities = -1;  // -1 = not stated
    uint32_t sources = 0;
    float confidence = 0;
  };
  std::vector<SortKeys> keys;
  id_begin_.push_back(0);
  s.scan_event_columns(false, [&](const store::EventColumns& e) {
    const auto i = static_cast<uint32_t>(columns_.size());
    Columns c;
    c.first_key = e.first_key;
    c.last_key = e.last_key;
    c.type = ids_.intern(e.type);
    append_unique(by_type_[c.type], i);
    Place place;
    if (e.location) {
      const auto& l = *e.location;
      c.place = ids_.intern(text::fold(l.name));
      c.region = ids_.intern(text::fold(l.admin1));
      if (c.place != StringIds::kNone) append_unique(by_place_[c.place], i);
      if (c.region != StringIds::kNone) {
        append_unique(by_place_[c.region], i);
        append_unique(by_region_[c.region], i);
        // Labelled as the first event (in date order) of the region names it.
        region_labels_.try_emplace(c.region, l.admin1 + (l.country.empty() ? "" : " (" + l.country + ")"));
      }
      c.has_coordinates = l.has_coordinates;
      c.lat = static_cast<float>(l.lat);
      c.lon = static_cast<float>(l.lon);
      place = Place{l.lat, l.lon, names_.intern(l.name)};
    }
    keys.push_back(SortKeys{e.fatalities ? *e.fatalities : -1, e.sources, static_cast<float>(e.confidence)});
    c.fatalities = e.fatalities ? static_cast<int32_t>(std::clamp<int64_t>(*e.fatalities, 0, INT32_MAX)) : -1;
    c.confidence = e.confidence;
    c.actors_begin = static_cast<uint32_t>(actor_refs_.size());
    std::set<uint32_t> actors;
    for (const auto& a : e.actors) actors.insert(ids_.intern(a));
    for (uint32_t a : actors) {
      actor_refs_.push_back(a);
      by_actor_[a].push_back(i);
    }
    c.actors_end = static_cast<uint32_t>(actor_refs_.size());
    columns_.push_back(c);
    places_.push_back(place);
    id_chars_ += e.id;
    id_begin_.push_back(static_cast<uint32_t>(id_chars_.size()));
  });
  columns_.shrink_to_fit();
  places_.shrink_to_fit();
  id_chars_.shrink_to_fit();
  id_begin_.shrink_to_fit();
  actor_refs_.shrink_to_fit();
  auto order = [&](auto key) {
    std::vector<uint32_t> o(columns_.size());
    std::iota(o.begin(), o.end(), 0u);
    std::stable_sort(o.begin(), o.end(), [&](uint32_t a, uint32_t b) { return key(keys[a]) < key(keys[b]); });
    return o;
  };
  by_fatalities_ = order([](const SortKeys& k) { return k.fatalities; });
  by_sources_ = order([](const SortKeys& k) { return k.sources; });
  by_confidence_ = order([](const SortKeys& k) { return k.confidence; });
  auto ranks = [](const std::vector<uint32_t>& o) {
    std::vector<uint32_t> r(o.size());
    for (uint32_t k = 0; k < o.size(); ++k) r[o[k]] = k;
    return r;
  };
  rank_fatalities_ = ranks(by_fatalities_);
  rank_sources_ = ranks(by_sources_);
  rank_confidence_ = ranks(by_confidence_);
}

void EventIndex::load_words(store::Store& s, std::stop_token stop) {
  WordsState state = WordsState::Failed;
  try {
    uint32_t i = 0;
    s.scan_event_columns(true, [&](const store::EventColumns& e) {
      // The store must still hold the events loaded: an ingest in between would shift them.
      if (stop.stop_requested()) throw std::runtime_error("stopped");
      if (i >= columns_.size() || id(i) != e.id)
        throw std::runtime_error("the store's events changed since the server started; restart it");
      for (const auto& t : e.texts) words_.add(i, t);
      ++i;
    });
    if (i != columns_.size())
      throw std::runtime_error("the store's events changed since the server started; restart it");
    words_.finish();
    state = WordsState::Ready;
  } catch (...) {
    std::lock_guard<std::mutex> lock(words_mutex_);
    words_state_ = WordsState::Failed;
    words_done_ = true;
    words_ready_.notify_all();
    throw;
  }
  std::lock_guard<std::mutex> lock(words_mutex_);
  words_state_ = state;
  words_done_ = true;
  words_ready_.notify_all();
}

void EventIndex::wait_for_words() const {
  if (!words_done_) {
    std::unique_lock<std::mutex> lock(words_mutex_);
    words_ready_.wait(lock, [&] { return words_state_ != WordsState::Loading; });
  }
  std::lock_guard<std::mutex> lock(words_mutex_);
  if (words_state_ == WordsState::Failed)
    throw ApiError(503, "search_unavailable", "the word index could not be built; see the server's log");
}

std::vector<std::string> EventIndex::ids(const std::vector<uint32_t>& rows) const {
  std::vector<std::string> out;
  out.reserve(rows.size());
  for (uint32_t i : rows) out.emplace_back(id(i));
  return out;
}

const std::vector<uint32_t>& EventIndex::order_of(SortKey key) const {
  return key == SortKey::Fatalities ? by_fatalities_ : key == SortKey::Sources ? by_sources_ : by_confidence_;
}

const std::vector<uint32_t>& EventIndex::rank_of(SortKey key) const {
  return key == SortKey::Fatalities ? rank_fatalities_ : key == SortKey::Sources ? rank_sources_ : rank_confidence_;
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
  if (!f.words.empty()) wait_for_words();
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
  out.exact = constraints == 1 && !f.from_key && !f.to_key && !f.bbox && !f.min_fatalities && !f.min_confidence;
}

template <typename F>
void EventIndex::scan(const EventFilter& f, F&& fn) const {
  std::deque<std::vector<uint32_t>> owned;
  const ListRefs words = word_lists(f, owned);
  Candidates c;
  candidates(f, words, c);
  scan_candidates(f, words, c, fn);
}

template <typename F>
void EventIndex::scan_candidates(const EventFilter& f, const ListRefs& words, const Candidates& c, F&& fn) const {
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
  if (f.min_fatalities && (c.fatalities < 0 || c.fatalities < *f.min_fatalities)) return false;
  if (f.min_confidence && c.confidence < *f.min_confidence) return false;
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

uint32_t EventIndex::position(uint32_t row, SortKey key) const {
  return key == SortKey::Date ? row : rank_of(key)[row];
}

std::optional<uint32_t> EventIndex::row_at(uint32_t position, SortKey key) const {
  if (position >= columns_.size()) return std::nullopt;
  return key == SortKey::Date ? position : order_of(key)[position];
}

EventIndex::Page EventIndex::page(const EventFilter& f, Sort sort, std::size_t offset, std::size_t limit,
                                  std::optional<uint32_t> after) const {
  Page p;
  const std::size_t n = columns_.size();
  // No filter at all: the page is a slice of the events, in date order already.
  const bool unfiltered = !f.by_actor && f.types.empty() && !f.place && !f.region && !f.from_key && !f.to_key &&
                          f.words.empty() && !f.bbox && !f.min_fatalities && !f.min_confidence;
  // A slice of `size` matches in date order (at(k): the k-th); `upto(a)` counts those at rows
  // up to a (strict: below a). With a cursor the page starts after the cursor's row in the
  // page's direction.
  auto slice = [&](std::size_t size, auto at, auto upto) {
    std::size_t start = offset;
    if (after) start += sort.descending ? size - upto(*after, true) : upto(*after, false);
    for (std::size_t k = start; k < std::min(size, start + limit); ++k)
      p.rows.push_back(at(sort.descending ? size - 1 - k : k));
  };
  if (unfiltered && sort.key == SortKey::Date) {
    p.total = n;
    slice(
        n, [](std::size_t k) { return static_cast<uint32_t>(k); },
        [&](uint32_t a, bool strict) { return std::min<std::size_t>(n, strict ? a : a + std::size_t{1}); });
    return p;
  }
  std::deque<std::vector<uint32_t>> owned;
  const ListRefs words = word_lists(f, owned);
  Candidates c;
  if (!unfiltered) candidates(f, words, c);
  const bool exact = c.list && c.exact;  // the candidates are the matches, in date order
  std::vector<uint32_t> all;             // the matches, in date order, when collected
  if (!unfiltered && !exact) scan_candidates(f, words, c, [&](uint32_t i) { all.push_back(i); });
  const std::vector<uint32_t>& matches_list = exact ? *c.list : all;
  p.total = unfiltered ? n : matches_list.size();

  if (sort.key == SortKey::Date) {
    // Already in date order: take the slice, from the right end when descending.
    slice(
        matches_list.size(), [&](std::size_t k) { return matches_list[k]; },
        [&](uint32_t a, bool strict) {
          auto it = strict ? std::lower_bound(matches_list.begin(), matches_list.end(), a)
                           : std::upper_bound(matches_list.begin(), matches_list.end(), a);
          return static_cast<std::size_t>(it - matches_list.begin());
        });
    return p;
  }
  if (unfiltered || p.total * 8 >= n) {
    // Many matches: walk all events in the key's order, keeping the matches of the page; the
    // walk ends after about (offset + limit) · n / total events.
    std::size_t seen = 0;
    const auto& order = order_of(sort.key);
    auto take = [&](uint32_t i) {
      if (!unfiltered && !matches(columns_[i], i, f, words)) return true;
      if (seen++ >= offset) p.rows.push_back(i);
      return p.rows.size() < limit;
    };
    if (sort.descending) {
      for (std::size_t k = after ? std::min<std::size_t>(*after, n) : n; k-- > 0 && take(order[k]);) {
      }
    } else {
      for (std::size_t k = after ? *after + std::size_t{1} : 0; k < n && take(order[k]); ++k) {
      }
    }
    return p;
  }
  // Few matches: order them by their rank in the key's order (the same order a walk gives),
  // sorting only as far as the page reaches.
  const auto& rank = rank_of(sort.key);
  std::vector<uint32_t> ranked;
  ranked.reserve(matches_list.size());
  for (uint32_t i : matches_list)
    if (!after || (sort.descending ? rank[i] < *after : rank[i] > *after)) ranked.push_back(i);
  if (offset >= ranked.size()) return p;
  const std::size_t reach = std::min(ranked.size(), offset + limit);
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(reach), ranked.end(),
                    [&](uint32_t a, uint32_t b) { return sort.descending ? rank[a] > rank[b] : rank[a] < rank[b]; });
  p.rows.assign(ranked.begin() + static_cast<std::ptrdiff_t>(offset),
                ranked.begin() + static_cast<std::ptrdiff_t>(reach));
  return p;
}

Timeline EventIndex::timeline(const EventFilter& f, TimelineGroup group) const {
  // Tallied by (month, group id) in a hash table: one cheap step per event, even for millions.
  std::unordered_map<uint64_t, Tally> by_month_group;
  std::unordered_map<uint32_t, Tally> totals;
  Timeline t;
  scan(f, [&](uint32_t i) {
    // From the date keys alone (the views are large and scattered): a date with a month starts
    // and ends in that month; a year-only date spans January to December.
    const Columns& c = columns_[i];
    t.total.add(c.fatalities);
    const int month = c.first_key && c.first_key / 100 == c.last_key / 100 ? c.first_key / 100 : 0;
    if (!c.first_key)
      t.undated.add(c.fatalities);
    else if (!month)
      t.year_only[c.first_key / 10000].add(c.fatalities);
    else
      t.month_totals[month].add(c.fatalities);
    auto add = [&](uint32_t key) {
      totals[key].add(c.fatalities);
      if (month) by_month_group[(static_cast<uint64_t>(month) << 32) | key].add(c.fatalities);
    };
    switch (group) {
      case TimelineGroup::Type:
        add(c.type);
        break;
      case TimelineGroup::Region:
        add(c.region);
        break;
      case TimelineGroup::Actor:
        // Under each of its actors (so the groups' sums can exceed the total); none: group "".
        if (c.actors_begin == c.actors_end) add(StringIds::kNone);
        for (uint32_t k = c.actors_begin; k < c.actors_end; ++k) add(actor_refs_[k]);
        break;
    }
  });
  for (const auto& [key, tally] : by_month_group)
    t.months[static_cast<int>(key >> 32)][ids_.str(static_cast<uint32_t>(key & 0xffffffffu))] = tally;
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (const auto& [key, tally] : totals) {
    ranked.emplace_back(tally.events, ids_.str(key));
    t.group_totals[ids_.str(key)] = tally;
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  for (auto& [n, key] : ranked) t.groups.push_back(std::move(key));
  return t;
}

std::string EventIndex::region_label(const std::string& region_key) const {
  auto it = region_labels_.find(ids_.find(region_key));
  return it == region_labels_.end() ? region_key : it->second;
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
    if (c.fatalities > 0) cl.fatalities += c.fatalities;
    ++k.types[c.type];
  });
  std::vector<Cluster> out;
  out.reserve(cells.size());
  for (auto& k : cells) {
    Cluster& cl = k.cluster;
    const Place& place = places_[cl.first];
    if (cl.single_place) {
      cl.lat = place.lat;
      cl.lon = place.lon;
      cl.place = names_.str(place.name);
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
    out.push_back(Facet{ids_.str(region), region_labels_.at(region), list.size()});
  }
  std::sort(out.begin(), out.end(), [](const Facet& a, const Facet& b) { return a.count != b.count ? a.count > b.count : a.label < b.label; });
  return out;
}

std::map<std::string, std::pair<double, double>> EventIndex::region_centres() const {
  std::map<std::string, std::pair<double, double>> out;
  for (const auto& [region, list] : by_region_) {
    double lat = 0, lon = 0;
    std::size_t n = 0;
    for (uint32_t i : list) {
      if (!columns_[i].has_coordinates) continue;
      lat += columns_[i].lat;
      lon += columns_[i].lon;
      ++n;
    }
    if (n) out[ids_.str(region)] = {lat / static_cast<double>(n), lon / static_cast<double>(n)};
  }
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

std::vector<std::string> EventIndex::actor_ids() const {
  std::vector<std::string> out;
  for (const auto& [id, list] : by_actor_) out.push_back(ids_.str(id));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace faultline::serve
