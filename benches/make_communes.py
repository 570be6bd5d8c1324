#!/usr/bin/env python3
"""A stand-in for the communes of a French département (as IGN Admin Express gives them):
N polygons that tile an irregular region the size of Côte-d'Or, sharing their boundaries
vertex for vertex, with winding boundaries of about 100 vertices per commune.

Usage:
    python3 benches/make_communes.py OUT.geojson [--n 704] [--seed 21] [--crs 2154|4326]

Lambert-93 (EPSG:2154, the default, as Admin Express) is written with the legacy GeoJSON
"crs" member; the projection is computed here (GRS80 Lambert conformal conic), no library
needed. Deterministic for a seed. Not real boundaries: for looking at and measuring the map.
"""
import argparse
import json
import math
import random

# Côte-d'Or's extent, roughly.
LON0, LON1 = 4.06, 5.52
LAT0, LAT1 = 46.90, 48.04


def lambert93(lon, lat):
    """WGS84 (≈ RGF93) degrees to Lambert-93 metres."""
    a, f = 6378137.0, 1 / 298.257222101
    e = math.sqrt(2 * f - f * f)
    phi1, phi2, phi0 = map(math.radians, (49.0, 44.0, 46.5))
    lam0 = math.radians(3.0)

    def m(phi):
        return math.cos(phi) / math.sqrt(1 - (e * math.sin(phi)) ** 2)

    def t(phi):
        s = e * math.sin(phi)
        return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (e / 2)

    n = (math.log(m(phi1)) - math.log(m(phi2))) / (math.log(t(phi1)) - math.log(t(phi2)))
    big_f = m(phi1) / (n * t(phi1) ** n)
    rho0 = a * big_f * t(phi0) ** n
    phi, lam = math.radians(lat), math.radians(lon)
    rho = a * big_f * t(phi) ** n
    theta = n * (lam - lam0)
    return 700000.0 + rho * math.sin(theta), 6600000.0 + rho0 - rho * math.cos(theta)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=704)
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--crs", choices=["2154", "4326"], default="2154")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    # A grid a little larger than needed; the region is the N cells nearest the centre by a
    # wobbly distance, so its outline is irregular.
    aspect = (LON1 - LON0) * math.cos(math.radians(47.5)) / (LAT1 - LAT0)
    ny = int(math.ceil(math.sqrt(args.n / aspect) * 1.35))
    nx = int(math.ceil(ny * aspect))
    dx, dy = (LON1 - LON0) / nx, (LAT1 - LAT0) / ny

    corners = {}
    for i in range(nx + 1):
        for j in range(ny + 1):
            corners[(i, j)] = (
                LON0 + (i + rng.uniform(-0.3, 0.3)) * dx,
                LAT0 + (j + rng.uniform(-0.3, 0.3)) * dy,
            )

    edges = {}

    def edge(a, b):
        """Points from corner a to corner b, winding (midpoint displacement), shared."""
        key = (min(a, b), max(a, b))
        if key not in edges:
            p, q = corners[key[0]], corners[key[1]]
            pts = [p, q]
            amp = 0.18
            for _ in range(5):  # 2^5 = 32 segments
                out = [pts[0]]
                for u, v in zip(pts, pts[1:]):
                    mx, my = (u[0] + v[0]) / 2, (u[1] + v[1]) / 2
                    nxv, nyv = -(v[1] - u[1]), v[0] - u[0]
                    d = rng.uniform(-amp, amp)
                    out += [(mx + nxv * d, my + nyv * d), v]
                pts = out
                amp *= 0.6
            edges[key] = pts
        pts = edges[key]
        return pts if key[0] == a else pts[::-1]

    cx, cy = (nx / 2, ny / 2)
    phase = [rng.uniform(0, 2 * math.pi) for _ in range(4)]

    def wobbly(i, j):
        x, y = (i + 0.5 - cx) / nx, (j + 0.5 - cy) / ny * (ny / nx) / aspect
        ang = math.atan2(y, x)
        r = math.hypot(x, y)
        wob = 1 + 0.18 * math.sin(3 * ang + phase[0]) + 0.1 * math.sin(5 * ang + phase[1])
        return r / wob + rng.uniform(0, 0.01)

    cells = sorted(((wobbly(i, j), i, j) for i in range(nx) for j in range(ny)))[: args.n]
    features = []
    for k, (_, i, j) in enumerate(sorted(cells, key=lambda c: (c[2], c[1]))):
        ring = []
        for a, b in [((i, j), (i + 1, j)), ((i + 1, j), (i + 1, j + 1)),
                     ((i + 1, j + 1), (i, j + 1)), ((i, j + 1), (i, j))]:
            ring += edge(a, b)[:-1]
        ring.append(ring[0])
        if args.crs == "2154":
            ring = [lambert93(x, y) for x, y in ring]
            ring = [[round(x, 1), round(y, 1)] for x, y in ring]
        else:
            ring = [[round(x, 6), round(y, 6)] for x, y in ring]
        code = f"21{k + 1:03d}"
        features.append({
            "type": "Feature",
            "properties": {"nom": f"Commune {code}", "insee_com": code},
            "geometry": {"type": "Polygon", "coordinates": [ring]},
        })
    doc = {"type": "FeatureCollection", "name": "communes-stand-in", "features": features}
    if args.crs == "2154":
        doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::2154"}}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
