#include "coding/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace faultline::coding {

unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& work) {
  std::size_t count = std::min<std::size_t>(std::max(1u, threads), n);
  if (count <= 1) {
    for (std::size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        next = n;  // the others finish the call they are in and stop
      }
    }
  };
  std::vector<std::jthread> helpers;
  for (std::size_t t = 1; t < count; ++t) helpers.emplace_back(run);
  run();
  helpers.clear();  // joins
  if (error) std::rethrow_exception(error);
}

}  // namespace faultline::coding
