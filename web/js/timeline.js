// The timeline: events or fatalities by month as bars stacked by type, with a brush — dragging
// across it chooses the period that filters everything else (from/to), clicking clears it.
import {getJson} from './api.js';
import {typeColor} from './colors.js';

const HEIGHT = 150;
const MARGIN = {top: 8, right: 12, bottom: 22, left: 36};

function parseMonth(m) {
  const [y, mo] = m.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, 1));
}
function monthString(d) {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
function nextMonth(d) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}
// The first day of a filter date (YYYY, YYYY-MM or YYYY-MM-DD), and the first day after its end.
function dateStart(s) {
  const [y, m = 1, d = 1] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
function dateEnd(s) {
  const parts = s.split('-').map(Number);
  if (parts.length === 1) return new Date(Date.UTC(parts[0] + 1, 0, 1));
  if (parts.length === 2) return new Date(Date.UTC(parts[0], parts[1], 1));
  return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + 1));
}

export class Timeline {
  // onPeriod(from, to) with months as YYYY-MM, or (undefined, undefined) when cleared.
  constructor(container, legend, {onPeriod, measure}) {
    this.container = container;
    this.measure = measure === 'fatalities' ? 'fatalities' : 'events';
    this.legend = legend;
    this.onPeriod = onPeriod;
    this.abort = null;
    this.period = {};
    window.addEventListener('resize', () => this.data && this.draw());
  }

  // The timeline shows every date (the period is the brush on it), under the other filters.
  async setFilters(filters) {
    const {from, to, ...others} = filters;
    this.period = {from, to};
    if (this.abort) this.abort.abort();
    this.abort = new AbortController();
    try {
      this.data = await getJson('timeline', others, this.abort.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      throw e;
    }
    this.draw();
    return this.data;
  }

  // 'events' or 'fatalities'.
  setMeasure(measure) {
    this.measure = measure === 'fatalities' ? 'fatalities' : 'events';
    if (this.data) this.draw();
  }

  draw() {
    const data = this.data;
    const width = Math.max(300, this.container.clientWidth);
    const svg = d3.create('svg').attr('width', width).attr('height', HEIGHT).attr('class', 'timeline-svg');
    this.container.replaceChildren(svg.node());
    if (!data.months.length) {
      svg.append('text').attr('x', 10).attr('y', 30).text('No dated events match the filters.');
      this.drawLegend([]);
      return;
    }
    const months = data.months.map((m) => ({...m, date: parseMonth(m.month)}));
    const first = months[0].date;
    const last = nextMonth(months[months.length - 1].date);
    const x = d3.scaleUtc().domain([first, last]).range([MARGIN.left, width - MARGIN.right]);
    const killed = this.measure === 'fatalities';
    const total = (m) => (killed ? m.fatalities : m.total);
    const max = d3.max(months, total) || 1;
    const y = d3.scaleLinear().domain([0, max]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const types = data.types;
    const stack = d3.stack().keys(types).value((m, t) => (killed ? m.fatalities_by[t] : m.counts[t]) || 0)(months);
    svg.attr('data-measure', this.measure);

    svg.append('g').selectAll('g').data(stack).join('g')
      .attr('fill', (s) => typeColor(s.key))
      .attr('data-type', (s) => s.key)
      .selectAll('rect').data((s) => s.filter((d) => d[1] > d[0])).join('rect')
      .attr('x', (d) => x(d.data.date) + 0.5)
      .attr('width', (d) => Math.max(1, x(nextMonth(d.data.date)) - x(d.data.date) - 1))
      .attr('y', (d) => y(d[1]))
      .attr('height', (d) => y(d[0]) - y(d[1]))
      .append('title').text(function (d) {
        const type = this.parentNode.parentNode.dataset.type;
        return killed ? `${d.data.month}: ${d[1] - d[0]} killed in ${type} events (${d.data.fatalities} in all)`
          : `${d.data.month}: ${d[1] - d[0]} ${type} (${d.data.total} in all)`;
      });
    svg.append('g').attr('transform', `translate(0,${HEIGHT - MARGIN.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 80))).tickSizeOuter(0));
    svg.append('g').attr('transform', `translate(${MARGIN.left},0)`).call(d3.axisLeft(y).ticks(4));

    // The brush, snapped to whole months.
    const brush = d3.brushX().extent([[MARGIN.left, MARGIN.top], [width - MARGIN.right, HEIGHT - MARGIN.bottom]])
      .on('end', (event) => {
        if (!event.sourceEvent) return;  // moved by code
        if (!event.selection) {
          this.onPeriod(undefined, undefined);
          return;
        }
        const [a, b] = event.selection.map((px) => x.invert(px));
        const from = d3.utcMonth.floor(a);
        let to = d3.utcMonth.floor(b);
        if (to < from) to = from;
        this.onPeriod(monthString(from), monthString(to));
      });
    const g = svg.append('g').attr('class', 'brush').call(brush);
    if (this.period.from || this.period.to) {
      const a = this.period.from ? dateStart(this.period.from) : first;
      const b = this.period.to ? dateEnd(this.period.to) : last;
      const clamp = (d) => Math.min(Math.max(x(d), MARGIN.left), width - MARGIN.right);
      if (clamp(b) > clamp(a)) g.call(brush.move, [clamp(a), clamp(b)]);
    }
    this.drawLegend(types);
    const notes = [];
    const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
    const unit = killed ? ' killed' : '';
    const yearOnly = sum(killed ? data.year_only_fatalities : data.year_only);
    const undated = killed ? data.undated_fatalities : data.undated;
    if (yearOnly) notes.push(`${yearOnly}${unit} dated to a year only`);
    if (undated) notes.push(`${undated}${unit} undated`);
    if (notes.length) this.legend.append(document.createTextNode(` — not shown: ${notes.join(', ')}`));
  }

  drawLegend(types) {
    this.legend.replaceChildren();
    for (const t of types) {
      const item = document.createElement('span');
      const chip = document.createElement('i');
      chip.style.background = typeColor(t);
      item.append(chip, document.createTextNode(t));
      this.legend.append(item);
    }
  }
}
