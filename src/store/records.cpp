#include "store/records.h"

namespace faultline::store {
namespace {

Actor actor_from_coded(const coding::CodedActor& a) {
  return Actor{a.id, a.name, a.mention, a.affiliation, {}, a.country, a.sector};
}

coding::CodedActor to_coded_actor(const Actor& a) {
  coding::CodedActor c;
  c.id = a.id;
  c.name = a.name;
  c.mention = a.mention;
  c.affiliation = a.affiliation;
  c.country = a.country;
  c.sector = a.sector;
  return c;
}

}  // namespace

Report report_from_coded(const coding::CodedEvent& e, uint32_t index) {
  Report r;
  r.doc = e.doc;
  r.sentence = e.sentence;
  r.index = index;
  r.evidence = e.evidence;
  r.evidence_begin = e.evidence_begin;
  r.evidence_end = e.evidence_end;
  r.pattern = e.pattern;
  r.location_inferred = e.location && e.location->inferred;
  EventData& d = r.data;
  d.type = e.type;
  d.mode = e.mode;
  d.acled_type = e.acled_type;
  d.acled_subtype = e.acled_subtype;
  d.cameo = e.cameo;
  d.date = e.date;
  for (const auto& a : e.actor1) d.actor1.push_back(actor_from_coded(a));
  for (const auto& a : e.actor2) d.actor2.push_back(actor_from_coded(a));
  d.location = e.location;
  d.fatalities = e.fatalities;
  d.confidence = e.confidence;
  return r;
}

coding::CodedEvent to_coded(const EventData& data, const std::string& doc, uint32_t sentence,
                            const std::string& evidence) {
  coding::CodedEvent e;
  e.doc = doc;
  e.sentence = sentence;
  e.evidence = evidence;
  e.type = data.type;
  e.mode = data.mode;
  e.acled_type = data.acled_type;
  e.acled_subtype = data.acled_subtype;
  e.cameo = data.cameo;
  e.date = data.date;
  for (const auto& a : data.actor1) e.actor1.push_back(to_coded_actor(a));
  for (const auto& a : data.actor2) e.actor2.push_back(to_coded_actor(a));
  e.location = data.location;
  e.fatalities = data.fatalities;
  e.confidence = data.confidence;
  return e;
}

}  // namespace faultline::store
