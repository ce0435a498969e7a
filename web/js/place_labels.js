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

// Keeps, for each candidate in turn, the first of its boxes that lies inside the map and clear of
// the boxes kept before it and of `blocked` (the map's controls, the circles); a candidate with no
// such box is left out.
function keepClear(candidates, size, max, blocked) {
  const kept = [];
  for (const c of candidates) {
    if (kept.length >= max) break;
    // One name once (a region and its capital can share it: the one with more events is named).
    if (kept.some((k) => k.text === c.text)) continue;
    const fits = (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= size.x && b.y + b.h <= size.y &&
      !blocked.some((x) => touches(x, b)) && !kept.some((k) => touches(k.box, b));
    const i = c.boxes.findIndex(fits);
    if (i < 0) continue;
    kept.push({...c, box: c.boxes[i], anchor: c.anchors[i]});
  }
  return kept;
}

// items: [{text, weight, at: container point of the place, gap: pixels from the point to the
// label (the circle's radius and a margin)}]; blocked: [{x, y, w, h}] boxes no label may touch.
// A name goes right of its circle, else left of it. Returns the labels to draw: {text, at,
// anchor, width, height, kind}.
export function placeLabels(items, size, blocked = []) {
  const candidates = [...items].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text)).map((it) => {
    const width = Math.ceil(textWidth(it.text, '11px "DejaVu Sans", Arial, sans-serif')) + 6;
    const y = it.at.y - HEIGHT / 2;
    return {text: it.text, at: it.at, width, height: HEIGHT, kind: 'town',
      boxes: [{x: it.at.x + it.gap, y, w: width, h: HEIGHT}, {x: it.at.x - it.gap - width, y, w: width, h: HEIGHT}],
      anchors: [{x: -it.gap, y: HEIGHT / 2}, {x: it.gap + width, y: HEIGHT / 2}]};
  });
  return keepClear(candidates, size, MAX_TOWNS, blocked);
}

// regions: [{name: "Kidal (MLI)", lat, lon, events}]; point(lat, lon) → container point;
// blocked as for placeLabels.
export function regionLabels(regions, zoom, point, size, blocked = []) {
  if (zoom < REGION_ZOOM || zoom >= TOWN_ZOOM) return [];
  const candidates = [...regions].sort((a, b) => b.events - a.events).map((r) => {
    const text = r.name.replace(/\s*\([A-Z]{3}\)$/, '').toUpperCase();
    const width = Math.ceil(textWidth(text, 'italic 11px "DejaVu Sans", Arial, sans-serif') + REGION_SPACING * text.length) + 6;
    const at = point(r.lat, r.lon);
    // At its place, else a little above or below it (its events' circles are usually there).
    const shifts = [0, -22, 22, -38, 38];
    return {text, at, width, height: HEIGHT, kind: 'region', anchors: shifts.map((dy) => ({x: width / 2, y: HEIGHT / 2 - dy})),
      boxes: shifts.map((dy) => ({x: at.x - width / 2, y: at.y - HEIGHT / 2 + dy, w: width, h: HEIGHT}))};
  });
  return keepClear(candidates, size, MAX_REGIONS, blocked);
}
