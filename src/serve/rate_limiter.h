// A per-client rate limit: a token bucket per client address that refills at `rate` requests a
// second up to `burst`. Thread-safe. Buckets of clients that went quiet are dropped now and then,
// so the table stays small.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace faultline::serve {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // Where the limiter reads the time: the steady clock, or a test's own clock.
  using Now = std::function<Clock::time_point()>;
  // rate 0 = no limit.
  RateLimiter(double rate, double burst, Now now = Clock::now)
      : rate_(rate), burst_(burst), now_(std::move(now)), last_sweep_(now_()) {}
  // Whether the client may make a request now (and counts it); otherwise how many seconds until
  // it may, in `retry_after`.
  bool allow(const std::string& client, double& retry_after);
  bool allow(const std::string& client) {
    double ignored;
    return allow(client, ignored);
  }
  bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  double rate_, burst_;
  Now now_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_;
};

}  // namespace faultline::serve
