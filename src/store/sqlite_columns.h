// How the SQLite store lays the shared record fields out in columns (reports and events use the
// same layout): binding them for inserts and reading them back. Internal to the SQLite backend.
#pragma once

#include <string>

#include "store/records.h"
#include "store/sqlite.h"

namespace faultline::store {

// Binds type, mode, acled_type, acled_subtype, cameo, date, date_first, date_last, place,
// place_key, admin1, admin1_key, country, lat, lon: 15 parameters from `first`.
void bind_event_data(sqlite::Statement& s, int first, const EventData& d);
// Binds actor_id, name, mention, affiliation, affiliation_id, country, sector: 7 parameters.
void bind_actor(sqlite::Statement& s, int first, const Actor& a);

// "p.type, p.mode, …, p.fatalities, p.confidence" (13 columns) for table alias `p`.
std::string data_columns(const std::string& alias);
EventData read_event_data(const sqlite::Statement& s, int first);
// "p.actor_id, …, p.sector" (7 columns).
std::string actor_columns(const std::string& alias);
Actor read_actor(const sqlite::Statement& s, int first);

}  // namespace faultline::store
