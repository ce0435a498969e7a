// `faultline discover`: the actors no pack knows that a store's events name (provisional ids
// NEW_…), linked across documents and languages, with their evidence; `--accept` adopts one into
// a user pack so that re-coding (`ingest --recode --pack DIR`) codes it under its real id.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"
#include "discover/adopt_command.h"
#include "discover/candidates.h"
#include "discover/candidates_json.h"
#include "discover/user_pack.h"

namespace faultline::cli {
namespace {

struct DiscoverOptions {
  DbOption db;
  FormatOption format;
  std::vector<std::string> packs;  // --pack: loaded after the bundled ones; the last is the user pack
  bool no_default = false;
  std::size_t min_documents = 1;
  std::string accept;
  discover::Adoption adoption;
};

constexpr const char* kDefaultUserPack = "packs/user";

std::string names_of(const std::vector<discover::Counterpart>& cs) {
  std::string out;
  for (const auto& c : cs) out += (out.empty() ? "" : ", ") + c.name + " (" + std::to_string(c.events) + ")";
  return out;
}

std::string links_of(const std::vector<discover::Link>& ls) {
  std::string out;
  char score[16];
  for (const auto& l : ls) {
    std::snprintf(score, sizeof score, "%.2f", l.score);
    out += (out.empty() ? "" : ", ") + l.id + " " + l.how + " " + score;
  }
  return out;
}

int run_discover(const DiscoverOptions& o) {
  PackOptions packs;
  packs.no_default = o.no_default;
  for (const auto& d : o.packs)
    if (std::filesystem::is_directory(d)) packs.extra.push_back(d);
  auto lex = packs.load();
  auto s = o.db.open();
  discover::Options opts;
  opts.min_documents = o.accept.empty() ? o.min_documents : 1;
  auto all = discover::find_candidates(*s, lex, opts);

  if (!o.accept.empty()) {
    if (o.adoption.id.empty()) throw std::invalid_argument("--accept needs --id ID");
    const auto* c = discover::find_candidate(all, o.accept);
    if (!c) throw std::invalid_argument("no new-actor candidate is named '" + o.accept + "' (see faultline discover)");
    std::string dir = o.packs.empty() ? kDefaultUserPack : o.packs.back();
    auto adopted = discover::adopt(*c, o.adoption, dir, lex, packs.dirs());
    std::cout << "adopted " << c->id << " as " << o.adoption.id << " in " << adopted.actors_file;
    if (!adopted.roles_file.empty()) std::cout << ", acting for " << adopted.role_actor << " in " << adopted.roles_file;
    std::cout << "; re-code with: faultline ingest --recode --pack " << dir << " --db " << o.db.shown() << " …\n";
    return 0;
  }

  if (o.format.name == "json") {
    for (const auto& c : all) std::cout << discover::candidate_json(c).dump() << '\n';
  } else if (o.format.name == "table") {
    for (const auto& c : all) {
      std::cout << c.id << "  " << c.name << "  [" << c.kind << (c.country.empty() ? "" : ", " + c.country)
                << (c.sector.empty() ? "" : ", " + c.sector) << "]  " << c.documents << " document(s), " << c.events
                << " event(s), " << (c.first_seen.empty() ? "?" : c.first_seen) << " … "
                << (c.last_seen.empty() ? "?" : c.last_seen) << '\n';
      auto line = [](const char* label, const std::string& text) {
        if (!text.empty()) std::cout << "    " << label << ": " << text << '\n';
      };
      std::string aliases;
      for (const auto* list : {&c.acronyms, &c.aliases})
        for (const auto& a : *list) aliases += (aliases.empty() ? "" : "; ") + a;
      line("also", aliases);
      line("affiliation", c.affiliation);
      line("linked", links_of(c.links));
      line("may be", links_of(c.pack_matches));
      line("fought", names_of(c.fought));
      line("allied", names_of(c.allied));
      for (const auto& e : c.examples) line("e.g.", e.text);
      line("adopt", discover::adopt_command(c, all, o.db.shown()));
    }
  } else {
    throw std::invalid_argument("--format must be table or json, not '" + o.format.name + "'");
  }
  std::cerr << "faultline: " << all.size() << " candidate(s)\n";
  return 0;
}

}  // namespace

void add_discover_command(CLI::App& app, Action& action) {
  auto opts = std::make_shared<DiscoverOptions>();
  auto* cmd =
      app.add_subcommand("discover", "New actors: armed groups and leaders the packs do not know, with evidence");
  cmd->footer(
      "Lists the provisional actors (ids NEW_…) the coder gave to named organisations and titled persons\n"
      "no pack knows, linked across documents and languages, most documented first. With --accept NAME_OR_ID\n"
      "--id ID, writes the candidate into the user pack (the last --pack DIR, default packs/user) as\n"
      "actors.tsv rows; `faultline ingest --recode --pack DIR` then codes it as ID. See docs/new_actors.md.");
  opts->db.add_to(*cmd);
  opts->format.add_to(*cmd);
  cmd->add_option("--pack", opts->packs,
                  "Pack folder loaded after the bundled ones (repeatable); with --accept, the last "
                  "is the user pack written (created if missing)")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-packs", opts->no_default, "Do not load the bundled packs (core, geo, sahel)");
  cmd->add_option("--min-documents", opts->min_documents, "Only candidates named in at least N documents")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--accept", opts->accept, "Adopt the candidate with this id, name, alias or acronym");
  cmd->add_option("--id", opts->adoption.id,
                  "With --accept: the actor's id ([A-Z0-9_]+; a pack actor's id adds aliases to it)");
  cmd->add_option("--kind", opts->adoption.kind, "With --accept: the actor's kind (default: the guess)");
  cmd->add_option("--country", opts->adoption.country, "With --accept: its ISO3 country (default: the guess)");
  cmd->add_option("--sector", opts->adoption.sector, "With --accept: its sector (default: the guess)");
  cmd->callback([opts, &action] { action = [opts] { return run_discover(*opts); }; });
}

}  // namespace faultline::cli
