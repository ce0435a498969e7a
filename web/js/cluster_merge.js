// Merges map circles that would overlap on screen. The server's grid cells are about 48 pixels,
// but a cell's circle is drawn where its events are on average and may be larger than the cell,
// so neighbours can touch; merging the two (events, fatalities and types summed, placed at their
// weighted centre, sized again) and repeating until no pair touches guarantees that no circle
// hides another at the zoom shown.
const GAP = 1;  // pixels between circles

export function mergeOverlapping(map, clusters, radius) {
  let items = clusters.map((c) => ({...c, types: {...c.types}, point: map.latLngToLayerPoint([c.lat, c.lon])}));
  for (let changed = true; changed;) {
    changed = false;
    items.sort((a, b) => b.count - a.count);
    const kept = [];
    for (const c of items) {
      const into = kept.find((k) => k.point.distanceTo(c.point) < radius(k) + radius(c) + GAP);
      if (!into) {
        kept.push(c);
        continue;
      }
      changed = true;
      const w = into.count + c.count;
      into.point = L.point((into.point.x * into.count + c.point.x * c.count) / w, (into.point.y * into.count + c.point.y * c.count) / w);
      into.count = w;
      into.fatalities = (into.fatalities || 0) + (c.fatalities || 0);
      for (const [t, n] of Object.entries(c.types)) into.types[t] = (into.types[t] || 0) + n;
      if (into.place !== c.place) into.place = null;
      into.event = null;
    }
    items = kept;
  }
  return items.map((c) => {
    const at = map.layerPointToLatLng(c.point);
    return {...c, lat: at.lat, lon: at.lng};
  });
}
