// The page: wires the filters (kept in the URL) to the map, the timeline, the network, the
// control timeline, the table and the details panel.
import {getJson} from './api.js';
import * as state from './state.js';
import {el} from './dom.js';
import {EventMap} from './map.js';
import {Timeline} from './timeline.js';
import {Network} from './network.js';
import {ControlTimeline} from './control.js';
import {EventTable} from './table.js';
import {Details} from './details.js';

const $ = (id) => document.getElementById(id);
let meta = null;
let months = [];  // the network slider's months, YYYY-MM

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
    else guard(details.showPlace(c, state.filters()));
  },
});
const timeline = new Timeline($('timeline'), $('timeline-legend'), {
  onPeriod: (from, to) => state.update({from, to}),
});
const network = new Network($('network'), {
  onActor: (id) => state.update({profile: id, event: undefined, doc: undefined}),
});
const control = new ControlTimeline($('control'), {
  onEvidence: (id) => state.update({event: id, profile: undefined, doc: undefined}),
});
const table = new EventTable($('events-table'), {
  onEvent: (id) => state.update({event: id, profile: undefined, doc: undefined}),
  onPage: (offset) => state.update({offset: offset || undefined}),
  onSort: (sort) => state.update({sort, offset: undefined}),
});

// The period the network and profiles describe: the slider's month, else the filters' period.
function period(s) {
  if (s.at) return {at: s.at};
  return {from: s.from, to: s.to};
}

function syncForm(s) {
  for (const k of ['actor', 'type', 'region', 'from', 'to', 'text']) {
    const input = $(`f-${k}`);
    if (input && document.activeElement !== input) input.value = s[k] || '';
  }
  const chip = $('f-place');
  chip.hidden = !s.place;
  chip.replaceChildren();
  if (s.place) chip.append(`place: ${s.place} `, el('button', {type: 'button', title: 'remove', onclick: () => state.update({place: undefined})}, '×'));
  const at = months.indexOf(s.at);
  $('network-at').value = String(at >= 0 ? at + 1 : 0);
  $('network-at-label').textContent = s.at ? s.at : (s.from || s.to ? `${s.from || '…'} – ${s.to || '…'}` : 'all time');
}

async function refreshFiltered(s) {
  const f = state.filters();
  status('Loading…');
  const [data] = await Promise.all([
    guard(table.show(f, {sort: s.sort || '-date', offset: s.offset})),
    guard(eventMap.setFilters(f)),
    guard(timeline.setFilters(f)),
  ]);
  if (data) status(`${data.total.toLocaleString()} of ${meta.events.toLocaleString()} events match` +
    (data.warnings.length ? ` — ${data.warnings.join('; ')}` : ''), data.warnings.length > 0);
}

function refreshNetwork(s) {
  $('network-note').textContent = s.at ? `in ${s.at}` : (s.from || s.to ? `${s.from || '…'} – ${s.to || '…'}` : 'all time');
  return guard(network.show(period(s)));
}

function refreshDetails(s) {
  if (s.event) return guard(details.showEvent(s.event));
  if (s.profile) return guard(details.showActor(s.profile, period(s)));
  if (s.doc) return guard(details.showDocument(s.doc));
  return null;
}

function refreshControl(s) {
  const place = s.control || $('control-place').value;
  if (!place) return null;
  $('control-place').value = place;
  return guard(control.show(place, {first: meta.first_date, last: meta.last_date}));
}

state.onChange((changed, s) => {
  syncForm(s);
  const filtersChanged = changed.some((k) => state.FILTER_KEYS.includes(k));
  if (filtersChanged) refreshFiltered(s);
  else if (changed.includes('offset') || changed.includes('sort')) guard(table.show(state.filters(), {sort: s.sort || '-date', offset: s.offset}));
  if (changed.some((k) => ['at', 'from', 'to'].includes(k))) refreshNetwork(s);
  if (changed.some((k) => ['event', 'profile', 'doc'].includes(k)) || (s.profile && changed.some((k) => ['at', 'from', 'to'].includes(k)))) refreshDetails(s);
  if (changed.includes('control')) refreshControl(s);
});

function setUpForm() {
  const form = $('filters');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = {};
    for (const k of ['actor', 'type', 'region', 'from', 'to', 'text']) values[k] = $(`f-${k}`).value.trim();
    state.update(values);
  });
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
    $('network-at-label').textContent = i ? months[i - 1] : 'all time';
  });
  $('network-at').addEventListener('change', () => {
    const i = Number($('network-at').value);
    state.update({at: i ? months[i - 1] : undefined});
  });
  $('control-place').addEventListener('change', () => state.update({control: $('control-place').value}));
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
  if (meta.first_date && meta.last_date) {
    for (let d = new Date(`${meta.first_date.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= meta.last_date.slice(0, 7);
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.push(d.toISOString().slice(0, 7));
  }
  $('network-at').max = String(months.length);
  setUpForm();
  const s = state.get();
  syncForm(s);
  await guard(eventMap.loadBasemap());
  await Promise.all([refreshFiltered(s), refreshNetwork(s), refreshDetails(s), refreshControl(s)]);
  document.body.dataset.ready = 'true';
}

window.faultline = {state, map: eventMap.map, network: network.cy};
start().catch((e) => status(`The page could not start: ${e.message}`, true));
