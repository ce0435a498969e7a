#include "graph/pack_facts.h"

#include <filesystem>

#include "extract/dates.h"
#include "lexicon/tsv_file.h"
#include "store/content_hash.h"
#include "text/fold.h"

namespace faultline::graph {
namespace {

namespace fs = std::filesystem;
using lexicon::TsvFile;
using lexicon::TsvRow;

PartialDate date_cell(const TsvFile& f, const TsvRow& row, const std::string& cell, const char* column) {
  if (cell.empty()) return {};
  auto d = lexicon::parse_partial_date(cell);
  if (!d) f.fail(row, std::string("bad ") + column + " date '" + cell + "' (use YYYY, YYYY-MM or YYYY-MM-DD)");
  return *d;
}

void check_order(const TsvFile& f, const TsvRow& row, const PartialDate& from, const PartialDate& to) {
  if (from.known() && to.known() && to.last_key() < from.first_key()) f.fail(row, "'to' is before 'from'");
}

std::string actor_cell(const TsvFile& f, const TsvRow& row, const lexicon::Lexicon& lex, const std::string& id,
                       const char* what) {
  if (id.empty()) f.fail(row, std::string("empty ") + what);
  if (lex.actor_index(id) == lexicon::kNone) f.fail(row, std::string("unknown ") + what + " id '" + id + "'");
  return id;
}

std::vector<PackMembership> load_memberships(const std::string& path, const lexicon::Lexicon& lex) {
  auto f = lexicon::read_tsv(path, {"member", "group", "from", "to", "note"});
  std::vector<PackMembership> out;
  for (const auto& row : f.rows) {
    PackMembership m;
    m.member = actor_cell(f, row, lex, row[0], "member");
    m.group = actor_cell(f, row, lex, row[1], "group");
    m.from = date_cell(f, row, row[2], "from");
    m.to = date_cell(f, row, row[3], "to");
    check_order(f, row, m.from, m.to);
    m.note = row[4];
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<ActorValidity> load_validity(const std::string& path, const lexicon::Lexicon& lex) {
  auto f = lexicon::read_tsv(path, {"actor", "from", "to", "note"});
  std::vector<ActorValidity> out;
  for (const auto& row : f.rows) {
    ActorValidity v;
    v.actor = actor_cell(f, row, lex, row[0], "actor");
    v.from = date_cell(f, row, row[1], "from");
    v.to = date_cell(f, row, row[2], "to");
    if (!v.from.known() && !v.to.known()) f.fail(row, "give at least one of 'from' and 'to'");
    check_order(f, row, v.from, v.to);
    v.note = row[3];
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

std::vector<ControlSeed> load_control_seeds(const std::string& path, const lexicon::Lexicon& lex) {
  auto f = lexicon::read_tsv(path, {"place", "holders", "from", "to", "note"});
  std::vector<ControlSeed> out;
  for (const auto& row : f.rows) {
    ControlSeed s;
    if (row[0].empty()) f.fail(row, "empty place");
    // The gazetteer's first row of that name is the place meant (rows are in preference order).
    const std::string key = text::fold(row[0]);
    for (const auto& p : lex.places()) {
      if (text::fold(p.name) == key) {
        s.place = p.name;
        break;
      }
    }
    if (s.place.empty()) f.fail(row, "unknown place '" + row[0] + "' (not in the gazetteer)");
    for (const auto& id : lexicon::split_list(row[1])) s.holders.push_back(actor_cell(f, row, lex, id, "holder"));
    if (s.holders.empty()) f.fail(row, "no holders (give actor ids separated by '|')");
    s.from = date_cell(f, row, row[2], "from");
    s.to = date_cell(f, row, row[3], "to");
    if (!s.from.known() && !s.to.known()) f.fail(row, "give at least one of 'from' and 'to'");
    check_order(f, row, s.from, s.to);
    s.note = row[4];
    out.push_back(std::move(s));
  }
  return out;
}

PackFacts load_pack_facts(const lexicon::Lexicon& lex, const std::vector<std::string>& pack_dirs) {
  PackFacts facts;
  facts.actors = lex.actors();
  facts.countries = lex.countries();
  const auto& actors = lex.actors();
  for (const auto& r : lex.roles())
    facts.roles.push_back(RoleFact{actors[r.person].id, actors[r.actor].id, r.role, r.from, r.to});
  for (const auto& dir : pack_dirs) {
    fs::path memberships = fs::path(dir) / "memberships.tsv";
    if (fs::exists(memberships)) {
      auto m = load_memberships(memberships.string(), lex);
      facts.memberships.insert(facts.memberships.end(), m.begin(), m.end());
    }
    fs::path control = fs::path(dir) / "control.tsv";
    if (fs::exists(control)) {
      auto c = load_control_seeds(control.string(), lex);
      facts.control.insert(facts.control.end(), c.begin(), c.end());
    }
    fs::path validity = fs::path(dir) / "validity.tsv";
    if (fs::exists(validity)) {
      auto v = load_validity(validity.string(), lex);
      facts.validity.insert(facts.validity.end(), v.begin(), v.end());
    }
  }
  return facts;
}

std::string PackFacts::fingerprint() const {
  store::Fingerprint f;
  auto date = [](const PartialDate& d) { return extract::format_date(d); };
  for (const auto& a : actors) {
    f.add(a.id).add(a.name).add(a.kind).add(a.country).add(a.sector);
    for (const auto& alias : a.aliases) f.add(alias);
    f.add("\x01");
  }
  for (const auto& c : countries) f.add(c.iso3).add(c.name);
  f.add("\x05");
  for (const auto& r : roles) f.add(r.person).add(r.actor).add(r.role).add(date(r.from)).add(date(r.to));
  f.add("\x02");
  for (const auto& m : memberships) f.add(m.member).add(m.group).add(date(m.from)).add(date(m.to)).add(m.note);
  f.add("\x03");
  for (const auto& c : control) {
    f.add(c.place).add(date(c.from)).add(date(c.to)).add(c.note);
    for (const auto& h : c.holders) f.add(h);
    f.add("\x04");
  }
  for (const auto& v : validity) f.add(v.actor).add(date(v.from)).add(date(v.to)).add(v.note);
  return f.hex();
}

}  // namespace faultline::graph
