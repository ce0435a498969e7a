#include "eval/scorer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "lexicon/tsv_file.h"

namespace faultline::eval {
namespace {

using nlohmann::json;

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

class Actors {
 public:
  explicit Actors(const AliasGroups& g) : g_(g) {}

  std::set<std::string> resolve(const std::vector<std::string>& texts) const {
    std::set<std::string> found;
    for (const auto& t : texts) {
      if (t.empty()) continue;
      std::string nt = normalise(t);
      std::set<std::string> best;
      std::size_t best_len = 0;
      for (const auto& [gid, aliases] : g_.aliases)
        for (const auto& a : aliases) {
          if (nt.find(a) == std::string::npos) continue;
          if (a.size() > best_len) {
            best = {gid};
            best_len = a.size();
          } else if (a.size() == best_len) {
            best.insert(gid);
          }
        }
      found.insert(best.begin(), best.end());
    }
    return found;
  }

  std::string family_of(const std::string& id) const {
    auto it = g_.family.find(id);
    return it == g_.family.end() ? id : it->second;
  }

  std::pair<std::string, std::string> gold_key(const json& a) const {
    if (a.is_string()) return {a.get<std::string>(), family_of(a.get<std::string>())};
    std::string country = str(a, "country");
    if (!country.empty()) return {upper(country) + "/" + upper(str(a, "sector")), upper(country)};
    auto ids = resolve({str(a, "name")});
    if (!ids.empty()) return {*ids.begin(), family_of(*ids.begin())};
    std::string n = normalise(str(a, "name"));
    return {"N:" + trim(n), "S:" + upper(str(a, "sector"))};
  }

  std::pair<std::set<std::string>, std::set<std::string>> pred_keys(const json& raw) const {
    json a = raw.is_string() ? json{{"name", raw}} : raw;
    auto ids = resolve({str(a, "name")});
    if (ids.empty()) ids = resolve({str(a, "affiliation"), str(a, "mention"), str(a, "id")});
    // An id of the table names its group, whatever the name says (the French army's canonical
    // name does not read as the French government).
    if (std::string id = str(a, "id"); g_.aliases.count(id)) ids.insert(id);
    std::set<std::string> keys(ids.begin(), ids.end()), fams;
    for (const auto& i : ids) fams.insert(family_of(i));
    std::string c = upper(str(a, "country"));
    if (!c.empty()) {
      keys.insert(c + "/" + upper(str(a, "sector")));
      fams.insert(c);
    }
    std::string n = "N:" + trim(normalise(str(a, "name")));
    keys.insert(n);
    fams.insert(n);
    if (c.empty()) fams.insert("S:" + upper(str(a, "sector")));
    return {keys, fams};
  }

  static std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(' ');
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(' ') - b + 1);
  }

 private:
  const AliasGroups& g_;
};

const std::vector<std::set<std::string>>& place_synonyms() {
  static const std::vector<std::set<std::string>> kSynonyms = {
      {"timbuktu", "tombouctou", "tomboctou"}, {"taoudeni", "taoudenit", "taoudenni"},
      {"aguelhok", "aguelhoc", "aguel'hoc", "aguel-hoc"}, {"anefis", "anefif"},
      {"bamako", "bamako district"}, {"menaka", "menaka region"}, {"new york", "new york city"},
      {"tin-essako", "tin essako", "ti-n-essako", "tinessako"}};
  return kSynonyms;
}

bool same_place(const std::string& a0, const std::string& b0) {
  std::string a = Actors::trim(normalise(a0)), b = Actors::trim(normalise(b0));
  if (a == b) return true;
  for (const auto& s : place_synonyms())
    if (s.count(a) && s.count(b)) return true;
  return false;
}

std::set<std::string> types_of(const json& g) {
  std::set<std::string> out;
  const json& t = g["type"];
  if (t.is_array()) {
    for (const auto& x : t)
      if (x.is_string()) out.insert(upper(x.get<std::string>()));
  } else if (t.is_string()) {
    out.insert(upper(t.get<std::string>()));
  }
  return out;
}

bool same_date(const std::string& g, const std::string& p) { return p.size() >= g.size() && p.compare(0, g.size(), g) == 0; }

std::vector<json> as_list(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return {};
  return std::vector<json>(it->begin(), it->end());
}

bool same_actors(const std::vector<json>& gold, const std::vector<json>& pred, const Actors& actors) {
  std::set<std::string> gk;
  for (const auto& a : gold) gk.insert(actors.gold_key(a).first);
  std::vector<std::set<std::string>> pk;
  for (const auto& a : pred) pk.push_back(actors.pred_keys(a).first);
  for (const auto& k : gk)
    if (std::none_of(pk.begin(), pk.end(), [&](const auto& keys) { return keys.count(k) > 0; })) return false;
  for (const auto& keys : pk)
    if (std::none_of(keys.begin(), keys.end(), [&](const auto& k) { return gk.count(k) > 0; })) return false;
  return true;
}

// Python's round(v, 3): the exact binary value rounded to 3 decimals, ties to even, which is
// what printf's correctly rounded "%.3f" gives (std::round(v * 1000) rounds 0.8125 up).
double round3(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return std::strtod(buf, nullptr);
}

Prf prf(std::size_t n, std::size_t judged, std::size_t gold) {
  double p = judged ? static_cast<double>(n) / judged : 0.0;
  double r = gold ? static_cast<double>(n) / gold : 0.0;
  return Prf{round3(p), round3(r), round3(p + r > 0 ? 2 * p * r / (p + r) : 0.0)};
}

std::string py_float(double v) {
  std::ostringstream os;
  os.precision(3);
  os << std::fixed << v;
  std::string s = os.str();
  while (s.size() > 1 && s.back() == '0' && s[s.size() - 2] != '.') s.pop_back();
  return s;
}

}  // namespace

std::string normalise(const std::string& s) {
  // As score.py: NFKD, combining marks dropped, lower case, ’ → ', en and em dashes → -, dots
  // dropped, every run of other characters one space.
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed;
  if (nfkd && U_SUCCESS(status)) {
    decomposed = nfkd->normalize(icu::UnicodeString::fromUTF8(s), status);
  }
  if (!nfkd || U_FAILURE(status)) decomposed = icu::UnicodeString::fromUTF8(s);
  std::string out = " ";
  bool space = true;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    UChar32 c = decomposed.char32At(i);
    if (u_getCombiningClass(c) != 0) continue;
    c = u_tolower(c);
    if (c == 0x2019) c = '\'';
    if (c == 0x2013 || c == 0x2014) c = '-';
    if (c == '.') continue;
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '-';
    if (keep) {
      out.push_back(static_cast<char>(c));
      space = false;
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

AliasGroups load_alias_groups(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw lexicon::PackError(path, 0, "cannot open file");
  AliasGroups g;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) cells.push_back(cell);
    if (cells.size() != 3) throw lexicon::PackError(path, n, "expected id<TAB>family<TAB>aliases");
    g.family[cells[0]] = cells[1];
    for (const auto& a : lexicon::split_list(cells[2])) g.aliases[cells[0]].push_back(normalise(a));
  }
  return g;
}

AliasGroups alias_groups_from(const lexicon::Lexicon& lex) {
  AliasGroups g;
  for (const auto& a : lex.actors()) {
    g.family[a.id] = a.id;
    auto& list = g.aliases[a.id];
    list.push_back(normalise(a.name));
    for (const auto& x : a.aliases) list.push_back(normalise(x));
  }
  // Generic agents ("CIVILIANS", "PROTESTERS") are groups too, named by their nouns.
  for (const auto& a : lex.agents()) {
    if (g.aliases.count(a.id)) continue;
    g.family[a.id] = a.id;
    auto& list = g.aliases[a.id];
    list.push_back(normalise(a.without_country));
    for (const auto& w : a.words) list.push_back(normalise(w));
  }
  return g;
}

ScoreReport score(const std::vector<json>& gold, const std::vector<json>& preds_in, std::size_t unparseable,
                  const AliasGroups& groups) {
  Actors actors(groups);
  ScoreReport r;
  r.unparseable_lines = unparseable;
  std::map<std::string, std::vector<std::string>> quotes;
  std::vector<json> gold_events;
  for (const auto& g : gold) {
    quotes[str(g, "doc")].push_back(normalise(str(g, "quote")));
    if (!g.value("none", false)) gold_events.push_back(g);
  }
  struct Judged {
    json p;
    std::set<std::string> fams;
    std::vector<std::string> quotes;
  };
  std::vector<Judged> judged;
  for (const auto& p : preds_in) {
    std::string ev = normalise(str(p, "evidence"));
    std::string doc = p.contains("doc") ? (p["doc"].is_string() ? p["doc"].get<std::string>() : p["doc"].dump()) : "";
    std::vector<std::string> qs;
    for (const auto& q : quotes[doc])
      if (!Actors::trim(q).empty() && ev.find(q) != std::string::npos) qs.push_back(q);
    if (qs.empty()) continue;
    Judged j{p, {}, qs};
    for (const auto& a : as_list(p, "actor1")) {
      auto f = actors.pred_keys(a).second;
      j.fams.insert(f.begin(), f.end());
    }
    for (const auto& a : as_list(p, "actor2")) {
      auto f = actors.pred_keys(a).second;
      j.fams.insert(f.begin(), f.end());
    }
    judged.push_back(std::move(j));
  }
  std::vector<std::tuple<int, bool, std::size_t, std::size_t>> cands;
  for (std::size_t gi = 0; gi < gold_events.size(); ++gi) {
    const auto& g = gold_events[gi];
    std::string gq = normalise(str(g, "quote"));
    std::set<std::string> gfam;
    for (const auto& a : as_list(g, "actor1")) gfam.insert(actors.gold_key(a).second);
    for (const auto& a : as_list(g, "actor2")) gfam.insert(actors.gold_key(a).second);
    for (std::size_t pi = 0; pi < judged.size(); ++pi) {
      const auto& p = judged[pi];
      std::string pdoc = p.p["doc"].is_string() ? p.p["doc"].get<std::string>() : p.p["doc"].dump();
      if (pdoc != str(g, "doc") || std::find(p.quotes.begin(), p.quotes.end(), gq) == p.quotes.end()) continue;
      std::size_t shared = 0;
      for (const auto& f : gfam) shared += p.fams.count(f);
      if (!shared) continue;
      bool typed = types_of(g).count(upper(str(p.p, "type"))) > 0;
      int s = 8 * typed + static_cast<int>(shared) + 2 * same_actors(as_list(g, "actor1"), as_list(p.p, "actor1"), actors);
      std::string gd = str(g, "date");
      s += !gd.empty() && same_date(gd, str(p.p, "date"));
      cands.emplace_back(s, typed, gi, pi);
    }
  }
  std::sort(cands.begin(), cands.end(), std::greater<>());
  auto greedy = [&](bool require_type) {
    std::set<std::size_t> ug, up;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (const auto& [s, typed, gi, pi] : cands) {
      if ((require_type && !typed) || ug.count(gi) || up.count(pi)) continue;
      ug.insert(gi);
      up.insert(pi);
      pairs.emplace_back(gi, pi);
    }
    return pairs;
  };
  auto detect = greedy(false), typed = greedy(true);
  std::map<std::string, std::pair<int, int>> acc;
  std::size_t full = 0;
  for (auto [gi, pi] : typed) {
    const auto& g = gold_events[gi];
    const auto& p = judged[pi].p;
    std::map<std::string, bool> checks;
    checks["actor1"] = same_actors(as_list(g, "actor1"), as_list(p, "actor1"), actors);
    checks["actor2"] = same_actors(as_list(g, "actor2"), as_list(p, "actor2"), actors);
    if (!str(g, "date").empty()) checks["date"] = same_date(str(g, "date"), str(p, "date"));
    json loc = g.contains("location") && g["location"].is_object() ? g["location"] : json::object();
    json ploc = p.contains("location") && p["location"].is_object() ? p["location"] : json::object();
    if (!str(loc, "admin1").empty()) checks["admin1"] = same_place(str(loc, "admin1"), str(ploc, "admin1"));
    if (!str(loc, "name").empty()) checks["place"] = same_place(str(loc, "name"), str(ploc, "name"));
    if (!str(loc, "country").empty()) checks["country"] = upper(str(loc, "country")) == upper(str(ploc, "country"));
    if (g.contains("fatalities") && !g["fatalities"].is_null())
      checks["fatalities"] = p.contains("fatalities") && g["fatalities"] == p["fatalities"];
    bool all = true;
    for (auto [k, v] : checks) {
      acc[k].first += v;
      acc[k].second += 1;
      all = all && v;
    }
    full += all;
  }
  r.gold_events = gold_events.size();
  r.judged_predictions = judged.size();
  r.detect = prf(detect.size(), judged.size(), gold_events.size());
  r.typed = prf(typed.size(), judged.size(), gold_events.size());
  r.full = prf(full, judged.size(), gold_events.size());
  for (auto [k, v] : acc) r.field_accuracy[k] = round3(static_cast<double>(v.first) / v.second);
  std::set<std::size_t> matched_g, used_p;
  for (auto [gi, pi] : typed) {
    matched_g.insert(gi);
    used_p.insert(pi);
  }
  for (std::size_t gi = 0; gi < gold_events.size(); ++gi)
    if (!matched_g.count(gi)) r.misses.push_back(gold_events[gi].dump());
  for (std::size_t pi = 0; pi < judged.size(); ++pi)
    if (!used_p.count(pi)) r.extras.push_back(judged[pi].p.dump().substr(0, 400));
  return r;
}

std::string format_report(const ScoreReport& r) {
  auto tuple = [](const Prf& p) { return "(" + py_float(p.precision) + ", " + py_float(p.recall) + ", " + py_float(p.f1) + ")"; };
  std::ostringstream os;
  os << "gold_events: " << r.gold_events << "\n";
  os << "judged_predictions: " << r.judged_predictions << "\n";
  os << "unparseable_lines: " << r.unparseable_lines << "\n";
  os << "detect_prf: " << tuple(r.detect) << "\n";
  os << "typed_prf: " << tuple(r.typed) << "\n";
  os << "full_prf: " << tuple(r.full) << "\n";
  os << "field_accuracy_on_typed_matches: {";
  bool first = true;
  for (const auto& [k, v] : r.field_accuracy) {
    os << (first ? "" : ", ") << "'" << k << "': " << py_float(v);
    first = false;
  }
  os << "}\n";
  return os.str();
}

}  // namespace faultline::eval
