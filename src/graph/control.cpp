#include "graph/control.h"

#include <algorithm>
#include <map>
#include <set>

#include "graph/memberships.h"
#include "text/fold.h"

namespace faultline::graph {
namespace {

constexpr int kOpenEnd = 99991231;

std::vector<std::string> parties(const std::vector<store::Actor>& side, bool armed_only) {
  std::vector<std::string> out;
  for (const auto& a : side)
    if (!a.party().empty() && (!armed_only || can_hold_territory(a))) out.push_back(a.party());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string join(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : "|") + id;
  return out;
}

int start_key(const PartialDate& d) { return d.known() ? d.first_key() : 0; }

int end_key(const ControlInterval& iv) { return iv.to_open || !iv.to.known() ? kOpenEnd : iv.to.last_key(); }

// Whether two sets of holders are the same side at `at`: a shared actor, or one a group of the other.
bool related(const std::vector<std::string>& a, const std::vector<std::string>& b, const PartialDate& at,
             const std::vector<MembershipFact>& memberships) {
  for (const auto& x : a) {
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
    for (const auto& g : groups_of(memberships, x, window_of(at)))
      if (std::find(b.begin(), b.end(), g) != b.end()) return true;
  }
  for (const auto& y : b)
    for (const auto& g : groups_of(memberships, y, window_of(at)))
      if (std::find(a.begin(), a.end(), g) != a.end()) return true;
  return false;
}

void merge_into(std::vector<std::string>& into, const std::vector<std::string>& more) {
  into.insert(into.end(), more.begin(), more.end());
  std::sort(into.begin(), into.end());
  into.erase(std::unique(into.begin(), into.end()), into.end());
}

}  // namespace

bool can_hold_territory(const store::Actor& a) {
  static const std::set<std::string> kArmed{"MIL", "REB", "INS", "PMC"};
  return kArmed.count(a.sector) > 0;
}

ControlDeriver::ControlDeriver(const PackFacts& pack) : pack_(pack) {
  for (const auto& a : pack.actors)
    if (a.kind != "person") named_ids_.insert(a.id);
  for (const auto& c : pack.countries) countries_.insert(c.iso3);
}

bool ControlDeriver::named_holder(const std::string& id) const {
  if (named_ids_.count(id)) return true;
  return id.size() == 7 && id.compare(3, 4, "_MIL") == 0 && countries_.count(id.substr(0, 3));
}

std::vector<std::string> ControlDeriver::named(std::vector<std::string> ids) const {
  std::erase_if(ids, [&](const std::string& id) { return !named_holder(id); });
  return ids;
}

void ControlDeriver::add(const store::Event& e) {
  const auto& loc = e.data.location;
  // The place must be named in the sentence (not carried over from an earlier one: "captured the
  // base" is not the town) and the change dated to the day or month (a year is background).
  if (!loc || loc->name.empty() || loc->inferred || !e.data.date.known() || !e.data.date.month) return;
  if (store::told_in_retrospect(e.data.date, e.published)) return;
  Change c;
  c.documents = e.support();
  c.place = loc->name;
  c.place_key = text::fold(loc->name);
  c.date = e.data.date;
  c.evidence.event = e.id;
  const std::string& type = e.data.type;
  const std::string& mode = e.data.mode;
  if (type == "ASSAULT" && (mode == "occupy" || mode == "retake")) {
    c.holders = named(parties(e.data.actor1, true));
    c.evidence.change = mode == "occupy" ? "captured" : "retook";
  } else if (type == "RETREAT" && mode == "withdraw") {
    c.leavers = named(parties(e.data.actor1, false));
    c.holders = named(parties(e.data.actor2, true));
    c.evidence.change = c.holders.empty() ? "withdrew" : "handed over";
    if (c.leavers.empty() && c.holders.empty()) return;
  } else if (type == "CONCEDE") {
    c.holders = named(parties(e.data.actor2, true));
    c.evidence.change = "received";
  } else {
    return;
  }
  if (c.holders.empty() && c.leavers.empty()) return;
  changes_.push_back(std::move(c));
}

std::vector<ControlInterval> ControlDeriver::intervals(const std::vector<MembershipFact>& memberships) const {
  std::map<std::string, std::vector<const ControlSeed*>> seeds_by_place;
  for (const auto& s : pack_.control) seeds_by_place[text::fold(s.place)].push_back(&s);
  std::map<std::string, std::vector<const Change*>> changes_by_place;
  for (const auto& c : changes_) changes_by_place[c.place_key].push_back(&c);
  std::set<std::string> places;
  for (const auto& [k, v] : seeds_by_place) places.insert(k);
  for (const auto& [k, v] : changes_by_place) places.insert(k);

  std::map<std::string, const Change*> change_of;
  for (const auto& c : changes_) change_of[c.evidence.event] = &c;
  // A text interval is "held" once two documents state it (its evidence events' documents added
  // up), else "claimed"; with no new report for kControlHorizonMonths it ends there.
  auto weigh = [&](ControlInterval& iv) {
    std::size_t documents = 0;
    const PartialDate* last = nullptr;
    for (const auto& ev : iv.evidence) {
      const Change* c = change_of.at(ev.event);
      documents += c->documents;
      if (!last || c->date.last_key() > last->last_key()) last = &c->date;
    }
    if (iv.status == "held" && documents < 2) iv.status = "claimed";
    if (!last) return;
    PartialDate expiry = store::plus_months(*last, kControlHorizonMonths);
    if (iv.to_open || (iv.to.known() && iv.to.first_key() > expiry.last_key())) {
      iv.to = expiry;
      iv.to_open = false;
      std::string why = "no report after " + std::to_string(last->year) + (last->month < 10 ? "-0" : "-") +
                        std::to_string(last->month) + ": ends " + std::to_string(kControlHorizonMonths) +
                        " months later";
      iv.note = iv.note.empty() ? why : iv.note + "; " + why;
    }
  };

  std::vector<ControlInterval> out;
  for (const auto& key : places) {
    auto seeds = seeds_by_place[key];
    std::stable_sort(seeds.begin(), seeds.end(),
                     [](const ControlSeed* a, const ControlSeed* b) { return start_key(a->from) < start_key(b->from); });
    std::vector<ControlInterval> held;
    for (std::size_t i = 0; i < seeds.size(); ++i) {
      const ControlSeed& s = *seeds[i];
      ControlInterval iv{s.place, key, s.holders, s.from, s.to, false, "pack", "held", s.note, {}};
      if (!s.to.known()) {
        if (i + 1 < seeds.size()) iv.to = seeds[i + 1]->from;  // until the next fact
        else iv.to_open = true;
      }
      held.push_back(std::move(iv));
    }
    auto seed_starting_within = [&](int after, int upto) {
      for (const auto& h : held)
        if (start_key(h.from) > after && start_key(h.from) <= upto) return &h;
      return static_cast<const ControlInterval*>(nullptr);
    };

    // Changes of one day act together: a capture and the withdrawal it caused are one step.
    auto changes = changes_by_place[key];
    std::sort(changes.begin(), changes.end(), [](const Change* a, const Change* b) {
      return std::tuple(a->date.first_key(), a->date.last_key(), a->evidence.event) <
             std::tuple(b->date.first_key(), b->date.last_key(), b->evidence.event);
    });
    std::vector<ControlInterval> text;
    int current = -1;  // the text interval in force, outside pack intervals
    for (std::size_t i = 0; i < changes.size();) {
      const Change& first = *changes[i];
      std::vector<std::string> holders, leavers;
      std::vector<ControlEvidence> evidence;
      std::size_t j = i;
      for (; j < changes.size() && changes[j]->date.first_key() == first.date.first_key() &&
             changes[j]->date.last_key() == first.date.last_key();
           ++j) {
        merge_into(holders, changes[j]->holders);
        merge_into(leavers, changes[j]->leavers);
        evidence.push_back(changes[j]->evidence);
      }
      const PartialDate& date = first.date;
      const int k = date.first_key();
      auto append = [&](ControlInterval& iv) { iv.evidence.insert(iv.evidence.end(), evidence.begin(), evidence.end()); };
      // Reports of one day that name unrelated holders ("the army retook it from the CSP" and "the
      // CSP took it") do not make them joint holders: the day is a contested claim.
      bool disputed = false;
      for (std::size_t x = i; x < j && !disputed; ++x)
        for (std::size_t y = x + 1; y < j && !disputed; ++y)
          disputed = !changes[x]->holders.empty() && !changes[y]->holders.empty() &&
                     !related(changes[x]->holders, changes[y]->holders, date, memberships);
      i = j;
      if (disputed) {
        ControlInterval claim{first.place, key, holders, date, date, false, "text", "contested",
                              "reports of the same day name different holders", {}};
        append(claim);
        text.push_back(std::move(claim));
        continue;
      }

      int cover = -1;
      for (std::size_t h = 0; h < held.size(); ++h)
        if (start_key(held[h].from) <= k && k <= end_key(held[h])) cover = static_cast<int>(h);
      if (cover >= 0) {
        ControlInterval& seed = held[cover];
        if (holders.empty()) continue;  // a withdrawal while the pack names the holder
        if (related(holders, seed.holders, date, memberships)) {
          append(seed);
        } else {
          ControlInterval claim{first.place, key, holders, date, date, false, "text", "contested",
                                "the pack has " + join(seed.holders) + " holding it then", {}};
          append(claim);
          text.push_back(std::move(claim));
        }
        continue;
      }

      if (current >= 0 && seed_starting_within(start_key(text[current].from), k)) current = -1;
      if (holders.empty()) {
        if (current >= 0 && !text[current].holders.empty() &&
            !related(leavers, text[current].holders, date, memberships))
          continue;  // someone who did not hold it left
        if (current >= 0 && text[current].holders.empty()) {
          append(text[current]);
          continue;
        }
      } else if (current >= 0 && related(holders, text[current].holders, date, memberships)) {
        append(text[current]);
        continue;
      }
      if (current >= 0) {
        text[current].to = date;
        text[current].to_open = false;
      }
      ControlInterval iv{first.place, key, holders, date, {}, true, "text", "held",
                         holders.empty() ? "holder unknown after " + join(leavers) + " withdrew" : "", {}};
      append(iv);
      text.push_back(std::move(iv));
      current = static_cast<int>(text.size()) - 1;
    }
    // A text interval still open when a pack interval begins ends there.
    for (auto& iv : text) {
      if (!iv.to_open) continue;
      if (const auto* next = seed_starting_within(start_key(iv.from), kOpenEnd)) {
        iv.to = next->from;
        iv.to_open = false;
      }
    }
    for (auto& iv : text)
      if (iv.status != "contested") weigh(iv);
    held.insert(held.end(), std::make_move_iterator(text.begin()), std::make_move_iterator(text.end()));
    std::stable_sort(held.begin(), held.end(), [](const ControlInterval& a, const ControlInterval& b) {
      return std::tuple(start_key(a.from), a.status) < std::tuple(start_key(b.from), b.status);
    });
    out.insert(out.end(), std::make_move_iterator(held.begin()), std::make_move_iterator(held.end()));
  }
  return out;
}

}  // namespace faultline::graph
