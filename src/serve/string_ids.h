// Interned strings: each distinct string gets a small id, so that the in-memory index compares
// and stores integers instead of strings. Id 0 is the empty string ("none").
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace faultline::serve {

class StringIds {
 public:
  static constexpr uint32_t kNone = 0;
  static constexpr uint32_t kUnknown = UINT32_MAX;  // a string that was never interned: matches nothing

  StringIds() { intern(""); }
  uint32_t intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    strings_.emplace_back(s);  // a deque never moves its elements, so the views stay valid
    auto id = static_cast<uint32_t>(strings_.size() - 1);
    ids_.emplace(strings_.back(), id);
    return id;
  }
  // The id of `s`, or kUnknown when it was never interned.
  uint32_t find(std::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? kUnknown : it->second;
  }
  const std::string& str(uint32_t id) const { return strings_[id]; }
  std::size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

}  // namespace faultline::serve
