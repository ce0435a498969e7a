// A document as one line of JSON Lines input, the format `faultline code` and `ingest` read:
// {"id", "text", "date"?, "title"?, "lang"?, "source"?, "url"?} (empty fields left out).
#pragma once

#include <string>

#include "coding/coder.h"

namespace faultline::io {

// One line, without its newline. The text must be valid UTF-8 (as read_documents makes it).
std::string document_json(const coding::Document& doc);

}  // namespace faultline::io
