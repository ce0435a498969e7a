// The Download menu: links to /api/export for the events that match the page's filters now, in
// the formats analysts open (ACLED CSV, GeoJSON, PLOVER JSON Lines, CAMEO TSV, GraphML). The
// server streams the file; the links change with the filters.
export class DownloadMenu {
  constructor(menu) {
    this.links = [...menu.querySelectorAll('a[data-format]')];
  }

  setFilters(filters) {
    for (const a of this.links) {
      const q = new URLSearchParams({format: a.dataset.format});
      for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
      a.href = `api/export?${q}`;
    }
  }
}
