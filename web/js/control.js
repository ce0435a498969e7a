// Who held a place when: one bar per interval on a time axis, one lane per holder, coloured by
// holder; contested claims are hatched, open intervals run to the end of the axis.
import {getJson, enc} from './api.js';

const MARGIN = {top: 6, right: 12, bottom: 22, left: 150};
const LANE = 22;

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
    let hi = d3.max([...dated.map(endOf), this.range?.last ? endOf(this.range.last) : new Date()]);
    if (this.range?.first) lo = d3.min([lo, startOf(this.range.first)]);
    lo = d3.utcYear.floor(lo);
    const width = Math.max(320, this.container.clientWidth);
    const height = MARGIN.top + MARGIN.bottom + LANE * lanes.length;
    const x = d3.scaleUtc().domain([lo, hi]).range([MARGIN.left, width - MARGIN.right]);
    const color = d3.scaleOrdinal(d3.schemeTableau10).domain(lanes);
    const svg = d3.create('svg').attr('width', width).attr('height', height).attr('class', 'control-svg');
    const defs = svg.append('defs');
    defs.append('pattern').attr('id', 'hatch').attr('width', 6).attr('height', 6)
      .attr('patternUnits', 'userSpaceOnUse').attr('patternTransform', 'rotate(45)')
      .append('rect').attr('width', 2).attr('height', 6).attr('fill', '#999');
    svg.append('g').selectAll('text').data(lanes).join('text')
      .attr('x', MARGIN.left - 6).attr('y', (_, i) => MARGIN.top + i * LANE + LANE / 2 + 4)
      .attr('text-anchor', 'end').attr('class', 'lane-label')
      .text((d) => (d.length > 24 ? `${d.slice(0, 23)}…` : d));
    const bars = svg.append('g').selectAll('rect').data(intervals).join('rect')
      .attr('class', (iv) => `control-bar ${iv.status}`)
      .attr('x', (iv) => x(iv.from ? startOf(iv.from) : lo))
      .attr('width', (iv) => Math.max(2, x(iv.to ? endOf(iv.to) : hi) - x(iv.from ? startOf(iv.from) : lo)))
      .attr('y', (iv) => MARGIN.top + lanes.indexOf(iv.holders.map((h) => h.name).join(' + ') || 'unknown') * LANE + 3)
      .attr('height', LANE - 6)
      .attr('rx', 3)
      .attr('fill', (iv) => (iv.status === 'contested' ? 'url(#hatch)' : color(iv.holders.map((h) => h.name).join(' + ') || 'unknown')))
      .attr('stroke', (iv) => color(iv.holders.map((h) => h.name).join(' + ') || 'unknown'))
      .style('cursor', (iv) => (iv.evidence.length ? 'pointer' : 'default'))
      .on('click', (_, iv) => iv.evidence.length && this.onEvidence(iv.evidence[0].event));
    bars.append('title').text((iv) => {
      const who = iv.holders.map((h) => h.name).join(' + ') || 'unknown holder';
      const when = `${iv.from || '…'} – ${iv.to || (iv.open ? 'now' : '…')}`;
      const why = iv.note ? `\n${iv.note}` : '';
      return `${who}, ${when} (${iv.source}${iv.status === 'contested' ? ', contested claim' : iv.status === 'claimed' ? ', claimed by one report' : ''}; ${iv.evidence.length} evidence event(s))${why}`;
    });
    svg.append('g').attr('transform', `translate(0,${height - MARGIN.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor((width - MARGIN.left) / 70))).tickSizeOuter(0));
    this.container.replaceChildren(svg.node());
  }
}
