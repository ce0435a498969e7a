// One colour per PLOVER event type, the same on the map, the timeline, the table and the cards:
// violence in reds, protest and force in purples and browns, cooperation in greens and blues.
const TYPE_COLORS = {
  ASSAULT: '#d62728',
  COERCE: '#8c564b',
  THREATEN: '#ff7f0e',
  SANCTION: '#a0522d',
  PROTEST: '#9467bd',
  DEMAND: '#c5b0d5',
  ACCUSE: '#e377c2',
  REJECT: '#bcbd22',
  MOBILIZE: '#1f3b73',
  RETREAT: '#7f7f7f',
  CONCEDE: '#dbb40c',
  AGREE: '#2ca02c',
  COOPERATE: '#98df8a',
  CONSULT: '#17becf',
  SUPPORT: '#6b8e23',
  AID: '#1f77b4',
  REQUEST: '#9ecae1',
};

// Every PLOVER type, in the order of the legends (violence first, cooperation last).
export const TYPES = Object.keys(TYPE_COLORS);

export function typeColor(type) {
  return TYPE_COLORS[type] || '#555';
}

export const RELATION_COLORS = {ally: '#2e8b57', enemy: '#c0392b', mixed: '#e39b2e', uncertain: '#b8b2a7', member: '#8a8f98'};

// A score in [-1, 1] (enemy … ally) as a colour.
export function scoreColor(score) {
  const t = (score + 1) / 2;
  return d3.interpolateRdYlGn(0.1 + 0.8 * t);
}
