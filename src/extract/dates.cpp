#include "extract/dates.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <unordered_map>

#include "extract/numbers.h"

namespace faultline::extract {
namespace {

using text::Token;

int month_of(const std::string& k) {
  static const std::unordered_map<std::string, int> kMonths = {
      {"january", 1},  {"jan", 1},      {"february", 2}, {"feb", 2},      {"march", 3},     {"mar", 3},
      {"april", 4},    {"apr", 4},      {"may", 5},      {"june", 6},     {"jun", 6},       {"july", 7},
      {"jul", 7},      {"august", 8},   {"aug", 8},      {"september", 9}, {"sept", 9},     {"sep", 9},
      {"october", 10}, {"oct", 10},     {"november", 11}, {"nov", 11},    {"december", 12}, {"dec", 12},
      {"janvier", 1},  {"fevrier", 2},  {"mars", 3},     {"avril", 4},    {"mai", 5},       {"juin", 6},
      {"juillet", 7},  {"aout", 8},     {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"decembre", 12}};
  auto it = kMonths.find(k);
  return it == kMonths.end() ? 0 : it->second;
}

int weekday_of(const std::string& k) {  // 0 = Sunday, as std::chrono::weekday
  static const std::unordered_map<std::string, int> kDays = {
      {"sunday", 0},   {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4}, {"friday", 5},
      {"saturday", 6}, {"dimanche", 0}, {"lundi", 1},  {"mardi", 2},     {"mercredi", 3}, {"jeudi", 4},
      {"vendredi", 5}, {"samedi", 6}};
  auto it = kDays.find(k);
  return it == kDays.end() ? -1 : it->second;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int year_of(const Token& t) {
  if (t.key.size() != 4 || !all_digits(t.key)) return 0;
  int y = std::stoi(t.key);
  return (y >= 1900 && y <= 2099) ? y : 0;
}

// "14", "14th", "1er", "6-7" (first day of a range).
int day_of(const Token& t) {
  std::string k = t.key;
  if (auto dash = k.find('-'); dash != std::string::npos) {
    if (!all_digits(k.substr(dash + 1))) return 0;
    k = k.substr(0, dash);
  }
  for (const char* suffix : {"st", "nd", "rd", "th", "er"}) {
    std::string s(suffix);
    if (k.size() > s.size() && k.compare(k.size() - s.size(), s.size(), s) == 0) {
      k.resize(k.size() - s.size());
      break;
    }
  }
  if (k.empty() || k.size() > 2 || !all_digits(k)) return 0;
  int d = std::stoi(k);
  return (d >= 1 && d <= 31) ? d : 0;
}

std::chrono::sys_days to_days(const PartialDate& d) {
  using namespace std::chrono;
  return sys_days{year{d.year} / month{static_cast<unsigned>(d.month ? d.month : 1)} /
                  day{static_cast<unsigned>(d.day ? d.day : 1)}};
}

PartialDate from_days(std::chrono::sys_days days) {
  std::chrono::year_month_day ymd{days};
  return PartialDate{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
                     static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

PartialDate add_months(PartialDate d, int n) {
  int m = d.year * 12 + (d.month - 1) + n;
  return PartialDate{m / 12, m % 12 + 1, 0};
}

bool valid_day(int y, int m, int d) {
  using namespace std::chrono;
  return year_month_day{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}}.ok();
}

class Scanner {
 public:
  Scanner(const std::vector<Token>& t, uint32_t begin, uint32_t end, const DateContext& c)
      : tok_(t), begin_(begin), end_(end), ctx_(c) {}

  std::vector<DateMention> run() {
    std::vector<DateMention> out;
    for (uint32_t i = begin_; i < end_;) {
      DateMention m;
      if (try_at(i, m) && m.date.known()) {
        classify(m);
        out.push_back(m);
        // Later dates of the same sentence read against this one ("In 2012 … on June 28th").
        if (m.role == DateRole::Event) {
          ctx_.tell(m.date);
          anchored_ = true;
        }
        i = m.end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const std::string& key(uint32_t i) const {
    static const std::string empty;
    return i < end_ ? tok_[i].key : empty;
  }
  bool is(uint32_t i, std::initializer_list<const char*> words) const {
    if (i >= end_) return false;
    for (auto* w : words)
      if (tok_[i].key == w) return true;
    return false;
  }
  // Skips the full stop of "Feb." and a comma.
  uint32_t skip_dot(uint32_t i) const { return (i < end_ && tok_[i].key == ".") ? i + 1 : i; }
  uint32_t skip_comma(uint32_t i) const { return (i < end_ && tok_[i].key == ",") ? i + 1 : i; }

  PartialDate narrative() const { return ctx_.narrative.known() ? ctx_.narrative : ctx_.publication; }

  // The year of a month named without one: the narrative's year, or for news (no narrative date
  // yet) the latest such month not after publication.
  int year_for_month(int month) const {
    // A month or day named without a year follows the story's recent dates; in news, a story date
    // stated long ago (background) gives way to the publication date.
    constexpr uint32_t kNarrativeSpan = 4;
    if (ctx_.narrative.known() && (ctx_.narrative_age <= kNarrativeSpan || !ctx_.publication.known()))
      return ctx_.narrative.year;
    const auto& p = ctx_.publication;
    if (!p.known()) return 0;
    return (p.month && month > p.month) ? p.year - 1 : p.year;
  }

  bool month_word_ok(uint32_t i) const {
    // "may" and "march" are also verbs: a capital letter is required, and "May" needs a date
    // context around it.
    const auto& t = tok_[i];
    if (!t.capitalized) return t.key != "may" && t.key != "march" && t.key != "mars" && t.key != "mai";
    if (t.key == "may" || t.key == "mai") {
      bool before = i > begin_ && (is(i - 1, {"in", "of", "since", "early", "late", "mid", "last", "next", "this",
                                              "until", "by", "en", "de", "depuis", "le", "fin", "debut", "mi", "that",
                                              "following", "during", "end"}));
      bool after = i + 1 < end_ && (day_of(tok_[i + 1]) || year_of(tok_[i + 1]));
      return before || after;
    }
    return true;
  }

  bool try_at(uint32_t i, DateMention& m) {
    m.begin = i;
    if (try_offset(i, m)) return true;
    const Token& t = tok_[i];
    // ISO date "2022-03-02" or "2022-03"
    if (t.number && t.key.size() >= 7 && t.key[4] == '-') {
      if (auto d = lexicon::parse_partial_date(t.key); d && d->year >= 1900 && (!d->day || valid_day(d->year, d->month, d->day))) {
        m.date = *d;
        m.end = i + 1;
        return true;
      }
    }
    // Day-first numeric "18/01/2012"
    if (t.number && is(i + 1, {"/"}) && i + 4 < end_ + 0 && is(i + 3, {"/"})) {
      int d = day_of(t), mo = all_digits(key(i + 2)) ? std::stoi(key(i + 2).substr(0, 2)) : 0;
      int y = year_of(tok_[i + 4]);
      if (d && mo >= 1 && mo <= 12 && y && valid_day(y, mo, d)) {
        m.date = {y, mo, d};
        m.end = i + 5;
        return true;
      }
    }
    // Month-led: "March 14, 2014", "March 2022", "June 28th", "March"
    if (int mo = month_of(t.key); mo && month_word_ok(i)) {
      uint32_t j = skip_dot(i + 1);
      if (j < end_ && day_of(tok_[j]) && !year_of(tok_[j])) {
        int d = day_of(tok_[j]);
        uint32_t k = skip_comma(j + 1);
        int y = k < end_ ? year_of(tok_[k]) : 0;
        m.end = y ? k + 1 : j + 1;
        if (!y) y = year_for_month(mo);
        if (!y || !valid_day(y, mo, d)) return false;
        m.date = {y, mo, d};
        return true;
      }
      if (j < end_ && year_of(tok_[j])) {
        m.date = {year_of(tok_[j]), mo, 0};
        m.end = j + 1;
        return true;
      }
      // a month alone: "in December", "the following March"
      int y = 0;
      if (i > begin_ && is(i - 1, {"following", "next"})) {
        PartialDate n = narrative();
        if (n.known()) y = n.year + ((n.month && mo <= n.month) ? 1 : 0);
        m.begin = i - 1;
        if (i >= begin_ + 2 && is(i - 2, {"the"})) m.begin = i - 2;
      } else if (i > begin_ && is(i - 1, {"last"}) && ctx_.publication.known()) {
        const auto& p = ctx_.publication;
        y = (p.month && mo < p.month) ? p.year : p.year - 1;
        m.begin = i - 1;
      } else {
        y = year_for_month(mo);
      }
      if (!y) return false;
      m.date = {y, mo, 0};
      m.end = j;
      return true;
    }
    // Day-led: "14 March 2014", "18 janvier 2012", "28 June"
    if (int d = day_of(t); d && !year_of(t)) {
      uint32_t j = i + 1;
      if (is(j, {"of"})) ++j;
      if (j < end_) {
        if (int mo = month_of(tok_[j].key); mo && month_word_ok(j)) {
          uint32_t k = skip_comma(skip_dot(j + 1));
          int y = k < end_ ? year_of(tok_[k]) : 0;
          m.end = y ? k + 1 : skip_dot(j + 1);
          if (!y) y = year_for_month(mo);
          if (!y || !valid_day(y, mo, d)) return false;
          m.date = {y, mo, d};
          return true;
        }
      }
    }
    // "mid-2023", "mid-February", "early-2020"
    if (auto dash = t.key.find('-'); dash != std::string::npos && dash > 0) {
      std::string head = t.key.substr(0, dash), rest = t.key.substr(dash + 1);
      if (head == "mid" || head == "early" || head == "late") {
        if (rest.size() == 4 && all_digits(rest)) {
          m.date = {std::stoi(rest), 0, 0};
          m.end = i + 1;
          return m.date.year >= 1900;
        }
        if (int mo = month_of(rest)) {
          uint32_t j = i + 1;
          int y = j < end_ ? year_of(tok_[j]) : 0;
          m.end = y ? j + 1 : j;
          if (!y) y = year_for_month(mo);
          if (!y) return false;
          m.date = {y, mo, 0};
          return true;
        }
      }
    }
    if (int y = year_of(t)) {
      m.date = {y, 0, 0};
      m.end = i + 1;
      return true;
    }
    return try_relative(i, m);
  }

  bool try_relative(uint32_t i, DateMention& m) {
    const PartialDate& pub = ctx_.publication;
    const Token& t = tok_[i];
    // Weekdays: the latest such day up to the publication date.
    // English weekdays are capitalised; French ones are not ("mardi").
    bool french = t.key.ends_with("di") || t.key == "dimanche";
    if (int wd = weekday_of(t.key); wd >= 0 && pub.known() && pub.day && (t.capitalized || french)) {
      using namespace std::chrono;
      sys_days p = to_days(pub);
      unsigned pw = weekday{p}.c_encoding();
      int back = (static_cast<int>(pw) - wd + 7) % 7;
      if (i > begin_ && is(i - 1, {"last"})) back = back == 0 ? 7 : back;
      if (i + 1 < end_ && is(i + 1, {"dernier"})) back = back == 0 ? 7 : back;  // "mardi dernier"
      m.date = from_days(p - days{back});
      m.end = i + 1;
      return true;
    }
    // "at the weekend", "last weekend", "ce week-end", "le week-end dernier": the weekend's
    // Saturday, the latest up to the publication date (a report of its Sunday is a day from it,
    // as near as dedup needs); "last weekend" said on a weekend is the one before.
    if (is(i, {"weekend", "week-end"}) && pub.known() && pub.day) {
      using namespace std::chrono;
      const sys_days p = to_days(pub);
      const int wd = static_cast<int>(weekday{p}.c_encoding());
      int back = (wd - 6 + 7) % 7;
      const bool before = (i > begin_ && is(i - 1, {"last"})) || is(i + 1, {"dernier"});
      if (before && back <= 1) back += 7;
      m.date = from_days(p - days{back});
      m.end = is(i + 1, {"dernier"}) ? i + 2 : i + 1;
      return true;
    }
    if (!pub.known()) return false;
    auto set = [&](PartialDate d, uint32_t end) {
      m.date = d;
      m.end = end;
      return true;
    };
    if (is(i, {"yesterday", "hier"}) && pub.day) return set(from_days(to_days(pub) - std::chrono::days{1}), i + 1);
    if (is(i, {"today", "aujourd'hui", "currently", "actuellement"}) && pub.day) return set(pub, i + 1);
    if (is(i, {"at"}) && is(i + 1, {"present"}) && pub.day) return set(pub, i + 2);
    if (is(i, {"tonight", "overnight"}) && pub.day) return set(pub, i + 1);
    PartialDate n = narrative();
    // "last month|week|year", "this month", "earlier this month", "next month"
    if (is(i, {"last", "this", "next", "past"}) && i + 1 < end_) {
      const auto& unit = key(i + 1);
      int dir = is(i, {"last", "past"}) ? -1 : is(i, {"next"}) ? 1 : 0;
      if (unit == "month" && pub.month) return set(add_months(pub, dir), i + 2);
      if (unit == "year") return set(PartialDate{pub.year + dir, 0, 0}, i + 2);
      if (unit == "week" && pub.day) {
        auto d = from_days(to_days(pub) + std::chrono::days{7 * dir});
        d.day = 0;
        return set(d, i + 2);
      }
    }
    // French: "le mois dernier", "l'année dernière", "la semaine dernière"
    if (is(i, {"mois", "annee", "semaine"}) && is(i + 1, {"dernier", "derniere", "passe", "passee"})) {
      if (key(i) == "mois" && pub.month) return set(add_months(pub, -1), i + 2);
      if (key(i) == "annee") return set(PartialDate{pub.year - 1, 0, 0}, i + 2);
      if (key(i) == "semaine" && pub.day) {
        auto d = from_days(to_days(pub) - std::chrono::days{7});
        d.day = 0;
        return set(d, i + 2);
      }
    }
    // Anaphoric: "that year", "the same month", "the following year", "the next day"
    if (is(i, {"that", "same", "following", "next"}) && i + 1 < end_ && n.known()) {
      const auto& unit = key(i + 1);
      bool forward = is(i, {"following", "next"});
      if (unit == "year") return set(PartialDate{n.year + (forward ? 1 : 0), 0, 0}, i + 2);
      if (unit == "month" && n.month) return set(forward ? add_months(n, 1) : PartialDate{n.year, n.month, 0}, i + 2);
      if (unit == "day" && n.day) return set(forward ? from_days(to_days(n) + std::chrono::days{1}) : n, i + 2);
    }
    return false;
  }

  enum class Unit : uint8_t { None, Day, Week, Month, Year };
  // Called at every token (see try_offset): the first letter sorts out most words at once.
  static Unit unit_of(const std::string& k) {
    if (k.size() < 2 || k.size() > 8) return Unit::None;
    switch (k[0]) {
      case 'd': return k == "day" || k == "days" ? Unit::Day : Unit::None;
      case 'j': return k == "jour" || k == "jours" ? Unit::Day : Unit::None;
      case 'w': return k == "week" || k == "weeks" ? Unit::Week : Unit::None;
      case 's': return k == "semaine" || k == "semaines" ? Unit::Week : Unit::None;
      case 'm': return k == "month" || k == "months" || k == "mois" ? Unit::Month : Unit::None;
      case 'y': return k == "year" || k == "years" ? Unit::Year : Unit::None;
      case 'a': return k == "an" || k == "ans" || k == "annee" || k == "annees" ? Unit::Year : Unit::None;
      default: return Unit::None;
    }
  }

  static PartialDate shift(const PartialDate& d, Unit unit, int n) {
    using std::chrono::days;
    switch (unit) {
      case Unit::Day:
      case Unit::Week: {
        if (!d.day) return d;  // "two days later" than a month is that month
        return from_days(to_days(d) + days{(unit == Unit::Week ? 7 : 1) * n});
      }
      case Unit::Month: return d.month ? add_months(d, n) : d;
      case Unit::Year: return PartialDate{d.year + n, 0, 0};
      case Unit::None: break;
    }
    return d;
  }

  // An offset from the story's date: "the previous day", "the day before", "la veille", "le
  // lendemain"; "two days later", "a week earlier", "deux jours plus tard", "three days ago" (from
  // publication); and "one day after <act>" following a date of the same sentence ("raided Gao on
  // Saturday, one day after shelling Ansongo"), which dates the act after it: a day before.
  bool try_offset(uint32_t i, DateMention& m) {
    // Every offset has a unit word ("days", "semaine") or "veille"/"lendemain" within its first
    // three tokens: a cheap test before reading counts at every token.
    bool unit_near = false;
    for (uint32_t k = i; k < end_ && k < i + 3 && !unit_near; ++k)
      unit_near = unit_of(tok_[k].key) != Unit::None || tok_[k].key == "veille" || tok_[k].key == "lendemain";
    if (!unit_near) return false;
    // Offsets count from a date the text stated, never from publication (except "ago"); one that
    // lands after publication is no event date.
    const PartialDate& n = ctx_.narrative;
    auto set = [&](PartialDate d, uint32_t end) {
      if (ctx_.after_publication(d)) return false;
      m.date = d;
      m.end = end;
      return true;
    };
    if (!n.known()) return ago(i, set, m);
    if (is(i, {"previous", "preceding"}) && is(i + 1, {"day"})) return set(shift(n, Unit::Day, -1), i + 2);
    if (i > begin_ && is(i - 1, {"the"}) && is(i, {"day"}) && is(i + 1, {"before", "earlier"}) &&
        (i + 2 >= end_ || !tok_[i + 2].word))
      return set(shift(n, Unit::Day, -1), i + 2);
    if (i > begin_ && is(i - 1, {"la"}) && is(i, {"veille"})) return set(shift(n, Unit::Day, -1), i + 1);
    if (i > begin_ && is(i - 1, {"le"}) && is(i, {"lendemain"})) return set(shift(n, Unit::Day, 1), i + 1);
    // a count, a unit, a direction
    uint32_t len = 0;
    int count = 0;
    if (is(i, {"a", "an", "one", "un", "une"})) {
      count = 1;
      len = 1;
    } else if (auto c = read_count(tok_, i, end_); c && !c->vague && c->value > 0 && c->value < 100) {
      count = static_cast<int>(c->value);
      len = c->length;
    }
    if (!count) return false;
    Unit unit = unit_of(key(i + len));
    if (unit == Unit::None) return false;
    uint32_t d = i + len + 1;
    if (is(d, {"later", "afterwards", "apres"}) || (is(d, {"plus"}) && is(d + 1, {"tard"})))
      return set(shift(n, unit, count), d + (is(d, {"plus"}) ? 2 : 1));
    bool preposition = is(d, {"after", "before", "avant"}) && d + 1 < end_ && tok_[d + 1].word;
    int sign = is(d, {"after"}) ? 1 : -1;
    if (preposition && !opens_sentence(i)) {
      // "…, one day after <act>": the act came one day before the story's date
      m.role = DateRole::Background;
      return set(shift(n, unit, -sign * count), d + 1);
    }
    // "two days later, …", "two days after the attack, …": the clause's own time
    if (preposition) return set(shift(n, unit, sign * count), d + 1);
    if (is(d, {"earlier", "prior", "auparavant"}) || (is(d, {"plus"}) && is(d + 1, {"tot"})))
      return set(shift(n, unit, -count), d + (is(d, {"plus"}) ? 2 : 1));
    return ago(i, set, m);
  }

  // Whether the phrase at i opens its sentence ("Two days after the attack, …"), over a few
  // hedges ("Just two days after").
  bool opens_sentence(uint32_t i) const {
    uint32_t k = i;
    while (k > begin_ && k - i < 3 && is(k - 1, {"just", "only", "some", "about", "nearly", "almost", "barely"})) --k;
    return k == begin_;
  }

  // "three days ago", "il y a trois jours": counted back from publication; told in passing, so the
  // story's time stays.
  template <typename Set>
  bool ago(uint32_t i, Set& set, DateMention& m) const {
    const PartialDate& pub = ctx_.publication;
    if (!pub.known()) return false;
    int count = 0;
    uint32_t len = 0;
    if (is(i, {"a", "an", "one", "un", "une"})) {
      count = 1;
      len = 1;
    } else if (auto c = read_count(tok_, i, end_); c && !c->vague && c->value > 0 && c->value < 100) {
      count = static_cast<int>(c->value);
      len = c->length;
    }
    Unit unit = count ? unit_of(key(i + len)) : Unit::None;
    if (unit == Unit::None) return false;
    uint32_t d = i + len + 1;
    bool il_y_a = i >= begin_ + 3 && is(i - 3, {"il"}) && is(i - 2, {"y"}) && is(i - 1, {"a"});
    if (!is(d, {"ago"}) && !il_y_a) return false;
    m.role = DateRole::Background;
    return set(shift(pub, unit, -count), il_y_a ? d : d + 1);
  }

  // Decides the role of a mention from the words around it.
  void classify(DateMention& m) const {
    uint32_t before = m.begin;
    // Absorb modifiers in front: "early 2023", "the end of March", "in late May"
    while (before > begin_ && is(before - 1, {"early", "late", "mid", "end", "beginning", "start", "of", "the",
                                              "debut", "fin", "mi", "au", "courant"}))
      --before;
    uint32_t prev = before > begin_ ? before - 1 : end_;
    // "since at least 2019", "until as late as 2021"
    if (prev != end_ && prev >= begin_ + 2 && is(prev, {"least", "late", "early"}) && is(prev - 1, {"at", "as"}))
      prev = prev >= begin_ + 3 && is(prev - 2, {"as"}) ? prev - 3 : prev - 2;
    if (prev != end_ && is(prev, {"since", "until", "till", "depuis", "jusqu'en", "jusqu'au", "before", "avant",
                                  "into", "through"})) {
      m.role = DateRole::LowerBound;
      return;
    }
    // "from March to May 2022": the second date closes a range that the first opened.
    if (prev != end_ && is(prev, {"to", "a"})) {
      for (uint32_t k = prev; k > begin_ && prev - k < 8; --k)
        if (is(k - 1, {"from", "de", "du"})) {
          m.role = DateRole::LowerBound;
          return;
        }
    }
    // A bare year directly before a word that is no preposition names a thing: "the 2015 accord";
    // so does any date between "the" and a noun: "the July 28, 2013 presidential election".
    bool bare_year = m.end == m.begin + 1 && m.date.month == 0 && year_of(tok_[m.begin]);
    bool after_article = m.begin > begin_ && is(m.begin - 1, {"the", "its", "their", "le", "la", "les"});
    if ((bare_year || after_article) && m.end < end_) {
      const Token& next = tok_[m.end];
      static const char* kFollowers[] = {",", ".", ";", ":", ")", "and", "or", "to", "when", "after", "before",
                                          "as", "the", "a", "in", "on", "at", "with", "by", "for", "from",
                                          "-", "that", "which", "while", "until", "et", "ou", "lorsque", "quand",
                                          "into", "against", "over", "under", "during", "through", "amid",
                                          "despite", "following", "but", "then", "because", "since", "so",
                                          "alone", "only", "onwards", "onward", "its", "their", "his", "her",
                                          "this", "these", "those", "an", "they", "it", "he", "she", "we",
                                          "all", "both", "most", "many", "some", "several", "also"};
      bool ok = false;
      for (auto* f : kFollowers) ok = ok || next.key == f;
      if (!ok && next.word && !next.number) m.role = DateRole::Attributive;
    }
  }

  const std::vector<Token>& tok_;
  uint32_t begin_, end_;
  DateContext ctx_;
  bool anchored_ = false;  // an event date was stated earlier in this sentence
};

}  // namespace

std::vector<DateMention> find_dates(const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                                    const DateContext& context) {
  return Scanner(tokens, begin, end, context).run();
}

bool is_calendar_word(const std::string& key) { return month_of(key) != 0 || weekday_of(key) >= 0; }

std::string format_date(const PartialDate& d) {
  if (!d.known()) return {};
  char buf[16];
  if (d.day)
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else if (d.month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  else
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  return buf;
}

std::string date_precision(const PartialDate& d) {
  if (!d.known()) return "unknown";
  return d.day ? "day" : d.month ? "month" : "year";
}

}  // namespace faultline::extract
