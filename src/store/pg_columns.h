// How the PostgreSQL store lays the shared record fields out in columns (the SQLite store's
// layout: reports and events alike): adding them as parameters and reading them back.
// Internal to the PostgreSQL backend.
#pragma once

#include <string>

#include "store/pg.h"
#include "store/records.h"

namespace faultline::store {

// Adds type, mode, acled_type, acled_subtype, cameo, date, date_first, date_last, place,
// place_key, admin1, admin1_key, country, lat, lon: 15 parameters.
void add_event_data(pg::Params& p, const EventData& d);
// Adds actor_id, name, mention, affiliation, affiliation_id, country, sector: 7 parameters.
void add_actor(pg::Params& p, const Actor& a);

// "p.type, p.mode, …, p.fatalities, p.confidence" (13 columns) for table alias `p`.
std::string pg_data_columns(const std::string& alias);
EventData read_event_data(const pg::Row& r, int first);
// "p.actor_id, …, p.sector" (7 columns).
std::string pg_actor_columns(const std::string& alias);
Actor read_actor(const pg::Row& r, int first);

// "$first, $first+1, …" for `n` parameters.
std::string placeholders(int first, int n);

}  // namespace faultline::store
