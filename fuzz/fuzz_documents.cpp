// libFuzzer target: arbitrary bytes as an input file (JSON Lines, plain text or HTML by content)
// must be read without crashing, every problem reported as an issue.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "io/documents.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  std::vector<faultline::io::InputIssue> issues;
  std::size_t docs = 0;
  // The first byte picks the name the input goes by, so each reader is reached.
  static const char* kNames[] = {"input.jsonl", "input.txt", "input.html", "-"};
  faultline::io::ReadOptions options;
  options.default_date = "2024-01-10";
  faultline::io::read_documents(in, kNames[size ? data[0] % 4 : 0], options,
                                [&](faultline::coding::Document&& d) { docs += d.text.size() > 0; }, issues);
  return 0;
}
