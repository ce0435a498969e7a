// Fingerprints: a document's content hash (to tell an unchanged document from a changed one) and
// the stable ids of events. 64-bit FNV-1a with a final avalanche step: fast, dependency-free, and
// ample for change detection (not a defence against deliberately forged collisions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "coding/coder.h"

namespace faultline::store {

class Fingerprint {
 public:
  // Adds a field; fields are separated so that ("ab","c") and ("a","bc") differ.
  Fingerprint& add(std::string_view field);
  Fingerprint& add(int64_t field) { return add(std::string_view(std::to_string(field))); }
  uint64_t value() const;  // the state, mixed so that near-identical inputs give unrelated values
  std::string hex() const;  // 16 lower-case hex digits

 private:
  uint64_t h_ = 14695981039346656037ull;
};

// Every field the coder reads (or that the store keeps) takes part.
std::string document_hash(const coding::Document& doc);

}  // namespace faultline::store
