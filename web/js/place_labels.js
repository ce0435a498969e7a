// Names on the map, placed so that none covers another: from TOWN_ZOOM on, the places that have
// events (beside their circles, the most events first, at most MAX_TOWNS); at the middle zooms
// [REGION_ZOOM, TOWN_ZOOM), the first-level regions (centred where their located events are on
// average, the most events first, at most MAX_REGIONS); at the world view nothing.
export const TOWN_ZOOM = 7;
export const REGION_ZOOM = 5;
const MAX_TOWNS = 30;
const MAX_REGIONS = 16;
const HEIGHT = 15;
const REGION_SPACING = 1.5;  // letter spacing of region names, as the CSS sets it

let canvas = null;
function textWidth(text, font) {
  canvas ??= document.createElement('canvas').getContext('2d');
  canvas.font = font;
  return canvas.measureText(text).width;
}

const touches = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// Keeps each candidate whose box lies inside the map and clear of those kept before it.
function keepClear(candidates, size, max) {
  const kept = [];
  for (const c of candidates) {
    if (kept.length >= max) break;
    const b = c.box;
    if (b.x < 0 || b.y < 0 || b.x + b.w > size.x || b.y + b.h > size.y) continue;
    if (kept.some((k) => touches(k.box, b))) continue;
    kept.push(c);
  }
  return kept;
}

// items: [{text, weight, at: container point of the place, gap: pixels from the point to the
// label's left}]. Returns the labels to draw: {text, at, anchor, width, height, kind}.
export function placeLabels(items, size) {
  const candidates = [...items].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text)).map((it) => {
    const width = Math.ceil(textWidth(it.text, '11px "DejaVu Sans", Arial, sans-serif')) + 6;
    return {text: it.text, at: it.at, width, height: HEIGHT, kind: 'town', anchor: {x: -it.gap, y: HEIGHT / 2},
      box: {x: it.at.x + it.gap, y: it.at.y - HEIGHT / 2, w: width, h: HEIGHT}};
  });
  return keepClear(candidates, size, MAX_TOWNS);
}

// regions: [{name: "Kidal (MLI)", lat, lon, events}]; point(lat, lon) → container point.
export function regionLabels(regions, zoom, point, size) {
  if (zoom < REGION_ZOOM || zoom >= TOWN_ZOOM) return [];
  const candidates = [...regions].sort((a, b) => b.events - a.events).map((r) => {
    const text = r.name.replace(/\s*\([A-Z]{3}\)$/, '').toUpperCase();
    const width = Math.ceil(textWidth(text, 'italic 11px "DejaVu Sans", Arial, sans-serif') + REGION_SPACING * text.length) + 6;
    const at = point(r.lat, r.lon);
    return {text, at, width, height: HEIGHT, kind: 'region', anchor: {x: width / 2, y: HEIGHT / 2},
      box: {x: at.x - width / 2, y: at.y - HEIGHT / 2, w: width, h: HEIGHT}};
  });
  return keepClear(candidates, size, MAX_REGIONS);
}
