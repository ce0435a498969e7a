// A coded event: the output contract of `faultline code` as a C++ value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"

namespace faultline::coding {

struct CodedActor {
  std::string id;
  std::string name;
  std::string mention;
  std::string affiliation;  // for a person: the organisation they acted for
  std::string country;      // ISO3, empty = null
  std::string sector;
};

struct CodedLocation {
  std::string name;
  std::string admin1;   // empty = null
  std::string country;  // ISO3, empty = null
  double lat = 0;
  double lon = 0;
  bool has_coordinates = false;
  bool inferred = false;  // taken from an earlier sentence, not named in this one
};

struct CodedEvent {
  std::string doc;
  uint32_t sentence = 0;
  std::string evidence;
  uint32_t evidence_begin = 0;  // byte range of the sentence in the document
  uint32_t evidence_end = 0;
  std::string type;
  std::string mode;
  std::string acled_type;
  std::string acled_subtype;
  std::string cameo;
  lexicon::PartialDate date;
  std::vector<CodedActor> actor1;
  std::vector<CodedActor> actor2;
  std::optional<CodedLocation> location;
  std::optional<int64_t> fatalities;
  double confidence = 0;
  std::string pattern;  // the events.tsv pattern that matched, "file:line"
};

}  // namespace faultline::coding
