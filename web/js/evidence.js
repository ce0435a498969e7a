// The support of a derived fact (a membership, a relation, a control interval) and the events
// behind it: a button that says the support level and counts events and documents; clicked, it
// opens the list of those events, each with its date, type and sentence, and a click on one opens
// its event card. The API gives each fact `support` ({level, events, documents}) and its first
// evidence ids (docs/serve.md); the sentences are read when the list opens.
import {getJson, enc} from './api.js';
import {typeColor} from './colors.js';
import {el, actionLink} from './dom.js';

const LEVEL_WORDS = {
  pack: 'from the packs',
  'pack+text': 'from the packs, confirmed by text',
  text: 'from text',
  held: 'held',
  claimed: 'claimed (one report)',
  contested: 'contested',
};

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

// "from text: 2 events, 2 documents"; a fact with no event in the text says its level only.
export function supportText(support) {
  const level = LEVEL_WORDS[support.level] || support.level;
  if (!support.events) return level;
  return `${level}: ${plural(support.events, 'event')}, ${plural(support.documents, 'document')}`;
}

// An event id given as a string or as {event, change}.
const idOf = (e) => (typeof e === 'string' ? e : e.event);

// [button, list]: the list opens under the button; onEvent(id) opens an event's card. `fromPack`:
// the fact is the packs' (a pack membership or control interval), `note` their note.
export function evidenceToggle(support, evidence, onEvent, {fromPack = false, note = ''} = {}) {
  const list = el('div', {class: 'evidence-list', hidden: true});
  let loaded = false;
  const open = async () => {
    if (!loaded) {
      loaded = true;
      const events = await Promise.all(evidence.map((e) => getJson(`events/${enc(idOf(e))}`).catch(() => null)));
      const rows = events.map((e, i) => (e ? el('li', {class: 'evidence-event', dataset: {event: e.id}},
        actionLink(`${e.date || '?'} `, () => onEvent(e.id), {class: 'event-link', dataset: {id: e.id}}),
        el('span', {class: 'type-chip', style: `background:${typeColor(e.type)}`}, e.type),
        typeof evidence[i] === 'object' && evidence[i].change ? ` ${evidence[i].change}` : '',
        ' ', el('q', {class: 'evidence-sentence'}, e.evidence),
        el('span', {class: 'muted'}, ` — ${e.doc}${e.sources.length > 1 ? ` and ${plural(e.sources.length - 1, 'other source')}` : ''}`)) : null));
      const more = support.events > evidence.length ? el('p', {class: 'muted'}, `The first ${evidence.length} of ${support.events} events.`) : '';
      const none = evidence.length ? '' : el('p', {class: 'muted'},
        fromPack ? `Stated by the packs${note ? `: ${note}` : ''}; no event in the stored text states it.` : 'No event is stored for it.');
      list.replaceChildren(none, el('ul', {}, ...rows.filter(Boolean)), more);
    }
    list.hidden = !list.hidden;
  };
  const button = el('button', {type: 'button', class: `support support-${support.level.replace('+', '-')}`,
    title: 'show the events behind it', 'aria-expanded': 'false',
    onclick: async (ev) => {
      ev.stopPropagation();
      await open();
      button.setAttribute('aria-expanded', String(!list.hidden));
    }}, supportText(support));
  return [button, list];
}
