// Who held a place when: one bar per interval on a time axis, one lane per holder, coloured by
// holder; contested claims are hatched, claims of one report pale, open intervals run to the end
// of the axis. The axis spans the place's own intervals (from the first year one starts), not the
// store's dates; each lane's label (the holders' whole names, on as many lines as the width
// needs) sits above its bars, so no name is cut. Under the drawing, each interval is listed with
// its support level and the events behind it (evidence.js); a click on a bar opens its list.
import {getJson, enc} from './api.js';
import {el} from './dom.js';
import {evidenceToggle} from './evidence.js';

const MARGIN = {top: 6, right: 12, bottom: 22};
const LINE = 13;  // a line of a lane's label
const BAR = 14;
const LEFT = 8;

// The width of a label in pixels (11 px DejaVu Sans, as the CSS sets it).
let canvas = null;
function textWidth(text) {
  canvas ??= document.createElement('canvas').getContext('2d');
  canvas.font = '11px "DejaVu Sans", Arial, sans-serif';
  return canvas.measureText(text).width;
}
// Words of `text` on lines no wider than `width` (a single word wider than that has a line).
function wrap(text, width) {
  const lines = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function startOf(s) {
  const [y, m = 1, d = 1] = s.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
function endOf(s) {
  const p = s.split('-').map(Number);
  if (p.length === 1) return new Date(Date.UTC(p[0] + 1, 0, 1));
  if (p.length === 2) return new Date(Date.UTC(p[0], p[1], 1));
  return new Date(Date.UTC(p[0], p[1] - 1, p[2] + 1));
}

export class ControlTimeline {
  // onEvidence(eventId) when a bar with evidence is clicked.
  constructor(container, {onEvidence}) {
    this.container = container;
    this.onEvidence = onEvidence;
    window.addEventListener('resize', () => this.data && this.draw());
  }

  async show(place, range) {
    this.range = range;
    this.data = await getJson(`control/${enc(place)}`);
    this.draw();
  }

  draw() {
    const {intervals} = this.data;
    const lanes = [...new Set(intervals.map((iv) => iv.holders.map((h) => h.name).join(' + ') || 'unknown'))];
    const dated = intervals.flatMap((iv) => [iv.from, iv.to].filter(Boolean));
    let lo = dated.length ? d3.min(dated.map(startOf)) : new Date(Date.UTC(2012, 0, 1));
    // Open intervals run to the store's last date.
    const hi = d3.max([...dated.map(endOf), this.range?.last ? endOf(this.range.last) : new Date()]);
    lo = d3.utcYear.floor(lo);
    const width = Math.max(320, this.container.clientWidth);
    const holdersOf = (iv) => iv.holders.map((h) => h.name).join(' + ') || 'unknown';
    // Each lane: its label's lines, then a bar; lanes one below the other.
    const lines = lanes.map((l) => wrap(l, width - LEFT - MARGIN.right));
    const tops = [];
    let y = MARGIN.top;
    for (const l of lines) {
      tops.push(y);
      y += LINE * l.length + BAR + 8;
    }
    const height = y + MARGIN.bottom;
    const barY = (lane) => tops[lane] + LINE * lines[lane].length + 3;
    const x = d3.scaleUtc().domain([lo, hi]).range([LEFT, width - MARGIN.right]);
    const color = d3.scaleOrdinal(d3.schemeTableau10).domain(lanes);
    const svg = d3.create('svg').attr('width', width).attr('height', height).attr('class', 'control-svg')
      .attr('data-first', lo.toISOString().slice(0, 10));
    const defs = svg.append('defs');
    defs.append('pattern').attr('id', 'hatch').attr('width', 6).attr('height', 6)
      .attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)')
      .append('rect').attr('width', 2).attr('height', 6).attr('fill', '#999');
    const labels = svg.append('g').selectAll('text').data(lanes).join('text')
      .attr('class', 'lane-label');
    labels.append('title').text((d) => d);
    labels.each(function (_, lane) {
      d3.select(this).selectAll('tspan').data(lines[lane]).join('tspan')
        .attr('x', LEFT).attr('y', (_, k) => tops[lane] + LINE * (k + 1) - 2).text((t) => t);
    });
    const bars = svg.append('g').selectAll('rect').data(intervals).join('rect')
      .attr('class', (iv) => `control-bar ${iv.status}`)
      .attr('x', (iv) => x(iv.from ? startOf(iv.from) : lo))
      .attr('width', (iv) => Math.max(2, x(iv.to ? endOf(iv.to) : hi) - x(iv.from ? startOf(iv.from) : lo)))
      .attr('y', (iv) => barY(lanes.indexOf(holdersOf(iv))))
      .attr('height', BAR)
      .attr('rx', 3)
      .attr('fill', (iv) => (iv.status === 'contested' ? 'url(#hatch)' : color(holdersOf(iv))))
      .attr('stroke', (iv) => color(holdersOf(iv)))
      .style('cursor', 'pointer')
      .on('click', (_, iv) => this.openEvidence(intervals.indexOf(iv)));
    bars.append('title').text((iv) => {
      const who = iv.holders.map((h) => h.name).join(' + ') || 'unknown holder';
      const when = `${iv.from || '…'} – ${iv.to || (iv.open ? 'now' : '…')}`;
      const why = iv.note ? `\n${iv.note}` : '';
      const support = iv.support ? `${iv.support.events} evidence event(s), ${iv.support.documents} document(s)` : '';
      return `${who}, ${when} (${iv.source}${iv.status === 'contested' ? ', contested claim' : iv.status === 'claimed' ? ', claimed by one report' : ''}; ${support})${why}`;
    });
    svg.append('g').attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((width - LEFT) / 70))).tickSizeOuter(0));
    this.container.replaceChildren(svg.node(), this.intervalList(intervals));
  }

  // Every interval with its dates, holders, support level and (on a click) its evidence.
  intervalList(intervals) {
    this.toggles = intervals.map((iv) => (iv.support ? evidenceToggle(iv.support, iv.evidence, this.onEvidence, {fromPack: iv.source === 'pack', note: iv.note || ''}) : []));
    return el('ol', {class: 'control-intervals'}, ...intervals.map((iv, i) => el('li', {class: `control-interval ${iv.status}`, dataset: {index: i}},
      `${iv.from || '…'} – ${iv.to || (iv.open ? 'now' : '…')} `,
      el('strong', {}, iv.holders.map((h) => h.name).join(' + ') || 'unknown holder'),
      iv.source === 'pack' ? ' (packs)' : '', ' ', ...this.toggles[i])));
  }

  // Opens the list of the events behind interval `i` (a click on its bar).
  openEvidence(i) {
    const [button, list] = this.toggles?.[i] || [];
    if (!button) return;
    if (list.hidden) button.click();
    button.scrollIntoView({block: 'nearest'});
  }
}
