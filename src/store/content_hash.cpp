#include "store/content_hash.h"

namespace faultline::store {

Fingerprint& Fingerprint::add(std::string_view field) {
  for (unsigned char c : field) {
    h_ ^= c;
    h_ *= 1099511628211ull;
  }
  // A separator byte that valid UTF-8 text never contains.
  h_ ^= 0xFF;
  h_ *= 1099511628211ull;
  return *this;
}

uint64_t Fingerprint::value() const {
  // The splitmix64 finalizer: FNV alone leaves inputs that differ in their last bytes with
  // similar high bits.
  uint64_t z = h_;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

std::string Fingerprint::hex() const {
  static const char* digits = "0123456789abcdef";
  const uint64_t v = value();
  std::string out(16, '0');
  for (int i = 15, shift = 0; i >= 0; --i, shift += 4) out[i] = digits[(v >> shift) & 0xF];
  return out;
}

std::string document_hash(const coding::Document& doc) {
  return Fingerprint()
      .add(doc.id)
      .add(doc.text)
      .add(doc.date)
      .add(doc.title)
      .add(doc.lang)
      .add(doc.source)
      .add(doc.url)
      .hex();
}

}  // namespace faultline::store
