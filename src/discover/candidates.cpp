// Collecting and linking new-actor candidates (see candidates.h).
#include "discover/candidates.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "discover/suggested_id.h"
#include "extract/dates.h"
#include "extract/name_keys.h"
#include "graph/relation_weights.h"
#include "text/fold.h"

namespace faultline::discover {
namespace {

constexpr std::size_t kExamples = 3;
constexpr double kMinPackScore = 0.7;
constexpr std::size_t kPackMatches = 3;

bool provisional(const std::string& id) { return id.rfind("NEW_", 0) == 0; }

// What the store says about one provisional id.
struct Raw {
  std::string id;
  std::map<std::string, int> names;  // as written → events
  std::set<std::string> acronyms;
  std::set<std::string> docs;
  std::set<std::string> events;
  std::map<std::string, int> countries, sectors, affiliations;
  std::map<std::string, std::string> affiliation_ids;  // an affiliation's name → its actor id
  bool titled = false;  // mentioned with a person's title
  int first_key = 0, last_key = 0;
  std::string first, last;
  std::map<std::string, Counterpart> fought, allied;
  std::vector<Example> examples;

  const std::string& top_name() const {
    return std::max_element(names.begin(), names.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  }
};

template <typename Map>
std::string most(const Map& m) {
  auto it = std::max_element(m.begin(), m.end(), [](auto& a, auto& b) { return a.second < b.second; });
  return it == m.end() ? std::string() : it->first;
}

bool has_text(const std::vector<Example>& examples, const std::string& text) {
  return std::any_of(examples.begin(), examples.end(), [&](const Example& e) { return e.text == text; });
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Acronyms in a mention that abbreviate the name ("FSA fighters" for "Azawad Salvation Front"
// — in its own language's order or the other's).
void acronyms_in(const lexicon::NameWords& words, const std::string& mention, const std::string& name,
                 std::set<std::string>& out) {
  for (const auto& k : lexicon::Lexicon::phrase_keys(mention)) {
    std::string upper;
    for (char c : k) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (mention.find(upper) == std::string::npos || upper.size() < 2) continue;
    if (extract::abbreviates(words, upper, name)) out.insert(upper);
  }
}

std::string guess_kind(const lexicon::NameWords& words, const Raw& r) {
  for (const auto& k : lexicon::Lexicon::phrase_keys(r.top_name()))
    if (const auto* w = words.find(k); w && (w->roles & lexicon::kHeadWord)) return w->kind;
  return r.titled || !r.affiliations.empty() ? "person" : "group";
}

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) { return parent_[x] == x ? x : parent_[x] = find(parent_[x]); }
  void unite(std::size_t a, std::size_t b) { parent_[find(a)] = find(b); }

 private:
  std::vector<std::size_t> parent_;
};

// One name of a pack actor, as keys to compare with.
struct PackName {
  uint32_t actor;
  std::string key;       // English content words, sorted
  bool acronym = false;  // written wholly in capitals
  std::string text;
};

}  // namespace

std::vector<Candidate> find_candidates(store::Store& s, const lexicon::Lexicon& lex, const Options& o) {
  const auto& words = lex.name_words();
  std::map<std::string, Raw> raw;
  s.events(store::EventQuery{}, [&](const store::EventView& v) {
    const auto& d = v.event.data;
    int key = d.date.known() ? d.date.first_key() : 0;
    std::string date = d.date.known() ? extract::format_date(d.date) : std::string();
    auto see = [&](const store::Actor& a, bool side1) {
      if (!provisional(a.id)) return;
      Raw& r = raw[a.id];
      r.id = a.id;
      ++r.names[a.name];
      acronyms_in(words, a.mention, a.name, r.acronyms);
      for (const auto& k : lexicon::Lexicon::phrase_keys(a.mention))
        if (words.has(k, lexicon::kTitleWord)) r.titled = true;
      for (const auto& src : v.sources) r.docs.insert(src.doc);
      r.events.insert(v.event.id);
      if (!a.country.empty()) ++r.countries[a.country];
      if (!a.sector.empty()) ++r.sectors[a.sector];
      if (!a.affiliation.empty()) ++r.affiliations[a.affiliation];
      if (!a.affiliation.empty() && !a.affiliation_id.empty()) r.affiliation_ids[a.affiliation] = a.affiliation_id;
      if (key && (!r.first_key || key < r.first_key)) r.first_key = key, r.first = date;
      if (key && key >= r.last_key) r.last_key = key, r.last = date;
      if (r.examples.size() < kExamples && !has_text(r.examples, v.evidence))
        r.examples.push_back(Example{v.evidence, v.event.id, v.doc, v.sentence});
      const auto& same = side1 ? d.actor1 : d.actor2;
      const auto& other = side1 ? d.actor2 : d.actor1;
      auto count = [&](std::map<std::string, Counterpart>& into, const store::Actor& b) {
        auto& c = into[b.party()];
        c.id = b.party();
        c.name = b.affiliation.empty() ? b.name : b.affiliation;
        ++c.events;
      };
      auto cross = graph::relation_weight(d.type, d.mode).tone;
      for (const auto& b : other) {
        if (cross == graph::Tone::Conflictual)
          count(r.fought, b);
        else if (cross == graph::Tone::Cooperative)
          count(r.allied, b);
      }
      if (graph::same_side_weight(d.type, d.mode, other.empty()).tone == graph::Tone::Cooperative)
        for (const auto& b : same)
          if (b.id != a.id) count(r.allied, b);
    };
    for (const auto& a : d.actor1) see(a, true);
    for (const auto& a : d.actor2) see(a, false);
  });

  std::vector<Raw> all;
  for (auto& [id, r] : raw) all.push_back(std::move(r));
  std::vector<std::string> kinds, keys, initials;
  for (const auto& r : all) {
    kinds.push_back(guess_kind(words, r));
    bool person = kinds.back() == "person";
    keys.push_back(person ? text::fold(r.top_name()) : join(extract::english_words(words, r.top_name())));
    initials.push_back(extract::initials(words, r.top_name()));
  }

  // Linking provisional ids: one English key, one acronym, or a spelling variant.
  UnionFind uf(all.size());
  std::vector<std::vector<Link>> links(all.size());
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = i + 1; j < all.size(); ++j) {
      if ((kinds[i] == "person") != (kinds[j] == "person")) continue;
      Link l;
      if (keys[i] == keys[j]) {
        l = {all[j].id, all[j].top_name(), "translation", 1.0};
      } else if (kinds[i] != "person" &&
                 (all[i].acronyms.count(initials[j]) || all[j].acronyms.count(initials[i]) ||
                  std::any_of(all[i].acronyms.begin(), all[i].acronyms.end(),
                              [&](const std::string& a) { return all[j].acronyms.count(a); }))) {
        l = {all[j].id, all[j].top_name(), "acronym", 0.9};
      } else if (double d = extract::edit_ratio(keys[i], keys[j]); d <= o.max_spelling_distance) {
        l = {all[j].id, all[j].top_name(), "spelling", 1.0 - d};
      } else {
        continue;
      }
      uf.unite(i, j);
      links[i].push_back(l);
      links[j].push_back(Link{all[i].id, all[i].top_name(), l.how, l.score});
    }

  // Pack names, indexed by their words, for the unrecorded-alias test.
  std::vector<PackName> pack;
  std::unordered_map<std::string, std::vector<std::size_t>> by_word;
  for (uint32_t a = 0; a < lex.actors().size(); ++a) {
    const auto& row = lex.actors()[a];
    std::vector<std::string> names = row.aliases;
    names.push_back(row.name);
    for (const auto& n : names) {
      bool caps = n.size() >= 2 &&
                  std::none_of(n.begin(), n.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
      auto ws = extract::english_words(words, n);
      PackName p{a, row.kind == "person" ? text::fold(n) : join(ws), caps, n};
      for (const auto& w : ws) by_word[w].push_back(pack.size());
      pack.push_back(std::move(p));
    }
  }

  std::map<std::size_t, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < all.size(); ++i) groups[uf.find(i)].push_back(i);
  std::vector<Candidate> out;
  for (auto& [root, members] : groups) {
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return all[a].events.size() != all[b].events.size() ? all[a].events.size() > all[b].events.size()
                                                          : all[a].id < all[b].id;
    });
    const Raw& rep = all[members.front()];
    Candidate c;
    c.id = rep.id;
    c.name = rep.top_name();
    c.kind = kinds[members.front()];
    std::set<std::string> docs, events, aliases, acronyms, ids;
    std::map<std::string, int> countries, sectors, affiliations;
    std::map<std::string, std::string> affiliation_ids;
    std::map<std::string, Counterpart> fought, allied;
    for (std::size_t m : members) {
      const Raw& r = all[m];
      ids.insert(r.id);
      docs.insert(r.docs.begin(), r.docs.end());
      events.insert(r.events.begin(), r.events.end());
      for (const auto& [n, k] : r.names)
        if (n != c.name) aliases.insert(n);
      acronyms.insert(r.acronyms.begin(), r.acronyms.end());
      for (const auto& [k, n] : r.countries) countries[k] += n;
      for (const auto& [k, n] : r.sectors) sectors[k] += n;
      for (const auto& [k, n] : r.affiliations) affiliations[k] += n;
      affiliation_ids.insert(r.affiliation_ids.begin(), r.affiliation_ids.end());
      for (auto* side : {&r.fought, &r.allied})
        for (const auto& [k, x] : *side) {
          auto& into = (side == &r.fought ? fought : allied)[k];
          into.id = x.id;
          into.name = x.name;
          into.events += x.events;
        }
      if (r.first_key && (c.first_seen.empty() || r.first < c.first_seen)) c.first_seen = r.first;
      if (r.last_key && r.last > c.last_seen) c.last_seen = r.last;
      for (const auto& e : r.examples)
        if (c.examples.size() < kExamples && !has_text(c.examples, e.text)) c.examples.push_back(e);
      for (const auto& l : links[m])
        if (std::none_of(c.links.begin(), c.links.end(), [&](const Link& x) { return x.id == l.id; }) && l.id != c.id)
          c.links.push_back(l);
    }
    c.documents = docs.size();
    if (c.documents < o.min_documents) continue;
    c.events = events.size();
    c.ids.assign(ids.begin(), ids.end());
    c.aliases.assign(aliases.begin(), aliases.end());
    c.acronyms.assign(acronyms.begin(), acronyms.end());
    c.country = most(countries);
    c.sector = most(sectors);
    c.affiliation = most(affiliations);
    if (auto it = affiliation_ids.find(c.affiliation); it != affiliation_ids.end()) c.affiliation_id = it->second;
    for (auto* side : {&fought, &allied}) {
      auto& into = side == &fought ? c.fought : c.allied;
      for (const auto& [k, x] : *side)
        if (!ids.count(k)) into.push_back(x);
      std::sort(into.begin(), into.end(),
                [](auto& a, auto& b) { return a.events != b.events ? a.events > b.events : a.id < b.id; });
    }

    // A pack actor under a name the packs lack: the same English key, the same acronym, or a
    // spelling within the distance.
    std::map<uint32_t, Link> best;
    auto offer = [&](uint32_t actor, const std::string& how, double score) {
      auto& b = best[actor];
      if (score > b.score) b = Link{lex.actors()[actor].id, lex.actors()[actor].name, how, score};
    };
    bool person = c.kind == "person";
    for (std::size_t m : members) {
      std::set<std::size_t> near;
      for (const auto& w : extract::english_words(words, all[m].top_name()))
        if (auto it = by_word.find(w); it != by_word.end()) near.insert(it->second.begin(), it->second.end());
      for (std::size_t p : near) {
        const auto& pn = pack[p];
        if ((lex.actors()[pn.actor].kind == "person") != person) continue;
        if (pn.key == keys[m])
          offer(pn.actor, "alias", 1.0);
        else if (double d = extract::edit_ratio(pn.key, keys[m]); d <= o.max_spelling_distance)
          offer(pn.actor, "spelling", 1.0 - d);
      }
      if (!person)
        for (const auto& pn : pack)
          if (pn.acronym && (all[m].acronyms.count(pn.text) || pn.text == initials[m]))
            offer(pn.actor, "acronym", all[m].acronyms.count(pn.text) ? 0.8 : 0.7);
    }
    for (auto& [a, l] : best)
      if (l.score >= kMinPackScore) c.pack_matches.push_back(l);
    std::sort(c.pack_matches.begin(), c.pack_matches.end(), [](auto& a, auto& b) { return a.score > b.score; });
    if (c.pack_matches.size() > kPackMatches) c.pack_matches.resize(kPackMatches);
    c.suggested_id = suggested_id(c, lex);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    if (a.documents != b.documents) return a.documents > b.documents;
    if (a.events != b.events) return a.events > b.events;
    return a.id < b.id;
  });
  return out;
}

const Candidate* find_candidate(const std::vector<Candidate>& all, const std::string& name_or_id) {
  std::string key = text::fold(name_or_id);
  for (const auto& c : all) {
    if (std::find(c.ids.begin(), c.ids.end(), name_or_id) != c.ids.end()) return &c;
    if (text::fold(c.name) == key) return &c;
    for (const auto* list : {&c.aliases, &c.acronyms})
      for (const auto& a : *list)
        if (text::fold(a) == key) return &c;
  }
  return nullptr;
}

}  // namespace faultline::discover
