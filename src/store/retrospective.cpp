#include "store/retrospective.h"

#include <chrono>

namespace faultline::store {

lexicon::PartialDate plus_months(const lexicon::PartialDate& d, int n) {
  using namespace std::chrono;
  const year_month ym = year(d.year) / month(static_cast<unsigned>(d.month)) + months(n);
  lexicon::PartialDate out{static_cast<int>(ym.year()), static_cast<int>(static_cast<unsigned>(ym.month())), d.day};
  const int month_end = static_cast<int>(static_cast<unsigned>((ym / std::chrono::last).day()));
  if (out.day > month_end) out.day = month_end;
  return out;
}

bool told_in_retrospect(const lexicon::PartialDate& date, const lexicon::PartialDate& published) {
  if (!date.known() || !published.known()) return false;
  lexicon::PartialDate end = date;
  if (!end.month) end.month = 12;  // a year ends in December
  return plus_months(end, kRetrospectiveMonths).last_key() < published.first_key();
}

}  // namespace faultline::store
