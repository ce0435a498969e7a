#include "serve/rate_limiter.h"

#include <algorithm>

namespace faultline::serve {

bool RateLimiter::allow(const std::string& client, double& retry_after) {
  if (rate_ <= 0) return true;
  const auto now = now_();
  std::lock_guard<std::mutex> lock(mutex_);
  auto seconds = [](Clock::duration d) { return std::chrono::duration<double>(d).count(); };
  // A bucket that would be full again is the same as none.
  if (seconds(now - last_sweep_) > 60) {
    std::erase_if(buckets_, [&](const auto& kv) { return kv.second.tokens + seconds(now - kv.second.last) * rate_ >= burst_; });
    last_sweep_ = now;
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  b.tokens = std::min(burst_, b.tokens + seconds(now - b.last) * rate_);
  b.last = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  retry_after = (1 - b.tokens) / rate_;
  return false;
}

}  // namespace faultline::serve
