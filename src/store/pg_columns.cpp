#include "store/pg_columns.h"

#include "extract/dates.h"
#include "text/fold.h"

namespace faultline::store {

void add_event_data(pg::Params& p, const EventData& d) {
  p.add(d.type).text_or_null(d.mode).text_or_null(d.acled_type).text_or_null(d.acled_subtype).text_or_null(d.cameo);
  if (d.date.known())
    p.add(extract::format_date(d.date)).add(d.date.first_key()).add(d.date.last_key());
  else
    p.null().null().null();
  if (d.location && !d.location->name.empty()) {
    const auto& l = *d.location;
    p.add(l.name).add(text::fold(l.name));
    if (l.admin1.empty())
      p.null().null();
    else
      p.add(l.admin1).add(text::fold(l.admin1));
    p.text_or_null(l.country);
    if (l.has_coordinates)
      p.add(l.lat).add(l.lon);
    else
      p.null().null();
  } else {
    for (int k = 0; k < 7; ++k) p.null();
  }
}

void add_actor(pg::Params& p, const Actor& a) {
  p.text_or_null(a.id).text_or_null(a.name).text_or_null(a.mention).text_or_null(a.affiliation);
  p.text_or_null(a.affiliation_id).text_or_null(a.country).text_or_null(a.sector);
}

std::string pg_data_columns(const std::string& p) {
  std::string out;
  for (const char* c : {"type", "mode", "acled_type", "acled_subtype", "cameo", "date", "place", "admin1", "country",
                        "lat", "lon", "fatalities", "confidence"})
    out += (out.empty() ? "" : ", ") + p + "." + c;
  return out;
}

EventData read_event_data(const pg::Row& r, int i) {
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

std::string pg_actor_columns(const std::string& p) {
  std::string out;
  for (const char* c : {"actor_id", "name", "mention", "affiliation", "affiliation_id", "country", "sector"})
    out += (out.empty() ? "" : ", ") + p + "." + c;
  return out;
}

Actor read_actor(const pg::Row& r, int i) {
  return Actor{r.text(i), r.text(i + 1), r.text(i + 2), r.text(i + 3), r.text(i + 4), r.text(i + 5), r.text(i + 6)};
}

std::string placeholders(int first, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += (k ? ", $" : "$") + std::to_string(first + k);
  return out;
}

}  // namespace faultline::store
