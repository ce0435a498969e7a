// The "New actors" panel: the names no pack knows that the events carry (GET /api/new-actors, as
// `faultline discover` lists them), each with its counts, dates, guessed kind, country and sector,
// whom it fought or allied with and the pack actor it may be; opened, its example sentences (a
// click opens that event's card) and the command that adopts it into a user pack.
import {getJson} from './api.js';
import {el, actionLink} from './dom.js';

const plural = (n, word) => `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;

function counterparts(list, onActor) {
  return list.map((c, i) => [i ? ', ' : '', actionLink(c.name, () => onActor(c.id), {class: 'actor-link', dataset: {actor: c.id}}),
    ` (${c.events})`]);
}

function links(list) {
  return list.map((l) => `${l.name} (${l.id}; ${l.how}, ${l.score.toFixed(2)})`).join('; ');
}

// A line of the facts list, or nothing when the value is empty.
function fact(label, value) {
  if (!value || (Array.isArray(value) && !value.length)) return [];
  return [el('dt', {}, label), el('dd', {}, ...(Array.isArray(value) ? value : [value]))];
}

// The adopting command as text to select or copy.
function adoptBox(command) {
  const input = el('input', {class: 'adopt-command', readonly: true, value: command, spellcheck: 'false',
    onfocus: (e) => e.target.select(), 'aria-label': 'command that adopts this actor'});
  const copy = el('button', {type: 'button', class: 'adopt-copy', onclick: async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(command);
      copy.textContent = 'Copied';
    } catch {
      copy.textContent = 'Select and copy';  // no clipboard (a page not served from a secure origin)
    }
  }}, 'Copy');
  return el('div', {class: 'adopt'}, input, copy);
}

export class NewActorsPanel {
  // onEvent(id) when an example sentence is clicked; onActor(id) for a counterpart.
  constructor(container, note, minDocuments, {onEvent, onActor}) {
    this.container = container;
    this.note = note;
    this.minDocuments = minDocuments;
    this.onEvent = onEvent;
    this.onActor = onActor;
    minDocuments.addEventListener('change', () => this.show().catch((e) => this.error(e)));
  }

  error(e) {
    this.container.replaceChildren(el('p', {class: 'error'}, `New actors could not be listed: ${e.message}`));
  }

  async show() {
    const min = Number(this.minDocuments.value) || 1;
    if (!this.container.firstChild) this.container.append(el('p', {class: 'hint'}, 'Looking for names no pack knows…'));
    const data = await getJson('new-actors', {min_documents: min, limit: 100});
    this.note.textContent = data.total ? `${plural(data.total, 'name')} no pack knows` : '';
    if (!data.candidates.length) {
      const where = min > 1 ? `in ${min} or more of the ${plural(data.documents, 'document')}` : `in the ${plural(data.documents, 'document')}`;
      this.container.replaceChildren(el('p', {class: 'hint new-actors-empty'},
        `No name outside the packs was seen ${where}: every actor the events name is one the packs know.`));
      return data;
    }
    const items = data.candidates.map((c) => this.item(c));
    if (data.total > data.candidates.length) items.push(el('li', {class: 'hint'}, `…and ${data.total - data.candidates.length} more (faultline discover lists them all).`));
    this.container.replaceChildren(el('ul', {class: 'new-actors'}, ...items));
    return data;
  }

  item(c) {
    const guess = [c.kind, c.country, c.sector].filter(Boolean).join(', ');
    const also = [...c.acronyms, ...c.aliases].join('; ');
    const seen = c.first_seen ? (c.first_seen === c.last_seen ? c.first_seen : `${c.first_seen} – ${c.last_seen}`) : 'dates unknown';
    const match = c.pack_matches[0];
    const examples = c.examples.map((x) => el('li', {},
      actionLink(x.text, () => this.onEvent(x.event), {class: 'example-link', dataset: {event: x.event}, title: `event ${x.event}, document ${x.document}`}),
      el('span', {class: 'muted'}, ` — ${x.document}`)));
    return el('li', {class: 'new-actor', dataset: {id: c.id}},
      el('details', {},
        el('summary', {},
          el('strong', {class: 'new-actor-name'}, c.name),
          also ? el('span', {class: 'muted'}, ` (${also})`) : '',
          ' ', el('span', {class: 'chip'}, guess),
          el('span', {class: 'new-actor-counts muted'}, ` ${plural(c.documents, 'document')}, ${plural(c.events, 'event')}, ${seen}`),
          match ? el('span', {class: 'pack-match', title: links(c.pack_matches)}, ` may be ${match.name} (${match.score.toFixed(2)})`) : ''),
        el('dl', {class: 'facts'},
          ...fact('Also', also),
          ...fact('For', c.affiliation),
          ...fact('Fought', c.fought.length ? counterparts(c.fought, this.onActor) : null),
          ...fact('Allied', c.allied.length ? counterparts(c.allied, this.onActor) : null),
          ...fact('Linked', links(c.linked)),
          ...fact('May be', links(c.pack_matches)),
          ...fact('Ids', c.ids.join(', '))),
        el('h3', {}, `Evidence (${c.examples.length} of ${plural(c.events, 'event')})`),
        el('ul', {class: 'examples'}, ...examples),
        // Adopting under a pack actor's id adds the candidate's names to that actor.
        el('h3', {}, match && match.id === c.suggested_id ? `Add its names to ${match.name} (${match.id})` : `Adopt it as ${c.suggested_id}`),
        adoptBox(c.adopt),
        el('p', {class: 'hint'}, 'This writes it into packs/user/actors.tsv (edit --id to choose another id); ',
          el('code', {}, 'faultline ingest --recode --pack packs/user'), ' then codes its events under that id.')));
  }
}
