// Writing an adopted actor into a user pack (see user_pack.h).
#include "discover/user_pack.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "lexicon/tsv_file.h"
#include "text/fold.h"

namespace faultline::discover {

namespace fs = std::filesystem;

namespace {

const char* kHeader =
    "# A user pack: actors adopted with `faultline discover --accept` (format: docs/packs.md, actors.tsv).\n"
    "id\tname\tkind\tcountry\tsector\taliases\tnote\n";

// A cell may hold no TAB, newline or '|' (the list separator).
std::string cell(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r' || c == '|') c = ' ';
  return s;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_all(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) throw std::runtime_error(p.string() + ": cannot write");
}

const char* kRolesHeader =
    "# A user pack: roles of persons adopted with `faultline discover --accept` (format: docs/packs.md, roles.tsv).\n"
    "person\tactor\trole\tfrom\tto\n";

// The id of the organisation a person's affiliation names, when the packs know it: its coded id,
// else the one actor whose name or alias it is (a group adopted since); "" otherwise.
std::string affiliation_actor(const Candidate& c, const lexicon::Lexicon& lex) {
  if (c.affiliation.empty()) return "";
  if (!c.affiliation_id.empty() && lex.actor_index(c.affiliation_id) != lexicon::kNone) return c.affiliation_id;
  const std::string key = text::fold(c.affiliation);
  std::string found;
  for (const auto& row : lex.actors()) {
    bool named = text::fold(row.name) == key;
    for (const auto& alias : row.aliases) named = named || text::fold(alias) == key;
    if (!named || row.kind == "person") continue;
    if (!found.empty() && found != row.id) return "";  // two actors: not for us to choose
    found = row.id;
  }
  return found;
}

// A file's text, and putting it back as it was (or removing it when it did not exist).
struct Saved {
  fs::path path;
  bool existed = false;
  std::string text;
};

Saved save(const fs::path& p) {
  Saved s{p, fs::exists(p), ""};
  if (s.existed) s.text = read_all(p);
  return s;
}

void restore(const Saved& s) {
  if (s.existed)
    write_all(s.path, s.text);
  else
    fs::remove(s.path);
}

// Appends `row` to a TSV file, creating it with `header`.
void append_row(const Saved& before, const char* header, const std::string& row) {
  std::string after = before.existed ? before.text : std::string(header);
  if (!after.empty() && after.back() != '\n') after += '\n';
  write_all(before.path, after + row);
}

}  // namespace

Adopted adopt(const Candidate& c, const Adoption& a, const std::string& dir, const lexicon::Lexicon& lex,
              std::vector<std::string> packs) {
  static const std::regex id_re("[A-Z0-9_]+");
  if (!std::regex_match(a.id, id_re)) throw std::invalid_argument("--id must be [A-Z0-9_]+, not '" + a.id + "'");
  if (a.id.rfind("NEW_", 0) == 0)
    throw std::invalid_argument("--id: NEW_ ids are provisional; choose the actor's own id");
  fs::create_directories(dir);
  fs::path file = fs::path(dir) / "actors.tsv";
  const Saved actors = save(file);
  const Saved roles = save(fs::path(dir) / "roles.tsv");
  if (actors.existed) {
    auto f = lexicon::read_tsv(file.string(), {"id", "name", "kind", "country", "sector", "aliases", "note"});
    for (const auto& row : f.rows)
      if (row[0] == a.id)
        throw std::invalid_argument(file.string() + ":" + std::to_string(row.line) + ": already has '" + a.id + "'");
  }

  std::string name = c.name, kind = c.kind, country = c.country, sector = c.sector.empty() ? "REB" : c.sector;
  std::vector<std::string> aliases;
  const uint32_t known = lex.actor_index(a.id);
  if (known != lexicon::kNone) {
    // A pack actor under names the packs lacked: its own fields, the candidate's names as aliases.
    const auto& row = lex.actors()[known];
    aliases.push_back(c.name);
    name = row.name;
    kind = row.kind;
    country = row.country;
    sector = row.sector;
  }
  if (!a.kind.empty()) kind = a.kind;
  if (!a.country.empty()) country = a.country;
  if (!a.sector.empty()) sector = a.sector;
  for (const auto* list : {&c.aliases, &c.acronyms})
    for (const auto& x : *list)
      if (text::fold(x) != text::fold(name)) aliases.push_back(x);
  std::string alias_cell;
  for (const auto& x : aliases) alias_cell += (alias_cell.empty() ? "" : "|") + cell(x);
  std::string note = "adopted from " + std::to_string(c.documents) + " document(s), " + std::to_string(c.events) +
                     " event(s); first seen " + (c.first_seen.empty() ? "?" : c.first_seen) + " (was " + c.id + ")";
  std::string row = cell(a.id) + "\t" + cell(name) + "\t" + cell(kind) + "\t" + cell(country) + "\t" + cell(sector) +
                    "\t" + alias_cell + "\t" + cell(note) + "\n";
  append_row(actors, kHeader, row);
  Adopted out{file.string(), "", ""};
  // A new person acting for an organisation the packs know: the role the text showed.
  if (known == lexicon::kNone && kind == "person") {
    if (std::string org = affiliation_actor(c, lex); !org.empty()) {
      append_row(roles, kRolesHeader, cell(a.id) + "\t" + cell(org) + "\tmember\t" + cell(c.first_seen) + "\t\n");
      out.roles_file = roles.path.string();
      out.role_actor = org;
    }
  }

  if (std::find(packs.begin(), packs.end(), dir) == packs.end()) packs.push_back(dir);
  try {
    (void)lexicon::Lexicon::load(packs);
  } catch (...) {
    restore(actors);
    restore(roles);
    throw;
  }
  return out;
}

}  // namespace faultline::discover
