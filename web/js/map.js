// The map: country borders from Natural Earth (world-atlas, drawn from a local file: no tile
// server) and the events as circles coloured by type. Dense events are grouped by the server into
// grid cells that split as one zooms in; a cell's circle is sized by its number of events.
import {getJson} from './api.js';
import {typeColor} from './colors.js';

export class EventMap {
  // onCluster(cluster) is called when a circle is clicked.
  constructor(container, {onCluster}) {
    this.onCluster = onCluster;
    this.map = L.map(container, {
      renderer: L.svg(),  // SVG, not WebGL: draws headless too, and circles are DOM elements
      worldCopyJump: false,
      minZoom: 2,
      maxZoom: 12,
      zoomSnap: 1,
      attributionControl: false,
    }).setView([17, -2], 5);
    this.markers = L.layerGroup().addTo(this.map);
    this.filters = {};
    this.fitted = false;
    this.abort = null;
    this.map.on('zoomend', () => this.refresh());
    this.legend = L.control({position: 'bottomleft'});
    this.legend.onAdd = () => {
      this.legendDiv = L.DomUtil.create('div', 'map-legend');
      return this.legendDiv;
    };
    this.legend.addTo(this.map);
  }

  async loadBasemap() {
    const res = await fetch('vendor/countries-50m.json');
    if (!res.ok) return;
    const world = await res.json();
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      interactive: false,
      style: {color: '#fff', weight: 0.8, fillColor: '#e7e3da', fillOpacity: 1},
    }).addTo(this.map);
    this.markers.remove();
    this.markers.addTo(this.map);  // above the borders
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
    this.draw(data);
    document.getElementById('map-note').textContent =
      `${data.located.toLocaleString()} located events` + (data.clusters.length ? '' : ' — none match');
    if (!this.fitted && data.clusters.length) {
      this.fitted = true;
      const bounds = L.latLngBounds(data.clusters.map((c) => [c.lat, c.lon]));
      this.map.fitBounds(bounds.pad(0.15), {maxZoom: 6});
    }
  }

  draw(data) {
    this.markers.clearLayers();
    const present = new Map();
    for (const c of data.clusters) {
      const [top] = Object.entries(c.types).sort((a, b) => b[1] - a[1]);
      for (const [t, n] of Object.entries(c.types)) present.set(t, (present.get(t) || 0) + n);
      const single = c.count === 1;
      const marker = L.circleMarker([c.lat, c.lon], {
        radius: single ? 6 : Math.min(30, 6 + 3 * Math.sqrt(c.count)),
        color: '#fff',
        weight: 1.2,
        fillColor: typeColor(top[0]),
        fillOpacity: 0.85,
        className: single ? 'fl-marker fl-single' : 'fl-marker fl-cluster',
      });
      const label = single ? `${top[0]}${c.place ? ` — ${c.place}` : ''}` :
        `${c.count} events${c.place ? ` at ${c.place}` : ''}: ` +
        Object.entries(c.types).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
      marker.bindTooltip(label, {direction: 'top'});
      marker.on('click', () => {
        if (!single && !c.place) this.map.setView([c.lat, c.lon], Math.min(this.map.getZoom() + 2, 12));
        else this.onCluster(c);
      });
      marker.addTo(this.markers);
      if (!single) {
        L.marker([c.lat, c.lon], {
          icon: L.divIcon({className: 'fl-count', html: '', iconSize: [0, 0]}),
          interactive: false,
        }).addTo(this.markers).getElement()?.append(document.createTextNode(String(c.count)));
      }
    }
    this.drawLegend(present);
  }

  drawLegend(present) {
    if (!this.legendDiv) return;
    this.legendDiv.replaceChildren();
    for (const [t, n] of [...present.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
      const row = document.createElement('div');
      const chip = document.createElement('i');
      chip.style.background = typeColor(t);
      row.append(chip, document.createTextNode(`${t} ${n.toLocaleString()}`));
      this.legendDiv.append(row);
    }
  }
}
