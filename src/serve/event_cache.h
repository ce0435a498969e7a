// The events the API read from the store lately, whole, kept for the next requests that show them
// (the page's first screens, the top of a sort, an event opened again): bounded, least recently
// used first out. The server is read-only, so an event read once stays right until a restart.
#pragma once

#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/records.h"

namespace faultline::serve {

class EventCache {
 public:
  explicit EventCache(std::size_t capacity) : capacity_(capacity) {}

  // The events with these ids, in that order (unknown ones left out): from the cache, and those
  // it lacks from `read` (one call for all of them), which are then kept.
  using Read = std::function<std::vector<store::EventView>(const std::vector<std::string>&)>;
  std::vector<store::EventView> get(const std::vector<std::string>& ids, const Read& read) {
    std::vector<std::string> missing;
    std::unordered_map<std::string, store::EventView> found;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (const auto& id : ids) {
        auto it = index_.find(id);
        if (it == index_.end()) {
          missing.push_back(id);
          continue;
        }
        lru_.splice(lru_.begin(), lru_, it->second);  // now the most recent
        found.emplace(id, *it->second);
      }
    }
    if (!missing.empty()) {
      auto fresh = read(missing);  // outside the lock: other requests go on meanwhile
      std::lock_guard<std::mutex> lock(mutex_);
      for (auto& v : fresh) {
        if (!index_.count(v.event.id)) {
          lru_.push_front(v);
          index_.emplace(v.event.id, lru_.begin());
          if (lru_.size() > capacity_) {
            index_.erase(lru_.back().event.id);
            lru_.pop_back();
          }
        }
        found.emplace(v.event.id, std::move(v));
      }
    }
    std::vector<store::EventView> out;
    out.reserve(ids.size());
    for (const auto& id : ids)
      if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
    return out;
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<store::EventView> lru_;  // most recent first
  std::unordered_map<std::string, std::list<store::EventView>::iterator> index_;
};

}  // namespace faultline::serve
