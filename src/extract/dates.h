// Date expressions in a sentence, resolved against the document's date and the narrative so far.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "text/token.h"

namespace faultline::extract {

using lexicon::PartialDate;

enum class DateRole : uint8_t {
  Event,        // "on 14 March", "in 2012": when something happened
  LowerBound,   // "since 2020", "until 2017": a bound, never an event's date
  Attributive,  // "the 2015 accord", "the 2012 rebellion": names a thing, not this event's time
  Background,   // "a day after <act>", "two weeks ago": the time of an act told in passing, which
                // dates that act but does not move the story's time
};

struct DateMention {
  uint32_t begin = 0;  // token range [begin, end)
  uint32_t end = 0;
  PartialDate date;
  DateRole role = DateRole::Event;
};

// What relative expressions resolve against.
struct DateContext {
  PartialDate publication;  // the document's date; "yesterday", "last month", "on Tuesday"
  PartialDate narrative;    // the latest date the text stated; "in December", "later that year"
  uint32_t narrative_age = 0;  // sentences since the narrative date was stated

  // A date after the publication date is a plan or a deadline, never the story's current time.
  bool after_publication(const PartialDate& d) const {
    return publication.known() && d.first_key() > publication.last_key();
  }
  // An event date moves the story's time to it, unless it lies in the future.
  void tell(const PartialDate& d) {
    if (after_publication(d)) return;
    narrative = d;
    narrative_age = 0;
  }
};

// Finds the date expressions among tokens[begin, end): absolute ("March 14, 2014", "14 mars 2014",
// "2022-03-02", "18/01/2012", "June 28th", "Feb. 6-7"), months and years ("in March 2022",
// "early 2023", "mid-2023", "end of March"), deictic ("yesterday", "on Thursday", "last month",
// "earlier this month", "hier", "le mois dernier"), anaphoric ones ("later that year", "the
// following March", "in December") and offsets from the story's date ("two days later", "the
// previous day", "la veille", "a day after <act>", "three days ago").
std::vector<DateMention> find_dates(const std::vector<text::Token>& tokens, uint32_t begin, uint32_t end,
                                    const DateContext& context);

// Whether a folded word names a month or a day of the week ("june", "juin", "sunday", "lundi").
bool is_calendar_word(const std::string& key);

// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty for an unknown date.
std::string format_date(const PartialDate& d);
// "day", "month", "year" or "unknown".
std::string date_precision(const PartialDate& d);

}  // namespace faultline::extract
