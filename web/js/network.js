// The alliance and hostility network of a date or period: actors as nodes inside the coalition
// they belonged to then (compound nodes), relations as edges — green for allies, red for enemies,
// orange for mixed, thickness by the weight of the events between them; member edges dashed. It
// follows the page's filters (the server sums relations over the matching events) and shows the
// strongest relations; its legend names the node colours (sectors) present.
import {getJson} from './api.js';
import {RELATION_COLORS} from './colors.js';
import {el} from './dom.js';

// The strongest relations shown (the rest would make a hairball).
const EDGE_LIMIT = 80;

const SECTOR_NAMES = {
  MIL: 'armed forces', GOV: 'government', REB: 'rebels', INS: 'insurgents', PMC: 'private military', IGO: 'international org.',
  OPP: 'opposition', CVL: 'civilians', MED: 'media', JUD: 'judiciary',
};
const SECTOR_COLORS = {
  MIL: '#4a6fa5', GOV: '#5b8c5a', REB: '#c77d2e', INS: '#8e3b46', PMC: '#6d4c7d', IGO: '#3a9ab5',
  OPP: '#b5a33a', CVL: '#9a9a9a', MED: '#777', JUD: '#777',
};

// Positions that keep each coalition together: the members of a box on a small disc (a
// sunflower pattern), the discs packed in rows, largest first; actors outside any coalition share
// one disc. Deterministic, and boxes never overlap (force layouts tangle compound nodes).
function groupedPositions(nodes, roots, boxed) {
  const STEP = 34;
  const groups = new Map();
  for (const n of nodes) {
    const root = roots.get(n.id).id;
    const key = boxed.has(root) ? root : '';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(n);
  }
  const discs = [...groups.entries()].map(([key, members]) => {
    // The strongest actors in the middle of their disc.
    members.sort((a, b) => b.strength - a.strength);
    return {key, members, radius: STEP * Math.sqrt(members.length) + 24};
  }).sort((a, b) => b.members.length - a.members.length);
  const area = discs.reduce((sum, d) => sum + 4 * d.radius * d.radius, 0);
  const rowWidth = Math.max(2 * discs[0]?.radius || 0, 1.9 * Math.sqrt(area));
  const positions = {};
  let x = 0, y = 0, rowHeight = 0;
  for (const d of discs) {
    if (x > 0 && x + 2 * d.radius > rowWidth) {
      x = 0;
      y += rowHeight + 20;
      rowHeight = 0;
    }
    const cx = x + d.radius, cy = y + d.radius;
    d.members.forEach((n, i) => {
      const angle = i * 2.39996;  // the golden angle
      const r = STEP * Math.sqrt(i + (i ? 0.5 : 0));
      positions[n.id] = {x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle)};
    });
    x += 2 * d.radius + 20;
    rowHeight = Math.max(rowHeight, 2 * d.radius);
  }
  return positions;
}

export class Network {
  // onActor(id) when a node is clicked.
  constructor(container, {onActor, legend}) {
    this.container = container;
    this.legend = legend;
    this.onActor = onActor;
    this.abort = null;
    this.cy = cytoscape({
      container,
      minZoom: 0.05,
      maxZoom: 3,
      style: [
        {selector: 'node', style: {
          'label': 'data(label)', 'font-size': 9, 'text-valign': 'bottom', 'text-margin-y': 2,
          'border-width': 1, 'border-color': '#fff', 'color': '#222',
          'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
        }},
        {selector: 'node[size]', style: {'width': 'data(size)', 'height': 'data(size)', 'background-color': 'data(color)'}},
        {selector: ':parent', style: {
          'background-color': '#f3efe6', 'background-opacity': 0.8, 'border-color': '#c9bfa8', 'border-width': 1,
          'shape': 'round-rectangle', 'text-valign': 'top', 'font-weight': 'bold', 'font-size': 10, 'padding': 8,
        }},
        {selector: 'edge', style: {
          'width': 'data(width)', 'line-color': 'data(color)', 'curve-style': 'bezier', 'opacity': 0.75,
        }},
        {selector: 'edge[kind = "member"]', style: {'line-style': 'dashed', 'width': 1, 'opacity': 0.6}},
        {selector: 'node:selected', style: {'border-color': '#111', 'border-width': 3}},
      ],
    });
    this.cy.on('tap', 'node', (e) => this.onActor(e.target.id().replace(/^box:/, '')));
  }

  async show(params) {
    if (this.abort) this.abort.abort();
    this.abort = new AbortController();
    let data;
    try {
      data = await getJson('graph', {...params, limit: EDGE_LIMIT}, this.abort.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      throw e;
    }
    this.draw(data);
    return data;
  }

  draw(data) {
    // Members without relations of their own in the period would only crowd the boxes.
    const coalitions = new Set(data.nodes.map((n) => n.parent).filter(Boolean));
    data = {...data, nodes: data.nodes.filter((n) => n.strength > 0 || coalitions.has(n.id))};
    const shown = new Set(data.nodes.map((n) => n.id));
    data.edges = data.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    // Each actor goes into the box of its outermost coalition, the coalition itself included.
    // Boxes are separate nodes without edges: edges into compound nodes upset the layout.
    const rootOf = (n) => {
      const seen = new Set();
      while (n.parent && byId.has(n.parent) && !seen.has(n.id)) {
        seen.add(n.id);
        n = byId.get(n.parent);
      }
      return n;
    };
    const roots = new Map(data.nodes.map((n) => [n.id, rootOf(n)]));
    const boxed = new Set([...roots.entries()].filter(([id, r]) => r.id !== id).map(([, r]) => r.id));
    const maxStrength = Math.max(1, ...data.nodes.map((n) => n.strength));
    const elements = [];
    for (const id of boxed) {
      elements.push({group: 'nodes', classes: 'coalition', data: {id: `box:${id}`, label: byId.get(id).name}});
    }
    for (const n of data.nodes) {
      const root = roots.get(n.id).id;
      elements.push({group: 'nodes', data: {
        id: n.id,
        label: n.name.length > 28 ? `${n.id}` : n.name,
        parent: boxed.has(root) ? `box:${root}` : undefined,
        size: 10 + 26 * Math.sqrt(n.strength / maxStrength),
        color: SECTOR_COLORS[n.sector] || '#888',
      }});
    }
    const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
    for (const e of data.edges) {
      // Membership inside one box is what the box shows.
      if (e.kind === 'member' && roots.get(e.source) === roots.get(e.target)) continue;
      elements.push({group: 'edges', data: {
        id: e.id, source: e.source, target: e.target, kind: e.kind,
        color: RELATION_COLORS[e.kind] || '#999',
        width: e.kind === 'member' ? 1 : 1 + 7 * Math.sqrt(e.weight / maxWeight),
      }});
    }
    this.cy.elements().remove();
    this.cy.add(elements);
    this.cy.layout({name: 'preset', positions: groupedPositions(data.nodes, roots, boxed), fit: true, padding: 14}).run();
    this.drawLegend(data.nodes);
  }

  drawLegend(nodes) {
    if (!this.legend) return;
    const sectors = [...new Set(nodes.map((n) => n.sector).filter(Boolean))].sort();
    this.legend.replaceChildren(...sectors.map((s) => el('span', {class: 'sector', dataset: {sector: s}},
      el('i', {style: `background:${SECTOR_COLORS[s] || '#888'}`}), SECTOR_NAMES[s] || s)),
    el('span', {class: 'muted'}, ' · boxes: coalitions at the time; size: weight of relations'));
  }
}
