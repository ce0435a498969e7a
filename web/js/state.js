// The page's state — the filters and what is selected — kept in the URL's query string, so that
// any view can be shared or bookmarked, and restored with the back button.

export const FILTER_KEYS = ['actor', 'type', 'region', 'place', 'from', 'to', 'text', 'min_fatalities'];
// view: the map's ZOOM/LAT/LON; size: what circles measure; measure: what the timeline counts.
const VIEW_KEYS = ['sort', 'offset', 'event', 'profile', 'doc', 'control', 'at', 'view', 'size', 'measure'];

const listeners = [];
let state = read();

function read() {
  const q = new URLSearchParams(window.location.search);
  const s = {};
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const v = q.get(k);
    if (v !== null && v !== '') s[k] = v;
  }
  return s;
}

function write(push) {
  const q = new URLSearchParams();
  for (const k of [...FILTER_KEYS, ...VIEW_KEYS]) if (state[k]) q.set(k, state[k]);
  const url = `${window.location.pathname}${q.toString() ? `?${q}` : ''}`;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

export function get() {
  return {...state};
}

// The filters only, as API parameters.
export function filters() {
  const f = {};
  for (const k of FILTER_KEYS) if (state[k]) f[k] = state[k];
  return f;
}

// Changes some keys (undefined or '' removes one). A change of filters goes back to the first
// page. Listeners hear which keys changed.
export function update(changes, {push = true} = {}) {
  const changed = [];
  for (const [k, v] of Object.entries(changes)) {
    const value = v === undefined || v === null || v === '' ? undefined : String(v);
    if (state[k] !== value) {
      changed.push(k);
      if (value === undefined) delete state[k];
      else state[k] = value;
    }
  }
  if (changed.some((k) => FILTER_KEYS.includes(k)) && state.offset && !changed.includes('offset')) {
    delete state.offset;
    changed.push('offset');
  }
  if (!changed.length) return;
  write(push);
  for (const fn of listeners) fn(changed, get());
}

export function onChange(fn) {
  listeners.push(fn);
}

window.addEventListener('popstate', () => {
  const before = state;
  state = read();
  const keys = new Set([...Object.keys(before), ...Object.keys(state)]);
  const changed = [...keys].filter((k) => before[k] !== state[k]);
  if (changed.length) for (const fn of listeners) fn(changed, get());
});
