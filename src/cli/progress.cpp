#include "cli/progress.h"

#include <cstdio>
#include <string>

namespace faultline::cli {

void ProgressLine::update(const store::IngestProgress& p) {
  auto now = std::chrono::steady_clock::now();
  bool last = p.total && p.done >= p.total;
  if (shown_ && !last && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  char line[160];
  if (p.phase == "coding") {
    double rate = secs > 0 ? p.done / secs : 0;
    if (p.total) {
      double left = rate > 0 ? (p.total - std::min(p.done, p.total)) / rate : 0;
      std::snprintf(line, sizeof line, "ingest: %zu/%zu documents (%.0f%%), %.0f docs/s, ETA %d:%02d", p.done, p.total,
                    100.0 * p.done / p.total, rate, static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    } else {
      std::snprintf(line, sizeof line, "ingest: %zu documents, %.0f docs/s", p.done, rate);
    }
  } else if (p.total) {
    std::snprintf(line, sizeof line, "ingest: %s %zu/%zu blocks", p.phase.c_str(), p.done, p.total);
  } else {
    std::snprintf(line, sizeof line, "ingest: %s", p.phase == "graph" ? "rebuilding the graph" : p.phase.c_str());
  }
  out_ << "\r\033[K" << line << std::flush;
  shown_ = true;
}

void ProgressLine::done() {
  if (shown_) out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace faultline::cli
