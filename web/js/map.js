// The map: country borders from Natural Earth (world-atlas, drawn from a local file: no tile
// server) and the events as circles coloured by their most frequent type. The server groups
// events into grid cells that split as one zooms in (/api/map); circles that would still touch on
// screen are merged here (cluster_merge.js), so none overlaps another. Circles are sized by
// events or by fatalities; the legend lists every type's colour and the size scale. The view
// (ZOOM/LAT/LON) is reported on every move so that the page keeps it in the URL. Zoomed in far
// enough to tell towns apart, the places with events are named (the biggest first, never one name
// over another: place_labels.js); at a middle zoom, the first-level regions are named where their
// events are. From REGION_BORDER_ZOOM on, the first-level regions' borders of the Sahel and its
// neighbours are drawn as thin lines (Natural Earth admin-1, data/admin1.geojson, written by
// scripts/gen_admin1.py), so that Kidal region can be told from Gao region.
import {getJson} from './api.js';
import {typeColor, TYPES} from './colors.js';
import {mergeOverlapping} from './cluster_merge.js';
import {el} from './dom.js';
import {placeLabels, regionLabels, TOWN_ZOOM} from './place_labels.js';

const MAX_RADIUS = 24;
// Region borders are drawn from this zoom on (not at the world view).
export const REGION_BORDER_ZOOM = 5;
export const ATTRIBUTION = 'Borders: made with Natural Earth';

// A circle's radius in pixels for `n` events or killed (size: 'events' | 'fatalities').
export function radiusFor(n, size) {
  if (size === 'fatalities') return n > 0 ? Math.min(MAX_RADIUS, 4 + 2.2 * Math.sqrt(n)) : 3;
  return n <= 1 ? 6 : Math.min(MAX_RADIUS, 6 + 3 * Math.sqrt(n));
}

// A weighted quantile of values (pairs [value, weight]).
function quantile(pairs, q) {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, p) => s + p[1], 0);
  let seen = 0;
  for (const [v, w] of sorted) {
    seen += w;
    if (seen >= q * total) return v;
  }
  return sorted.length ? sorted[sorted.length - 1][0] : 0;
}

// Where most located events are: the middle 80 % of them by latitude and by longitude (so that a
// few events far away do not zoom the map out to the whole world).
export function denseBounds(clusters) {
  const lat = clusters.map((c) => [c.lat, c.count]);
  const lon = clusters.map((c) => [c.lon, c.count]);
  return L.latLngBounds([quantile(lat, 0.1), quantile(lon, 0.1)], [quantile(lat, 0.9), quantile(lon, 0.9)]);
}

export function parseView(text) {
  const m = /^(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(text || '');
  if (!m) return null;
  const [zoom, lat, lon] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return {zoom, lat, lon};
}

export class EventMap {
  // onCluster(cluster) when a circle is clicked; onView('ZOOM/LAT/LON') after every move.
  constructor(container, {onCluster, onView, view, size}) {
    this.onCluster = onCluster;
    this.onView = onView;
    this.size = size === 'fatalities' ? 'fatalities' : 'events';
    this.map = L.map(container, {
      renderer: L.svg(),  // SVG, not WebGL: draws headless too, and circles are DOM elements
      worldCopyJump: false,
      minZoom: 2,
      maxZoom: 12,
      zoomSnap: 1,
      attributionControl: false,
    });
    // Natural Earth asks for no credit, but gets one (the footer and the Methodology dialog too).
    L.control.attribution({prefix: false}).addAttribution(ATTRIBUTION).addTo(this.map);
    const v = parseView(view);
    // A view from the URL is kept; otherwise the first data decides (fitted to the events).
    this.fitted = Boolean(v);
    if (v) this.map.setView([v.lat, v.lon], Math.min(12, Math.max(2, v.zoom)));
    else this.map.setView([17, -2], 5);
    this.markers = L.layerGroup().addTo(this.map);
    this.labels = L.layerGroup().addTo(this.map);
    this.regions = [];
    this.filters = {};
    this.abort = null;
    this.data = null;
    this.map.on('zoomend', () => this.refresh());
    this.map.on('zoomend', () => this.showRegionBorders());
    this.map.on('moveend', () => this.fitted && this.onView(this.viewText()));
    // Names are placed for the part of the map on screen: again after every move.
    this.map.on('moveend', () => this.drawn && this.drawLabels(...this.drawn));
    this.legend = L.control({position: 'bottomleft'});
    this.legend.onAdd = () => {
      this.legendDiv = L.DomUtil.create('div', 'map-legend');
      L.DomEvent.disableClickPropagation(this.legendDiv);
      return this.legendDiv;
    };
    this.legend.addTo(this.map);
  }

  viewText() {
    const c = this.map.getCenter();
    return `${this.map.getZoom()}/${c.lat.toFixed(3)}/${c.lng.toFixed(3)}`;
  }

  // Moves to a view given as text (Back in the browser); nothing when it is the current one.
  setView(text) {
    const v = parseView(text);
    if (v && text !== this.viewText()) this.map.setView([v.lat, v.lon], v.zoom);
  }

  setSize(size) {
    this.size = size === 'fatalities' ? 'fatalities' : 'events';
    if (this.data) this.draw(this.data);
  }

  // Country borders, then the region borders over them, both under the event circles.
  async loadBasemap() {
    const admin1 = fetch('data/admin1.geojson').then((r) => (r.ok ? r.json() : null)).catch(() => null);
    const res = await fetch('vendor/countries-50m.json');
    const countries = res.ok ? await res.json().then((world) => topojson.feature(world, world.objects.countries)) : null;
    if (countries) {
      L.geoJSON(countries, {
        interactive: false,
        style: {color: '#fff', weight: 0.8, fillColor: '#e7e3da', fillOpacity: 1},
      }).addTo(this.map);
    }
    const regions = await admin1;
    if (regions) {
      // Lines only (no fill, no clicks); hidden below REGION_BORDER_ZOOM by a class on the map's
      // container rather than by removing the layer, which would put it back above the circles.
      L.geoJSON(regions, {
        interactive: false,
        style: {color: '#a89f8f', weight: 0.7, opacity: 0.8, fill: false, className: 'fl-admin1'},
      }).addTo(this.map);
      this.showRegionBorders();
      // The country borders once more over them (lines only), so that they stay the stronger.
      if (countries) {
        L.geoJSON(countries, {
          interactive: false,
          style: {color: '#fff', weight: 1.2, fill: false, className: 'fl-country-line'},
        }).addTo(this.map);
      }
    }
    this.markers.remove();
    this.markers.addTo(this.map);  // above the borders
  }

  showRegionBorders() {
    this.map.getContainer().classList.toggle('fl-admin1-hidden', this.map.getZoom() < REGION_BORDER_ZOOM);
  }

  setFilters(filters) {
    this.filters = filters;
    return this.refresh();
  }

  async refresh() {
    if (this.abort) this.abort.abort();
    this.abort = new AbortController();
    const zoom = this.map.getZoom();
    let data;
    try {
      data = await getJson('map', {...this.filters, zoom}, this.abort.signal);
    } catch (e) {
      if (e.name === 'AbortError') return;
      throw e;
    }
    if (!this.fitted && data.clusters.length) {
      this.fitted = true;
      this.map.fitBounds(denseBounds(data.clusters).pad(0.2), {maxZoom: 7});
      this.onView(this.viewText());
      if (this.map.getZoom() !== zoom) return;  // zoomend asks again at the new zoom
    }
    this.data = data;
    this.draw(data);
    document.getElementById('map-note').textContent =
      `${data.located.toLocaleString()} located events` + (data.clusters.length ? '' : ' — none match');
  }

  draw(data) {
    this.markers.clearLayers();
    const present = new Map();
    for (const c of data.clusters) for (const [t, n] of Object.entries(c.types)) present.set(t, (present.get(t) || 0) + n);
    const size = this.size;
    const radius = (c) => radiusFor(size === 'fatalities' ? c.fatalities : c.count, size);
    const circles = mergeOverlapping(this.map, data.clusters, radius);
    for (const c of circles) {
      const [top] = Object.entries(c.types).sort((a, b) => b[1] - a[1]);
      const single = c.count === 1;
      const marker = L.circleMarker([c.lat, c.lon], {
        radius: radius(c),
        color: '#fff',
        weight: 1.2,
        fillColor: typeColor(top[0]),
        fillOpacity: 0.85,
        className: single ? 'fl-marker fl-single' : 'fl-marker fl-cluster',
      });
      const killed = c.fatalities ? `, ${c.fatalities.toLocaleString()} killed` : '';
      const label = single ? `${top[0]}${c.place ? ` — ${c.place}` : ''}${killed}` :
        `${c.count} events${c.place ? ` at ${c.place}` : ''}${killed}: ` +
        Object.entries(c.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
      marker.bindTooltip(label, {direction: 'top'});
      marker.on('click', () => {
        if (!single && !c.place) this.map.setView([c.lat, c.lon], Math.min(this.map.getZoom() + 2, 12));
        else this.onCluster(c);
      });
      marker.addTo(this.markers);
      if (!single && radius(c) >= 9) {
        L.marker([c.lat, c.lon], {
          icon: L.divIcon({className: 'fl-count', html: '', iconSize: [0, 0]}),
          interactive: false,
        }).addTo(this.markers).getElement()?.append(document.createTextNode(String(size === 'fatalities' ? c.fatalities : c.count)));
      }
    }
    this.drawLegend(present);
    this.drawn = [circles, radius];
    this.drawLabels(circles, radius);
  }

  // The regions to name at a middle zoom: [{name, lat, lon, events}] (/api/meta's regions).
  setRegions(regions) {
    this.regions = regions.filter((r) => r.lat !== null && r.lon !== null);
    if (this.data) this.draw(this.data);
  }

  // Town names from TOWN_ZOOM on, region names below it (not at the world view); each label a
  // marker whose box was kept clear of the others.
  drawLabels(circles, radius) {
    this.labels.clearLayers();
    const zoom = this.map.getZoom();
    const size = this.map.getSize();
    const point = (lat, lon) => this.map.latLngToContainerPoint([lat, lon]);
    // The legend and the zoom buttons cover the map: no name goes under them.
    const origin = this.map.getContainer().getBoundingClientRect();
    const blocked = [...this.map.getContainer().querySelectorAll('.leaflet-control')].map((c) => {
      const b = c.getBoundingClientRect();
      return {x: b.left - origin.left, y: b.top - origin.top, w: b.width, h: b.height};
    });
    // Nor over a circle (a town's own is clear: its name starts beyond the radius).
    const discs = circles.map((c) => {
      const at = point(c.lat, c.lon);
      const r = radius(c);
      return {x: at.x - r, y: at.y - r, w: 2 * r, h: 2 * r};
    });
    const placed = zoom >= TOWN_ZOOM
      ? placeLabels(circles.filter((c) => c.place).map((c) => ({text: c.place, weight: c.count, at: point(c.lat, c.lon), gap: radius(c) + 3})), size, [...blocked, ...discs])
      : regionLabels(this.regions, zoom, point, size, [...blocked, ...discs]);
    for (const label of placed) {
      const icon = L.divIcon({className: label.kind === 'region' ? 'fl-label fl-region-label' : 'fl-label fl-town-label',
        html: '', iconSize: [label.width, label.height], iconAnchor: [label.anchor.x, label.anchor.y]});
      const marker = L.marker(this.map.containerPointToLatLng(label.at), {icon, interactive: false, keyboard: false});
      marker.addTo(this.labels);
      marker.getElement()?.append(document.createTextNode(label.text));
    }
  }

  // Every type's colour (those with no event here greyed) and the circles' size scale.
  drawLegend(present) {
    if (!this.legendDiv) return;
    const rows = TYPES.map((t) => el('div', {class: present.get(t) ? 'legend-type' : 'legend-type absent', dataset: {type: t}},
      el('i', {style: `background:${typeColor(t)}`}), `${t} ${(present.get(t) || 0).toLocaleString()}`));
    const steps = this.size === 'fatalities' ? [1, 10, 100] : [1, 10, 100];
    const scale = el('div', {class: 'legend-sizes'}, el('div', {class: 'muted'}, this.size === 'fatalities' ? 'killed' : 'events'),
      ...steps.map((n) => {
        const r = radiusFor(n, this.size);
        return el('span', {class: 'legend-size', dataset: {n}},
          el('i', {class: 'size-dot', style: `width:${2 * r}px;height:${2 * r}px`}), String(n));
      }));
    this.legendDiv.replaceChildren(...rows, scale);
  }
}
