// Store connections shared by request threads. A connection is used by one request at a time (the
// store's connections are not meant for concurrent use), so the pool holds several: requests
// that read the store (a page of events, a document, relations) run side by side, and one slow
// query holds up only its own connection. Events read whole are kept a while (EventCache): the
// pages most asked for show the same events again and again.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "serve/event_cache.h"
#include "store/store.h"

namespace faultline::serve {

class StorePool {
 public:
  using Open = std::function<std::unique_ptr<store::Store>()>;
  // Keeps `first` and opens more connections with `open`, `size` in all (at least one).
  StorePool(std::unique_ptr<store::Store> first, const Open& open, std::size_t size) {
    if (!first) throw std::invalid_argument("StorePool: no store");
    free_.push_back(std::move(first));
    for (std::size_t k = 1; k < size; ++k) free_.push_back(open());
  }

  // Runs f(store) on a free connection, waiting for one when all are busy.
  template <typename F>
  auto with(F&& f) {
    Lease lease(*this);
    return f(*lease.store);
  }

  // Store::events_by_id through the cache.
  std::vector<store::EventView> events_by_id(const std::vector<std::string>& ids) {
    return cache_.get(ids, [&](const std::vector<std::string>& missing) {
      return with([&](store::Store& s) -> std::vector<store::EventView> { return s.events_by_id(missing); });
    });
  }

 private:
  // A connection taken from the pool for the lifetime of the lease, given back even when f throws.
  struct Lease {
    explicit Lease(StorePool& p) : pool(p) {
      std::unique_lock<std::mutex> lock(pool.mutex_);
      pool.available_.wait(lock, [&] { return !pool.free_.empty(); });
      store = std::move(pool.free_.back());
      pool.free_.pop_back();
    }
    ~Lease() {
      {
        std::lock_guard<std::mutex> lock(pool.mutex_);
        pool.free_.push_back(std::move(store));
      }
      pool.available_.notify_one();
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    StorePool& pool;
    std::unique_ptr<store::Store> store;
  };

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<store::Store>> free_;
  EventCache cache_{20'000};  // about 30 MB of events: the first screens and the tops of sorts
};

}  // namespace faultline::serve
