// Retrospective reports: an event told long after it happened ("in March 2012 the MNLA took
// Tessalit", written in 2024). Its date and wording are background, not news: control opens no
// interval from such an event, and deduplication joins such a report to an event only on full
// agreement (docs/store.md, "Deduplication" and "Territorial control").
#pragma once

#include "lexicon/lexicon.h"

namespace faultline::store {

// A report published this long after the end of the period its date gives is told in retrospect.
inline constexpr int kRetrospectiveMonths = 3;

// The date `n` months after `d`, at d's precision (a day past the month's end is its last day).
// `d` must have a month.
lexicon::PartialDate plus_months(const lexicon::PartialDate& d, int n);

// Whether something dated `date` and first published on `published` is told in retrospect:
// published more than kRetrospectiveMonths after the last day `date` allows. False when either
// date is unknown.
bool told_in_retrospect(const lexicon::PartialDate& date, const lexicon::PartialDate& published);

}  // namespace faultline::store
