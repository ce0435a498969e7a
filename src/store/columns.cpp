// Reading the store's record columns back (see columns.h).
#include "store/columns.h"

namespace faultline::store {

sql::Params report_values(const Report& r) {
  const EventData& d = r.data;
  sql::Params p;
  p.add(r.sentence).add(r.index).add(r.evidence).add(r.evidence_begin).add(r.evidence_end);
  add_event_data(p, d);
  p.add(r.location_inferred ? 1 : 0).add(d.fatalities).add(d.confidence).text_or_null(r.pattern).add(d.date.year);
  return p;
}

bool stored_alike(const Report& a, const Report& b) {
  auto actors = [](const Report& r) {
    sql::Params p;
    for (const auto* side : {&r.data.actor1, &r.data.actor2}) {
      p.add(side->size());
      for (const auto& actor : *side) add_actor(p, actor);
    }
    return p.values();
  };
  return report_values(a).values() == report_values(b).values() && actors(a) == actors(b);
}

std::string data_columns(const std::string& p) {
  std::string out;
  for (const char* c : {"type", "mode", "acled_type", "acled_subtype", "cameo", "date", "place", "admin1", "country",
                        "lat", "lon", "fatalities", "confidence"})
    out += (out.empty() ? "" : ", ") + p + "." + c;
  return out;
}

EventData read_event_data(const sql::Row& r, int i) {
  EventData d;
  d.type = r.text(i);
  d.mode = r.text(i + 1);
  d.acled_type = r.text(i + 2);
  d.acled_subtype = r.text(i + 3);
  d.cameo = r.text(i + 4);
  if (auto date = lexicon::parse_partial_date(r.text(i + 5))) d.date = *date;
  if (!r.is_null(i + 6)) {
    coding::CodedLocation l;
    l.name = r.text(i + 6);
    l.admin1 = r.text(i + 7);
    l.country = r.text(i + 8);
    l.has_coordinates = !r.is_null(i + 9);
    l.lat = r.real(i + 9);
    l.lon = r.real(i + 10);
    d.location = l;
  }
  d.fatalities = r.optional_int64(i + 11);
  d.confidence = r.real(i + 12);
  return d;
}

std::string actor_columns(const std::string& p) {
  std::string out;
  for (const char* c : {"actor_id", "name", "mention", "affiliation", "affiliation_id", "country", "sector"})
    out += (out.empty() ? "" : ", ") + p + "." + c;
  return out;
}

Actor read_actor(const sql::Row& r, int i) {
  return Actor{r.text(i), r.text(i + 1), r.text(i + 2), r.text(i + 3), r.text(i + 4), r.text(i + 5), r.text(i + 6)};
}

std::string report_columns() {
  return "r.id, d.doc_id, r.sentence, r.idx, r.evidence, r.evidence_begin, r.evidence_end, r.pattern, "
         "r.place_inferred, d.date, " +
         data_columns("r");
}

Report read_report(const sql::Row& s, int i) {
  Report r;
  r.id = s.int64(i);
  r.doc = s.text(i + 1);
  r.sentence = static_cast<uint32_t>(s.int64(i + 2));
  r.index = static_cast<uint32_t>(s.int64(i + 3));
  r.evidence = s.text(i + 4);
  r.evidence_begin = static_cast<uint32_t>(s.int64(i + 5));
  r.evidence_end = static_cast<uint32_t>(s.int64(i + 6));
  r.pattern = s.text(i + 7);
  r.location_inferred = s.int64(i + 8) != 0;
  if (!s.is_null(i + 9)) r.published = lexicon::parse_partial_date(s.text(i + 9)).value_or(lexicon::PartialDate{});
  r.data = read_event_data(s, i + 10);
  if (r.data.location) r.data.location->inferred = r.location_inferred;
  return r;
}

std::string placeholders(int first, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += (k ? ", $" : "$") + std::to_string(first + k);
  return out;
}

}  // namespace faultline::store
