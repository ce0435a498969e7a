// The ingest progress line on a terminal: documents done of total, rate and time left, redrawn
// in place at most a few times a second.
#pragma once

#include <chrono>
#include <ostream>

#include "store/ingest.h"

namespace faultline::cli {

class ProgressLine {
 public:
  explicit ProgressLine(std::ostream& out) : out_(out), start_(std::chrono::steady_clock::now()) {}
  void update(const store::IngestProgress& p);
  // Clears the line.
  void done();

 private:
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

}  // namespace faultline::cli
