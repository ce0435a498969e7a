// Reading documents: JSON Lines or plain text, from files or standard input, with clear messages
// for whatever is wrong with them.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "coding/coder.h"

namespace faultline::io {

struct InputIssue {
  std::string where;    // "file:line" or "file"
  std::string message;
  bool skipped = false;  // the document (or line) was not coded; otherwise a repair or a warning
  std::string text() const { return where + ": " + (skipped ? "error: " : "warning: ") + message; }
};

struct ReadOptions {
  std::string default_date;  // for plain-text input, from --date
};

// Reads the documents of `path` ("-" = standard input) and hands each to `sink`. JSON Lines are
// recognised by extension (.jsonl, .ndjson, .json) or by a first character '{'; anything else is
// one plain-text document named after the file. Problems go to `issues`; nothing throws for bad
// input. Returns false when the file could not be opened at all.
bool read_documents(const std::string& path, const ReadOptions& options,
                    const std::function<void(coding::Document&&)>& sink, std::vector<InputIssue>& issues);

// The same from an open stream; `path` names it in messages and gives plain text its id and
// extension ("-" = standard input).
void read_documents(std::istream& in, const std::string& path, const ReadOptions& options,
                    const std::function<void(coding::Document&&)>& sink, std::vector<InputIssue>& issues);

}  // namespace faultline::io
