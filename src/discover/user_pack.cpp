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

}  // namespace

std::string adopt(const Candidate& c, const Adoption& a, const std::string& dir, const lexicon::Lexicon& lex,
                  std::vector<std::string> packs) {
  static const std::regex id_re("[A-Z0-9_]+");
  if (!std::regex_match(a.id, id_re)) throw std::invalid_argument("--id must be [A-Z0-9_]+, not '" + a.id + "'");
  if (a.id.rfind("NEW_", 0) == 0)
    throw std::invalid_argument("--id: NEW_ ids are provisional; choose the actor's own id");
  fs::create_directories(dir);
  fs::path file = fs::path(dir) / "actors.tsv";
  const bool existed = fs::exists(file);
  std::string before = existed ? read_all(file) : std::string();
  if (existed) {
    auto f = lexicon::read_tsv(file.string(), {"id", "name", "kind", "country", "sector", "aliases", "note"});
    for (const auto& row : f.rows)
      if (row[0] == a.id)
        throw std::invalid_argument(file.string() + ":" + std::to_string(row.line) + ": already has '" + a.id + "'");
  }

  std::string name = c.name, kind = c.kind, country = c.country, sector = c.sector.empty() ? "REB" : c.sector;
  std::vector<std::string> aliases;
  if (uint32_t known = lex.actor_index(a.id); known != lexicon::kNone) {
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
  std::string after = existed ? before : std::string(kHeader);
  if (!after.empty() && after.back() != '\n') after += '\n';
  write_all(file, after + row);

  if (std::find(packs.begin(), packs.end(), dir) == packs.end()) packs.push_back(dir);
  try {
    (void)lexicon::Lexicon::load(packs);
  } catch (...) {
    if (existed)
      write_all(file, before);
    else
      fs::remove(file);
    throw;
  }
  return file.string();
}

}  // namespace faultline::discover
