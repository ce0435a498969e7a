// The details panel: an event's card (its evidence sentence with the actors and place marked,
// and every source with a link to the document), an actor's profile (aliases, memberships,
// leaders, allies and enemies at the period and year by year; each membership and relation with
// its support and the events behind it), a document, or the events at one place.
import {getJson, enc} from './api.js';
import {typeColor, scoreColor, RELATION_COLORS} from './colors.js';
import {el, actionLink, highlighted} from './dom.js';
import {evidenceToggle} from './evidence.js';

// Where the mentions of the event's actors and its place are in the sentence.
function evidenceMarks(e, searchText) {
  const marks = [];
  const text = e.evidence;
  const lower = text.toLowerCase();
  const mark = (needle, kind, title) => {
    if (!needle) return;
    const at = lower.indexOf(needle.toLowerCase());
    if (at >= 0) marks.push({begin: at, end: at + needle.length, kind, title});
  };
  for (const a of e.actor1) mark(a.mention, 'actor1', `actor 1: ${a.name}`);
  for (const a of e.actor2) mark(a.mention, 'actor2', `actor 2: ${a.name}`);
  if (e.location) mark(e.location.name, 'place', `place: ${e.location.name}`);
  for (const w of (searchText || '').split(/\s+/).filter((w) => w.length > 1)) mark(w.replace(/\*$/, ''), 'word', 'search');
  return marks;
}

function field(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

export class Details {
  constructor(container, title, actions) {
    this.container = container;
    this.title = title;
    // actions: showEvent(id), showActor(id), showDocument(id), setFilter({...}), searchText()
    this.actions = actions;
  }

  set(title, ...children) {
    this.title.textContent = title;
    this.container.replaceChildren(...children);
    this.container.scrollTop = 0;
  }

  error(message) {
    this.set('Details', el('p', {class: 'error'}, message));
  }

  async showEvent(id) {
    const e = await getJson(`events/${enc(id)}`);
    const a = this.actions;
    const actorList = (side) => (side.length ? side.map((x, i) => [i ? ', ' : '',
      actionLink(x.name, () => a.showActor(x.affiliation_id || x.id), {class: 'actor-link', dataset: {actor: x.id}}),
      x.affiliation ? ` (for ${x.affiliation})` : '']) : ['—']);
    const sources = e.sources.map((s) => el('li', {class: 'source'},
      el('div', {class: 'source-head'},
        actionLink(s.doc, () => a.showDocument(s.doc), {class: 'doc-link'}),
        s.source ? ` — ${s.source}` : '', s.published ? `, ${s.published}` : '',
        s.url ? [' ', el('a', {href: s.url, target: '_blank', rel: 'noopener noreferrer'}, 'original ↗')] : ''),
      el('q', {}, s.evidence)));
    this.set('Event',
      el('div', {class: 'card event-card', dataset: {id: e.id}},
        el('div', {class: 'card-head'},
          el('span', {class: 'type-chip', style: `background:${typeColor(e.type)}`}, e.type + (e.mode ? ` / ${e.mode}` : '')),
          el('span', {class: 'date'}, e.date ? `${e.date} (${e.date_precision})` : 'date unknown')),
        el('blockquote', {class: 'evidence'}, ...highlighted(e.evidence, evidenceMarks(e, a.searchText()))),
        el('dl', {class: 'facts'},
          ...field('Actor 1', ...actorList(e.actor1)),
          ...field('Actor 2', ...actorList(e.actor2)),
          ...field('Place', e.location ? [actionLink(e.location.name, () => a.setFilter({place: e.location.name})),
            e.location.admin1 ? `, ${e.location.admin1}` : '', e.location.country ? ` (${e.location.country})` : ''] : '—'),
          ...field('Killed', e.fatalities ?? 'not stated'),
          ...field('ACLED', [e.acled_type, e.acled_subtype].filter(Boolean).join(' / ') || '—'),
          ...field('CAMEO', e.cameo || '—'),
          ...field('Confidence', e.confidence.toFixed(2)),
          ...field('Event id', el('code', {}, e.id))),
        el('h3', {}, `Sources (${e.sources.length})`),
        el('ul', {class: 'sources'}, ...sources)));
  }

  async showActor(id, period) {
    const p = await getJson(`actors/${enc(id)}`, period);
    const a = this.actions;
    const who = (x) => actionLink(x.name, () => a.showActor(x.actor), {class: 'actor-link'});
    const dates = (x) => ` ${x.from || '…'} – ${x.to || '…'}`;
    const section = (title, rows) => (rows.length ? [el('h3', {}, title), el('ul', {class: 'facts-list'}, ...rows)] : []);
    // A fact's support and, on a click, the events behind it (evidence.js).
    const evidence = (x) => (x.support ? [' ', ...evidenceToggle(x.support, x.evidence, a.showEvent, {fromPack: x.source?.startsWith('pack'), note: x.note || ''})] : []);
    const relationRow = (r) => el('li', {class: `relation ${r.kind}`, dataset: {actor: r.actor}},
      el('i', {class: 'dot', style: `background:${RELATION_COLORS[r.kind]}`}), who(r),
      ` — ${r.kind}, score ${r.score >= 0 ? '+' : ''}${r.score.toFixed(2)}`,
      r.via.length ? ` (through ${r.via.join(', ')})` : '', ...evidence(r));
    const membershipRow = (m, withNote) => el('li', {class: 'membership', dataset: {actor: m.actor, source: m.source}},
      who(m), dates(m), ...evidence(m), withNote && m.note ? el('div', {class: 'muted'}, m.note) : '');
    const w = p.window;
    const period_text = w.from || w.to ? `${w.from || '…'} – ${w.to || '…'}` : 'all time';
    this.set('Actor',
      el('div', {class: 'card actor-profile', dataset: {id: p.id}},
        el('div', {class: 'card-head'}, el('strong', {class: 'actor-name'}, p.name), ' ', el('code', {}, p.id)),
        el('p', {class: 'muted'}, [p.kind, p.sector, p.country_name || p.country].filter(Boolean).join(' · '),
          ` · ${p.events.toLocaleString()} events · facts for ${period_text}`),
        el('p', {}, actionLink('Show this actor\'s events', () => a.setFilter({actor: p.id}), {class: 'button-link'})),
        p.aliases.length ? [el('h3', {}, 'Also called'), el('p', {class: 'aliases'}, p.aliases.join(' · '))] : [],
        ...section('Member of', p.member_of.map((m) => membershipRow(m, true))),
        ...section('Members', p.members.map((m) => membershipRow(m, false))),
        ...section('Leaders', p.leaders.map((l) => el('li', {}, who(l), ` — ${l.role}`, dates(l)))),
        ...section('Roles', p.roles.map((l) => el('li', {}, l.role, ' of ', who(l), dates(l)))),
        ...section('Allies and enemies', p.relations.slice(0, 15).map(relationRow)),
        this.relationsOverTime(p),
        ...section('Latest events', p.recent_events.map((e) => el('li', {},
          actionLink(`${e.date || '?'} ${e.type}`, () => a.showEvent(e.id)), ` — ${e.evidence}`)))));
  }

  // A grid: the actor's most frequent counterparts by year, each cell coloured by the year's score.
  relationsOverTime(p) {
    const years = p.relations_by_year;
    if (!years.length) return [];
    const totals = new Map();
    for (const y of years) for (const r of y.relations) totals.set(r.actor, (totals.get(r.actor) || 0) + r.events);
    const top = [...totals.entries()].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([id]) => id);
    const names = new Map(years.flatMap((y) => y.relations.map((r) => [r.actor, r.name])));
    const head = el('tr', {}, el('th', {}, ''), ...years.map((y) => el('th', {}, String(y.year).slice(2))));
    const rows = top.map((id) => el('tr', {},
      el('th', {class: 'name'}, actionLink(names.get(id), () => this.actions.showActor(id))),
      ...years.map((y) => {
        const r = y.relations.find((x) => x.actor === id);
        return r ? el('td', {style: `background:${scoreColor(r.score)}`, title: `${y.year}: ${r.kind}, ${r.events} event(s)`}, r.events)
          : el('td', {}, '');
      })));
    return [el('h3', {}, 'Over time (by year; green ally, red enemy)'), el('table', {class: 'over-time'}, el('thead', {}, head), el('tbody', {}, ...rows))];
  }

  async showDocument(id) {
    const d = await getJson(`documents/${enc(id)}`);
    this.set('Document',
      el('div', {class: 'card document', dataset: {id: d.id}},
        el('div', {class: 'card-head'}, el('strong', {}, d.id)),
        el('p', {class: 'muted'}, [d.source, d.published].filter(Boolean).join(', '),
          d.url ? [' · ', el('a', {href: d.url, target: '_blank', rel: 'noopener noreferrer'}, 'original ↗')] : ''),
        el('p', {class: 'muted'}, 'The sentences of this document that are evidence of events:'),
        el('ol', {class: 'doc-sentences'}, ...d.sentences.map((s) => el('li', {value: s.sentence + 1},
          el('q', {}, s.evidence), ' ',
          ...s.events.map((e) => [actionLink(e.type, () => this.actions.showEvent(e.id), {class: 'type-chip', style: `background:${typeColor(e.type)}`}), ' '])))))
    );
  }

  // The events at one place (a circle of the map that holds several).
  async showPlace(cluster, filters) {
    const d = 0.0005;
    const bbox = [cluster.lon - d, cluster.lat - d, cluster.lon + d, cluster.lat + d].map((x) => x.toFixed(5)).join(',');
    const data = await getJson('events', {...filters, bbox, sort: '-date', limit: 50});
    this.set(`${cluster.place || 'Here'}: ${data.total} event${data.total === 1 ? '' : 's'}`,
      el('ul', {class: 'place-events'}, ...data.events.map((e) => el('li', {},
        actionLink(`${e.date || '?'} `, () => this.actions.showEvent(e.id), {class: 'event-link', dataset: {id: e.id}}),
        el('span', {class: 'type-chip', style: `background:${typeColor(e.type)}`}, e.type), ' ', e.evidence))),
      data.total > data.events.length ? el('p', {class: 'muted'}, `Showing the latest ${data.events.length}; narrow the filters to see others.`) : '');
  }
}
