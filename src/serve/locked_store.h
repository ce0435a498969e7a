// The store shared by request threads: one connection, used by one request at a time (the
// store's connection is not meant for concurrent use). Only the relation queries, which depend on
// the requested period, go to the database; everything else is served from memory.
#pragma once

#include <memory>
#include <mutex>

#include "store/store.h"

namespace faultline::serve {

class LockedStore {
 public:
  explicit LockedStore(std::unique_ptr<store::Store> s) : store_(std::move(s)) {}
  template <typename F>
  auto with(F&& f) {
    std::lock_guard<std::mutex> lock(mutex_);
    return f(*store_);
  }

 private:
  std::mutex mutex_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace faultline::serve
