// The bundled packs (core, geo, sahel) of the source tree, for tests that code or check with the
// real vocabulary rather than the mini test pack (tests/data/packs/mini).
#pragma once

#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace faultline::test_support {

inline std::vector<std::string> bundled_pack_dirs() {
  const std::string root = FAULTLINE_PACK_DIR;
  return {root + "/core", root + "/geo", root + "/sahel"};
}

// Loaded once per test process.
inline const lexicon::Lexicon& bundled_lexicon() {
  static const lexicon::Lexicon l = lexicon::Lexicon::load(bundled_pack_dirs());
  return l;
}

}  // namespace faultline::test_support
