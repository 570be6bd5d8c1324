#!/usr/bin/env python3
"""Builds the "before" and "after" inventories of tests/data/diff/ from the invented CNIG
fixtures of tests/data/cnig/ (site-eco, terrain-eco, etablissement .geojson, Lambert-93).

    python3 tests/data/make_diff_fixtures.py

"before" is the CNIG trio in Lambert-93 (EPSG:2154) plus three invented zones (D, F, G: copies
of the fixture zones moved by a few kilometres). "after" is the same inventory, every
coordinate reprojected to WGS84 (no `crs` member), with the changes listed in CHANGES below
applied. The script writes tests/data/diff/CHANGES.md from that list, so the list of changes
and the files always agree. tests/diff.rs checks the exact change list found.

Everything here is invented test data, like tests/data/cnig/ (see its README.md).
Standard library only (the Lambert-93 inverse projection is written out below).
"""

import copy
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
CNIG = os.path.join(HERE, "cnig")
OUT = os.path.join(HERE, "diff")

# Each change applied, as documented in CHANGES.md (and expected by tests/diff.rs).
CHANGES = []


def note(level, change, what):
    CHANGES.append((level, change, what))


# --- Lambert-93 (EPSG:2154, RGF93 / GRS80 ellipsoid, taken equal to WGS84) -----------------
A = 6378137.0
F_INV = 298.257222101
E = math.sqrt(2 / F_INV - 1 / F_INV**2)
LAT1, LAT2, LAT0 = map(math.radians, (49.0, 44.0, 46.5))
LON0 = math.radians(3.0)
X0, Y0 = 700000.0, 6600000.0


def _m(phi):
    return math.cos(phi) / math.sqrt(1 - (E * math.sin(phi)) ** 2)


def _t(phi):
    s = E * math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - s) / (1 + s)) ** (E / 2)


N = (math.log(_m(LAT1)) - math.log(_m(LAT2))) / (math.log(_t(LAT1)) - math.log(_t(LAT2)))
FF = _m(LAT1) / (N * _t(LAT1) ** N)
RHO0 = A * FF * _t(LAT0) ** N


def to_wgs84(x, y):
    """Lambert-93 metres → (longitude, latitude) degrees, rounded to 1e-9 degree (0.1 mm)."""
    dx, dy = x - X0, RHO0 - (y - Y0)
    rho = math.copysign(math.hypot(dx, dy), N)
    t = (rho / (A * FF)) ** (1 / N)
    lon = math.atan2(dx, dy) / N + LON0
    lat = math.pi / 2 - 2 * math.atan(t)
    for _ in range(15):
        s = E * math.sin(lat)
        lat = math.pi / 2 - 2 * math.atan(t * ((1 - s) / (1 + s)) ** (E / 2))
    return [round(math.degrees(lon), 9), round(math.degrees(lat), 9)]


def map_coords(coords, f):
    if isinstance(coords[0], (int, float)):
        return f(coords)
    return [map_coords(c, f) for c in coords]


def shifted(geometry, dx, dy):
    g = copy.deepcopy(geometry)
    g["coordinates"] = map_coords(g["coordinates"], lambda c: [round(c[0] + dx, 2), round(c[1] + dy, 2)])
    return g


def rect(x0, y0, x1, y1):
    return {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


def load(name):
    with open(os.path.join(CNIG, name + ".geojson"), encoding="utf-8") as f:
        return json.load(f)


def by(features, key, value):
    for f in features:
        if f["properties"].get(key) == value:
            return f
    raise KeyError(value)


def write(side, name, collection, wgs84):
    data = copy.deepcopy(collection)
    if wgs84:
        data.pop("crs", None)
        for f in data["features"]:
            g = f["geometry"]
            g["coordinates"] = map_coords(g["coordinates"], lambda c: to_wgs84(c[0], c[1]))
    os.makedirs(os.path.join(OUT, side), exist_ok=True)
    with open(os.path.join(OUT, side, name + ".geojson"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


SITE = "21231_SITE-ECO_"
TERR = "21231_TERRAIN-ECO_"

sites, plots, firms = load("site-eco"), load("terrain-eco"), load("etablissement")
zone_a = by(sites["features"], "site_id", SITE + "90001")
zone_b = by(sites["features"], "site_id", SITE + "90002")
zone_c = by(sites["features"], "site_id", SITE + "90003")


def new_zone(model, site_id, name, dx, dy, **props):
    z = copy.deepcopy(model)
    z["properties"]["site_id"] = site_id
    z["properties"]["site_nom"] = name
    z["properties"].update(props)
    z["geometry"] = shifted(model["geometry"], dx, dy)
    return z


# --- before: the CNIG trio, plus zones D, F and G --------------------------------------------
zone_d = new_zone(zone_c, SITE + "90004", "ZA Test Ouest", -3000, 0)
zone_f = new_zone(zone_b, SITE + "90006", "ZA Test Ferroviaire", 0, 3000, site_nb_emploi=120)
zone_g = new_zone(zone_a, SITE + "90007", "ZA Test Canal", 3000, -3000)
sites["features"] += [zone_d, zone_f, zone_g]
before = (copy.deepcopy(sites), copy.deepcopy(plots), copy.deepcopy(firms))

# --- after --------------------------------------------------------------------------------------
s_after, p_after, f_after = copy.deepcopy(before)
S, P, E_ = s_after["features"], p_after["features"], f_after["features"]

note("zone", "none", "every coordinate reprojected from Lambert-93 to WGS84; zone C "
     "(ZA Test Sud, 21231_SITE-ECO_90003) changes in nothing else: no change is expected for it")

# Zone A: outline extended 200 m east, and attributes.
a = by(S, "site_id", SITE + "90001")
ring = a["geometry"]["coordinates"][0][0]
for c in ring:
    if c[0] > 854000:
        c[0] = round(c[0] + 200, 2)
note("zone", "changed", "A (ZA Test Nord): outline extended 200 m east (field outline)")
a["properties"]["site_surf_brute"] = 52.5
note("zone", "changed", "A: site_surf_brute 42.12 → 52.5 (field surface)")
a["properties"]["site_taux_vacance"] = 20
note("zone", "changed", "A: site_taux_vacance 12.5 → 20 (field vacancy_rate)")
a["properties"]["site_etat"] = "en extension"
note("zone", "changed", "A: site_etat « existant et actif » → « en extension » (field state)")

# Zone B: renamed, jobs, establishments, vocation; its vacancy follows its plots.
b = by(S, "site_id", SITE + "90002")
b["properties"]["site_nom"] = "ZA Test Est - Les Vergers"
note("zone", "renamed", "B: ZA Test Est → ZA Test Est - Les Vergers")
b["properties"]["site_nb_emploi"] = 60
note("zone", "changed", "B: site_nb_emploi unknown → 60 (field jobs)")
b["properties"]["site_nb_etab"] = 3
note("zone", "changed", "B: site_nb_etab unknown → 3 (field establishments)")
b["properties"]["site_vocadomi"] = "industrie"
note("zone", "changed", "B: site_vocadomi → industrie (field vocation)")
note("zone", "changed", "B: vacancy computed from its plots 50 → 40 (field vacancy_rate; "
     "the plot changes below)")

# Zone D removed, zone E added.
S.remove(by(S, "site_id", SITE + "90004"))
note("zone", "removed", "D (ZA Test Ouest, 21231_SITE-ECO_90004)")
zone_e = new_zone(zone_c, SITE + "90005", "ZA Test Centre", 3000, 0)
S.append(zone_e)
note("zone", "added", "E (ZA Test Centre, 21231_SITE-ECO_90005), zone C moved 3 km east")

# Zone F: site_id renumbered, one vertex re-digitised 1.5 m away, jobs 120 → 150.
f = by(S, "site_id", SITE + "90006")
f["properties"]["site_id"] = SITE + "91006"
f["geometry"]["coordinates"][0][2][0] = round(f["geometry"]["coordinates"][0][2][0] + 1.5, 2)
f["properties"]["site_nb_emploi"] = 150
note("zone", "changed", "F (ZA Test Ferroviaire): site_id 90006 → 91006 (matched by name), "
     "a vertex moved 1.5 m (no outline change), site_nb_emploi 120 → 150 (field jobs)")

# Zone G: new site_id and a new name, same outline: matched by overlap.
g = by(S, "site_id", SITE + "90007")
g["properties"]["site_id"] = SITE + "91007"
g["properties"]["site_nom"] = "Parc d'activités du Canal"
note("zone", "renamed", "G: site_id 90007 → 91007, ZA Test Canal → Parc d'activités du Canal "
     "(matched by overlap)")

# Plots.
def plot(n):
    return by(P, "terr_id", TERR + n)


p3 = plot("90003")
p3["properties"]["terr_stade_comm"] = "vendu, commercialisation achevée"
p3["properties"]["terr_etat_occup"] = "occupé"
note("plot", "sold", "90003 (zone A, 2.56 ha): en vente → vendu, commercialisation achevée")
note("plot", "changed", "90003: terr_etat_occup inoccupé → occupé")

p1, p2 = plot("90001"), plot("90002")
merged = copy.deepcopy(p1)
merged["properties"].update(terr_id=TERR + "90009", terr_surf_brute=7.04, terr_acquereur="Test Logistique SAS")
merged["geometry"] = rect(853279.1, 6696306.32, 853719.1, 6696466.32)
P[P.index(p1)] = merged
P.remove(p2)
note("plot", "merged", "90001 + 90002 (zone A) → 90009 (7.04 ha)")

P.remove(plot("90004"))
note("plot", "removed", "90004 (zone A)")

p6 = plot("90006")
half_a, half_b = copy.deepcopy(p6), copy.deepcopy(p6)
half_a["properties"].update(terr_id=TERR + "90011", terr_surf_brute=1.125)
half_b["properties"].update(terr_id=TERR + "90012", terr_surf_brute=1.125)
half_a["geometry"] = rect(857954.73, 6690967.35, 858029.73, 6691117.35)
half_b["geometry"] = rect(858029.73, 6690967.35, 858104.73, 6691117.35)
P[P.index(p6)] = half_a
P.append(half_b)
note("plot", "split", "90006 (zone B, 2.25 ha) → 90011 + 90012 (1.125 ha each)")

plot("90007")["properties"]["terr_etat_occup"] = "occupé"
note("plot", "changed", "90007 (zone B): terr_etat_occup vacant → occupé")
plot("90008")["properties"]["terr_stade_comm"] = "en vente"
note("plot", "changed", "90008 (zone B): terr_stade_comm non commercialisé → en vente")

new_plot = copy.deepcopy(plot("90005"))
new_plot["properties"].update(
    terr_id=TERR + "90010", site_id=SITE + "90005", terr_surf_brute=2.0,
    terr_stade_comm="en vente", terr_etat_occup="vacant", terr_acquereur=None,
    terr_cession_date=None, terr_vente_montant=None, terr_m2_prix=30)
x0, y0 = zone_e["geometry"]["coordinates"][0][0]
new_plot["geometry"] = rect(x0 + 50, y0 + 50, x0 + 250, y0 + 150)
P.append(new_plot)
note("plot", "added", "90010 (zone E, 2 ha, en vente)")

# Establishments.
def firm(siret):
    return by(E_, "SIRET", siret)


firm("99910001900010")["properties"]["terr_id"] = TERR + "90009"
t = firm("99910002700013")
t["properties"]["terr_id"] = TERR + "90009"
t["properties"]["SIRET"] = "99910002700021"
note("establishment", "none", "Test Transports: SIRET 99910002700013 → 99910002700021, same name "
     "and place (matched by name and position, no change)")
E_.remove(firm("99910005000015"))
note("establishment", "removed", "Test Conseil (99910005000015) left")
firm("99910006800017")["geometry"] = {"type": "Point", "coordinates": [852800.0, 6689800.0]}
note("establishment", "moved", "Test Plomberie (99910006800017): zone B → zone C")
arrived = copy.deepcopy(firm("99910004300010"))
arrived["properties"].update(
    SIRET="99910007600019", SIREN="999100076", terr_id=TERR + "90010",
    etab_nom="TEST BOULANGERIE", etab_raison_sociale="Test Boulangerie Industrielle SAS")
arrived["geometry"] = {"type": "Point", "coordinates": [x0 + 150, y0 + 100]}
E_.append(arrived)
note("establishment", "added", "Test Boulangerie (99910007600019) arrived in zone E")

# --- write ---------------------------------------------------------------------------------------
for (name, coll) in zip(["site-eco", "terrain-eco", "etablissement"], before):
    write("before", name, coll, wgs84=False)
for (name, coll) in zip(["site-eco", "terrain-eco", "etablissement"], (s_after, p_after, f_after)):
    write("after", name, coll, wgs84=True)

with open(os.path.join(OUT, "CHANGES.md"), "w", encoding="utf-8", newline="\n") as f:
    f.write("# Changes from before/ to after/\n\n")
    f.write("Written by `python3 tests/data/make_diff_fixtures.py` (do not edit by hand). "
            "Invented test data made from `tests/data/cnig/` (see its README.md). before/ is in "
            "Lambert-93 (EPSG:2154), after/ in WGS84. Zones: A = 21231_SITE-ECO_90001, "
            "B = 90002, C = 90003, D = 90004, E = 90005, F = 90006, G = 90007; plots are "
            "21231_TERRAIN-ECO_<n>.\n\n")
    f.write("| level | change | what |\n|---|---|---|\n")
    for level, change, what in CHANGES:
        f.write(f"| {level} | {change} | {what} |\n")
print(f"wrote {OUT}: {len(CHANGES)} changes documented")
