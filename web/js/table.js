// The event table: one row per event of the current filters, a page at a time, sortable by
// date, fatalities and number of sources; clicking a row opens the event's card.
import {getJson} from './api.js';
import {typeColor} from './colors.js';
import {el} from './dom.js';

export const PAGE_SIZE = 25;

function actorsText(side) {
  return side.map((a) => a.name).join('; ');
}

export class EventTable {
  // onEvent(id) when a row is clicked; onPage(offset) and onSort(sort) from the pager and headers.
  constructor(table, {onEvent, onPage, onSort}) {
    this.body = table.querySelector('tbody');
    this.onEvent = onEvent;
    this.abort = null;
    document.getElementById('page-prev').addEventListener('click', () => onPage(Math.max(0, this.offset - PAGE_SIZE)));
    document.getElementById('page-next').addEventListener('click', () => onPage(this.offset + PAGE_SIZE));
    for (const th of table.querySelectorAll('th[data-sort]')) {
      th.addEventListener('click', () => {
        const key = th.dataset.sort;
        // First click: largest/newest first; again: the other way.
        onSort(this.sort === `-${key}` ? key : `-${key}`);
      });
    }
    this.headers = table.querySelectorAll('th[data-sort]');
  }

  async show(filters, {sort = '-date', offset = 0} = {}) {
    this.sort = sort;
    this.offset = Number(offset) || 0;
    if (this.abort) this.abort.abort();
    this.abort = new AbortController();
    let data;
    try {
      data = await getJson('events', {...filters, sort, offset: this.offset, limit: PAGE_SIZE}, this.abort.signal);
    } catch (e) {
      if (e.name === 'AbortError') return null;
      throw e;
    }
    this.draw(data);
    return data;
  }

  draw(data) {
    this.body.replaceChildren(...data.events.map((e) => el('tr', {dataset: {id: e.id}, onclick: () => this.onEvent(e.id)},
      el('td', {class: 'nowrap'}, e.date || '—'),
      el('td', {}, el('span', {class: 'type-chip', style: `background:${typeColor(e.type)}`}, e.type)),
      el('td', {}, actorsText(e.actor1)),
      el('td', {}, actorsText(e.actor2)),
      el('td', {}, e.location ? e.location.name : '—'),
      el('td', {class: 'num'}, e.fatalities ?? ''),
      el('td', {class: 'evidence-cell', title: e.evidence}, e.evidence),
      el('td', {class: 'num'}, e.sources.length),
    )));
    if (!data.events.length) this.body.append(el('tr', {}, el('td', {colspan: 8, class: 'hint'}, 'No event matches the filters.')));
    const last = Math.min(data.total, this.offset + data.events.length);
    document.getElementById('page-info').textContent =
      data.total ? `${(this.offset + 1).toLocaleString()}–${last.toLocaleString()} of ${data.total.toLocaleString()}` : '0 events';
    document.getElementById('page-prev').disabled = this.offset === 0;
    document.getElementById('page-next').disabled = last >= data.total;
    document.getElementById('table-note').textContent = data.warnings.join('; ');
    for (const th of this.headers) {
      th.classList.toggle('sorted-asc', this.sort === th.dataset.sort);
      th.classList.toggle('sorted-desc', this.sort === `-${th.dataset.sort}`);
    }
  }
}
