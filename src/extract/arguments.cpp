#include "extract/arguments.h"

#include <algorithm>

#include "text/fold.h"

namespace faultline::extract {
namespace {

using lexicon::Lexicon;
using text::Token;

constexpr uint32_t kMaxObjectDistance = 14;
constexpr uint32_t kMaxSubjectDistance = 30;

class ArgumentFinder {
 public:
  ArgumentFinder(const Lexicon& lex, const std::vector<Token>& t, uint32_t begin, uint32_t end,
                 const SentenceMentions& m, const std::vector<PredicateCandidate>& preds, std::size_t index)
      : lex_(lex), tok_(t), begin_(begin), end_(end), m_(m), preds_(preds), index_(index),
        p_(preds[index].predicate) {}

  Arguments run() {
    Arguments a;
    uint32_t head = p_.verb >= 0 ? static_cast<uint32_t>(p_.verb) : p_.begin;
    if (p_.nominal) {
      nominal(a);
    } else if (p_.passive) {
      a.target = subject(p_.begin);
      a.source = by_agent(p_.end);
      // "were killed in fighting with X": who fought them killed them.
      if (a.source.empty() && p_.noun >= 0 && cue("coparty_preposition", p_.end - 1)) a.source = object(p_.end);
    } else {
      if (p_.participle_clause) {
        a.source_from_main_clause = true;
        a.source = main_subject(head);
      } else if (int prev = coordinated_verb_of(p_.begin); prev >= 0) {
        // "X attacked Y and killed Z": the verbs share X.
        a.source = ArgumentFinder(lex_, tok_, begin_, end_, m_, preds_, static_cast<std::size_t>(prev)).run().source;
      } else {
        a.source = subject(p_.begin);
      }
      // An actor inside the pattern's span is its object: "accused [the junta] of …", "withdrew
      // from ECOWAS" where the pattern itself names the organisation.
      for (std::size_t k = 0; k < m_.actors.size(); ++k)
        if (m_.actors[k].begin > head && m_.actors[k].end <= p_.end && m_.actors[k].anaphor == Anaphor::None) {
          a.target = coordinated(static_cast<uint32_t>(k), false, begin_, p_.end);
          break;
        }
      if (a.target.empty()) a.target = object(p_.end);
      move_companions(a);
    }
    // One mention cannot be both.
    std::erase_if(a.target, [&](uint32_t t) { return std::find(a.source.begin(), a.source.end(), t) != a.source.end(); });
    return a;
  }

 private:
  bool cue(const char* kind, uint32_t i) const { return i >= begin_ && i < end_ && lex_.cue(kind, tok_[i]); }

  // Index of the mention that ends exactly at token e (exclusive end), or -1.
  int mention_ending_at(uint32_t e) const {
    for (std::size_t k = 0; k < m_.actors.size(); ++k)
      if (m_.actors[k].end == e) return static_cast<int>(k);
    return -1;
  }
  int mention_starting_at(uint32_t b) const {
    for (std::size_t k = 0; k < m_.actors.size(); ++k)
      if (m_.actors[k].begin == b) return static_cast<int>(k);
    return -1;
  }

  // Begin of the previous / end of the next predicate, which a scan may not cross.
  uint32_t left_limit() const {
    uint32_t lim = begin_;
    for (std::size_t k = 0; k < index_; ++k)
      if (preds_[k].predicate.end <= p_.begin) lim = std::max(lim, preds_[k].predicate.end);
    return lim;
  }
  uint32_t right_limit() const {
    uint32_t lim = end_;
    for (std::size_t k = index_ + 1; k < preds_.size(); ++k)
      if (preds_[k].predicate.begin >= p_.end) lim = std::min(lim, preds_[k].predicate.begin);
    return lim;
  }

  // "X attacked Y jointly with Z", "X raided Y, backed by Z": a companion joined to the object by a
  // `comitative` phrase acts with the subject.
  // Not after verbs of saying or judging, whose object may be a clause's subject ("warned that X,
  // accompanied by Z, had executed …").
  void move_companions(Arguments& a) const {
    if (a.source.empty() || lex_.cue("embedding_type", text::fold(lex_.patterns()[p_.pattern].type))) return;
    for (std::size_t i = 1; i < a.target.size(); ++i) {
      uint32_t gap = m_.actors[a.target[i - 1]].end;
      if (gap < end_ && tok_[gap].key == ",") ++gap;
      if (!lex_.cue_at("comitative", tok_, gap, m_.actors[a.target[i]].begin)) continue;
      a.source.insert(a.source.end(), a.target.begin() + static_cast<std::ptrdiff_t>(i), a.target.end());
      a.target.resize(i);
      return;
    }
  }

  // Extends a mention into its coordination: "X and Y", "X, Y and Z", "X as well as Y".
  std::vector<uint32_t> coordinated(uint32_t k, bool leftwards, uint32_t limit_left, uint32_t limit_right) const {
    std::vector<uint32_t> out{k};
    uint32_t cur = k;
    for (;;) {
      bool found = false;
      if (leftwards) {
        if (cur == 0) break;
        const auto& here = m_.actors[cur];
        const auto& prev = m_.actors[cur - 1];
        if (prev.end > here.begin || prev.begin < limit_left) break;
        if (joins(prev.end, here.begin, true)) {
          out.push_back(cur - 1);
          cur = cur - 1;
          found = true;
        }
      } else {
        if (cur + 1 >= m_.actors.size()) break;
        const auto& here = m_.actors[cur];
        const auto& next = m_.actors[cur + 1];
        if (next.end > limit_right) break;
        if (joins(here.end, next.begin, false)) {
          out.push_back(cur + 1);
          cur = cur + 1;
          found = true;
        }
      }
      if (!found) break;
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // Whether tokens [a, b) join two actors: a connector, optionally after a comma; or a lone comma
  // inside a list that ends with a connector.
  bool joins(uint32_t a, uint32_t b, bool leftwards) const {
    if (a > b) return false;
    uint32_t i = a;
    if (i < b && (tok_[i].key == "," || tok_[i].key == "-")) ++i;
    if (i < b) {
      uint32_t len = lex_.cue_at("connector", tok_, i, b);
      if (len) i += len;
      else if (i != a + 1) return false;  // neither comma nor connector
    }
    // "accompanied by “Russian private military personnel”", "along with the CMA", "and 15 other"
    while (i < b && (tok_[i].key == "the" || tok_[i].key == "\"" || tok_[i].key == "'" ||
                     (i > a && (tok_[i].number || cue("quantifier", i)))))
      ++i;
    if (i != b) return false;
    if (b - a == 1 && tok_[a].key == ",") {
      // a lone comma: only inside a list "X, Y and Z"
      (void)leftwards;
      return list_continues(b);
    }
    return b > a;
  }

  bool list_continues(uint32_t from) const {
    for (uint32_t i = from; i < end_ && i < from + 12; ++i) {
      if (lex_.cue_at("connector", tok_, i, end_)) return true;
      if (tok_[i].key == ";" || tok_[i].key == ".") return false;
    }
    return false;
  }

  // The predicate whose verb this one is coordinated with ("… and killed"), or -1.
  int coordinated_verb_of(uint32_t v) const {
    uint32_t k = v;
    while (k > begin_ && tok_[k - 1].word && !tok_[k - 1].capitalized && mention_ending_at(k) < 0 &&
           !cue("connector", k - 1) && v - k < 3)
      --k;
    if (k == begin_ || !cue("connector", k - 1)) return -1;
    for (int q = static_cast<int>(index_) - 1; q >= 0; --q) {
      const auto& prev = preds_[q].predicate;
      if (prev.nominal || prev.passive || prev.end > k) continue;
      // only when the previous verb is close; a serial list ("renounced …, shifted …, and began")
      // may run longer
      bool serial = k >= begin_ + 2 && tok_[k - 2].key == ",";
      if (k - prev.end > (serial ? 24u : 12u)) return -1;
      return q;
    }
    return -1;
  }

  // The subject of a verb starting at token v.
  std::vector<uint32_t> subject(uint32_t v) const {
    uint32_t lim = left_limit();
    uint32_t from = v;
    // Skip adverbs and auxiliaries right before the verb, then a parenthetical ", … ," if any.
    uint32_t k = v;
    while (k > lim && tok_[k - 1].word && !tok_[k - 1].capitalized && mention_ending_at(k) < 0 && v - k < 4) --k;
    if (k > lim && tok_[k - 1].key == ",") {
      for (uint32_t j = k - 1; j > lim;) {
        --j;
        if (tok_[j].key == "," || tok_[j].key == "(") {
          if (nearest_left(j, lim) >= 0) from = j;
          break;
        }
        if (tok_[j].key == ";") break;
      }
    }
    int found = nearest_left(from, lim);
    if (found < 0) return {};
    // "X, accompanied by Y [i.e., the Wagner Group], had executed": a bracketed gloss is no subject.
    if (uint32_t open = gloss_start(m_.actors[found].begin, lim); open != kNoGloss) {
      int before = nearest_left(open, lim);
      if (before >= 0) found = before;
    }
    // "X, backed by Y, took …": the companions after the subject act with it.
    auto left = coordinated(static_cast<uint32_t>(found), true, lim, v);
    auto right = coordinated(static_cast<uint32_t>(found), false, lim, v);
    left.insert(left.end(), right.begin() + 1, right.end());
    std::sort(left.begin(), left.end());
    return left;
  }

  static constexpr uint32_t kNoGloss = UINT32_MAX;
  // The "[" opening a bracketed gloss that holds token i, within a few tokens, or kNoGloss.
  uint32_t gloss_start(uint32_t i, uint32_t lim) const {
    for (uint32_t k = i, n = 0; k > lim && n < 4; ++n) {
      --k;
      if (tok_[k].key == "[") return k;
      if (tok_[k].key == "]" || tok_[k].key == "(" || tok_[k].key == ")") break;
    }
    return kNoGloss;
  }

  int nearest_left(uint32_t from, uint32_t lim) const {
    for (int k = static_cast<int>(m_.actors.size()) - 1; k >= 0; --k) {
      const auto& a = m_.actors[k];
      if (a.end > from || names_a_place(static_cast<uint32_t>(k))) continue;
      if (a.begin < lim || from - a.end > kMaxSubjectDistance) return -1;
      // Stop at a clause boundary between the mention and the verb.
      for (uint32_t i = a.end; i < from; ++i)
        if (cue("boundary", i)) return -1;
      // "The army said [Tuesday's attack killed …]", "according to the UN, …": past the speaker
      // the scan has left the reported clause, unless the clause speaks of the speaker's own
      // ("the government said its forces attacked …").
      if (addressed(static_cast<uint32_t>(k))) return -1;
      if (uint32_t v = speech_verb_after(static_cast<uint32_t>(k)); v < from && !speaks_of_own(v, from)) return -1;
      return k;
    }
    return -1;
  }

  static constexpr uint32_t kNoSpeech = UINT32_MAX;
  // The speech verb whose subject actor k is ("X said", "X also told"), or kNoSpeech.
  uint32_t speech_verb_after(uint32_t k) const {
    uint32_t i = m_.actors[k].end;
    for (int n = 0; n < 2 && cue("speech_filler", i); ++n) ++i;
    return i < end_ && lex_.cue_at("speech_verb", tok_, i, end_) > 0 ? i : kNoSpeech;
  }

  // Whether what the speech verb at v reports, up to token e, speaks of the speaker's own ("said
  // its forces attacked", "said five of their fighters had been killed").
  bool speaks_of_own(uint32_t v, uint32_t e) const {
    for (uint32_t i = v + 1; i < e; ++i)
      if (cue("possessive", i)) return true;
    return false;
  }

  // Whether actor k reports or hears the event rather than taking part in it: the subject of a
  // speech verb before `limit`, or an addressee or cited source.
  bool speech_participant(uint32_t k, uint32_t limit) const {
    return addressed(k) || speech_verb_after(k) < limit;
  }

  // "After the attack on Gao, [the MNLA] took Kidal": past a comma, an actor right before a verb
  // of a later predicate is that clause's subject, not an object of this one.
  bool subject_of_next_clause(uint32_t e, uint32_t k) const {
    const auto& a = m_.actors[k];
    bool comma = false;
    for (uint32_t i = e; i < a.begin && !comma; ++i) comma = tok_[i].key == ",";
    if (!comma) return false;
    uint32_t i = a.end;
    while (i < end_ && i - a.end < 2 && tok_[i].word && !tok_[i].capitalized && !starts_verb(i)) ++i;
    return starts_verb(i);
  }

  bool starts_verb(uint32_t i) const {
    for (std::size_t q = index_ + 1; q < preds_.size(); ++q)
      if (!preds_[q].predicate.nominal && preds_[q].predicate.begin == i) return true;
    return false;
  }

  // "near the border with Algeria [and Niger]": a country after a place_modifier, or coordinated
  // with one, is part of a place, no party.
  bool names_a_place(uint32_t k) const {
    uint32_t b = m_.actors[k].begin;
    if (b > begin_ && cue("article", b - 1)) --b;
    for (uint32_t n = 1; n <= 3 && b >= begin_ + n; ++n)
      if (lex_.cue_at("place_modifier", tok_, b - n, end_) == n) return true;
    return k > 0 && m_.actors[k - 1].end < b && joins(m_.actors[k - 1].end, b, true) && names_a_place(k - 1);
  }

  // "according to X", "told X", "in a letter to X", and a speaker put after the quote (", said X").
  bool addressed(uint32_t k) const {
    const auto& a = m_.actors[k];
    uint32_t b = a.begin;
    if (b > begin_ && cue("article", b - 1)) --b;
    bool clause_ends = a.end >= end_ || !tok_[a.end].word;
    if (b >= begin_ + 2 && cue("speech_verb", b - 1) && (tok_[b - 2].key == "," || tok_[b - 2].key == "\"") &&
        clause_ends)
      return true;
    for (uint32_t n = 1; n <= 6 && b >= begin_ + n; ++n)
      if (lex_.cue_at("speech_marker", tok_, b - n, end_) == n) return true;
    return false;
  }

  static constexpr uint32_t kNoReport = UINT32_MAX;
  // A reporting verb whose complement starts at token i ("said [that] X", "declared Tuesday that
  // X"), a few words before it, with no actor or clause boundary between; or kNoReport.
  uint32_t report_verb_before(uint32_t i) const {
    for (uint32_t k = i, n = 0; k > begin_ && n < 5; ++n) {
      --k;
      if (cue("report", k)) return k;
      if (cue("boundary", k) || mention_ending_at(k + 1) >= 0) break;
    }
    return kNoReport;
  }

  // The subject of the main clause, for "…, killing 20" and "by attacking …".
  std::vector<uint32_t> main_subject(uint32_t v) const {
    for (std::size_t k = 0; k < index_; ++k) {
      const auto& q = preds_[k].predicate;
      if (q.nominal || q.end > v) continue;
      auto s = ArgumentFinder(lex_, tok_, begin_, end_, m_, preds_, k).subject(q.begin);
      if (!s.empty()) return s;
    }
    // No event verb before: the first actor of the sentence that is not in a prepositional phrase.
    for (std::size_t k = 0; k < m_.actors.size(); ++k) {
      const auto& a = m_.actors[k];
      if (a.end > v) break;
      if (a.begin > begin_ && (tok_[a.begin - 1].key == "of" || tok_[a.begin - 1].key == "with")) continue;
      if (speech_participant(static_cast<uint32_t>(k), v)) continue;
      return coordinated(static_cast<uint32_t>(k), false, begin_, v);
    }
    return subject(v);
  }

  // The first actor after token e, within the clause.
  std::vector<uint32_t> object(uint32_t e) const {
    uint32_t lim = right_limit();
    for (std::size_t k = 0; k < m_.actors.size(); ++k) {
      const auto& a = m_.actors[k];
      if (a.begin < e) continue;
      if (a.begin >= lim || a.begin - e > kMaxObjectDistance) return {};
      for (uint32_t i = e; i < a.begin; ++i) {
        if (cue("boundary", i) || cue("report", i)) return {};
        // ", which …" / ", who …" open a relative clause about something else.
        if (tok_[i].key == "which" || tok_[i].key == "who") return {};
      }
      // "by X" after an active verb is a means or an agent of something else, not the object.
      if (a.begin > e && tok_[a.begin - 1].key == "by") continue;
      if (names_a_place(static_cast<uint32_t>(k))) continue;
      if (subject_of_next_clause(e, static_cast<uint32_t>(k))) return {};
      // "… in a letter to X": an addressee is no party; ", an NGO said": the reporting clause begins.
      if (addressed(static_cast<uint32_t>(k))) continue;
      if (speech_verb_after(static_cast<uint32_t>(k)) != kNoSpeech) return {};
      return coordinated(static_cast<uint32_t>(k), false, begin_, lim);
    }
    return {};
  }

  // The first actor after token e in the clause that reports it ("…, Algeria said"), or -1.
  int speaker_after(uint32_t e) const {
    uint32_t lim = right_limit();
    for (std::size_t k = 0; k < m_.actors.size(); ++k) {
      const auto& a = m_.actors[k];
      if (a.begin < e) continue;
      if (a.begin >= lim) break;
      if (speech_verb_after(static_cast<uint32_t>(k)) != kNoSpeech || cue("report", a.end)) return static_cast<int>(k);
    }
    return -1;
  }

  // "by X" within a few tokens after e.
  std::vector<uint32_t> by_agent(uint32_t e) const {
    uint32_t lim = right_limit();
    for (uint32_t i = e; i < lim && i < e + 8; ++i) {
      // a comma inside a date ("June 18, 2013 by …") does not close the phrase
      bool date_comma = tok_[i].key == "," && i + 1 < lim && tok_[i + 1].number && i > e && tok_[i - 1].number;
      if ((tok_[i].key == "," && !date_comma) || tok_[i].key == ";") break;
      if (tok_[i].key == "by" || tok_[i].key == "par") {
        uint32_t j = i + 1;
        if (j < end_ && (tok_[j].key == "the" || tok_[j].key == "les" || tok_[j].key == "la" || tok_[j].key == "le")) ++j;
        // allow "by its young militants" → the possessive's owner is resolved by the caller
        for (uint32_t g = j; g < lim && g < j + 4; ++g) {
          int k = mention_starting_at(g);
          if (k >= 0) return coordinated(static_cast<uint32_t>(k), false, begin_, lim);
        }
        break;
      }
    }
    return {};
  }

  // The circumstance preposition that opens the phrase of this noun ("after [two days of] clashes"),
  // a few modifier words back, or kNoPhrase.
  static constexpr uint32_t kNoPhrase = UINT32_MAX;
  uint32_t circumstance_before(uint32_t i) const {
    for (uint32_t k = i, n = 0; k > begin_ && n < 5; ++n) {
      --k;
      if (cue("circumstance", k)) return k;
      if (!tok_[k].word || tok_[k].capitalized || mention_ending_at(k + 1) >= 0) return kNoPhrase;
    }
    return kNoPhrase;
  }

  // The verb of the same type whose circumstance phrase holds this noun, in the same clause: "X
  // killed Y [in an air strike]"; or -1.
  int governing_verb() const {
    constexpr uint32_t kReach = 16;
    uint32_t c = circumstance_before(p_.begin);
    if (c == kNoPhrase) return -1;
    for (std::size_t q = index_; q-- > 0;) {
      const auto& prev = preds_[q];
      if (prev.predicate.nominal || prev.predicate.end > c) continue;
      if (prev.suppressed != Suppression::None || c - prev.predicate.end > kReach) return -1;
      // only the same kind of act: "reimposed blockades following the shooting" are two
      if (lex_.patterns()[prev.predicate.pattern].type != lex_.patterns()[p_.pattern].type) return -1;
      for (uint32_t i = prev.predicate.end; i < c; ++i)
        if (cue("boundary", i) || cue("report", i)) return -1;
      return static_cast<int>(q);
    }
    return -1;
  }

  // Whether this noun follows a verb of dying: "died [in] clashes with X".
  bool after_casualty_verb() const {
    uint32_t c = circumstance_before(p_.begin);
    if (c == kNoPhrase) return false;
    for (uint32_t k = c, n = 0; k > begin_ && n < 3; ++n) {
      --k;
      if (cue("casualty_verb", k)) return true;
      if (!tok_[k].word || mention_ending_at(k + 1) >= 0) return false;
    }
    return false;
  }

  // A light verb ("began", "held", "announced") a few words before token i, over modifiers only.
  int light_verb_before(uint32_t i) const {
    for (uint32_t k = i, n = 0; k > begin_ && n < 8; ++n) {
      --k;
      if (cue("light_verb", k)) return static_cast<int>(k);
      if (tok_[k].key == ",") continue;  // "political, economic and security cooperation"
      if (!tok_[k].word || tok_[k].capitalized || mention_ending_at(k + 1) >= 0) return -1;
    }
    return -1;
  }

  void nominal(Arguments& a) const {
    uint32_t lim_r = right_limit();
    // "X's attack", "X's recent attack"
    for (uint32_t k = p_.begin, n = 0; k > begin_ && n < 3; ++n) {
      --k;
      if (tok_[k].key == "'s") {
        int m = mention_ending_at(k);
        if (m >= 0) a.source = coordinated(static_cast<uint32_t>(m), true, begin_, p_.begin);
        break;
      }
      if (!tok_[k].word) break;
    }
    // "clashes between X and Y"
    auto is_between = [&](uint32_t i) { return i < end_ && (tok_[i].key == "between" || tok_[i].key == "entre"); };
    uint32_t after = is_between(p_.end - 1) ? p_.end : is_between(p_.end) ? p_.end + 1 : 0;
    if (after) {
      int m = mention_starting_at(after);
      if (m < 0 && after + 1 < end_ && tok_[after].key == "the") m = mention_starting_at(after + 1);
      if (m >= 0) {
        auto group = coordinated(static_cast<uint32_t>(m), false, begin_, lim_r);
        if (group.size() >= 2) {
          a.source.assign(group.begin(), group.begin() + 1);
          a.target.assign(group.begin() + 1, group.end());
          return;
        }
      }
    }
    if (a.source.empty()) a.source = by_agent(p_.end);
    // An actor inside the pattern's span, as with verbs: "will give [Tanzania] a grant", "will
    // support [Turkey]'s efforts".
    for (std::size_t k = 0; k < m_.actors.size(); ++k) {
      const auto& m = m_.actors[k];
      if (m.begin > p_.begin && m.end < p_.end && m.anaphor == Anaphor::None && tok_[m.begin - 1].key != "by" &&
          tok_[m.begin - 1].key != "between") {
        a.target = coordinated(static_cast<uint32_t>(k), false, begin_, p_.end);
        break;
      }
    }
    if (a.target.empty()) a.target = object(p_.end);
    if (a.source.empty()) {
      // "X killed Y in an air strike", "X seized Y after heavy fighting with Z": a noun in a
      // circumstance phrase of a verb is the act of that verb's agent, not of its object.
      if (int q = governing_verb(); q >= 0) {
        a.source = ArgumentFinder(lex_, tok_, begin_, end_, m_, preds_, static_cast<std::size_t>(q)).run().source;
        if (!a.source.empty()) return;
      }
      // "N soldiers died in clashes with X": X fought and killed them.
      if (!a.target.empty() && after_casualty_verb()) {
        auto victims = subject(p_.begin);
        if (!victims.empty()) {
          a.source = std::move(a.target);
          a.target = std::move(victims);
          return;
        }
      }
    }
    // The object of a light verb: "X began peace talks with Y", "X … and announced cooperation with Y".
    if (a.source.empty()) {
      if (int lv = light_verb_before(p_.begin); lv >= 0) {
        uint32_t l = static_cast<uint32_t>(lv);
        bool coordinated_vp = l > begin_ && (tok_[l - 1].key == "and" || tok_[l - 1].key == "," || tok_[l - 1].key == "et");
        if (coordinated_vp) {
          for (std::size_t k = index_; k-- > 0;) {
            const auto& q = preds_[k].predicate;
            if (q.nominal || q.end > l) continue;
            a.source = ArgumentFinder(lex_, tok_, begin_, end_, m_, preds_, k).run().source;
            break;
          }
        } else {
          a.source = subject(l);
        }
      }
    }
    // Sourceless noun: the subject of its clause ("the MNLA ceased its offensive following the
    // capture of Douentza").
    if (a.source.empty()) {
      int k = nearest_left(p_.begin, left_limit());
      if (k >= 0) {
        auto obliged = coordinated(static_cast<uint32_t>(k), true, left_limit(), p_.begin);
        // "Russia said Sudan must return the helicopter": an obligation someone states is their
        // demand of the one obliged.
        if (cue("modal", p_.begin)) {
          uint32_t first = m_.actors[obliged.front()].begin;
          if (uint32_t r = report_verb_before(first); r != kNoReport) {
            a.source = subject(r);
            if (!a.source.empty()) {
              a.target = obliged;
              return;
            }
          }
          // "Mali must release them, Ivory Coast said": the actor after is who said it.
          if (int who = speaker_after(p_.end); who >= 0) {
            a.source = {static_cast<uint32_t>(who)};
            a.target = obliged;
            return;
          }
        }
        a.source = obliged;
      }
    }
    // the object of "of" is the target of a nominal without one ("the capture of Douentza" has none)
  }

  const Lexicon& lex_;
  const std::vector<Token>& tok_;
  uint32_t begin_, end_;
  const SentenceMentions& m_;
  const std::vector<PredicateCandidate>& preds_;
  std::size_t index_;
  const Predicate& p_;
};

}  // namespace

Arguments find_arguments(const Lexicon& lex, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                         const SentenceMentions& mentions, const std::vector<PredicateCandidate>& predicates,
                         std::size_t index) {
  return ArgumentFinder(lex, tokens, begin, end, mentions, predicates, index).run();
}

}  // namespace faultline::extract
