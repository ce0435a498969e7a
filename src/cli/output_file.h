// Where a command writes its output: standard output ("" or "-"), or a file written whole or not
// at all (beside the target, renamed over it at the end). A path that names no regular file — a
// device such as /dev/null, a FIFO — is written directly: renaming over it would replace the
// device with a plain file.
#pragma once

#include <fstream>
#include <ostream>
#include <string>

namespace faultline::cli {

class OutputFile {
 public:
  // Opens the output; false (with a message on standard error) when it cannot be written.
  bool open(const std::string& path);
  std::ostream& stream() { return out_ ? *out_ : file_; }
  // Flushes and, for a regular file, puts it in place; false (with a message) on a write error.
  bool commit();

 private:
  std::string path_;
  std::string partial_;  // "" = written in place (standard output or a special file)
  std::ofstream file_;
  std::ostream* out_ = nullptr;
};

}  // namespace faultline::cli
