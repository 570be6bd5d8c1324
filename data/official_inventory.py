"""Merge an official CNIG "Sites économiques" inventory (class site-eco) into the dataset.

Used by `make_dijon_zones.py --outlines FILE`. Standard library only.

* FILE is the site-eco layer as CSV (semicolon-separated, the outline as GeoJSON text in
  `site_geomsurf`) or as GeoJSON with the same property names; coordinates in WGS84 or in
  Lambert-93 (EPSG:2154, recognised by a `crs` member or by coordinates in metres).
* Each official site is matched to one of our zones by name (accents, case and words such as
  "ZA", "parc", "d'activités" ignored) within the same commune (`site_comm_insee`).
* A matched zone takes the official outline and every figure the official file gives (its
  `*_source` then names the file); our figures, notes and sources stay where the official file
  has none, and our bilingual texts stay.
* An official site that matches none of our zones is added as it is; a zone of ours that the
  file does not hold keeps its schematic outline.
"""

import csv
import json
import math
import os
import re
import unicodedata

# Lambert-93 (RGF93, GRS80 ellipsoid; RGF93 and WGS84 agree to a metre): IGN's constants.
_E = 0.0818191910428158
_N = 0.7256077650532670
_C = 11754255.426096
_XS, _YS = 700000.0, 12655612.049876
_LON0 = math.radians(3.0)

FIGURES = ("site_surf_brute", "site_surf_utile", "site_nb_emploi", "site_nb_etab",
           "site_taux_vacance", "site_uf_nbre", "site_uf_vacant_nbre")
GEOMETRY_FIELDS = ("site_geomsurf", "site_geompoint")
STOP = {"za", "zae", "zi", "zac", "zone", "zones", "parc", "parcs", "d", "de", "des", "du", "la",
        "le", "les", "l", "activites", "activite", "economique", "economiques", "et", "en",
        "commerciale", "artisanale", "industrielle"}


def lambert93_to_wgs84(x, y):
    dx, dy = x - _XS, _YS - y
    r = math.hypot(dx, dy)
    gamma = math.atan2(dx, dy)
    lon = _LON0 + gamma / _N
    big_l = -math.log(r / _C) / _N
    phi = 2.0 * math.atan(math.exp(big_l)) - math.pi / 2.0
    for _ in range(12):
        es = _E * math.sin(phi)
        phi = 2.0 * math.atan(((1 + es) / (1 - es)) ** (_E / 2.0) * math.exp(big_l)) - math.pi / 2.0
    return math.degrees(lon), math.degrees(phi)


def wgs84_to_lambert93(lon, lat):
    phi = math.radians(lat)
    es = _E * math.sin(phi)
    big_l = math.log(math.tan(math.pi / 4.0 + phi / 2.0) * ((1 - es) / (1 + es)) ** (_E / 2.0))
    r = _C * math.exp(-_N * big_l)
    gamma = _N * (math.radians(lon) - _LON0)
    return _XS + r * math.sin(gamma), _YS - r * math.cos(gamma)


def fold(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return [w for w in re.split(r"[^a-z0-9]+", text) if w and w not in STOP]


def name_score(a, b):
    ta, tb = fold(a), fold(b)
    if not ta or not tb:
        return 0.0
    ja, jb = "".join(ta), "".join(tb)
    if len(min(ja, jb, key=len)) >= 5 and (ja in jb or jb in ja):
        return 1.0
    return len(set(ta) & set(tb)) / min(len(set(ta)), len(set(tb)))


def _number(value):
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    text = str(value).strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        n = float(text)
    except ValueError:
        return None
    return int(n) if n.is_integer() else n


def _to_wgs84(geometry, lambert):
    def conv(c):
        if isinstance(c[0], (int, float)):
            lon, lat = lambert93_to_wgs84(c[0], c[1]) if lambert else (c[0], c[1])
            return [round(lon, 6), round(lat, 6)]
        return [conv(x) for x in c]
    return {"type": geometry["type"], "coordinates": conv(geometry["coordinates"])}


def _first_coord(c):
    while isinstance(c[0], list):
        c = c[0]
    return c


def read_inventory(path):
    """[(properties, geometry in WGS84 or None)] of a CNIG site-eco CSV or GeoJSON file."""
    with open(path, encoding="utf-8-sig") as fh:
        text = fh.read()
    sites = []
    if text.lstrip().startswith("{"):
        fc = json.loads(text)
        crs = json.dumps(fc.get("crs") or {})
        declared_lambert = "2154" in crs
        for i, f in enumerate(fc.get("features") or []):
            props = dict(f.get("properties") or {})
            g = f.get("geometry")
            if g and g.get("type") in ("Polygon", "MultiPolygon"):
                lambert = declared_lambert or abs(_first_coord(g["coordinates"])[0]) > 180
                g = _to_wgs84(g, lambert)
            else:
                g = None
            sites.append((props, g))
    else:
        rows = csv.DictReader(text.splitlines(), delimiter=";")
        if "site_nom" not in (rows.fieldnames or []):
            raise ValueError("not a CNIG site-eco file: no site_nom column")
        for line, row in enumerate(rows, start=2):
            props = {k: (v if v != "" else None) for k, v in row.items() if k}
            g = None
            raw = props.get("site_geomsurf")
            if raw:
                try:
                    g = json.loads(raw)
                except json.JSONDecodeError as e:
                    raise ValueError(f"line {line}: site_geomsurf is not GeoJSON ({e})") from e
                if g.get("type") not in ("Polygon", "MultiPolygon"):
                    raise ValueError(f"line {line}: site_geomsurf is a {g.get('type')}, "
                                     f"not a polygon")
                g = _to_wgs84(g, abs(_first_coord(g["coordinates"])[0]) > 180)
            sites.append((props, g))
    if not sites:
        raise ValueError("no site in the file")
    return sites


def _citation(props, path):
    producer = (props.get("site_source_producteur") or props.get("source_producteur") or "").strip()
    name = os.path.basename(path)
    return f"{name} ({producer})" if producer else name


def _year(props):
    for key in ("site_actu_date", "site_identif_date"):
        m = re.match(r"(\d{4})", str(props.get(key) or ""))
        if m:
            return int(m.group(1))
    return None


def _official_props(props):
    out = {}
    for k, v in props.items():
        if k in GEOMETRY_FIELDS or v is None:
            continue
        out[k] = _number(v) if k in FIGURES else v
    return out


def merge_inventory(fc, path):
    """The dataset with the official inventory's outlines and figures (see module doc)."""
    sites = read_inventory(path)
    features = fc["features"]
    used, added = set(), []
    for props, geometry in sites:
        citation = _citation(props, path)
        official = _official_props(props)
        insee = str(props.get("site_comm_insee") or "")
        best, best_score = None, 0.0
        for i, f in enumerate(features):
            if i in used:
                continue
            ours = f["properties"]
            if insee and insee not in (ours.get("communes_insee") or [ours.get("site_comm_insee")]):
                continue
            alt = ours.get("site_nom_alt") or {}
            names = [ours.get("site_nom") or ""] + ([alt.get("fr", "")] if isinstance(alt, dict)
                                                    else [str(alt)])
            score = max(name_score(props.get("site_nom") or "", n) for n in names)
            if score > best_score:
                best, best_score = i, score
        if best is None or best_score < 0.5:
            official["geometry_quality"] = "official"
            official["sources"] = [citation]
            added.append({"type": "Feature", "properties": official, "geometry": geometry})
            print(f"  added: {props.get('site_nom')!r} (no zone of ours matches it)")
            continue
        used.add(best)
        ours = features[best]["properties"]
        merged = dict(ours)
        merged["site_id_zae_atlas"] = ours["site_id"]
        for k, v in official.items():
            if k == "site_description":
                merged["site_description_inventaire"] = v
            elif k in FIGURES:
                if v is None:
                    continue
                merged[k] = v
                merged[k + "_note"] = {
                    "fr": "chiffre de l'inventaire officiel",
                    "en": "figure of the official inventory"}
                merged[k + "_year"] = _year(props)
                merged[k + "_source"] = citation
            else:
                merged[k] = v
        merged["sources"] = list(ours.get("sources") or []) + [citation]
        if geometry is not None:
            for k in ("position_grade", "position_basis", "outline_moved_m", "contained_in"):
                merged.pop(k, None)
            merged["geometry_quality"] = "official"
            merged["outline_basis"] = {
                "fr": f"contour de l'inventaire officiel ({citation})",
                "en": f"outline of the official inventory ({citation})"}
            features[best] = {"type": "Feature", "properties": merged, "geometry": geometry}
        else:
            features[best] = dict(features[best], properties=merged)
        print(f"  matched: {props.get('site_nom')!r} -> {ours['site_id']}"
              f"{'' if geometry else ' (no outline in the file: schematic kept)'}")
    kept = len(features) - len(used)
    print(f"official inventory: {len(used)} zone(s) matched, {len(added)} added, "
          f"{kept} kept schematic")
    out = dict(fc, features=features + added)
    out["note"] = dict(fc["note"]) if isinstance(fc.get("note"), dict) else fc.get("note")
    if isinstance(out["note"], dict):
        out["note"]["en"] = (f"Outlines and figures of the official inventory {citation} where "
                             f"it holds the zone; elsewhere: " + out["note"]["en"])
        out["note"]["fr"] = (f"Contours et chiffres de l'inventaire officiel {citation} pour les "
                             f"zones qu'il contient ; ailleurs : " + out["note"]["fr"])
    return out
