#include "extract/predicates.h"

#include "text/fold.h"

#include <algorithm>

namespace faultline::extract {
namespace {

using lexicon::Lexicon;
using text::Token;

bool ends_with(const std::string& s, const char* suffix) {
  std::string_view x(suffix);
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

bool overlaps_mention(const SentenceMentions& m, uint32_t b, uint32_t e) {
  for (const auto& a : m.actors)
    if (a.begin < e && b < a.end) return true;
  for (const auto& p : m.places)
    if (p.begin < e && b < p.end) return true;
  return false;
}

class PredicateFinder {
 public:
  PredicateFinder(const Lexicon& lex, const std::vector<Token>& t, uint32_t begin, uint32_t end,
                  const SentenceMentions& m, const std::string& lang)
      : lex_(lex), tok_(t), begin_(begin), end_(end), mentions_(m), lang_(lang) {}

  std::vector<PredicateCandidate> run() {
    std::vector<lexicon::PatternMatch> matches;
    for (uint32_t i = begin_; i < end_; ++i) lex_.patterns().match_at(tok_, i, end_, matches, lang_);
    // Most specific first: more matched words, then longer, then earlier.
    std::sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
      if (a.matched != b.matched) return a.matched > b.matched;
      if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
      return a.begin < b.begin;
    });
    std::vector<bool> used(end_ - begin_, false);
    std::vector<PredicateCandidate> out;
    for (const auto& m : matches) {
      bool free = true;
      for (uint32_t k = m.begin; k < m.end && free; ++k) free = !used[k - begin_];
      if (!free) continue;
      uint32_t head = m.verb_token >= 0 ? static_cast<uint32_t>(m.verb_token) : m.begin;
      if (overlaps_mention(mentions_, head, head + 1)) continue;
      for (uint32_t k = m.begin; k < m.end; ++k) used[k - begin_] = true;
      out.push_back(classify(m));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.predicate.begin < b.predicate.begin; });
    join_nouns_to_verbs(out);
    bool question = end_ > begin_ && tok_[end_ - 1].key == "?";
    for (auto& c : out)
      if (question && c.suppressed == Suppression::None) c.suppressed = Suppression::Question;
    mark_coordinated_infinitives(out);
    mark_embedded(out);
    mark_references(out);
    return out;
  }

 private:
  // "signed a peace | agreement with X", "were killed in | fighting with X": a verb followed by a
  // noun of the same type, with only `same_act_gap` words between, names one act; the verb's span
  // takes in the noun, which is no predicate of its own.
  void join_nouns_to_verbs(std::vector<PredicateCandidate>& out) const {
    constexpr uint32_t kMaxGap = 4;
    for (std::size_t i = 0; i + 1 < out.size();) {
      auto& verb = out[i].predicate;
      const auto& noun = out[i + 1].predicate;
      bool joins = !verb.nominal && noun.nominal && noun.begin >= verb.end && noun.begin - verb.end <= kMaxGap &&
                   lex_.patterns()[verb.pattern].type == lex_.patterns()[noun.pattern].type;
      for (uint32_t k = verb.end; joins && k < noun.begin; ++k) joins = in_same_act_gap(k);
      if (!joins) {
        ++i;
        continue;
      }
      verb.noun = static_cast<int32_t>(noun.begin);
      verb.end = noun.end;
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }

  // A gap word, or a date word ("were killed on Tuesday in fighting with"); no actor.
  bool in_same_act_gap(uint32_t k) const {
    if (cue("same_act_gap", k) || tok_[k].number) return true;
    bool actor = std::any_of(mentions_.actors.begin(), mentions_.actors.end(),
                             [&](const ActorMention& a) { return a.begin <= k && k < a.end; });
    return tok_[k].capitalized && !actor;
  }

  // An event noun under a verb of saying, judging or asking ("accused X of violations", "blocked a
  // request", "condemning the invasion") or after a topic preposition ("protested against the
  // sanctions", "in response to the refusal") is that event's topic, not a report of its own.
  void mark_embedded(std::vector<PredicateCandidate>& out) const {
    constexpr uint32_t kReach = 12;
    for (std::size_t i = 0; i < out.size(); ++i) {
      auto& c = out[i];
      if (!c.predicate.nominal || c.suppressed != Suppression::None) continue;
      if (after_topic_preposition(c.predicate.begin)) {
        c.suppressed = Suppression::Embedded;
        continue;
      }
      for (std::size_t j = i; j-- > 0;) {
        const auto& gov = out[j];
        if (gov.predicate.nominal) continue;
        if (c.predicate.begin - gov.predicate.end > kReach) break;
        // "agreed to send aid to Mali": the noun belongs to a verb that is itself not reported
        if (gov.suppressed == Suppression::Infinitive || gov.suppressed == Suppression::Modal) {
          if (!clause_break(gov.predicate.end, c.predicate.begin, true)) c.suppressed = gov.suppressed;
          break;
        }
        const auto& type = lex_.patterns()[gov.predicate.pattern].type;
        if (!clause_break(gov.predicate.end, c.predicate.begin, false) && lex_.cue("embedding_type", text::fold(type)))
          c.suppressed = Suppression::Embedded;
        break;
      }
    }
  }

  // "This attack was the deadliest…", "Cette fusion vise…": an event noun after a demonstrative
  // (a few modifiers may stand between: "this latest attack") refers to an act already told.
  void mark_references(std::vector<PredicateCandidate>& out) const {
    constexpr uint32_t kMaxModifiers = 2;
    for (auto& c : out) {
      if (!c.predicate.nominal || c.suppressed != Suppression::None) continue;
      for (uint32_t k = c.predicate.begin, n = 0; k > begin_ && n <= kMaxModifiers; ++n) {
        --k;
        if (cue("demonstrative", k)) {
          c.suppressed = Suppression::Reference;
          break;
        }
        if (!tok_[k].word || tok_[k].capitalized || tok_[k].number) break;
      }
    }
  }

  // "to tighten sanctions and impose a blockade": a verb joined by "and"/"or" to an infinitive
  // shares its mood.
  void mark_coordinated_infinitives(std::vector<PredicateCandidate>& out) const {
    for (std::size_t i = 1; i < out.size(); ++i) {
      auto& c = out[i];
      if (c.predicate.nominal || c.suppressed != Suppression::None || c.predicate.verb < 0) continue;
      auto v = static_cast<uint32_t>(c.predicate.verb);
      if (v == begin_ || (tok_[v - 1].key != "and" && tok_[v - 1].key != "or")) continue;
      const auto& prev = out[i - 1];
      if (prev.predicate.nominal || prev.suppressed != Suppression::Infinitive) continue;
      if (v - prev.predicate.end > 8) continue;
      bool boundary = false;
      for (uint32_t k = prev.predicate.end; k + 1 < v && !boundary; ++k) boundary = cue("boundary", k) || !tok_[k].word;
      if (!boundary) c.suppressed = Suppression::Infinitive;
    }
  }

  // Whether tokens [a, b) leave the clause: a boundary word, a full stop, and either a comma
  // (`comma`) or a reporting verb ("said that …" opens the reported clause).
  bool clause_break(uint32_t a, uint32_t b, bool comma) const {
    for (uint32_t k = a; k < b; ++k)
      if (cue("boundary", k) || tok_[k].key == "." || (comma ? tok_[k].key == "," : lex_.cue("report", tok_[k])))
        return true;
    return false;
  }

  bool after_topic_preposition(uint32_t b) const {
    for (uint32_t k = b, n = 0; k > begin_ && n < 5; ++n) {
      --k;
      if (cue("topic_preposition", k)) return true;
      if (k > begin_ && lex_.cue_at("topic_preposition", tok_, k - 1, b) == 2) return true;
      if (!tok_[k].word && tok_[k].key != "'s") return false;
    }
    return false;
  }

  bool cue(const char* kind, uint32_t i) const { return i >= begin_ && i < end_ && lex_.cue(kind, tok_[i]); }

  PredicateCandidate classify(const lexicon::PatternMatch& m) {
    PredicateCandidate c;
    Predicate& p = c.predicate;
    p.pattern = m.pattern;
    p.begin = m.begin;
    p.end = m.end;
    p.verb = m.verb_token;
    p.nominal = m.verb_token < 0;
    uint32_t head = p.nominal ? m.begin : static_cast<uint32_t>(m.verb_token);
    // A verb form after a determiner is a noun: "the attack", "its offensive", "Mali's request".
    if (!p.nominal && head > begin_ && head == m.begin && cue("determiner", head - 1) && !ends_with(tok_[head].key, "ed")) {
      p.nominal = true;
      p.verb = -1;
    }
    if (!p.nominal) {
      // Passive: a participle after a form of "be" ("was attacked", "has been seized"), or a
      // participle followed by a by-agent ("the camp captured by the CSP").
      // A French reflexive ("s'est emparé de", "se sont retirés") is active, not passive.
      bool reflexive = tok_[m.begin].key == "se" || tok_[m.begin].key == "s'";
      if (m.participle && !reflexive) {
        for (uint32_t k = head, n = 0; k > begin_ && n < 3; ++n) {
          --k;
          if (cue("be", k)) {
            p.passive = true;
            break;
          }
          if (cue("have", k)) break;
          if (tok_[k].key == "\"" || tok_[k].key == "'") continue;  // were "neutralised"
          if (!tok_[k].word || tok_[k].capitalized) break;
        }
        if (!p.passive && m.end < end_ && tok_[m.end].key == "by" && !(head > begin_ && cue("have", head - 1)))
          p.passive = true;
      }
      if (ends_with(tok_[head].key, "ing") && head > begin_ && cue("adverbial", head - 1)) {
        // "by attacking", "after clashing" anywhere; "in attacking" only opening a clause, not
        // after a noun ("his involvement in killing civilians")
        bool clause_start = head - 1 == begin_ || tok_[head - 2].key == ",";
        p.participle_clause = clause_start || (tok_[head - 1].key != "in" && tok_[head - 1].key != "on");
      }
    }
    c.suppressed = suppression(p, head);
    if (c.suppressed == Suppression::None && !p.nominal && m.participle && head == m.begin &&
        (!p.passive || (head > begin_ && tok_[head - 1].number)) && attributive(head))
      c.suppressed = Suppression::Attributive;
    return c;
  }

  // "the vacated camp", "the only remaining occupied town": determiner [degree word] participle noun.
  bool attributive(uint32_t head) const {
    // "leaving 20 dead and 40+ wounded": a participle after a count states a toll, not an act
    if (head > begin_ && (tok_[head - 1].number || tok_[head - 1].key == "+")) return true;
    // "in recaptured Kidal", "Ousted president Bazoum": after a preposition or opening the sentence
    if (head + 1 < end_ && tok_[head + 1].word && !cue("determiner", head + 1) && !tok_[head + 1].number &&
        (head == begin_ || cue("place_preposition", head - 1)))
      return true;
    if (head + 1 >= end_ || !tok_[head + 1].word || (cue("determiner", head + 1) && !tok_[head + 1].capitalized))
      return false;
    uint32_t k = head;
    for (int n = 0; n < 3 && k > begin_; ++n) {
      --k;
      if (cue("determiner", k)) return tok_[k].key != "'s" && tok_[k].key != "that";
      if (!cue("attributive_modifier", k)) return false;
    }
    return false;
  }

  Suppression suppression(const Predicate& p, uint32_t head) const {
    // The verb group before the head: up to three words back, stopping at punctuation or a name.
    uint32_t start = p.nominal ? p.begin : head;
    for (uint32_t k = start, n = 0; k > begin_ && n < 4; ++n) {
      --k;
      if (!tok_[k].word && tok_[k].key != "'s" && tok_[k].key != "n't" && tok_[k].key != "'ll") break;
      // "Doctors Without Borders condemned…": a cue inside a name is part of the name.
      if (overlaps_mention(mentions_, k, k + 1)) continue;
      if (cue("negation", k) || tok_[k].key.ends_with("n't")) return Suppression::Negated;
      if (!p.nominal && cue("modal", k)) return Suppression::Modal;
      // "continued to send arms" reports the sending; "agreed to send" does not
      if (!p.nominal && tok_[k].key == "to" && n == 0 && !(k > begin_ && cue("aspectual", k - 1)))
        return Suppression::Infinitive;
      if (!p.nominal && tok_[k].key == "to" && n == 1 && (cue("be", k + 1) || tok_[k + 1].key == "have"))
        return Suppression::Infinitive;
      if (p.nominal && n >= 1) break;
    }
    // An event noun as the object of a modal verb: "Mali could lose any offensive".
    if (p.nominal)
      for (uint32_t k = p.begin, n = 0; k > begin_ && n < 4; ++n) {
        --k;
        if (!tok_[k].word) break;
        if (cue("modal", k)) return Suppression::Modal;
      }
    // French negation "ne … pas" around the auxiliary: "n'a pas attaqué".
    for (uint32_t k = start; k > begin_ && start - k < 4;) {
      --k;
      if (tok_[k].key == "n'" || tok_[k].key == "ne") return Suppression::Negated;
    }
    // A denial governs what follows it in the sentence: "denied that its troops had attacked".
    for (uint32_t k = begin_; k < start; ++k)
      if (cue("denial", k) && start - k <= 14) return Suppression::Denied;
    // A conditional clause: "if the rebels attack, …" (no comma between the cue and the verb).
    for (uint32_t k = start; k > begin_ && start - k <= 10;) {
      --k;
      if (tok_[k].key == "," || tok_[k].key == ";") break;
      if (cue("condition", k)) return Suppression::Conditional;
    }
    return Suppression::None;
  }

  const Lexicon& lex_;
  const std::vector<Token>& tok_;
  uint32_t begin_, end_;
  const SentenceMentions& mentions_;
  const std::string& lang_;
};

}  // namespace

std::vector<PredicateCandidate> find_predicates(const Lexicon& lex, const std::vector<Token>& tokens, uint32_t begin,
                                                uint32_t end, const SentenceMentions& mentions, const std::string& lang) {
  return PredicateFinder(lex, tokens, begin, end, mentions, lang).run();
}

}  // namespace faultline::extract
