// Counts over a period are no events: "jihadists have killed more than 2,000 people since 2012",
// "300,000 civilians were killed in the war between 2011 and 2021", "since January the group has
// carried out 40 attacks". Such a sentence sums many acts; coded, it would be one event with the
// whole toll, dated to the day of publication, and every total would count it again.
#pragma once

#include <cstdint>
#include <vector>

#include "extract/dates.h"
#include "extract/predicates.h"
#include "lexicon/lexicon.h"
#include "text/token.h"

namespace faultline::extract {

// Whether the predicate sums acts over a period: the sentence spans years ("between 2011 and
// 2021"), or it opens a period up to now (a `period_opener` of cues.tsv: "since 2012", "depuis
// janvier") and the predicate is in a perfect tense ("have killed", "a tué") — unless the sentence
// dates an act to the day ("attacked Boulkessi on Sunday, its deadliest attack since 2019").
bool sums_a_period(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens, uint32_t begin,
                   const std::vector<DateMention>& dates, const Predicate& predicate);

}  // namespace faultline::extract
