// The words that build names of actors no pack knows (packs/core/name_words.tsv): organisational
// head words, persons' titles, common name words with their English equivalents, connectors,
// name particles and words that never begin a name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace faultline::lexicon {

enum NameWordRole : uint8_t {
  kHeadWord = 1,
  kTitleWord = 2,
  kCommonWord = 4,
  kConnector = 8,
  kParticle = 16,
  kStopWord = 32,
};

struct NameWord {
  uint8_t roles = 0;     // NameWordRole bits
  std::string english;   // English equivalent (the folded word itself when none is given)
  std::string sector;    // head and title: the sector guessed
  std::string kind;      // head: the actor kind guessed (group, coalition)
};

class NameWords {
 public:
  // Adds the rows of one name_words.tsv. Throws PackError naming file and line.
  void load(const std::string& path);
  // The entry of a folded word, or nullptr.
  const NameWord* find(std::string_view key) const;
  bool has(std::string_view key, NameWordRole role) const {
    const NameWord* w = find(key);
    return w && (w->roles & role);
  }
  // The English equivalent of a folded word (the word itself when the table has none).
  std::string english(std::string_view key) const;
  bool empty() const { return words_.empty(); }

 private:
  std::unordered_map<std::string, NameWord> words_;
};

}  // namespace faultline::lexicon
