#include "store/sqlite_columns.h"

#include "extract/dates.h"
#include "text/fold.h"

namespace faultline::store {

void bind_event_data(sqlite::Statement& s, int i, const EventData& d) {
  s.bind(i, d.type).bind_text_or_null(i + 1, d.mode).bind_text_or_null(i + 2, d.acled_type);
  s.bind_text_or_null(i + 3, d.acled_subtype).bind_text_or_null(i + 4, d.cameo);
  if (d.date.known()) {
    s.bind(i + 5, extract::format_date(d.date)).bind(i + 6, d.date.first_key()).bind(i + 7, d.date.last_key());
  } else {
    s.bind_null(i + 5).bind_null(i + 6).bind_null(i + 7);
  }
  for (int k = 8; k < 15; ++k) s.bind_null(i + k);
  if (d.location && !d.location->name.empty()) {
    const auto& l = *d.location;
    s.bind(i + 8, l.name).bind(i + 9, text::fold(l.name));
    if (!l.admin1.empty()) s.bind(i + 10, l.admin1).bind(i + 11, text::fold(l.admin1));
    s.bind_text_or_null(i + 12, l.country);
    if (l.has_coordinates) s.bind(i + 13, l.lat).bind(i + 14, l.lon);
  }
}

void bind_actor(sqlite::Statement& s, int i, const Actor& a) {
  s.bind_text_or_null(i, a.id).bind_text_or_null(i + 1, a.name).bind_text_or_null(i + 2, a.mention);
  s.bind_text_or_null(i + 3, a.affiliation).bind_text_or_null(i + 4, a.affiliation_id);
  s.bind_text_or_null(i + 5, a.country).bind_text_or_null(i + 6, a.sector);
}

std::string data_columns(const std::string& p) {
  std::string out;
  for (const char* c : {"type", "mode", "acled_type", "acled_subtype", "cameo", "date", "place", "admin1", "country",
                        "lat", "lon", "fatalities", "confidence"})
    out += (out.empty() ? "" : ", ") + p + "." + c;
  return out;
}

EventData read_event_data(const sqlite::Statement& s, int i) {
  EventData d;
  d.type = s.text(i);
  d.mode = s.text(i + 1);
  d.acled_type = s.text(i + 2);
  d.acled_subtype = s.text(i + 3);
  d.cameo = s.text(i + 4);
  if (auto date = lexicon::parse_partial_date(s.text(i + 5))) d.date = *date;
  if (!s.is_null(i + 6)) {
    coding::CodedLocation l;
    l.name = s.text(i + 6);
    l.admin1 = s.text(i + 7);
    l.country = s.text(i + 8);
    l.has_coordinates = !s.is_null(i + 9);
    l.lat = s.real(i + 9);
    l.lon = s.real(i + 10);
    d.location = l;
  }
  d.fatalities = s.optional_int64(i + 11);
  d.confidence = s.real(i + 12);
  return d;
}

std::string actor_columns(const std::string& p) {
  std::string out;
  for (const char* c : {"actor_id", "name", "mention", "affiliation", "affiliation_id", "country", "sector"})
    out += (out.empty() ? "" : ", ") + p + "." + c;
  return out;
}

Actor read_actor(const sqlite::Statement& s, int i) {
  return Actor{s.text(i), s.text(i + 1), s.text(i + 2), s.text(i + 3), s.text(i + 4), s.text(i + 5), s.text(i + 6)};
}

}  // namespace faultline::store
