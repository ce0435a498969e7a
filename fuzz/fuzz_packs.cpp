// libFuzzer target: arbitrary bytes as a pack file. Loading must either succeed or throw
// PackError (with a file and line) — never crash, never throw anything else.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "lexicon/lexicon.h"
#include "lexicon/tsv_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  static const char* kFiles[] = {"actors.tsv", "countries.tsv", "agents.tsv", "places.tsv", "events.tsv",
                                 "events_fr.tsv", "roles.tsv", "memberships.tsv", "cues.tsv", "plover_map.tsv",
                                 "irregular_verbs.tsv", "irregular_verbs_fr.tsv"};
  if (size == 0) return 0;
  static const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("faultline_fuzz_pack_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / kFiles[data[0] % 12], std::ios::binary);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  try {
    auto lex = faultline::lexicon::Lexicon::load({dir.string()});
  } catch (const faultline::lexicon::PackError&) {
  }
  return 0;
}
