// libFuzzer target: arbitrary bytes (repaired to UTF-8 as the readers do) as a document's text,
// coded with the bundled packs; the coder must never crash and every event must point inside
// the document.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "coding/coder.h"
#include "lexicon/lexicon.h"
#include "text/utf8.h"

namespace {
const faultline::lexicon::Lexicon& packs() {
  static const faultline::lexicon::Lexicon lex = [] {
    std::string root = FAULTLINE_PACK_DIR;
    return faultline::lexicon::Lexicon::load({root + "/core", root + "/geo", root + "/sahel"});
  }();
  return lex;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  faultline::coding::Document doc;
  doc.id = "fuzz";
  doc.date = size && data[0] % 2 ? "2023-11-16" : "";
  doc.lang = size && data[0] % 3 == 0 ? "fr" : "";
  doc.text = faultline::text::repair_utf8(std::string(reinterpret_cast<const char*>(data), size), nullptr);
  for (const auto& e : faultline::coding::Coder(packs()).code(doc))
    if (e.evidence_end > doc.text.size() || e.evidence_begin > e.evidence_end) std::abort();
  return 0;
}
