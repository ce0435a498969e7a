// The coder: one document in, its events out. Text → tokens → sentences → mentions, dates and
// predicates → arguments, places, tolls → events, with the document's discourse carried along.
#pragma once

#include <string>
#include <vector>

#include "coding/coded_event.h"
#include "lexicon/lexicon.h"

namespace faultline::coding {

struct Document {
  std::string id;
  std::string text;  // valid UTF-8
  std::string date;  // publication date, YYYY-MM-DD or empty
  std::string title;
  std::string lang;
  std::string source;
  std::string url;
};

class Coder {
 public:
  explicit Coder(const lexicon::Lexicon& lex) : lex_(lex) {}
  std::vector<CodedEvent> code(const Document& doc) const;

 private:
  const lexicon::Lexicon& lex_;
};

}  // namespace faultline::coding
