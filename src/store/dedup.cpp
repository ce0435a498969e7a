#include "store/dedup.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "store/content_hash.h"
#include "store/retrospective.h"

namespace faultline::store {
namespace {

using lexicon::PartialDate;

int precision_rank(const PartialDate& d) { return !d.known() ? 3 : d.day ? 0 : d.month ? 1 : 2; }

int day_number(const PartialDate& d) {
  using namespace std::chrono;
  return static_cast<int>(sys_days(year(d.year) / month(d.month) / day(d.day)).time_since_epoch().count());
}

std::vector<std::string> actor_keys(const Report& r) {
  std::vector<std::string> keys;
  for (const auto* side : {&r.data.actor1, &r.data.actor2}) {
    for (const auto& a : *side) {
      if (!a.id.empty()) keys.push_back(a.id);
      if (!a.affiliation_id.empty()) keys.push_back(a.affiliation_id);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

bool share_any(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i == *j) return true;
    if (*i < *j) ++i; else ++j;
  }
  return false;
}

bool same_text_ci(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// 3 same place name, 2 a place and the first-level region it lies in, 1 within kSamePlaceKm,
// 0 one side unknown, -1 different places. Two towns of one region are different places ("an
// attack in Boni" and "an attack in Douentza" on one day are two attacks); only a report that
// names the region itself may be the same event as one that names a town in it.
int place_match(const std::optional<coding::CodedLocation>& a, const std::optional<coding::CodedLocation>& b) {
  if (!a || !b || a->name.empty() || b->name.empty()) return 0;
  if (same_text_ci(a->name, b->name) && a->country == b->country) return 3;
  const bool names_region = same_text_ci(a->name, a->admin1) || same_text_ci(b->name, b->admin1);
  if (!a->admin1.empty() && a->admin1 == b->admin1 && a->country == b->country && names_region) return 2;
  if (a->has_coordinates && b->has_coordinates && distance_km(a->lat, a->lon, b->lat, b->lon) <= kSamePlaceKm) return 1;
  return -1;
}

bool dates_compatible(const PartialDate& a, const PartialDate& b) {
  if (!a.known() || !b.known()) return false;  // an undated report is never merged
  if (a.day && b.day) return std::abs(day_number(a) - day_number(b)) <= 1;
  // At least one is a month or a year: the vaguer one must contain the other.
  return (a.first_key() <= b.first_key() && b.last_key() <= a.last_key()) ||
         (b.first_key() <= a.first_key() && a.last_key() <= b.last_key());
}

// One party of a report (a person counts as the organisation they acted for), with what family
// matching needs: a generic agent ("jihadists", "Malian rebels") may be a named actor of its family.
struct Party {
  std::string id;
  std::string family;   // "armed" (REB, INS), "pmc"; "" = matched by id only
  std::string country;  // ISO3 or ""
  bool generic = false;
  std::vector<std::string> organisations;  // the organisations it is part of (DedupRules)
  bool operator<(const Party& o) const { return id < o.id; }
};

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

std::string sector_family(const std::string& sector) {
  if (sector == "REB" || sector == "INS") return "armed";
  if (sector == "PMC") return "pmc";
  return "";
}

// Whether two parties may be one actor: the same id, a body and an organisation it is part of
// (MINUSMA and the UN), or a generic agent and a named actor of its family and (where both have
// one) its country.
bool compatible(const Party& x, const Party& y) {
  if (x.id == y.id || contains(x.organisations, y.id) || contains(y.organisations, x.id)) return true;
  if (x.generic == y.generic || x.family.empty() || x.family != y.family) return false;
  return x.country.empty() || y.country.empty() || x.country == y.country;
}

std::vector<Party> parties_of(const Report& r, const DedupRules& rules) {
  std::vector<Party> out;
  for (const auto* side : {&r.data.actor1, &r.data.actor2}) {
    for (const auto& a : *side) {
      if (a.party().empty()) continue;
      Party p{a.party(), sector_family(a.sector), a.country, false, {}};
      for (auto [o, end] = rules.organisation_of.equal_range(p.id); o != end; ++o) p.organisations.push_back(o->second);
      // An agent row's id ("REBELS") or one composed with a country ("MLI_REB").
      p.generic = a.affiliation_id.empty() &&
                  (rules.generic_agents.count(a.id) > 0 ||
                   (a.id.size() == 7 && a.id[3] == '_' && a.id.compare(4, 3, a.sector) == 0 && !p.family.empty()));
      if (std::none_of(out.begin(), out.end(), [&](const Party& q) { return q.id == p.id; })) out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every party of x is compatible with a party of y.
bool covered(const std::vector<Party>& x, const std::vector<Party>& y) {
  return std::all_of(x.begin(), x.end(), [&](const Party& p) {
    return std::any_of(y.begin(), y.end(), [&](const Party& q) { return compatible(p, q); });
  });
}

// Two reports that name different actors of one family where each names one ("JNIM attacked the
// army in Gao" and "IS Sahel attacked the army in Gao") tell two events, or contradict each other:
// a shared target does not make them one. A generic agent conflicts only through its country.
bool conflicting(const std::vector<Party>& a, const std::vector<Party>& b) {
  auto has = [](const std::vector<Party>& list, const std::string& id) {
    return std::any_of(list.begin(), list.end(), [&](const Party& p) { return p.id == id; });
  };
  for (const auto& p : a) {
    if (p.family.empty() || has(b, p.id)) continue;
    for (const auto& q : b) {
      if (q.family != p.family || has(a, q.id) || compatible(p, q)) continue;
      if (p.generic && q.generic) continue;  // two kinds of unnamed actor say nothing
      return true;
    }
  }
  return false;
}

struct Item {
  Report report;
  std::vector<std::string> keys;    // actor ids, for "no actors" and the candidate index
  std::vector<std::string> lookup;  // keys and family keys ("~armed"): where to look for candidates
  std::vector<Party> parties;
  int rank = 0;
  int day = 0;    // day number, for day-precision dates
  int month = 0;  // YYYYMM
  bool retrospective = false;  // told long after the event (store/retrospective.h)
};

Item make_item(Report r, const DedupRules& rules) {
  Item it;
  it.keys = actor_keys(r);
  it.parties = parties_of(r, rules);
  it.lookup = it.keys;
  for (const auto& p : it.parties) {
    if (!p.family.empty()) it.lookup.push_back("~" + p.family);
    // A body's report is found from its organisation's and the other way round.
    it.lookup.insert(it.lookup.end(), p.organisations.begin(), p.organisations.end());
  }
  std::sort(it.lookup.begin(), it.lookup.end());
  it.lookup.erase(std::unique(it.lookup.begin(), it.lookup.end()), it.lookup.end());
  it.rank = precision_rank(r.data.date);
  if (it.rank == 0) it.day = day_number(r.data.date);
  it.month = r.data.date.year * 100 + r.data.date.month;
  it.retrospective = told_in_retrospect(r.data.date, r.published);
  it.report = std::move(r);
  return it;
}

// An unknown place "matches" every place: two reports where one lacks it are one event only when
// they were also published close together (news of one act, not two accounts weeks apart).
bool published_close(const PartialDate& a, const PartialDate& b) {
  if (!a.day || !b.day) return true;  // nothing to compare
  return std::abs(day_number(a) - day_number(b)) <= kClosePublicationDays;
}

bool same_party_ids(const std::vector<Party>& a, const std::vector<Party>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const Party& p, const Party& q) { return p.id == q.id; });
}

// A report told in retrospect ("in March 2012 the MNLA took Tessalit", written in 2024) is the
// same event only on full agreement: its year, a vague place or one actor in common would fuse
// it with whatever happened then.
bool agree_fully(const Item& a, const Item& b) {
  const auto& x = a.report.data;
  const auto& y = b.report.data;
  if (place_match(x.location, y.location) != 3 || !same_party_ids(a.parties, b.parties)) return false;
  if (a.rank == 0 && b.rank == 0) return a.day == b.day;
  return a.rank == 1 && b.rank == 1 && a.month == b.month;
}

bool items_match(const Item& a, const Item& b) {
  const Report& x = a.report;
  const Report& y = b.report;
  if (x.data.type != y.data.type) return false;
  if (x.doc == y.doc && x.sentence == y.sentence) return false;
  if (a.retrospective || b.retrospective) return agree_fully(a, b);
  if (a.keys.empty() != b.keys.empty()) return false;
  if (!a.keys.empty() && !share_any(a.keys, b.keys)) {
    // No shared id: one actor under two names ("jihadists" / JNIM) is still the same event.
    bool any = std::any_of(a.parties.begin(), a.parties.end(), [&](const Party& p) {
      return std::any_of(b.parties.begin(), b.parties.end(), [&](const Party& q) { return compatible(p, q); });
    });
    if (!any) return false;
  }
  if (conflicting(a.parties, b.parties)) return false;
  int place = place_match(x.data.location, y.data.location);
  if (place < 0) return false;
  if (!dates_compatible(x.data.date, y.data.date)) return false;
  // A month or a year "contains" every day of its period and an unknown place "matches" every
  // place: such a report is only evidence of the same event when everything else agrees — the
  // parties of one are all parties of the other, and (for a vaguer date) the place is the same
  // named place. Otherwise a background sentence ("in 2023 the group killed 500 civilians") fuses
  // with any event of its year that shares one actor.
  bool same_actors = covered(a.parties, b.parties) || covered(b.parties, a.parties);
  if (a.rank != b.rank && !(same_actors && place == 3)) return false;
  if (place == 0 && (!same_actors || !published_close(x.published, y.published))) return false;
  return true;
}

std::string event_id(const Report& r) {
  return "ev_" + Fingerprint().add(r.data.type).add(r.doc).add(int64_t{r.sentence}).add(int64_t{r.index}).hex();
}

// Merges the reports of one cluster (in canonical order) into the event they describe.
Event merge(const std::vector<const Item*>& members, int block_year) {
  const Report& rep = members.front()->report;
  Event e;
  e.id = event_id(rep);
  e.representative = rep.id;
  e.block_year = block_year;
  e.data = rep.data;
  e.data.actor1.clear();
  e.data.actor2.clear();

  // The mode most reports give (earliest on a tie), with its mappings.
  std::map<std::string, int> mode_votes;
  for (const Item* m : members)
    if (!m->report.data.mode.empty()) ++mode_votes[m->report.data.mode];
  int best_votes = 0;
  for (const Item* m : members) {
    const auto& d = m->report.data;
    if (d.mode.empty() || mode_votes[d.mode] <= best_votes) continue;
    best_votes = mode_votes[d.mode];
    e.data.mode = d.mode;
    e.data.acled_type = d.acled_type;
    e.data.acled_subtype = d.acled_subtype;
    e.data.cameo = d.cameo;
  }

  // A place with coordinates if any report has one, else the first named place.
  e.data.location.reset();
  for (const Item* m : members)
    if (m->report.data.location && m->report.data.location->has_coordinates) {
      e.data.location = m->report.data.location;
      break;
    }
  if (!e.data.location)
    for (const Item* m : members)
      if (m->report.data.location) {
        e.data.location = m->report.data.location;
        break;
      }

  // The best-supported toll: the one most reports state (never a sum of them); on a tie, the
  // first report's in canonical order, the most precisely dated.
  std::map<int64_t, int> toll_votes;
  for (const Item* m : members)
    if (m->report.data.fatalities) ++toll_votes[*m->report.data.fatalities];
  e.data.fatalities.reset();
  int toll_support = 0;
  for (const Item* m : members) {
    const auto& d = m->report.data;
    if (d.fatalities && toll_votes[*d.fatalities] > toll_support) {
      toll_support = toll_votes[*d.fatalities];
      e.data.fatalities = d.fatalities;
    }
    e.data.confidence = std::max(e.data.confidence, d.confidence);
    e.reports.push_back(m->report.id);
  }

  // Each actor goes to the side most reports put it on (its first side on a tie); reports
  // disagree on who acted when a clash is told from either side.
  struct Votes {
    const Actor* first = nullptr;
    int first_side = 1;
    int side1 = 0;
    int side2 = 0;
  };
  std::vector<std::string> order;
  std::unordered_map<std::string, Votes> votes;
  for (const Item* m : members) {
    for (int side = 1; side <= 2; ++side) {
      for (const auto& a : side == 1 ? m->report.data.actor1 : m->report.data.actor2) {
        std::string key = a.id.empty() ? "\x1f" + a.name : a.id;
        auto [it, fresh] = votes.try_emplace(key);
        if (fresh) {
          order.push_back(key);
          it->second.first = &a;
          it->second.first_side = side;
        }
        (side == 1 ? it->second.side1 : it->second.side2)++;
      }
    }
  }
  for (const auto& key : order) {
    const Votes& v = votes[key];
    bool first_side = v.side1 == v.side2 ? v.first_side == 1 : v.side1 > v.side2;
    (first_side ? e.data.actor1 : e.data.actor2).push_back(*v.first);
  }
  return e;
}

}  // namespace

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371.0088;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad;
  double dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

DedupRules dedup_rules(const lexicon::Lexicon& lex) {
  DedupRules rules;
  for (const auto& a : lex.agents()) rules.generic_agents.insert(a.id);
  const auto& actors = lex.actors();
  for (const auto& m : lex.memberships()) {
    const auto& member = actors[m.member];
    const auto& group = actors[m.group];
    if (member.sector == "IGO" && group.sector == "IGO") rules.organisation_of.emplace(member.id, group.id);
  }
  return rules;
}

bool same_event(const Report& a, const Report& b, const DedupRules& rules) {
  return items_match(make_item(a, rules), make_item(b, rules));
}

namespace {

// One sentence may yield several reports of one type with the toll it states once: one per place
// it names ("fighting in Ber and Anefis killed 12"), or one per side of a clash. The toll stays on
// the first of them (by place name, then position), so that totals count it once.
void keep_one_toll_per_sentence(std::vector<Report>& reports) {
  std::map<std::tuple<std::string, uint32_t, std::string, int64_t>, std::vector<Report*>> copies;
  for (auto& r : reports)
    if (r.data.fatalities && *r.data.fatalities > 0)
      copies[{r.doc, r.sentence, r.data.type, *r.data.fatalities}].push_back(&r);
  for (auto& [key, list] : copies) {
    if (list.size() < 2) continue;
    auto place = [](const Report* r) { return r->data.location ? r->data.location->name : std::string(); };
    std::sort(list.begin(), list.end(), [&](const Report* a, const Report* b) {
      return std::tuple(place(a), a->index) < std::tuple(place(b), b->index);
    });
    for (std::size_t i = 1; i < list.size(); ++i) list[i]->data.fatalities.reset();
  }
}

}  // namespace

std::vector<Event> deduplicate(std::vector<Report> reports, const DedupRules& rules) {
  keep_one_toll_per_sentence(reports);
  std::vector<Item> items;
  items.reserve(reports.size());
  for (auto& r : reports) items.push_back(make_item(std::move(r), rules));
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    const Report& x = a.report;
    const Report& y = b.report;
    return std::tie(a.rank, a.day, a.month, x.doc, x.sentence, x.index) <
           std::tie(b.rank, b.day, b.month, y.doc, y.sentence, y.index);
  });

  struct Cluster {
    std::vector<const Item*> members;
    std::vector<std::string> keys;  // sorted
  };
  std::vector<Cluster> clusters;
  // Clusters by actor key ("" = reports without actors), in creation order; and by key and the
  // month of their first report, for month-precision reports.
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;
  std::map<std::pair<std::string, int>, std::vector<uint32_t>> by_key_month;
  static const std::vector<std::string> kNoActors{""};

  // Reports told in retrospect come last (in canonical order among themselves): events form from
  // the reports of the time, and a retrospective report joins one only on full agreement, never
  // starting the event that the others would then have to match, nor standing for it.
  std::stable_partition(items.begin(), items.end(), [](const Item& it) { return !it.retrospective; });
  // Clusters by key and the day of their first report, for retrospective reports, which only
  // join on the same day; built when the first of them comes.
  std::map<std::pair<std::string, int>, std::vector<uint32_t>> by_key_day;
  bool by_key_day_built = false;

  std::vector<uint32_t> candidates;
  for (const Item& it : items) {
    const auto& keys = it.lookup.empty() ? kNoActors : it.lookup;
    candidates.clear();
    if (it.retrospective && !by_key_day_built) {
      for (uint32_t c = 0; c < clusters.size(); ++c)
        if (clusters[c].members.front()->rank == 0)
          for (const auto& k : clusters[c].keys) by_key_day[{k, clusters[c].members.front()->day}].push_back(c);
      by_key_day_built = true;
    }
    if (it.retrospective) {
      // Full agreement only: the same day, or the same month at month precision.
      for (const auto& k : keys) {
        if (it.rank == 0) {
          if (auto f = by_key_day.find({k, it.day}); f != by_key_day.end())
            candidates.insert(candidates.end(), f->second.begin(), f->second.end());
        } else if (it.rank == 1) {
          if (auto f = by_key_month.find({k, it.month}); f != by_key_month.end())
            candidates.insert(candidates.end(), f->second.begin(), f->second.end());
        }
      }
    } else if (it.rank == 0) {
      // Day reports come in date order, so clusters are created in date order too: walk back
      // from the newest and stop at the first cluster that starts over a day earlier.
      for (const auto& k : keys) {
        auto f = by_key.find(k);
        if (f == by_key.end()) continue;
        for (auto c = f->second.rbegin(); c != f->second.rend(); ++c) {
          if (clusters[*c].members.front()->day < it.day - 1) break;
          candidates.push_back(*c);
        }
      }
    } else if (it.rank == 1) {
      for (const auto& k : keys)
        if (auto f = by_key_month.find({k, it.month}); f != by_key_month.end())
          candidates.insert(candidates.end(), f->second.begin(), f->second.end());
    } else if (it.rank == 2) {
      for (const auto& k : keys)
        if (auto f = by_key.find(k); f != by_key.end()) candidates.insert(candidates.end(), f->second.begin(), f->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

    int best = -1;
    int best_score = -1;
    for (uint32_t c : candidates) {
      const auto& members = clusters[c].members;
      if (!std::all_of(members.begin(), members.end(), [&](const Item* m) { return items_match(it, *m); })) continue;
      int score = 0;
      for (const Item* m : members) score = std::max(score, place_match(it.report.data.location, m->report.data.location));
      if (score > best_score) {
        best_score = score;
        best = static_cast<int>(c);
      }
    }
    auto index_keys = [&](uint32_t c) {
      // Keys the cluster did not have yet make it findable from them too (lists stay in
      // creation order, which the backward walk above relies on).
      for (const auto& k : keys) {
        auto& own = clusters[c].keys;
        auto at = std::lower_bound(own.begin(), own.end(), k);
        if (at != own.end() && *at == k) continue;
        own.insert(at, k);
        auto& list = by_key[k];
        list.insert(std::lower_bound(list.begin(), list.end(), c), c);
        by_key_month[{k, clusters[c].members.front()->month}].push_back(c);
        if (by_key_day_built && clusters[c].members.front()->rank == 0)
          by_key_day[{k, clusters[c].members.front()->day}].push_back(c);
      }
    };
    if (best >= 0) {
      clusters[best].members.push_back(&it);
      index_keys(static_cast<uint32_t>(best));
      continue;
    }
    auto id = static_cast<uint32_t>(clusters.size());
    clusters.push_back(Cluster{{&it}, {}});
    if (it.rank != 3) index_keys(id);  // an undated report is never a candidate
  }

  std::vector<Event> events;
  events.reserve(clusters.size());
  for (const auto& c : clusters) events.push_back(merge(c.members, c.members.front()->report.data.date.year));
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.id < b.id; });
  return events;
}

}  // namespace faultline::store
