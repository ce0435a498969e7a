// The page: wires the filters (kept in the URL) to the map, the timeline, the network, the
// control timeline, the table, the details panel, the Download menu and the Methodology dialog.
import {getJson} from './api.js';
import * as state from './state.js';
import {el} from './dom.js';
import {EventMap} from './map.js';
import {Timeline} from './timeline.js';
import {Network} from './network.js';
import {ControlTimeline} from './control.js';
import {EventTable} from './table.js';
import {Details} from './details.js';
import {DownloadMenu} from './download.js';
import {NewActorsPanel} from './new_actors.js';

const $ = (id) => document.getElementById(id);
let meta = null;
let years = [];  // the network slider's years: those of the data's extent
const FORM_KEYS = ['actor', 'type', 'region', 'from', 'to', 'text', 'min_fatalities'];

function status(message, isError = false) {
  const s = $('status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

// Runs a view's update; a failure is shown, never left unhandled.
async function guard(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e.name !== 'AbortError') status(e.message, true);
    return null;
  }
}

const details = new Details($('details'), $('details-title'), {
  showEvent: (id) => state.update({event: id, profile: undefined, doc: undefined}),
  showActor: (id) => state.update({profile: id, event: undefined, doc: undefined}),
  showDocument: (id) => state.update({doc: id, event: undefined, profile: undefined}),
  setFilter: (f) => state.update(f),
  searchText: () => state.get().text || '',
});

const eventMap = new EventMap($('map'), {
  onCluster: (c) => {
    if (c.count === 1 && c.event) state.update({event: c.event, profile: undefined, doc: undefined});
    else guard(details.showPlace(c, state.filters()).then(() => document.body.classList.add('has-details')));
  },
  // The view is not a step of its own in the history: it replaces the current entry.
  onView: (view) => state.update({view}, {push: false}),
  view: state.get().view,
  size: state.get().size,
});
const timeline = new Timeline($('timeline'), $('timeline-legend'), {
  onPeriod: (from, to) => state.update({from, to}),
  measure: state.get().measure,
});
const network = new Network($('network'), {
  onActor: (id) => state.update({profile: id, event: undefined, doc: undefined}),
  legend: $('network-sectors'),
});
const downloads = new DownloadMenu($('download'));
const control = new ControlTimeline($('control'), {
  onEvidence: (id) => state.update({event: id, profile: undefined, doc: undefined}),
});
const table = new EventTable($('events-table'), {
  onEvent: (id) => state.update({event: id, profile: undefined, doc: undefined}),
  onPage: (offset) => state.update({offset: offset || undefined}),
  onSort: (sort) => state.update({sort, offset: undefined}),
});
const newActors = new NewActorsPanel($('new-actors'), $('new-actors-note'), $('new-actors-min'), {
  onEvent: (id) => state.update({event: id, profile: undefined, doc: undefined}),
  onActor: (id) => state.update({profile: id, event: undefined, doc: undefined}),
});

// The period the network and profiles describe: the slider's month, else the filters' period.
function period(s) {
  if (s.at) return {at: s.at};
  return {from: s.from, to: s.to};
}

function syncForm(s) {
  for (const k of FORM_KEYS) {
    const input = $(`f-${k}`);
    if (input && document.activeElement !== input) input.value = s[k] || '';
  }
  const chip = $('f-place');
  chip.hidden = !s.place;
  chip.replaceChildren();
  if (s.place) chip.append(`place: ${s.place} `, el('button', {type: 'button', title: 'remove', onclick: () => state.update({place: undefined})}, '×'));
  const year = s.at ? years.indexOf(Number(s.at.slice(0, 4))) : -1;
  $('network-at').value = String(year >= 0 ? year + 1 : 0);
  $('network-month').value = s.at && s.at.length === 7 ? s.at : '';
  $('network-at-label').textContent = s.at ? s.at : (s.from || s.to ? `${s.from || '…'} – ${s.to || '…'}` : 'all time');
  $('map-size').value = s.size === 'fatalities' ? 'fatalities' : 'events';
  $('timeline-measure').value = s.measure === 'fatalities' ? 'fatalities' : 'events';
  $('timeline-title').textContent = s.measure === 'fatalities' ? 'Fatalities' : 'Events';
}

async function refreshFiltered(s) {
  const f = state.filters();
  status('Loading…');
  downloads.setFilters(f);
  const [data, , counts] = await Promise.all([
    guard(table.show(f, {sort: s.sort || '-date', offset: s.offset})),
    guard(eventMap.setFilters(f)),
    guard(timeline.setFilters(f)),
  ]);
  if (!data) return;
  // The timeline shows every date (its brush is the period): with a period, count it apart.
  const totals = f.from || f.to ? (await guard(getJson('timeline', f)))?.totals : counts?.totals;
  const killed = totals ? ` · ${totals.fatalities.toLocaleString()} killed` : '';
  status(`${data.total.toLocaleString()} of ${meta.events.toLocaleString()} events match${killed}` +
    (data.warnings.length ? ` — ${data.warnings.join('; ')}` : ''), data.warnings.length > 0);
}

function refreshNetwork(s) {
  $('network-note').textContent = s.at ? `in ${s.at}` : (s.from || s.to ? `${s.from || '…'} – ${s.to || '…'}` : 'all time');
  // The network follows the page's filters; the actor filter focuses it on that actor.
  const {from, to, ...others} = state.filters();
  return guard(network.show({...others, ...period(s)}));
}

function refreshDetails(s) {
  document.body.classList.toggle('has-details', Boolean(s.event || s.profile || s.doc));
  if (s.event) return guard(details.showEvent(s.event));
  if (s.profile) return guard(details.showActor(s.profile, period(s)));
  if (s.doc) return guard(details.showDocument(s.doc));
  return null;
}

function refreshControl(s) {
  const place = s.control || $('control-place').value;
  if (!place) return null;
  $('control-place').value = place;
  return guard(control.show(place, {last: meta.last_date}));
}

state.onChange((changed, s) => {
  syncForm(s);
  const filtersChanged = changed.some((k) => state.FILTER_KEYS.includes(k));
  if (filtersChanged) refreshFiltered(s);
  else if (changed.includes('offset') || changed.includes('sort')) guard(table.show(state.filters(), {sort: s.sort || '-date', offset: s.offset}));
  if (filtersChanged || changed.includes('at')) refreshNetwork(s);
  if (changed.includes('view') && s.view) eventMap.setView(s.view);
  if (changed.includes('size')) eventMap.setSize(s.size);
  if (changed.includes('measure')) timeline.setMeasure(s.measure);
  if (changed.some((k) => ['event', 'profile', 'doc'].includes(k)) || (s.profile && changed.some((k) => ['at', 'from', 'to'].includes(k)))) refreshDetails(s);
  if (changed.includes('control')) refreshControl(s);
});

function setUpForm() {
  const form = $('filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    for (const k of FORM_KEYS) values[k] = $(`f-${k}`).value.trim();
    state.update(values);
  });
  $('f-toggle').addEventListener('click', () => {
    const open = document.querySelector('.bar').classList.toggle('open');
    $('f-toggle').setAttribute('aria-expanded', String(open));
  });
  $('methodology-open').addEventListener('click', () => $('methodology').showModal());
  $('details-close').addEventListener('click', () => {
    document.body.classList.remove('has-details');
    state.update({event: undefined, profile: undefined, doc: undefined});
  });
  $('map-size').addEventListener('change', () => state.update({size: $('map-size').value === 'fatalities' ? 'fatalities' : undefined}));
  $('timeline-measure').addEventListener('change', () =>
    state.update({measure: $('timeline-measure').value === 'fatalities' ? 'fatalities' : undefined}));
  for (const k of ['type', 'region']) $(`f-${k}`).addEventListener('change', () => state.update({[k]: $(`f-${k}`).value}));
  $('f-reset').addEventListener('click', () => {
    const clear = {};
    for (const k of state.FILTER_KEYS) clear[k] = undefined;
    state.update({...clear, at: undefined});
  });
  // Actor suggestions as one types.
  let timer = null;
  $('f-actor').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = $('f-actor').value.trim();
      if (q.length < 2) return;
      const data = await guard(getJson('actors', {q, limit: 12}));
      if (!data) return;
      $('actor-options').replaceChildren(...data.actors.map((a) => el('option', {value: a.id, label: `${a.name} (${a.events} events)`})));
    }, 200);
  });
  $('network-at').addEventListener('input', () => {
    const i = Number($('network-at').value);
    $('network-at-label').textContent = i ? String(years[i - 1]) : 'all time';
  });
  $('network-at').addEventListener('change', () => {
    const i = Number($('network-at').value);
    state.update({at: i ? String(years[i - 1]) : undefined});
  });
  $('network-month').addEventListener('change', () => state.update({at: $('network-month').value || undefined}));
  $('control-place').addEventListener('change', () => state.update({control: $('control-place').value}));
}

// The years of the data's extent for the network's slider: from the year by which 1 % of the
// dated events have happened to the last (a few events a century back would stretch the slider
// over a hundred empty years), so the slider has a step per year, not per month.
function dataYears(t) {
  const dated = t.months.reduce((n, m) => n + m.total, 0);
  let seen = 0;
  const first = t.months.find((m) => (seen += m.total) >= 0.01 * dated);
  if (!first) return [];
  const from = Number(first.month.slice(0, 4));
  const to = Number(t.months[t.months.length - 1].month.slice(0, 4));
  return Array.from({length: to - from + 1}, (_, i) => from + i);
}

function fillSelect(select, options) {
  select.append(...options.map(([value, label]) => el('option', {value}, label)));
}

async function start() {
  meta = await getJson('meta');
  fillSelect($('f-type'), meta.types.map((t) => [t.type, `${t.type} (${t.events.toLocaleString()})`]));
  fillSelect($('f-region'), meta.regions.map((r) => [r.key, `${r.name} — ${r.events.toLocaleString()}`]));
  const places = (await getJson('control')).places;
  fillSelect($('control-place'), places.map((p) => [p.place, `${p.place} (${p.intervals})`]));
  const preferred = places.find((p) => p.key === 'kidal') || places[0];
  if (preferred) $('control-place').value = preferred.place;
  years = dataYears(await getJson('timeline'));
  $('network-at').max = String(years.length);
  if (years.length) {
    $('network-month').min = `${years[0]}-01`;
    $('network-month').max = `${years[years.length - 1]}-12`;
  }
  setUpForm();
  const s = state.get();
  syncForm(s);
  await guard(eventMap.loadBasemap());
  const newActorsShown = guard(newActors.show());  // not filtered: the store's new names, once
  eventMap.setRegions(meta.regions);  // region names at the middle zooms
  await Promise.all([refreshFiltered(s), refreshNetwork(s), refreshDetails(s), refreshControl(s)]);
  await newActorsShown;
  document.body.dataset.ready = 'true';
}

window.faultline = {state, map: eventMap.map, network: network.cy};
start().catch((e) => status(`The page could not start: ${e.message}`, true));
