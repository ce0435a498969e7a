// The command line that adopts a candidate (`faultline discover --db DB --accept NAME --id ID`),
// quoted for a POSIX shell, for an analyst to copy: by its name, or by its provisional id when
// the name would pick another candidate first.
#pragma once

#include <string>
#include <vector>

#include "discover/candidates.h"

namespace faultline::discover {

std::string adopt_command(const Candidate& c, const std::vector<Candidate>& all, const std::string& db);

// `s` as one word of a POSIX shell: bare when it holds only safe characters, else in single quotes.
std::string shell_word(const std::string& s);

}  // namespace faultline::discover
