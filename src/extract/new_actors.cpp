// Finding actors no pack knows (see new_actors.h).
#include "extract/new_actors.h"

#include <algorithm>

#include "extract/name_keys.h"
#include "text/fold.h"

namespace faultline::extract {

using lexicon::kConnector;
using lexicon::kHeadWord;
using lexicon::kParticle;
using lexicon::kStopWord;
using lexicon::kTitleWord;

namespace {

constexpr uint32_t kMaxNameTokens = 10;
constexpr uint32_t kMaxPersonTokens = 5;

// A mention the name of a new actor may not cross: a named actor, a country, an anaphor.
bool firm(const ActorMention& m) {
  return m.actor != kNone || m.country != kNone || m.anaphor != Anaphor::None || m.fresh != kNone;
}

}  // namespace

bool NewActorFinder::blocked(const SentenceMentions& sm, uint32_t t) const {
  return std::any_of(sm.actors.begin(), sm.actors.end(),
                     [&](const ActorMention& m) { return firm(m) && m.begin <= t && t < m.end; });
}

bool NewActorFinder::agent_word(const SentenceMentions& sm, uint32_t t) const {
  return std::any_of(sm.actors.begin(), sm.actors.end(),
                     [&](const ActorMention& m) { return !firm(m) && m.begin <= t && t < m.end; });
}

// Whether the "and" (or a list's comma before one) at k joins capitalised words inside one name:
// "Peace, Security and Development". Two named organisations ("X Front and Y Brigade") are kept
// apart by the caller, which joins only inside a head's complement or before any head.
bool NewActorFinder::joins_capitals(uint32_t k, uint32_t end) const {
  auto cap = [&](uint32_t j) { return j < end && tok_[j].word && tok_[j].capitalized && !tok_[j].number; };
  if (lex_.cue("connector", tok_[k])) return tok_[k].word && cap(k + 1);
  if (tok_[k].key != ",") return false;
  uint32_t j = k + 1;
  while (j < end && (cap(j) || tok_[j].key == ",")) ++j;
  return j > k + 1 && j < end && lex_.cue("connector", tok_[j]) && tok_[j].word && cap(j + 1);
}

// A capitalised name from i holding a head word where names hold it (last in English, "Front for
// …", first in French), with at least one capitalised word of its own that is no head word, no
// common name word ("National Army" is generic), no generic agent's word and not merely
// capitalised by starting the sentence; or any such name
// followed by an acronym that abbreviates it.
bool NewActorFinder::organisation(const SentenceMentions& sm, uint32_t sentence_begin, uint32_t i, uint32_t end,
                                  Span& span) const {
  const auto& words = lex_.name_words();
  auto cap = [&](uint32_t k) { return tok_[k].word && tok_[k].capitalized && !tok_[k].number; };
  if (!cap(i) || blocked(sm, i) || agent_word(sm, i) || words.has(tok_[i].key, kStopWord) ||
      words.has(tok_[i].key, kConnector))
    return false;
  const bool head_first = words.has(tok_[i].key, kHeadWord);
  // "Members of the …": a sentence's first word before "of" is a common noun, unless a head word.
  if (i == sentence_begin && !head_first && i + 1 < end && words.has(tok_[i + 1].key, kConnector)) return false;
  uint32_t last = i;
  bool head_seen = head_first;
  bool complement = false;  // inside a head's complement: "Movement for Oneness and Jihad …"
  for (uint32_t k = i + 1; k < end && k < i + kMaxNameTokens; ++k) {
    if (blocked(sm, k)) break;
    const auto& t = tok_[k];
    if (cap(k) && !words.has(t.key, kStopWord)) {
      last = k;
      head_seen = head_seen || words.has(t.key, kHeadWord);
    } else if (words.has(t.key, kConnector)) {
      if (words.has(tok_[k - 1].key, kHeadWord)) complement = true;
    } else if (head_seen && t.word && !t.number && !t.capitalized &&
               (words.has(t.key, lexicon::kCommonWord) || words.has(t.key, kHeadWord))) {
      last = k;  // French names capitalise only their first words: "Haut Conseil pour l'unité de l'Azawad"
    } else if ((complement || !head_seen) && joins_capitals(k, end)) {
      continue;  // "… Peace, Security and Development", "Imghad Tuareg and Allies … Group"
    } else {
      break;
    }
  }
  int content = 0, proper = 0;
  bool head = false;
  for (uint32_t k = i; k <= last; ++k) {
    const auto& key = tok_[k].key;
    if (words.has(key, kConnector) || !tok_[k].word) continue;
    ++content;
    bool head_here = words.has(key, kHeadWord) &&
                     (k == last || k == i || (k + 1 <= last && words.has(tok_[k + 1].key, kConnector)));
    if (head_here) head = true;
    else if (cap(k) && !words.has(key, kHeadWord) && !words.has(key, kTitleWord) &&
             !words.has(key, lexicon::kCommonWord) && !agent_word(sm, k) && k != sentence_begin)
      ++proper;
  }
  // A sentence-initial word is capitalised anyway: it counts only in a longer name.
  if (content >= 3 && cap(sentence_begin) && i == sentence_begin) proper = std::max(proper, 1);
  span = Span{i, last + 1, last + 1, {}};
  // "… (FSA)": an acronym right after the name that abbreviates it.
  if (last + 3 < end && tok_[last + 1].key == "(" &&
      tok_[last + 2].all_caps && tok_[last + 3].key == ")") {
    std::string acronym = text_.substr(tok_[last + 2].begin, tok_[last + 2].end - tok_[last + 2].begin);
    std::string name = text_.substr(tok_[i].begin, tok_[last].end - tok_[i].begin);
    if (abbreviates(words, acronym, name)) {
      span.acronym = acronym;
      span.next = last + 4;
    }
  }
  if (content < 2) return false;
  return (head && proper >= 1) || !span.acronym.empty();
}

// A title word, then two or more capitalised words (name particles between): "militia leader
// Moussa Ag Attaher", "le chef Hamid Ould Mansour".
bool NewActorFinder::person(const SentenceMentions& sm, uint32_t i, uint32_t end, Span& span) const {
  const auto& words = lex_.name_words();
  if (!words.has(tok_[i].key, kTitleWord) || blocked(sm, i)) return false;
  uint32_t last = kNone;
  int names = 0;
  for (uint32_t k = i + 1; k < end && k <= i + kMaxPersonTokens; ++k) {
    const auto& t = tok_[k];
    if (blocked(sm, k)) return false;  // a person the packs know
    if (t.word && t.capitalized && !t.number && !t.all_caps && !words.has(t.key, kStopWord) &&
        !words.has(t.key, kHeadWord) && !words.has(t.key, kTitleWord) && !agent_word(sm, k)) {
      last = k;
      ++names;
    } else if (t.word && words.has(t.key, kParticle) && last != kNone) {
      continue;
    } else {
      break;
    }
  }
  if (names < 2) return false;
  span = Span{i + 1, last + 1, last + 1, {}};
  return true;
}

uint32_t NewActorFinder::remember(NewActor a) {
  if (auto it = by_id_.find(a.id); it != by_id_.end()) {
    NewActor& known = actors_[it->second];
    if (known.acronym.empty()) known.acronym = a.acronym;
    if (known.affiliation_actor == kNone && known.affiliation_fresh == kNone) {
      known.affiliation_actor = a.affiliation_actor;
      known.affiliation_fresh = a.affiliation_fresh;
      known.affiliation_group = a.affiliation_group;
    }
    return it->second;
  }
  auto idx = static_cast<uint32_t>(actors_.size());
  by_id_.emplace(a.id, idx);
  actors_.push_back(std::move(a));
  return idx;
}

// Puts m among the sentence's mentions: the places and bare agents inside its name go, a bare
// agent right after it joins it ("FSA fighters").
void NewActorFinder::place_mention(SentenceMentions& sm, ActorMention m) const {
  auto inside = [&](uint32_t b, uint32_t e) { return b < m.end && e > m.begin; };
  std::erase_if(sm.places, [&](const PlaceMention& p) { return inside(p.begin, p.end); });
  std::erase_if(sm.actors, [&](const ActorMention& a) { return !firm(a) && inside(a.begin, a.end); });
  for (auto it = sm.actors.begin(); it != sm.actors.end(); ++it)
    if (it->begin == m.end && !firm(*it) && it->agent != kNone && m.fresh != kNone &&
        actors_[m.fresh].kind != "person") {
      m.end = it->end;
      sm.actors.erase(it);
      break;
    }
  auto at = std::find_if(sm.actors.begin(), sm.actors.end(), [&](const ActorMention& a) { return a.begin > m.begin; });
  sm.actors.insert(at, m);
}

uint32_t NewActorFinder::named_person(const SentenceMentions& sm, uint32_t i, uint32_t end, uint32_t& length) const {
  constexpr std::size_t kMinSurname = 3;
  if (!tok_[i].capitalized || blocked(sm, i)) return kNone;
  uint32_t by_surname = kNone;
  int surnames = 0;
  for (const auto& [keys, who] : persons_) {
    bool full = i + keys.size() <= end;
    for (std::size_t k = 0; full && k < keys.size(); ++k)
      full = tok_[i + k].key == keys[k] && !blocked(sm, i + static_cast<uint32_t>(k));
    if (full) {
      length = static_cast<uint32_t>(keys.size());
      return who;
    }
    if (keys.back().size() >= kMinSurname && tok_[i].key == keys.back() && by_surname != who) {
      by_surname = who;
      ++surnames;
    }
  }
  if (surnames != 1) return kNone;  // two persons share the surname: no guess
  length = 1;
  return by_surname;
}

void NewActorFinder::find(uint32_t begin, uint32_t end, SentenceMentions& sm) {
  const auto& words = lex_.name_words();
  if (words.empty()) return;
  for (uint32_t i = begin; i < end;) {
    const auto& t = tok_[i];
    // An acronym defined earlier in the document.
    if (t.all_caps && !blocked(sm, i)) {
      if (auto it = by_acronym_.find(t.key); it != by_acronym_.end()) {
        ActorMention m{i, i + 1, kNone, kNone, kNone, Anaphor::None, false};
        m.fresh = it->second;
        place_mention(sm, m);
        ++i;
        continue;
      }
    }
    // A person named earlier in the document, by the full name or the surname alone.
    if (uint32_t length = 0, who = named_person(sm, i, end, length); who != kNone) {
      ActorMention m{i, i + length, kNone, kNone, kNone, Anaphor::None, false};
      m.fresh = who;
      place_mention(sm, m);
      i += length;
      continue;
    }
    Span span;
    if (person(sm, i, end, span)) {
      NewActor a;
      a.name = text_.substr(tok_[span.begin].begin, tok_[span.end - 1].end - tok_[span.begin].begin);
      a.id = provisional_id(a.name);
      a.kind = "person";
      a.sector = words.find(t.key)->sector;
      ActorMention m{i, span.end, kNone, kNone, kNone, Anaphor::None, false};
      // Whom the title is held in: the mention just before it ("JNIM commander", "the group's
      // commander", "militia leader"), which becomes part of the person's mention; a generic agent
      // gives the person its sector.
      auto held = std::find_if(sm.actors.begin(), sm.actors.end(), [&](const ActorMention& o) {
        return o.end == i || (o.begin <= i && o.end == i + 1) ||
               (o.end + 1 == i && (tok_[o.end].key == "'s" || (tok_[o.end].word && !tok_[o.end].capitalized)));
      });
      if (held != sm.actors.end()) {
        if (held->actor != kNone && lex_.actors()[held->actor].kind != "person") a.affiliation_actor = held->actor;
        else if (held->fresh != kNone && actors_[held->fresh].kind != "person") a.affiliation_fresh = held->fresh;
        else if (held->anaphor == Anaphor::Group) a.affiliation_group = true;
        else if (held->agent != kNone && held->country == kNone) a.sector = lex_.agents()[held->agent].sector;
        else {
          ++i;
          continue;
        }
        m.begin = held->begin;
        sm.actors.erase(held);
      }
      m.fresh = remember(std::move(a));
      std::vector<std::string> keys;
      for (uint32_t k = span.begin; k < span.end; ++k) keys.push_back(tok_[k].key);
      persons_.emplace_back(std::move(keys), m.fresh);
      place_mention(sm, m);
      i = span.end;
      continue;
    }
    if (organisation(sm, begin, i, end, span)) {
      std::string name = text_.substr(tok_[span.begin].begin, tok_[span.end - 1].end - tok_[span.begin].begin);
      ActorMention m{span.begin, span.end, kNone, kNone, kNone, Anaphor::None, false};
      // "the Azawad Coordination (CMA)": a name the packs lack for an actor they know.
      uint32_t known = kNone;
      if (!span.acronym.empty())
        for (const auto& o : sm.actors)
          if (o.begin == span.end + 1 && o.actor != kNone) known = o.actor;
      if (known != kNone) {
        m.actor = known;
      } else {
        NewActor a;
        a.name = name;
        a.id = provisional_id(name);
        a.acronym = span.acronym;
        a.kind = "group";
        for (uint32_t k = span.begin; k < span.end; ++k)
          if (const auto* w = words.find(tok_[k].key); w && (w->roles & kHeadWord)) {
            a.kind = w->kind;
            a.sector = w->sector;
            break;
          }
        m.fresh = remember(std::move(a));
        if (!span.acronym.empty()) by_acronym_[text::fold(span.acronym)] = m.fresh;
      }
      place_mention(sm, m);
      // The acronym in brackets is no second mention.
      if (span.next > span.end)
        std::erase_if(sm.actors, [&](const ActorMention& o) { return o.begin > span.end && o.end <= span.next; });
      i = span.next;
      continue;
    }
    ++i;
  }
}

}  // namespace faultline::extract
