// A per-client rate limit: a token bucket per client address that refills at `rate` requests a
// second up to `burst`. Thread-safe. Buckets of clients that went quiet are dropped now and then,
// so the table stays small.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace faultline::serve {

class RateLimiter {
 public:
  // rate 0 = no limit.
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst) {}
  // Whether the client may make a request now (and counts it); otherwise how many seconds until
  // it may, in `retry_after`.
  bool allow(const std::string& client, double& retry_after);
  bool allow(const std::string& client) {
    double ignored;
    return allow(client, ignored);
  }
  bool enabled() const { return rate_ > 0; }

 private:
  using Clock = std::chrono::steady_clock;
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  double rate_, burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_ = Clock::now();
};

}  // namespace faultline::serve
