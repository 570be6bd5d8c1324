"""Schematic outlines of the embedded dataset, kept inside the communes the sources name.

Standard library only. Used by make_dijon_zones.py; see data/README.md ("How the schematic
polygons are made").

Each zone is made of PARTS, one per commune it lies in. A part is a regular 16-gon (a "disc")
around a centre, cut by Sutherland-Hodgman clipping to the commune's boundary (IGN Admin
Express, data/dijon-metropole-communes.geojson), its radius found by bisection so that the
part's area on the WGS84 ellipsoid equals its target:

* one commune: one part of the declared surface (or the nominal size);
* several communes with a DECLARED SPLIT (Ecoparc 108/75 ha, Beauregard ~38/~44 ha): one centre
  for all parts, each part its own radius, targets in the declared ratio summing to the
  declared surface; the radii within 15 % of each other, so that the parts make one shape
  across the commune limit;
* several communes of ONE SITE without a split (Cap Nord, ZI de Longvic, the airport zone): one
  centre and one radius for all parts; every commune must hold at least MIN_SHARE of the area;
* several communes of SEPARATE AREAS (Portes du Sud, Parcs de la Toison d'Or): one part per
  commune, each with its own centre, the nominal size shared equally.

The centre starts at the fact sheet's estimated position and, when the shape cannot be made
there (outside its communes, overlapping a zone already placed, too thin), moves along a spiral
of 100 m steps to the nearest centre where it can. Zones are placed best-graded first (H, M,
L), larger first. A zone declared inside another (Marche de l'Agro in Cap Nord) must lie inside
it instead of clear of it. The distance moved is reported in each feature.
"""

import math

N_VERTICES = 16
STEP_M = 100.0          # spiral step for the centre
MAX_MOVE_M = 5000.0     # the centre never moves further than this
GAP_M = 15.0            # distinct zones keep at least this distance
MIN_SHARE = 0.10        # each commune of a one-site zone without split holds >= 10 %
MAX_STRETCH = 1.6       # a part's radius is at most this times the radius of a whole disc
MAX_SPLIT_RADII = 1.15  # parts of a declared split: radii within 15 % of each other

# Local planar frame (metres) around the métropole: equirectangular with the WGS84 radii of
# curvature at LAT0. Only used to build and clip shapes; every area is measured on the
# ellipsoid (area_fn).
LON0, LAT0 = 5.04, 47.31
_A, _F = 6378137.0, 1.0 / 298.257223563
_E2 = _F * (2.0 - _F)
_S = math.sin(math.radians(LAT0))
_W = 1.0 - _E2 * _S * _S
KX = math.radians(1.0) * (_A / math.sqrt(_W)) * math.cos(math.radians(LAT0))
KY = math.radians(1.0) * (_A * (1.0 - _E2) / _W ** 1.5)


def to_m(lon, lat):
    return ((lon - LON0) * KX, (lat - LAT0) * KY)


def to_ll(x, y):
    return (LON0 + x / KX, LAT0 + y / KY)


def planar_area(pts):
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]))


def disc(cx, cy, r):
    """16-gon of circumradius r, counter-clockwise, first vertex east."""
    return [(cx + r * math.cos(2 * math.pi * k / N_VERTICES),
             cy + r * math.sin(2 * math.pi * k / N_VERTICES)) for k in range(N_VERTICES)]


def ideal_radius(area_m2):
    return math.sqrt(2.0 * area_m2 / (N_VERTICES * math.sin(2.0 * math.pi / N_VERTICES)))


def clip(subject, window):
    """Sutherland-Hodgman: the part of polygon `subject` (any orientation, may be concave)
    inside the convex counter-clockwise polygon `window`."""
    def inside(p, a, b):
        return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0.0

    def cross(p, q, a, b):
        den = (p[0] - q[0]) * (a[1] - b[1]) - (p[1] - q[1]) * (a[0] - b[0])
        t = ((p[0] - a[0]) * (a[1] - b[1]) - (p[1] - a[1]) * (a[0] - b[0])) / den
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))

    out = list(subject)
    for i in range(len(window)):
        a, b = window[i], window[(i + 1) % len(window)]
        inp, out = out, []
        if not inp:
            break
        prev = inp[-1]
        for cur in inp:
            if inside(cur, a, b):
                if not inside(prev, a, b):
                    out.append(cross(prev, cur, a, b))
                out.append(cur)
            elif inside(prev, a, b):
                out.append(cross(prev, cur, a, b))
            prev = cur
    return out


def point_in(p, poly):
    x, y = p
    inside = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _seg_dist(p, q, a, b):
    """Distance between segments pq and ab (0 when they cross)."""
    def orient(u, v, w):
        return (v[0] - u[0]) * (w[1] - u[1]) - (v[1] - u[1]) * (w[0] - u[0])

    d1, d2 = orient(a, b, p), orient(a, b, q)
    d3, d4 = orient(p, q, a), orient(p, q, b)
    if ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and d1 and d2 and d3 and d4:
        return 0.0

    def pt_seg(u, s, t):
        dx, dy = t[0] - s[0], t[1] - s[1]
        ll = dx * dx + dy * dy
        k = 0.0 if ll == 0 else max(0.0, min(1.0, ((u[0] - s[0]) * dx + (u[1] - s[1]) * dy) / ll))
        return math.hypot(u[0] - s[0] - k * dx, u[1] - s[1] - k * dy)

    return min(pt_seg(p, a, b), pt_seg(q, a, b), pt_seg(a, p, q), pt_seg(b, p, q))


def _bbox(poly):
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    return min(xs), min(ys), max(xs), max(ys)


def boundary_distance(pa, pb, limit):
    """Smallest distance between the boundaries of two polygons, or `limit` if larger."""
    ax0, ay0, ax1, ay1 = _bbox(pa)
    bx0, by0, bx1, by1 = _bbox(pb)
    if ax0 - limit > bx1 or bx0 - limit > ax1 or ay0 - limit > by1 or by0 - limit > ay1:
        return limit
    best = limit
    for p, q in zip(pa, pa[1:] + pa[:1]):
        for a, b in zip(pb, pb[1:] + pb[:1]):
            best = min(best, _seg_dist(p, q, a, b))
            if best == 0.0:
                return 0.0
    return best


def clear_of(pa, pb, gap=GAP_M):
    """True when the two polygons neither overlap nor come closer than `gap`."""
    if boundary_distance(pa, pb, gap) < gap:
        return False
    return not point_in(pa[0], pb) and not point_in(pb[0], pa)


def inside_of(pa, pb, gap=GAP_M):
    """True when polygon pa lies inside pb, at least `gap` from its boundary."""
    return point_in(pa[0], pb) and boundary_distance(pa, pb, gap) >= gap


def is_simple(poly):
    n = len(poly)
    if n < 3:
        return False
    edges = list(zip(poly, poly[1:] + poly[:1]))
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                continue
            if _seg_dist(*edges[i], *edges[j]) < 1e-6:
                return False
    return True


def _dedupe(pts):
    out = []
    for p in pts:
        if not out or math.hypot(p[0] - out[-1][0], p[1] - out[-1][1]) > 0.05:
            out.append(p)
    if len(out) > 1 and math.hypot(out[0][0] - out[-1][0], out[0][1] - out[-1][1]) <= 0.05:
        out.pop()
    return out


class Placer:
    """Places zones one after the other, keeping them inside their communes and apart."""

    def __init__(self, communes, area_fn):
        # communes: INSEE code -> (name, ring in lon/lat); area_fn: lon/lat ring (closed) -> m2
        self.communes = {code: (name, [to_m(*p) for p in ring[:-1]])
                         for code, (name, ring) in communes.items()}
        self.area_fn = area_fn
        self.placed = {}      # zone id -> list of parts (metres)
        r = int(MAX_MOVE_M / STEP_M)
        offs = [(i * STEP_M, j * STEP_M) for i in range(-r, r + 1) for j in range(-r, r + 1)]
        self.offsets = sorted((o for o in offs if math.hypot(*o) <= MAX_MOVE_M),
                              key=lambda o: (math.hypot(*o), o))

    def _ll_ring(self, part):
        pts = [to_ll(x, y) for x, y in part]
        return pts + [pts[0]]

    def part_area(self, part):
        return abs(self.area_fn(self._ll_ring(part))) if len(part) >= 3 else 0.0

    def _cut(self, code, c, r):
        part = _dedupe(clip(self.communes[code][1], disc(c[0], c[1], r)))
        return part if planar_area(part) >= 0 else part[::-1]

    def _radius_for(self, codes, c, target, r_max):
        """Smallest radius whose cut parts (in `codes`) reach `target` m2, or None."""
        def total(r):
            return sum(self.part_area(self._cut(k, c, r)) for k in codes)
        if total(r_max) < target:
            return None
        lo, hi = 0.0, r_max
        for _ in range(40):
            mid = 0.5 * (lo + hi)
            if total(mid) < target:
                lo = mid
            else:
                hi = mid
        return hi

    def _shapes_at(self, spec, c):
        """The parts of a zone centred at c, or None when they cannot be made there."""
        codes, targets = spec["codes"], spec["targets"]
        whole = ideal_radius(sum(targets))
        if targets and len(codes) > 1 and spec["split"]:
            parts, radii = [], []
            for code, target in zip(codes, targets):
                r = self._radius_for([code], c, target, MAX_STRETCH * whole)
                if r is None:
                    return None
                parts.append((code, self._cut(code, c, r)))
                radii.append(r)
            # One shape across the commune limit, not a disc and a distant crescent: the
            # centre must be near the limit, where the parts' radii are alike.
            if max(radii) > MAX_SPLIT_RADII * min(radii):
                return None
        else:
            r = self._radius_for(codes, c, sum(targets), MAX_STRETCH * whole)
            if r is None:
                return None
            parts = [(k, self._cut(k, c, r)) for k in codes]
            parts = [(k, p) for k, p in parts if len(p) >= 3]
            if len(codes) > 1:
                areas = {k: self.part_area(p) for k, p in parts}
                total = sum(areas.values())
                least = spec.get("min_share", MIN_SHARE)
                if any(areas.get(k, 0.0) < least * total for k in codes):
                    return None
        if any(not is_simple(p) for _, p in parts):
            return None
        return parts

    def _fits(self, parts, within, others, must_contain):
        for _, p in parts:
            for q in others:
                if not clear_of(p, q):
                    return False
        if within is not None:
            if not all(any(inside_of(p, q) for q in within) for _, p in parts):
                return False
        if must_contain is not None:
            pt = to_m(*must_contain)
            if not any(point_in(pt, p) for _, p in parts):
                return False
        return True

    def place(self, zone_id, groups, start, within=None, must_contain=None, avoid_point=None):
        """Places a zone. groups: list of specs {codes, targets, split}; parts of one group
        share a centre. start: (lon, lat) estimate. within: id of the zone that must contain
        it. Returns [(code, ring lon/lat closed)], the largest move in metres."""
        # The container's parts are no obstacle (the zone goes inside them); all others are.
        others = [q for zid, parts in self.placed.items() if zid != within for q in parts]
        container = self.placed[within] if within else None
        sx, sy = to_m(*start)
        result, moved = [], 0.0
        for spec in groups:
            for dx, dy in self.offsets:
                c = (sx + dx, sy + dy)
                if not any(point_in(c, self.communes[k][1]) for k in spec["codes"]):
                    continue
                if any(point_in(c, q) for q in others):
                    continue
                parts = self._shapes_at(spec, c)
                if parts is None:
                    continue
                if not self._fits(parts, container, others + [p for _, p in result],
                                  must_contain if spec is groups[0] else None):
                    continue
                if avoid_point is not None and any(point_in(to_m(*avoid_point), p)
                                                   for _, p in parts):
                    continue
                result.extend(parts)
                moved = max(moved, math.hypot(dx, dy))
                break
            else:
                raise RuntimeError(f"{zone_id}: no place found within {MAX_MOVE_M:.0f} m")
        self.placed[zone_id] = [p for _, p in result]
        return [(k, self._ll_ring(p)) for k, p in result], moved
