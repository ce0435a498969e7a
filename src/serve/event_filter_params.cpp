#include "serve/event_filter_params.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "serve/api_error.h"
#include "text/fold.h"

namespace faultline::serve {
namespace {

constexpr std::size_t kMaxSearchWords = 12;

BBox parse_bbox(const QueryParams& p) {
  const std::string usage =
      "parameter 'bbox' must be west,south,east,north: longitudes in [-180, 180], latitudes in [-90, 90]";
  auto parts = p.list("bbox");
  if (parts.size() != 4) throw bad_parameter(usage);
  double v[4];
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string& s = parts[i];
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v[i]);
    double bound = i % 2 == 0 ? 180 : 90;
    if (ec != std::errc() || end != s.data() + s.size() || !(v[i] >= -bound && v[i] <= bound)) throw bad_parameter(usage);
  }
  if (v[1] > v[3]) throw bad_parameter("parameter 'bbox': south is above north");
  if (v[0] > v[2]) throw bad_parameter("parameter 'bbox': west is east of east (boxes across the antimeridian are not supported)");
  return BBox{v[0], v[1], v[2], v[3]};
}

}  // namespace

const std::vector<std::string>& plover_types() {
  static const std::vector<std::string> types{"ACCUSE",    "AGREE",   "AID",      "ASSAULT", "COERCE",   "CONCEDE",
                                              "CONSULT",   "COOPERATE", "DEMAND", "MOBILIZE", "PROTEST", "REJECT",
                                              "REQUEST",   "RETREAT", "SANCTION", "SUPPORT", "THREATEN"};
  return types;
}

EventFilter parse_event_filter(const QueryParams& p, const EventIndex& events, const ActorCatalog& actors,
                               std::vector<std::string>& warnings) {
  EventFilter f;
  graph::Window w;
  if (auto from = p.date("from")) w.first = f.from_key = from->first_key();
  if (auto to = p.date("to")) w.last = f.to_key = to->last_key();
  if (f.from_key && f.to_key && f.to_key < f.from_key) throw ApiError(400, "bad_range", "'to' is before 'from'");

  if (p.has("actor")) {
    const std::string name = p.text("actor");
    if (name.empty()) throw bad_parameter("parameter 'actor' is empty");
    f.by_actor = true;
    for (const auto& id : actors.resolve_with_members(name, w)) {
      uint32_t k = events.actor_id(id);
      if (k != StringIds::kUnknown) f.actors.push_back(k);
    }
    std::sort(f.actors.begin(), f.actors.end());
    if (actors.resolve(name).empty()) warnings.push_back("no actor is named '" + name + "'");
  }
  for (auto type : p.list("type")) {
    for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto& known = plover_types();
    if (std::find(known.begin(), known.end(), type) == known.end()) {
      std::string names;
      for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
      throw bad_parameter("unknown event type '" + type + "'; types: " + names);
    }
    f.types.push_back(events.type_id(type));  // kUnknown when no event has it: matches nothing
  }
  if (p.has("type") && f.types.empty()) throw bad_parameter("parameter 'type' is empty");
  if (p.has("place")) {
    std::string key = text::fold(p.text("place"));
    if (key.empty()) throw bad_parameter("parameter 'place' is empty");
    f.place = events.place_id(key);
    if (*f.place == StringIds::kUnknown) warnings.push_back("no event is at a place or region named '" + p.text("place") + "'");
  }
  if (p.has("region")) {
    std::string key = text::fold(p.text("region"));
    if (key.empty()) throw bad_parameter("parameter 'region' is empty");
    f.region = events.place_id(key);
    if (*f.region == StringIds::kUnknown) warnings.push_back("no event is in a region named '" + p.text("region") + "'");
  }
  if (p.has("text")) {
    f.words = parse_word_queries(p.text("text"));
    if (f.words.empty()) throw bad_parameter("parameter 'text' has no words");
    if (f.words.size() > kMaxSearchWords)
      throw bad_parameter("parameter 'text' has more than " + std::to_string(kMaxSearchWords) + " words");
    for (const auto& q : f.words)
      if (q.prefix && q.key.size() < 2) throw bad_parameter("a prefix search needs at least 2 letters before '*'");
  }
  if (p.has("bbox")) f.bbox = parse_bbox(p);
  if (p.has("min_fatalities")) f.min_fatalities = p.integer("min_fatalities", 0, 1'000'000'000, 0);
  f.min_confidence = p.number("min_confidence", 0, 1);
  return f;
}

}  // namespace faultline::serve
