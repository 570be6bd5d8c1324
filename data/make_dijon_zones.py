#!/usr/bin/env python3
"""Build data/dijon-zones.geojson: the embedded dataset of ZAE Atlas.

24 business parks (zones d'activités économiques) of Dijon métropole, one Polygon feature
each, with properties named after the CNIG "Sites économiques" standard (class site-eco)
where a matching field exists.

Run from the repository root:   python3 data/make_dijon_zones.py
Standard library only (Python 3.11). The output is deterministic: re-running the script
regenerates data/dijon-zones.geojson byte for byte. It also prints, for every zone, the
target and achieved area of its shape, its parts per commune, how far its centre moved and
the click-test result.

PROVENANCE (read this before editing a value)
---------------------------------------------
* Every zone below carries `sheet`: its row of the compiled fact sheet
  (shared/reference/dijon-parks-facts.md, table of section 1, compiled 2026-11-28), copied
  verbatim, with the estimated position and the list of source URLs of that row. Those
  strings are the raw evidence; `python3 data/make_dijon_zones.py --check REF.geojson`
  compares them with the reference file shared/reference/data/parks-points-ESTIMATED.geojson.
* The curated fields (site_type, numbers, notes...) are derived from that row, from the
  fact sheet's sections 2, 3 and 5 and from the métropole's own page, cited as
  METRO = "Dijon métropole, page Attractivité économique (bilan 2022)".
  Nothing else: no number here was estimated, interpolated or computed from other numbers.
* A number is stored only when a source gives it for the zone itself. Counts for one tenant,
  for a business club, for a grouping of parks or for a whole commune stay in the *_note
  text and the number is None (JSON null). "unknown" in the sheet stays None.
* *_year is the year the fact sheet gives for the STORED value (None when the sheet gives
  none or when the value is None). *_source is the URL (or METRO) of the figure(s) in the
  note; where the fact sheet does not tie a figure to one URL of its row, the candidate
  URLs of the row are listed, separated by " ; ". Attributions to a single URL were checked
  against stored copies of those same pages (search of public pages, 2026-11-28).
* Surfaces are gross surfaces in hectares (CNIG site_surf_brute = superficie totale).
  Retail or office FLOOR areas (m2) are never stored as a land surface.
* The firms the métropole's page names (the seed) are tenants with that page (METRO) among
  their sources, the year 2022 and the page's status; later sources add to the status. Those
  no other source confirmed say so in their status. What is not a firm (shops, cinemas,
  start-ups in general...) goes to `facilities`; firms that left go to `former_tenants`.
* Every free text is written out in both languages: the English here, its French in
  dijon_zones_fr.py (keyed by the English); the script stops when a French text is missing.

CNIG enumerations used (shared/reference/cnig-sites-economiques/site-eco/schema.json):
  site_type:     "zone d'activité économique" | "autre" (a building / cluster or a mixed
                 urban quarter that is not an activity zone: Santenov, Cité de la gastronomie)
  site_vocadomi: industrielle, commerciale, tertiaire, artisanale, "aéroportuaire,
                 aéronautique", mixte, autre are used. Technopoles (biotech/health,
                 innovation, agro-ecology) get "tertiaire": what they host is research,
                 offices, incubators and training, which are tertiary-sector activities; the
                 CNIG list has no "technopole" value, and the exact vocation stays in
                 vocation_detail. The dedicated agri-food Marché de l'Agro gets "autre".
  site_etat:     "création" (under development) | "existant et actif" (active / built).

GEOMETRY: NO surveyed outline of any zone exists (fact sheet section 5). Each zone is a
SCHEMATIC regular 16-gon around the estimated position of the fact sheet, cut to the IGN limits
of the communes the sources give (one part per commune, sized to the declared split where
there is one), sized so that its area on the WGS84 ellipsoid equals site_surf_brute (or a
nominal 5 ha when the surface is unknown), moved where needed so that no two zones overlap.
See schematic_outlines.py and the README.

Options: --check REF.geojson (compare the rows with the reference points), --outlines FILE (an
official CNIG site-eco inventory replaces the outlines and figures it holds:
official_inventory.py), --out PATH.
"""

import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dijon_zones_fr import FR, NAME_FR  # noqa: E402  (French of every free text below)
from schematic_outlines import MIN_SHARE, N_VERTICES, Placer  # noqa: E402

# --------------------------------------------------------------------------------------
# Constants and provenance shortcuts
# --------------------------------------------------------------------------------------

METRO = "Dijon métropole, page Attractivité économique (bilan 2022)"

# EPCI: fact sheet section 3 ("SIREN 242100410"); the same SIREN is the EPCI code of every
# Dijon Métropole commune in Insee's "EPCI au 01/01/2024 - Composition communale" (below).
EPCI_NOM = "Dijon Métropole"
EPCI_SIREN = "242100410"

# INSEE codes (code officiel géographique) of the main communes, confirmed in Insee's file
# "Intercommunalité et Métropole - Composition communale, Géographie au 01/01/2024"
# (https://www.insee.fr/fr/information/2510634, fichier epci_au_01-01-2024.zip), as copied in
# the public repository JEAYNE/Conseil-Metropolitain, path
# insee/données/2025/EPCI_au_01-01-2024~Composition_communale.csv,
# commit ea8e287f8b634e5cd30d9fa316a7c37351f0a4b3 (each line: CODGEO;LIBGEO;242100410;
# Dijon Métropole;21;27). Cross-checked for Bretenière, Chenôve and Chevigny-Saint-Sauveur
# against the INSEE column of the Dijon Métropole article of German Wikipedia.
COMMUNE_INSEE = {
    "Bretenière": "21106",
    "Chenôve": "21166",
    "Chevigny-Saint-Sauveur": "21171",
    "Dijon": "21231",
    "Fénay": "21263",
    "Longvic": "21355",
    "Marsannay-la-Côte": "21390",
    "Ouges": "21473",
    "Quetigny": "21515",
    "Saint-Apollinaire": "21540",
}

NOMINAL_HA = 5.0          # outline size when the surface is unknown (NOT a real surface)
COMMUNES_FILE = "dijon-metropole-communes.geojson"   # IGN Admin Express, the 23 communes
CLICK_TEST = (5.0680, 47.3410)   # Cap Nord's estimated centre, clicked by a UI test

OUT_NAME = "dijon-zones.geojson"


def fig(value, note, year, source):
    """A figure: stored number (or None), the text as the sources give it, year, source."""
    return {"value": value, "note": note, "year": year, "source": source}


def ten(name, activity=None, status=None, year=None, source=None, metro=False):
    """A tenant from the fact sheet's notable-tenants column (None = the sheet does not say).
    metro=True: the métropole's page (METRO, bilan 2022) names it too; its sources then list
    that page after the later source."""
    sources = ([source] if source else []) + ([METRO] if metro else [])
    return {"name": name, "activity": activity, "status": status, "year": year,
            "sources": sources}


def fac(text, source=None):
    """A facility or a group of occupants that is not a firm (shops, cinemas, a school...)."""
    return {"text": text, "source": source}


UNKNOWN = fig(None, "unknown", None, None)

# --------------------------------------------------------------------------------------
# The 24 zones, in the fact sheet's row order
# --------------------------------------------------------------------------------------

ZONES = [
  # ==================================================================================
  # Row 1 - Cap Nord
  dict(
    sheet=dict(
        id='capnord',
        name="ZAE Cap Nord (Parc d'activités CapNord)",
        communes='Dijon, Saint-Apollinaire',
        coord_q='M',
        coord_basis='between Divia stops Mayence (47.3390,5.0641), Epirey Capnord (47.3397,5.0674), Dallas CRI (47.3359,5.0623); zone straddles Dijon/St-Apollinaire and the rocade',
        area_ha="~300 (2017 press); seed says 'a bit less than 300'",
        jobs="~10,000 / ~500 firms (2017); seed '>11,000 private jobs' NOT verified",
        type='mixed: industrial + commercial + tertiary (not specialised)',
        tenants="IKEA; ex-Chocolaterie de Bourgogne site (rue de Cracovie, 55-60k m2, now Axim/Golaxy Park); Capnord Innovespace (Alsei, ex-Stef); Proudreed village d'entreprises (>15,000 m2); Vetia (2,500 m2 warehouse). St-Apollinaire's zones (Cap Nord + smaller ZA, zone not specified) host AVX/TPC, Westfalia-Japy, APRR centre",
        year="developed from the 1960s (St-Apollinaire); '>40 years' in 2017",
        developer='historic ZAE; Grand Dijon/Dijon Métropole manages all ZAE since 2015; business club: association Cap Nord',
        status='built out / densification',
        lon=5.068, lat=47.341,
        src=[
            'https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/',
            'https://www.k6fm.com/news/entrepreneuriat-la-zone-cap-nord-de-dijon-poursuit-son-developpement-21530',
            'https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/',
            'https://forumeco.fr/un-nouveau-parc-dentreprises-a-lentree-de-cap-nord/',
            'https://dijon-actualites.fr/2025/12/19/dijon-la-chocolaterie-des-ducs-de-bourgogne-relance-une-production-industrielle-avec-une-nouvelle-usine-a-lecoparc',
            'https://tresordesregions.mgm.fr:443/epci.php?dep=21&lepci=SaintApollinaire&region=27',
            'https://docslib.org/doc/7658453/rapport-d-activit%C3%A9s-%C3%A9dito',
        ],
    ),
    site_nom="ZAE Cap Nord",
    site_type="zone d'activité économique",
    site_vocadomi="mixte",            # "mixed: industrial + commercial + tertiary"
    site_etat="existant et actif",    # "built out / densification"
    site_comm_nom="Dijon",            # first commune listed (Dijon, Saint-Apollinaire)
    place=dict(communes=["Dijon", "Saint-Apollinaire"], mode="site", must_contain=CLICK_TEST),
    # ~300 ha: dijonlhebdo 2017-12-14 ("Sur ses 300 hectares") and k6fm 2017 ("300 hectares");
    # METRO: "sur un peu moins de 300 ha". 300 is the only exact number given.
    surf=fig(300,
             "~300 ha (2017 press); un peu moins de 300 ha (Dijon métropole, bilan 2022). "
             "Stored 300: the 2017 press figure, the only exact number; the métropole gives "
             "'un peu moins de 300 ha' without a number.",
             2017,
             "https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
    # METRO: "la ZAE CAPNORD comptabilise plus de 11 000 emplois privés". The fact sheet
    # could not confirm this figure in an independent source (section 2): see unverified.
    emploi=fig(11000,
               "plus de 11 000 emplois privés (Dijon métropole, bilan 2022); ~10,000 (2017 press)",
               2022, METRO),
    # "quelque 500 entreprises" (dijonlhebdo 2017-12-14), "500 entreprises" (k6fm 2017)
    etab=fig(500, "~500 firms (2017 press)", 2017,
             "https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
    site_url="https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/",
    description=(
        "Historic, non-specialised business park (industry, retail, services) straddling Dijon, "
        "Saint-Apollinaire and the ring road (rocade), developed from the 1960s, now built out "
        "and densifying. Dijon métropole (bilan 2022) credits it with 'plus de 11 000 emplois "
        "privés sur un peu moins de 300 ha' and lists it among the older operations it keeps "
        "supporting."),
    tenants=[
        # "La zone Cap-Nord, ce n'est pas uniquement la zone d'Ikea" (k6fm 2017)
        ten("IKEA", source="https://www.k6fm.com/news/entrepreneuriat-la-zone-cap-nord-de-dijon-poursuit-son-developpement-21530"),
        ten("Axim / Golaxy Park (ex-Chocolaterie de Bourgogne site)",
            activity="former chocolate factory site, rue de Cracovie, 55-60k m2"),
        ten("Capnord Innovespace (Alsei, ex-Stef)"),
        ten("Proudreed village d'entreprises", activity="business village, >15,000 m2"),
        ten("Vetia", activity="warehouse, 2,500 m2"),
        # The sheet places these in "St-Apollinaire's zones (Cap Nord + smaller ZA, zone not
        # specified)": kept, with that caveat as their status.
        ten("AVX/TPC", status="in Saint-Apollinaire's zones (Cap Nord or a smaller ZA: zone not specified)"),
        ten("Westfalia-Japy", status="in Saint-Apollinaire's zones (Cap Nord or a smaller ZA: zone not specified)"),
        ten("APRR centre", status="in Saint-Apollinaire's zones (Cap Nord or a smaller ZA: zone not specified)"),
    ],
    unverified=[
        "'plus de 11 000 emplois privés' (Dijon métropole, bilan 2022): stored in site_nb_emploi "
        "as the métropole's own figure, but no independent source confirmed it (fact sheet §2); "
        "the 2017 press gives ~10,000.",
    ],
  ),
  # ==================================================================================
  # Row 2 - Extension Capnord
  dict(
    sheet=dict(
        id='capnord-ext',
        name='Extension Capnord',
        communes='Saint-Apollinaire',
        coord_q='L',
        coord_basis="'east of the Cap Nord site' (St-Apollinaire) - position guessed",
        area_ha='17 (planned 2002)',
        jobs='~20 firms installed (no job count)',
        type='industrial / secondary sector',
        tenants='n/a',
        year='planned 2002, works from 2004; early 2000s',
        developer='SEMAAD',
        status='fully sold (Grand Dijon doc, c.2009)',
        lon=5.085, lat=47.345,
        src=[
            'https://batiactu.com/edito/trois-nouvelles-zones-economiques-a-dijon-13854.php',
            'https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/',
            'https://studylibfr.com/doc/3758887/le-d%C3%A9veloppement-%C3%A9conomique',
        ],
    ),
    site_nom="Extension Cap Nord",
    site_type="zone d'activité économique",
    site_vocadomi="industrielle",     # "industrial / secondary sector"
    site_etat="existant et actif",    # "fully sold (Grand Dijon doc, c.2009)"
    site_comm_nom="Saint-Apollinaire",
    # batiactu (2002): "l'extension sur 17 ha de celle existant déjà et baptisée Capnord"
    surf=fig(17, "17 ha (planned 2002)", 2002,
             "https://batiactu.com/edito/trois-nouvelles-zones-economiques-a-dijon-13854.php"),
    emploi=fig(None, "~20 firms installed (no job count)", None,
               "https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/"),
    # ville-st-apollinaire: "une extension ... a permis d'accueillir une vingtaine d'entreprises"
    etab=fig(20, "~20 firms installed (une vingtaine d'entreprises)", None,
             "https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/"),
    site_url="https://batiactu.com/edito/trois-nouvelles-zones-economiques-a-dijon-13854.php",
    description=(
        "Extension of Cap Nord on its east side in Saint-Apollinaire, planned in 2002 on 17 ha "
        "for secondary-sector firms, with works from 2004, developed by SEMAAD; fully sold "
        "according to a Grand Dijon document (c.2009), with about twenty firms installed. "
        "Position guessed."),
    tenants=[],
    unverified=[],
  ),
  # ==================================================================================
  # Row 3 - Marché de l'Agro
  dict(
    sheet=dict(
        id='marche-agro',
        name="Marché de l'Agro (ex-marché de gros)",
        communes='Dijon',
        coord_q='L',
        coord_basis="'entrance of Cap Nord' - exact position not found",
        area_ha='unknown',
        jobs="'several dozen new jobs' expected (2016)",
        type='agri-food (dedicated)',
        tenants='MyWok (HQ/central kitchen), Pierre Hubert, Caves Carrière, Apidis',
        year='conversion c.2015-2016',
        developer='Grand Dijon',
        status='active',
        lon=5.06, lat=47.337,
        src=[
            'http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/marche-de-l-agro-52247.jsp',
            'https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/',
        ],
    ),
    site_nom="Marché de l'Agro",
    site_type="zone d'activité économique",
    # "agri-food (dedicated)": a former wholesale market converted for agri-food firms. The
    # CNIG list has no agri-food value; "logistique agricole" or "industrielle" would state
    # more than the sheet does, hence "autre" (detail in vocation_detail).
    site_vocadomi="autre",
    site_etat="existant et actif",    # "active"
    site_comm_nom="Dijon",
    # "entrance of Cap Nord" (sheet): declared inside Cap Nord, the one containment allowed
    place=dict(communes=["Dijon"], within="capnord"),
    surf=UNKNOWN,
    emploi=fig(None, "'several dozen new jobs' expected (2016) - an expectation, not a count", None,
               "http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/marche-de-l-agro-52247.jsp"
               " ; https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
    etab=fig(None, None, None, None),
    site_url="http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/marche-de-l-agro-52247.jsp",
    description=(
        "Former wholesale market (marché de gros) at the entrance of Cap Nord, converted c.2015-2016 "
        "by Grand Dijon into a site dedicated to agri-food firms. Exact position not found."),
    tenants=[
        # dijonlhebdo 2017-12-14 names My Wok, Pierre Hubert, Caves Carrière and Apidis
        ten("MyWok", activity="HQ / central kitchen",
            source="https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
        ten("Pierre Hubert",
            source="https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
        ten("Caves Carrière",
            source="https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
        ten("Apidis",
            source="https://www.dijonlhebdo.fr/2017/12/14/cap-nord-zone-dactivites-toujours-plus-dynamique/"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 4 - Valmy
  dict(
    sheet=dict(
        id='valmy',
        name="Parc Valmy / Écopôle Valmy (technopôle/quartier d'affaires Valmy)",
        communes='Dijon',
        coord_q='M',
        coord_basis="tram T2 terminus 'Dijon Valmy' (47.3655,5.0467), 'Giroud' (47.3653,5.0494), 'Pôle Santé' (47.3613,5.0510)",
        area_ha='45 (at launch, 2002); park/public space 2.7 ha (2012)',
        jobs='no zone total found; CPage 280 staff; EDF >300 (from ~2027); Heller 15',
        type='tertiary (offices) + health',
        tenants="Caisse d'Épargne BFC HQ 'Le Valmy' (9,500 m2, delivered end 2023); Pepper (Batifranc 5,020 m2) & Spicy (CPage 4,180 m2) inaugurated June 2024; Medic Global medical building (Linkcity 3,057 m2); EDF regional HQ (first stone, move ~2027); Heller France; Lazard business park. Seed: HELIOS PARK, B&B hotel - NOT verified",
        year='ZAC launched 2002-2004; 3rd & last phase from 2018 (+120,000 m2 offices planned)',
        developer='SEMAAD (launch) then SPLAAD (écopôle)',
        status='3rd phase under development',
        lon=5.048, lat=47.364,
        src=[
            'https://batiactu.com/edito/trois-nouvelles-zones-economiques-a-dijon-13854.php',
            'https://www.lemoniteur.fr/article/a-beauregard-des-parcelles-pour-les-entreprises.1996774',
            'https://www.infos-dijon.com/news/vie-locale/vie-locale/dijon-premier-evenement-au-nouveau-siege-regional-de-la-caisse-d-epargne.html',
            'https://journal-du-palais.fr/au-sommaire/entreprises/cpage-et-batifranc-inaugurent-leurs-locaux-a-valmy',
            'https://www.dijonlhebdo.fr/2023/04/20/ecopole-valmy-direction-les-batiments-bas-carbone/',
            'http://baseland.fr/en/campuses/dijon-northern-city',
            'https://www.dijonlhebdo.fr/2016/03/23/dijon-a-monte-marches/',
            'https://presse-evasion.fr/index.php/component/k2/19-immo-btp/46739-une-pierre-vive-posee-en-faveur-d-un-projet-decarbone-edf-prend-date-avec-son-futur-siege-regional-a-dijon',
            'https://journal-du-palais.fr/au-sommaire/champagne-in-vino/au-sommaire/entreprises/au-sommaire/collectivites/au-sommaire/collectivites/dijon-bourgogne-invest-deux-ans-deja-au-service-de-l-attractivite',
            'https://www.tracesecritesnews.fr/actualite/le-specialiste-regional-de-l-immobilier-d-entreprise-batifranc-associe-au-savoyard-patriarche-dans-un-operation-de-bureaux-a-dijon-190853',
        ],
    ),
    site_nom="Écopôle Valmy",
    site_type="zone d'activité économique",
    site_vocadomi="tertiaire",        # "tertiary (offices) + health"
    site_etat="création",             # "3rd phase under development"
    site_comm_nom="Dijon",
    # batiactu (2002): "le parc Valmy, d'une surface de 45 ha"
    surf=fig(45,
             "45 ha (at launch, 2002); park/public space 2.7 ha (2012). No later figure for the "
             "whole park including its 3rd phase was found.",
             2002, "https://batiactu.com/edito/trois-nouvelles-zones-economiques-a-dijon-13854.php"),
    emploi=fig(None,
               "no zone total found; CPage 280 staff; EDF >300 (from ~2027); Heller 15 "
               "(single tenants: not stored)",
               None,
               "https://journal-du-palais.fr/au-sommaire/entreprises/cpage-et-batifranc-inaugurent-leurs-locaux-a-valmy"
               " ; https://presse-evasion.fr/index.php/component/k2/19-immo-btp/46739-une-pierre-vive-posee-en-faveur-d-un-projet-decarbone-edf-prend-date-avec-son-futur-siege-regional-a-dijon"),
    etab=fig(None, None, None, None),
    site_url="https://www.dijonlhebdo.fr/2023/04/20/ecopole-valmy-direction-les-batiments-bas-carbone/",
    description=(
        "Tertiary (offices) and health business district around the tram T2 'Dijon Valmy' terminus: "
        "a ZAC launched 2002-2004 by SEMAAD, whose 3rd and last phase (from 2018, +120,000 m2 of "
        "offices planned) is developed by SPLAAD. Dijon métropole (bilan 2022) lists it among four "
        "operations under development."),
    tenants=[
        ten("Caisse d'Épargne BFC (regional HQ 'Le Valmy')", activity="regional head office, 9,500 m2",
            status="delivered end 2023", year=2023,
            source="https://www.infos-dijon.com/news/vie-locale/vie-locale/dijon-premier-evenement-au-nouveau-siege-regional-de-la-caisse-d-epargne.html"),
        # METRO: "les mises en chantier se sont succédées sur 2022 au bénéfice de programmes
        # immobiliers à destination de bureaux (PEPPER & SPICY, HELIOS PARK), d'hôtels (B&B)"
        ten("Pepper (Batifranc)", activity="offices, 5,020 m2",
            status="under construction in 2022 (Dijon métropole); inaugurated June 2024", year=2022,
            source="https://journal-du-palais.fr/au-sommaire/entreprises/cpage-et-batifranc-inaugurent-leurs-locaux-a-valmy",
            metro=True),
        ten("Spicy (CPage)", activity="offices, 4,180 m2",
            status="under construction in 2022 (Dijon métropole); inaugurated June 2024", year=2022,
            source="https://journal-du-palais.fr/au-sommaire/entreprises/cpage-et-batifranc-inaugurent-leurs-locaux-a-valmy",
            metro=True),
        ten("HELIOS PARK", activity="office programme",
            status="under construction in 2022 (Dijon métropole); no other source found", year=2022,
            metro=True),
        ten("B&B", activity="hotel",
            status="under construction in 2022 (Dijon métropole); no other source found", year=2022,
            metro=True),
        ten("Medic Global (Linkcity)", activity="medical building, 3,057 m2"),
        ten("EDF (regional HQ)", activity="regional head office", status="first stone laid; move ~2027",
            source="https://presse-evasion.fr/index.php/component/k2/19-immo-btp/46739-une-pierre-vive-posee-en-faveur-d-un-projet-decarbone-edf-prend-date-avec-son-futur-siege-regional-a-dijon"),
        ten("Heller France"),
        ten("Lazard business park", activity="business park"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 5 - Toison d'Or shopping centre (+ adjacent zone)
  dict(
    sheet=dict(
        id='toison-or',
        name="Centre commercial Toison d'Or (+ adjacent zone)",
        communes='Dijon',
        coord_q='H',
        coord_basis='Wikipedia coordinates 47°21\'20"N 5°03\'20"E',
        area_ha="78,000 m2 retail floor (not land); Pouilly/Toison d'Or urban project >250 ha",
        jobs='adjacent activity zone ~3,000 jobs (2013)',
        type='commercial',
        tenants='~160 shops + hypermarket 15,000 m2; owner Unibail-Rodamco (2013)',
        year='opened 11 Apr 1990; extension 12,300 m2 inaugurated 30-31 Oct 2013',
        developer='Espace Expansion (founder); Unibail-Rodamco',
        status='active',
        lon=5.0556, lat=47.3556,
        src=[
            "https://iiab.me/kiwix/content/wikipedia_fr_all_maxi_2022-09/A/Toison_d'or_(centre_commercial)",
            'https://www.tracesecritesnews.fr/actualite/unibail-rodamco-agrandit-toison-dor-dijon-34593',
            'http://www.miroir-mag.fr/5172-la-toison-dor-poursuit-sa-mue/',
        ],
    ),
    site_nom="Toison d'Or",
    site_type="zone d'activité économique",   # shopping centre + adjacent activity zone
    site_vocadomi="commerciale",
    site_etat="existant et actif",
    site_comm_nom="Dijon",
    # 78,000 m2 is retail FLOOR; >250 ha is the whole Pouilly/Toison d'Or urban project.
    surf=fig(None,
             "78,000 m2 retail floor (not land); Pouilly/Toison d'Or urban project >250 ha "
             "(not the zone). No land surface: null.",
             None,
             "https://iiab.me/kiwix/content/wikipedia_fr_all_maxi_2022-09/A/Toison_d'or_(centre_commercial)"
             " ; http://www.miroir-mag.fr/5172-la-toison-dor-poursuit-sa-mue/"),
    # tracesecritesnews 2013: "une zone d'activités évaluée à 3000 emplois": the activity zone
    # next to the centre, not the centre this feature stands for.
    emploi=fig(None, "~3,000 jobs (2013) in the adjacent activity zone, not in the shopping "
               "centre this feature stands for: not stored", None,
               "https://www.tracesecritesnews.fr/actualite/unibail-rodamco-agrandit-toison-dor-dijon-34593"),
    etab=fig(None,
             "~160 shops + hypermarket 15,000 m2 (2013): the centre only, not the centre + adjacent "
             "zone: not stored",
             None, "https://www.tracesecritesnews.fr/actualite/unibail-rodamco-agrandit-toison-dor-dijon-34593"),
    site_url="https://iiab.me/kiwix/content/wikipedia_fr_all_maxi_2022-09/A/Toison_d'or_(centre_commercial)",
    description=(
        "Shopping centre opened on 11 April 1990 (~160 shops and a 15,000 m2 hypermarket; 78,000 m2 "
        "of retail floor), extended by 12,300 m2 in October 2013, owned by Unibail-Rodamco (2013), "
        "next to an activity zone put at about 3,000 jobs in 2013 (that zone's figure, not the "
        "centre's). No land surface is known: the outline is nominal."),
    tenants=[],
    facilities=[
        fac("~160 shops", "https://www.tracesecritesnews.fr/actualite/unibail-rodamco-agrandit-toison-dor-dijon-34593"),
        fac("hypermarket of 15,000 m2", "https://www.tracesecritesnews.fr/actualite/unibail-rodamco-agrandit-toison-dor-dijon-34593"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 6 - Les Parcs de la Toison d'Or
  dict(
    sheet=dict(
        id='parcs-toison',
        name="Les Parcs de la Toison d'Or (parc de l'Europe, parc technologique, ZA d'Ahuy, ZA de Fontaine)",
        communes='Dijon, Ahuy, Fontaine-lès-Dijon',
        coord_q='L',
        coord_basis='near Divia stops Europe Découverte (47.3550,5.0449), Jean Bertin (47.3547,5.0410), Les Plantes (47.3644,5.0283); sprawling area',
        area_ha='unknown',
        jobs='~7,000 jobs / ~600 firms (2014, club incl. Valmy)',
        type='mixed tertiary / artisanal / commercial',
        tenants='n/a in sources',
        year='Pouilly plan 1983-87; LiNo access 10 Feb 2014',
        developer="various; club d'entreprises Les Parcs de la Toison d'Or",
        status='active',
        lon=5.04, lat=47.357,
        src=[
            'http://www.tracesecritesnews.fr/actualite/le-club-dentreprises-toison-dor-lance-opa-sur-la-lino-37469',
            'http://cotedor.eelv.fr/spip.php?article835',
        ],
    ),
    site_nom="Les Parcs de la Toison d'Or",
    site_type="zone d'activité économique",
    site_vocadomi="mixte",            # "mixed tertiary / artisanal / commercial"
    site_etat="existant et actif",
    site_comm_nom="Dijon",            # first commune listed
    place=dict(communes=["Dijon", "Ahuy", "Fontaine-lès-Dijon"], mode="separate"),
    surf=UNKNOWN,
    emploi=fig(None,
               "~7,000 jobs / ~600 firms (2014, club incl. Valmy): business-club scope including "
               "Valmy, not this zone: not stored",
               None, "http://www.tracesecritesnews.fr/actualite/le-club-dentreprises-toison-dor-lance-opa-sur-la-lino-37469"),
    etab=fig(None,
             "~600 firms (2014, club incl. Valmy): business-club scope, not this zone: not stored",
             None, "http://www.tracesecritesnews.fr/actualite/le-club-dentreprises-toison-dor-lance-opa-sur-la-lino-37469"),
    site_url="http://www.tracesecritesnews.fr/actualite/le-club-dentreprises-toison-dor-lance-opa-sur-la-lino-37469",
    description=(
        "Sprawling set of activity areas (parc de l'Europe, parc technologique, ZA "
        "d'Ahuy, ZA de Fontaine) on Dijon, Ahuy and Fontaine-lès-Dijon, represented by the business "
        "club 'Les Parcs de la Toison d'Or' (LiNo access on 10 Feb 2014). Surface unknown: nominal "
        "outline."),
    tenants=[],
    unverified=[],
  ),
  # ==================================================================================
  # Row 7 - Clemenceau
  dict(
    sheet=dict(
        id='clemenceau',
        name="Quartier d'affaires Clemenceau (ZAC Clemenceau-Boudronnée)",
        communes='Dijon',
        coord_q='M',
        coord_basis='tram stop Auditorium (47.3286,5.0521)',
        area_ha='unknown (47,000-55,000 m2 of offices)',
        jobs='no total; Rectorat ~600 agents',
        type='tertiary (CBD)',
        tenants='CCI Dijon HQ, Conseil départemental services, Rectorat (Ricciotti tower), CPAM, Cité judiciaire, Auditorium, Tour Elithis, Clemenceau Plaza (Lazard)',
        year='conceived 1960s',
        developer='n/a',
        status='built',
        lon=5.05, lat=47.329,
        src=[
            'http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/clemenceau-city-a-la-dijonnaise-17750.jsp',
            'https://www.francebleu.fr/infos/economie-social/cap-sur-le-quartier-clemenceau-de-dijon-ce-mercredi-sur-france-bleu-bourgogne-1553294538',
        ],
    ),
    site_nom="Quartier d'affaires Clemenceau",
    site_type="zone d'activité économique",   # business district (ZAC), a Grand Dijon zone page
    site_vocadomi="tertiaire",        # "tertiary (CBD)"
    site_etat="existant et actif",    # "built"
    site_comm_nom="Dijon",
    surf=fig(None, "unknown (47,000-55,000 m2 of offices: floor area, not land)", None, None),
    emploi=fig(None, "no total; Rectorat ~600 agents (single employer: not stored)", None,
               "http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/clemenceau-city-a-la-dijonnaise-17750.jsp"
               " ; https://www.francebleu.fr/infos/economie-social/cap-sur-le-quartier-clemenceau-de-dijon-ce-mercredi-sur-france-bleu-bourgogne-1553294538"),
    etab=fig(None, None, None, None),
    site_url="http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/clemenceau-city-a-la-dijonnaise-17750.jsp",
    description=(
        "Dijon's central business district (ZAC Clemenceau-Boudronnée, near the tram stop "
        "Auditorium), conceived in the 1960s, with 47,000-55,000 m2 of offices hosting public "
        "bodies and company offices. Land surface unknown: nominal outline."),
    tenants=[
        ten("CCI Dijon", activity="head office"),
        ten("Conseil départemental", activity="services"),
        ten("Rectorat", activity="Ricciotti tower"),
        ten("CPAM"),
        ten("Cité judiciaire"),
        ten("Auditorium"),
        ten("Tour Elithis"),
        ten("Clemenceau Plaza (Lazard)"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 8 - Mazen-Sully
  dict(
    sheet=dict(
        id='mazen-sully',
        name='Technopôle / Parc Mazen-Sully',
        communes='Dijon',
        coord_q='M',
        coord_basis="tram T1 stop 'Mazen Sully' (47.3149,5.0768)",
        area_ha='8 (Grand Dijon); 4.7 ha sold in 12 lots (SEMAAD); 10 ha planned in 2002',
        jobs='no total; Oncodesign >70; Crossject ~30',
        type='technopole (biotech / health)',
        tenants="Oncodesign, Crossject, CEN group, Odil, Filab (until 2024), 'Les Jardins de la Recherche' building (2007)",
        year='created 2002; sold out 2016',
        developer='SEMAAD (ZAC)',
        status='complete',
        lon=5.078, lat=47.315,
        src=[
            'http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/le-parc-mazen-sully-4384.jsp',
            'https://www.sem.fr/la-semaad-boucle-avec-crossject-lamenagement-du-parc-mazen-sully-dijon',
            'http://www.gazettelabo.fr/archives/prives/2007/126dijon.htm',
        ],
    ),
    site_nom="Parc Mazen-Sully",
    site_type="zone d'activité économique",
    site_vocadomi="tertiaire",        # technopole (biotech / health): research -> tertiaire
    site_etat="existant et actif",    # "complete"
    site_comm_nom="Dijon",
    # Conflict (fact sheet §5): 8 ha (Grand Dijon) / 4.7 ha sold (SEMAAD) / 10 ha planned 2002.
    surf=fig(8,
             "8 ha (Grand Dijon); 4.7 ha sold in 12 lots (SEMAAD); 10 ha planned in 2002. Stored 8: "
             "the zone page of Grand Dijon (the operator) for the park as built; 4.7 ha is only the "
             "sold plots and 10 ha the 2002 plan.",
             None,
             "http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/le-parc-mazen-sully-4384.jsp"),
    emploi=fig(None, "no total; Oncodesign >70; Crossject ~30 (single tenants: not stored)", None,
               "http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/le-parc-mazen-sully-4384.jsp"
               " ; https://www.sem.fr/la-semaad-boucle-avec-crossject-lamenagement-du-parc-mazen-sully-dijon"
               " ; http://www.gazettelabo.fr/archives/prives/2007/126dijon.htm"),
    etab=fig(None, None, None, None),
    site_url="http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/le-parc-mazen-sully-4384.jsp",
    description=(
        "Biotech / health technopole by the tram T1 stop 'Mazen Sully': a ZAC created in 2002 by "
        "SEMAAD and sold out in 2016, hosting Oncodesign, Crossject and the 'Les Jardins de la "
        "Recherche' building (2007)."),
    tenants=[
        ten("Oncodesign"),
        ten("Crossject", source="https://www.sem.fr/la-semaad-boucle-avec-crossject-lamenagement-du-parc-mazen-sully-dijon"),
        ten("CEN group"),
        ten("Odil"),
        ten("Les Jardins de la Recherche", activity="building", year=2007,
            source="http://www.gazettelabo.fr/archives/prives/2007/126dijon.htm"),
    ],
    former=[
        ten("Filab", status="until 2024 (moved to Écoparc Dijon Bourgogne, Oct 2024)"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 9 - Novarea / Technov
  dict(
    sheet=dict(
        id='novarea',
        name='Novarea (Espace régional innovation & entreprises) / Technov',
        communes='Dijon',
        coord_q='L',
        coord_basis="'extension of the campus and of Mazen-Sully'; near tram 'Université' (47.3116,5.0730)",
        area_ha='3.5 (Forumeco 2015) or 1.5 (Gazette des communes) - conflicting',
        jobs='unknown',
        type='technopole / innovation (incubator, pépinière HOPE!, digital)',
        tenants="Maison régionale de l'innovation, pépinière HOPE!, Pharmimage/Cyclopharm; Technov (digital totem, >6,000 m2, Sempat D3B, launched 2025)",
        year='initiated 2006; built ~2012-2015',
        developer='Région Bourgogne; EPLAAD manage HOPE!; Sempat D3B (Technov)',
        status='active; Technov under development',
        lon=5.076, lat=47.311,
        src=[
            'https://pdfslide.fr/documents/lhebdomadaire-rgional-dinformation-conomioue-et-2015-10-19-du-26-janvier.html',
            'https://www.lagazettedescommunes.com/29022/la-maison-de-l%e2%80%99innovation-sort-de-terre',
            'https://journal-du-palais.fr/au-sommaire/collectivites/dijon-metropole-lance-son-futur-totem-du-savoir-faire-numerique',
        ],
    ),
    site_nom="Novarea",
    site_type="zone d'activité économique",
    site_vocadomi="tertiaire",        # technopole / innovation (incubator, digital) -> tertiaire
    site_etat="existant et actif",    # "active; Technov under development"
    site_comm_nom="Dijon",
    # Conflict (fact sheet §5): Forumeco 2015 "Sur 3,5 hectares" vs Gazette des communes
    # "l'ensemble de la zone (1,5 hectare)" (an earlier article, the site then being built).
    surf=fig(3.5,
             "3.5 ha (Forumeco 2015) or 1.5 ha (Gazette des communes) - conflicting. Stored 3.5: "
             "the later (2015) figure.",
             2015,
             "https://pdfslide.fr/documents/lhebdomadaire-rgional-dinformation-conomioue-et-2015-10-19-du-26-janvier.html"),
    emploi=UNKNOWN,
    etab=fig(None, None, None, None),
    site_url="https://pdfslide.fr/documents/lhebdomadaire-rgional-dinformation-conomioue-et-2015-10-19-du-26-janvier.html",
    description=(
        "Regional innovation and business site (Espace régional innovation & entreprises) "
        "initiated in 2006 by the Région Bourgogne as an extension of the campus and of Mazen-Sully, "
        "built ~2012-2015 around the Maison régionale de l'innovation and the HOPE! incubator; "
        "Technov, a digital-sector building of more than 6,000 m2 (Sempat D3B), was launched in 2025. "
        "Position estimated."),
    tenants=[
        ten("Maison régionale de l'innovation",
            source="https://www.lagazettedescommunes.com/29022/la-maison-de-l%e2%80%99innovation-sort-de-terre"),
        ten("pépinière HOPE!", activity="business incubator (pépinière), managed by EPLAAD",
            source="https://pdfslide.fr/documents/lhebdomadaire-rgional-dinformation-conomioue-et-2015-10-19-du-26-janvier.html"),
        ten("Pharmimage / Cyclopharm",
            source="https://pdfslide.fr/documents/lhebdomadaire-rgional-dinformation-conomioue-et-2015-10-19-du-26-janvier.html"),
        ten("Technov (Sempat D3B)", activity="digital-sector totem building, >6,000 m2",
            status="launched 2025; under development", year=2025,
            source="https://journal-du-palais.fr/au-sommaire/collectivites/dijon-metropole-lance-son-futur-totem-du-savoir-faire-numerique"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 10 - Santenov (a cluster and a building, not a land zone)
  dict(
    sheet=dict(
        id='santenov',
        name='Santenov (health technopole/cluster) - Sully Santenov building',
        communes='Dijon',
        coord_q='L',
        coord_basis="building 'between the CHU and the Université' (quartier Université) - position guessed",
        area_ha='building 9,100-9,300 m2 (7 levels); not a land zone',
        jobs='cluster: 150 firms / 6,000 employees (2025); BFC health 170 firms / 9,000 (2026)',
        type='technopole / cluster (health)',
        tenants='CESI, IMT, EBI schools; start-up floors; members e.g. Urgo, Proteor, Crossject, Oncodesign',
        year='technopôle santé renamed Santenov June 2021; merged with BFCare Dec 2024; building works launched 30 Jan 2026',
        developer='Dijon Métropole + cluster; Patriarche/Walter (build & operate)',
        status='building under construction (2026)',
        lon=5.071, lat=47.316,
        src=[
            'https://www.macommune.info/le-technopole-sante-de-dijon-metropole-devient-santenov',
            'https://journal-du-palais.fr/au-sommaire/collectivites/santenov-sort-de-terre',
            'https://www.infos-dijon.com/news/vie-locale/vie-locale/sante-sully-santenov-un-batiment-pour-faire-coexister-formation-recherche-innovation-et-entrepreneuriat.html',
        ],
    ),
    site_nom="Santenov",
    site_type="autre",                # a cluster and its building, not a land zone
    site_vocadomi="tertiaire",        # health technopole: training, research, start-ups
    site_etat="création",             # "building under construction (2026)"
    site_comm_nom="Dijon",
    surf=fig(None,
             "building 9,100-9,300 m2 (7 levels); not a land zone. Dijon métropole (bilan 2022): "
             "projet de bâtiment « signal » de la santé et du numérique d'environ 9 000 m2.",
             None,
             "https://journal-du-palais.fr/au-sommaire/collectivites/santenov-sort-de-terre"
             " ; https://www.infos-dijon.com/news/vie-locale/vie-locale/sante-sully-santenov-un-batiment-pour-faire-coexister-formation-recherche-innovation-et-entrepreneuriat.html"
             " ; " + METRO),
    emploi=fig(None,
               "cluster: 150 firms / 6,000 employees (2025); BFC health 170 firms / 9,000 (2026): "
               "cluster / regional scope, not a zone: not stored",
               None,
               "https://journal-du-palais.fr/au-sommaire/collectivites/santenov-sort-de-terre"
               " ; https://www.infos-dijon.com/news/vie-locale/vie-locale/sante-sully-santenov-un-batiment-pour-faire-coexister-formation-recherche-innovation-et-entrepreneuriat.html"),
    etab=fig(None, "cluster: 150 firms (2025): cluster scope, not a zone: not stored", None,
             "https://journal-du-palais.fr/au-sommaire/collectivites/santenov-sort-de-terre"
             " ; https://www.infos-dijon.com/news/vie-locale/vie-locale/sante-sully-santenov-un-batiment-pour-faire-coexister-formation-recherche-innovation-et-entrepreneuriat.html"),
    site_url="https://www.macommune.info/le-technopole-sante-de-dijon-metropole-devient-santenov",
    description=(
        "Not a land zone (site_type 'autre'): Santenov is Dijon métropole's health technopole / "
        "cluster (technopôle santé renamed Santenov in June 2021, merged with BFCare in December "
        "2024; members include Urgo, Proteor, Crossject, Oncodesign). This feature stands for its "
        "Sully Santenov building (9,100-9,300 m2, 7 levels) between the CHU and the university, "
        "whose works were launched on 30 January 2026. Position guessed; outline nominal."),
    tenants=[
        ten("CESI", activity="school"),
        ten("IMT", activity="school"),
        ten("EBI", activity="school"),
    ],
    facilities=[fac("start-up floors")],
    unverified=[],
  ),
  # ==================================================================================
  # Row 11 - Écoparc Dijon Bourgogne
  dict(
    sheet=dict(
        id='ecoparc',
        name="Écoparc Dijon Bourgogne (ex 'Parc d'activités de l'Est dijonnais')",
        communes='Saint-Apollinaire (108 ha), Quetigny (75 ha)',
        coord_q='L',
        coord_basis="'either side of the expressway Dijon-A31', 'between RD70 and the ARC, Bois-Guillaume interchange' - position estimated near St-Apollinaire/Quetigny boundary",
        area_ha='184-185 gross; 110 ha for firms (90 industry + 20 TPE); phase 1 ~30 ha',
        jobs="6,500 planned 'at term'; ~60 in 2019; Filab 130 (2025)",
        type='mixed, industrial-led (agri-food, biotech, eco-activities)',
        tenants='Filab (5,200 m2, Oct 2024); Eurogerm levain plant (3,650 m2, 2024); Pacifica site (delivered 2024); DFCO training centre (13 ha); OCI, Dicolor, Ergo; Chocolaterie de Bourgogne plant (works from July 2026). Seed: EURO INFORMATION data center, APAVE regional HQ - NOT verified',
        year='SPLAAD appointed June 2009; public inquiry Dec 2012; works 2011-; first firm 2016',
        developer='SPLAAD',
        status='under development (phase 2+)',
        lon=5.117, lat=47.331,
        src=[
            'http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/l-ecoparc-dijon-bourgogne-12799.jsp',
            'http://reinventonsquetigny.free.fr/ecoparc.htm',
            'https://atelierld.com/?p=1283',
            'https://www.lagazettefrance.fr/article/filab-un-outil-sur-mesure-pour-continuer-a-grandir-a-saint-apollinaire',
            'https://www.francebleu.fr/infos/economie-social/eurogerm-aura-bientot-sa-nouvelle-usine-a-saint-apollinaire-7631920',
            'https://journal-du-palais.fr/au-sommaire/champagne-in-vino/au-sommaire/entreprises/au-sommaire/collectivites/au-sommaire/collectivites/dijon-bourgogne-invest-deux-ans-deja-au-service-de-l-attractivite',
            'https://dijon-actualites.fr/2025/12/19/dijon-la-chocolaterie-des-ducs-de-bourgogne-relance-une-production-industrielle-avec-une-nouvelle-usine-a-lecoparc',
            'https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/',
        ],
    ),
    site_nom="Écoparc Dijon Bourgogne",
    site_type="zone d'activité économique",
    site_vocadomi="industrielle",     # "mixed, industrial-led"; 90 of the 110 ha for firms are for industry
    site_etat="création",             # "under development (phase 2+)"
    site_comm_nom="Saint-Apollinaire",  # larger share: 108 ha vs Quetigny 75 ha
    # The sheet's split (communes column): Saint-Apollinaire 108 ha, Quetigny 75 ha.
    place=dict(communes=["Saint-Apollinaire", "Quetigny"], mode="split", split=[108, 75]),
    # Range 184-185 ha: Grand Dijon zone page "Avec environ 184 hectares brut"; Saint-Apollinaire
    # page "superficie totale de 185 hectares"; Atelier LD "surface : 185 ha (phase 1 : 30 ha)".
    surf=fig(184,
             "184-185 ha gross; 110 ha for firms (90 industry + 20 TPE); phase 1 ~30 ha. Stored 184: "
             "'environ 184 hectares brut' on the Grand Dijon zone page (a gross surface, as CNIG "
             "site_surf_brute); 185 ha on the Saint-Apollinaire and Atelier LD pages.",
             None,
             "http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/l-ecoparc-dijon-bourgogne-12799.jsp"),
    # reinventonsquetigny: SPLAAD annual report of June 2019, three firms "embauchent au total
    # environ 60 salariés": the staff of three firms, not the zone's jobs; 6,500 jobs is the
    # target "à terme"; Filab 130 is one tenant. No count for the zone: null.
    emploi=fig(None,
               "~60 in 2019: the staff of three firms, not the zone's jobs; 6,500 planned 'at "
               "term' (a target); Filab 130 (2025, one tenant). No count for the whole zone: not "
               "stored.",
               None, "http://reinventonsquetigny.free.fr/ecoparc.htm"),
    etab=fig(None, None, None, None),
    site_url="http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/l-ecoparc-dijon-bourgogne-12799.jsp",
    description=(
        "Large mixed, industry-led park (agri-food, biotech, eco-activities) on either side of the "
        "Dijon-A31 expressway, on Saint-Apollinaire (108 ha) and Quetigny (75 ha), developed by "
        "SPLAAD (appointed June 2009; first firm 2016) and still under development. Dijon métropole "
        "(bilan 2022) lists it among four operations under development. Position estimated."),
    tenants=[
        # METRO: "la construction du data center EURO INFORMATION [...] implantations nouvelles
        # qui entreront progressivement en service sur 2023 et 2024, un immeuble de bureaux pour
        # PACIFICA, une unité agro-industrielle pour EUROGERM, le siège régional de l'APAVE, le
        # laboratoire d'analyses FILAB"
        ten("EURO INFORMATION", activity="data center",
            status="under construction in 2022 (Dijon métropole); no other source found", year=2022,
            metro=True),
        ten("Filab", activity="analysis laboratory, 5,200 m2",
            status="announced in 2022 for 2023-2024 (Dijon métropole); moved in Oct 2024", year=2022,
            source="https://www.lagazettefrance.fr/article/filab-un-outil-sur-mesure-pour-continuer-a-grandir-a-saint-apollinaire",
            metro=True),
        ten("Eurogerm", activity="agri-food unit: levain plant, 3,650 m2",
            status="announced in 2022 for 2023-2024 (Dijon métropole); plant of 2024", year=2022,
            source="https://www.francebleu.fr/infos/economie-social/eurogerm-aura-bientot-sa-nouvelle-usine-a-saint-apollinaire-7631920",
            metro=True),
        ten("Pacifica", activity="office building",
            status="announced in 2022 for 2023-2024 (Dijon métropole); site delivered 2024", year=2022,
            source="https://journal-du-palais.fr/au-sommaire/champagne-in-vino/au-sommaire/entreprises/au-sommaire/collectivites/au-sommaire/collectivites/dijon-bourgogne-invest-deux-ans-deja-au-service-de-l-attractivite",
            metro=True),
        ten("APAVE", activity="regional head office",
            status="announced in 2022 for 2023-2024 (Dijon métropole); no other source found", year=2022,
            metro=True),
        ten("DFCO", activity="training centre, 13 ha", source="http://reinventonsquetigny.free.fr/ecoparc.htm"),
        ten("OCI", source="http://reinventonsquetigny.free.fr/ecoparc.htm"),
        ten("Dicolor", source="http://reinventonsquetigny.free.fr/ecoparc.htm"),
        ten("Ergo", source="http://reinventonsquetigny.free.fr/ecoparc.htm"),
        ten("Chocolaterie de Bourgogne", activity="plant", status="works from July 2026",
            source="https://dijon-actualites.fr/2025/12/19/dijon-la-chocolaterie-des-ducs-de-bourgogne-relance-une-production-industrielle-avec-une-nouvelle-usine-a-lecoparc"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 12 - ZA Bois Guillaume
  dict(
    sheet=dict(
        id='bois-guillaume',
        name='ZA Bois Guillaume',
        communes='Saint-Apollinaire',
        coord_q='L',
        coord_basis="'parallel to RD70 towards Varois-et-Chaignot' - guessed",
        area_ha='10.3',
        jobs='unknown',
        type='artisanal / small firms',
        tenants="Eurogerm (HQ, 'activité phare')",
        year='1977',
        developer='commune of Saint-Apollinaire',
        status='complete',
        lon=5.112, lat=47.338,
        src=[
            'https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/',
        ],
    ),
    site_nom="ZA Bois Guillaume",
    site_type="zone d'activité économique",
    site_vocadomi="artisanale",       # "artisanal / small firms"
    site_etat="existant et actif",    # "complete"
    site_comm_nom="Saint-Apollinaire",
    # ville-st-apollinaire: "Créée en 1977 sur une surface de 10,3 hectares"
    surf=fig(10.3, "10.3 ha", None, "https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/"),
    emploi=UNKNOWN,
    etab=fig(None, None, None, None),
    site_url="https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/",
    description=(
        "Small artisanal zone of 10.3 ha created in 1977 by the commune of Saint-Apollinaire, "
        "parallel to the RD70 towards Varois-et-Chaignot, whose flagship firm is Eurogerm's head "
        "office. Position guessed."),
    tenants=[
        ten("Eurogerm", activity="head office ('activité phare')",
            source="https://www.ville-st-apollinaire.fr/nos-modules/vie-economique/"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 13 - Grand Quetigny / Cap Vert
  dict(
    sheet=dict(
        id='quetigny-cc',
        name='Zone commerciale Grand Quetigny / Cap Vert',
        communes='Quetigny',
        coord_q='M',
        coord_basis='tram stops Grand Marché (47.3124,5.1036), Quetigny C. Cial (47.3114,5.1042), Cap Vert (47.3136,5.0945)',
        area_ha='unknown (Carrefour centre 30,621 m2 GLA after 2014)',
        jobs='Carrefour 520 (older data)',
        type='commercial',
        tenants='Carrefour (1st hypermarket of the département, 1968), Leroy-Merlin, Decathlon, Conforama, Boulanger, H&M; >300 enseignes',
        year='1968',
        developer='Carrefour Property (centre)',
        status='active',
        lon=5.1, lat=47.312,
        src=[
            'http://www.miroir-mag.fr/64086-le-centre-commercial-de-quetigny-deploie-son-aile/',
            'https://femmesenbourgogne.fr/2017/05/03/grand-quetigny-quinqua-pleine-denergie/',
            'http://tresordesregions.mgm.fr/cant.php?cl=Quetigny&region=26',
        ],
    ),
    site_nom="Grand Quetigny / Cap Vert",
    site_type="zone d'activité économique",
    site_vocadomi="commerciale",
    site_etat="existant et actif",
    site_comm_nom="Quetigny",
    surf=fig(None, "unknown (Carrefour centre 30,621 m2 GLA after 2014: floor area, not land)", None,
             "http://www.miroir-mag.fr/64086-le-centre-commercial-de-quetigny-deploie-son-aile/"),
    emploi=fig(None, "Carrefour 520 (older data): single employer, not stored", None,
               "http://tresordesregions.mgm.fr/cant.php?cl=Quetigny&region=26"),
    # ">300 enseignes": a lower bound of retail brands, with no year; brands are not
    # establishments. Not stored.
    etab=fig(None, ">300 enseignes: a lower bound of retail brands, with no year, not a count of "
             "establishments: not stored", None,
             "http://www.miroir-mag.fr/64086-le-centre-commercial-de-quetigny-deploie-son-aile/"
             " ; https://femmesenbourgogne.fr/2017/05/03/grand-quetigny-quinqua-pleine-denergie/"),
    site_url="http://www.miroir-mag.fr/64086-le-centre-commercial-de-quetigny-deploie-son-aile/",
    description=(
        "Retail zone of Quetigny around the Carrefour hypermarket opened in 1968 (the first "
        "hypermarket of the département), with more than 300 retail brands. Land surface unknown: "
        "nominal outline."),
    tenants=[
        ten("Carrefour", activity="hypermarket", status="1st hypermarket of the département", year=1968),
        ten("Leroy-Merlin"),
        ten("Decathlon"),
        ten("Conforama"),
        ten("Boulanger"),
        ten("H&M"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 14 - Beauregard
  dict(
    sheet=dict(
        id='beauregard',
        name="Parc d'activités de Beauregard (ZAC)",
        communes='Longvic (~38 ha), Ouges (~44 ha)',
        coord_q='L',
        coord_basis='SE motorway exit, straddling Longvic/Ouges boundary, near fort de Beauregard - estimated',
        area_ha='~80-82 (350,000 m2 floor potential); 1st tranche 30 ha',
        jobs='no total; Savoye ~500 (planned), Lustral 180, Giphar 70-80',
        type='industrial + artisanal + logistics',
        tenants='GIPHAR pharma distribution (10,000 m2, opened Jan 2023); Chronopost (5,000 m2, moved from Chenôve); légumerie métropolitaine (inaugurated 17 May 2023, on Ouges side); Savoye (6 ha); Eiffage Énergie Systèmes BFC HQ (Jan 2024); Ciblex Eurotranspharma; Lustral; ITGC; Ambiance Intérieure',
        year='DUP inquiry 2016; 1st tranche delivered end 2018',
        developer='SPLAAD',
        status='under development / filling',
        lon=5.066, lat=47.266,
        src=[
            'http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/le-parc-d-activites-de-beauregard-49841.jsp',
            'https://www.lemoniteur.fr/article/a-beauregard-des-parcelles-pour-les-entreprises.1996774',
            'https://supplychainmagazine.fr/nl/2023/3767',
            'https://journal-du-palais.fr/au-sommaire/entreprises/chronopost-investit-un-nouveau-site-de-5-000-metres-carres',
            'https://metropole-dijon.fr/Actualites/Legumerie-metropolitaine',
            'https://ecomnews.fr/news/immobilier-4-nouveaux-projets-importants-dijon-vont-jour/',
            'https://www.francebleu.fr/infos/economie-social/reindustrialiser-la-france-comment-le-groupe-savoye-soigne-son-image-ecolo-avant-son-installation-a-longvic-5981382',
            'https://journal-du-palais.fr/au-sommaire/entreprises/eiffage-se-met-a-la-page',
            'https://journal-du-palais.fr/au-sommaire/entreprises/la-legumerie-l-amie-prodijieuse',
            'https://docslib.org/doc/3140112/parc-dactivites-de-beauregard',
        ],
    ),
    site_nom="Parc d'activités de Beauregard",
    site_type="zone d'activité économique",
    site_vocadomi="mixte",            # "industrial + artisanal + logistics"
    site_etat="création",             # "under development / filling"
    site_comm_nom="Ouges",            # larger share: Ouges ~44 ha vs Longvic ~38 ha
    # The sheet's split (communes column): Longvic ~38 ha, Ouges ~44 ha.
    place=dict(communes=["Longvic", "Ouges"], mode="split", split=[38, 44]),
    # Conflict (fact sheet §5): 80, 82 (38+44) or 90 ha (older CBRE/BNP page). Le Moniteur
    # 2018: "une nouvelle zone industrielle et artisanale de 80 hectares"; the Grand Dijon zone
    # page also says 80 hectares; 82 only results from adding its ~38 and ~44 ha.
    surf=fig(80,
             "~80-82 ha (350,000 m2 floor potential); 1st tranche 30 ha; also given as 80, 82 "
             "(38 + 44) or 90 ha (older CBRE/BNP page). Stored 80: the figure stated by Le Moniteur "
             "(2018) and the Grand Dijon zone page; 82 is the sum of the per-commune figures.",
             2018, "https://www.lemoniteur.fr/article/a-beauregard-des-parcelles-pour-les-entreprises.1996774"),
    emploi=fig(None,
               "no total; Savoye ~500 (planned), Lustral 180, Giphar 70-80 (single tenants: not stored)",
               None,
               "https://www.francebleu.fr/infos/economie-social/reindustrialiser-la-france-comment-le-groupe-savoye-soigne-son-image-ecolo-avant-son-installation-a-longvic-5981382"
               " ; https://supplychainmagazine.fr/nl/2023/3767"
               " ; https://ecomnews.fr/news/immobilier-4-nouveaux-projets-importants-dijon-vont-jour/"),
    etab=fig(None, None, None, None),
    site_url="http://www.grand-dijon.fr/decouvrir/economie/les-zones-d-activites/le-parc-d-activites-de-beauregard-49841.jsp",
    description=(
        "New industrial, artisanal and logistics park (ZAC) at the south-east motorway exit, on "
        "Longvic (~38 ha) and Ouges (~44 ha), developed by SPLAAD after the 2016 public-utility "
        "inquiry (1st tranche delivered end 2018); GIPHAR, Chronopost and the légumerie "
        "métropolitaine are operating. Dijon métropole (bilan 2022) calls it the park whose "
        "appearance changed most in 2022. Position estimated."),
    tenants=[
        # METRO: "constructions en cours pour le répartiteur pharmaceutique GIPHAR, la messagerie
        # CHRONOPOST, la légumerie métropolitaine"
        ten("GIPHAR", activity="pharmaceutical distribution, 10,000 m2",
            status="under construction in 2022 (Dijon métropole); opened Jan 2023", year=2022,
            source="https://supplychainmagazine.fr/nl/2023/3767", metro=True),
        ten("Chronopost", activity="parcel delivery, 5,000 m2 site",
            status="under construction in 2022 (Dijon métropole); moved from Chenôve; in use",
            year=2022,
            source="https://journal-du-palais.fr/au-sommaire/entreprises/chronopost-investit-un-nouveau-site-de-5-000-metres-carres",
            metro=True),
        ten("Légumerie métropolitaine", activity="vegetable processing unit",
            status="under construction in 2022 (Dijon métropole); inaugurated 17 May 2023, on the "
                   "Ouges side", year=2022,
            source="https://metropole-dijon.fr/Actualites/Legumerie-metropolitaine", metro=True),
        ten("Savoye", activity="6 ha",
            source="https://www.francebleu.fr/infos/economie-social/reindustrialiser-la-france-comment-le-groupe-savoye-soigne-son-image-ecolo-avant-son-installation-a-longvic-5981382"),
        ten("Eiffage Énergie Systèmes BFC", activity="regional head office", status="Jan 2024", year=2024,
            source="https://journal-du-palais.fr/au-sommaire/entreprises/eiffage-se-met-a-la-page"),
        ten("Ciblex Eurotranspharma"),
        ten("Lustral"),
        ten("ITGC"),
        ten("Ambiance Intérieure"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 15 - ZI de Longvic
  dict(
    sheet=dict(
        id='zi-longvic',
        name="ZI de Longvic (core of the 'Parcs d'Oscara')",
        communes='Longvic (+ Ouges)',
        coord_q='L',
        coord_basis="'between the canal and the railways, near a motorway interchange' - estimated",
        area_ha='330 (CBRE)',
        jobs="Parcs d'Oscara ~10,000 (2021); Longvic commune 9,872 jobs (2011)",
        type='industrial / logistics',
        tenants="Schneider Electric, Bericap, TRW, Philips (logistics), Armatures de l'Est, Onyx Est",
        year="1958 (JDP) / 'années 1950' (CBRE)",
        developer='commune of Longvic (historic); Dijon Métropole; club: Oscara Business Club',
        status='built',
        lon=5.045, lat=47.28,
        src=[
            'https://immobilier.cbre.fr/location-entrepots/bourgogne/cote-dor/fenay-longvic.aspx',
            'https://journal-du-palais.fr/au-sommaire/entreprises/les-parcs-d-oscara-s-organisent',
            'https://www.dijonlhebdo.fr/2021/12/09/herve-leguay-les-parcs-doscars-sont-en-etat-de-marche/',
            'http://tresordesregions.mgm.fr/cant.php?cl=Longvic&region=26',
        ],
    ),
    site_nom="ZI de Longvic",
    site_type="zone d'activité économique",
    site_vocadomi="industrielle",     # "industrial / logistics"
    site_etat="existant et actif",    # "built"
    site_comm_nom="Longvic",
    # "Longvic (+ Ouges)": mainly Longvic; Ouges holds at least 2 % of the shape
    place=dict(communes=["Longvic", "Ouges"], mode="site", min_share=0.02),
    surf=fig(330, "330 ha (CBRE, a property broker's listing)", None,
             "https://immobilier.cbre.fr/location-entrepots/bourgogne/cote-dor/fenay-longvic.aspx"),
    emploi=fig(None,
               "Parcs d'Oscara ~10,000 (2021); Longvic commune 9,872 jobs (2011): a grouping of 7 "
               "parks / the whole commune, not this zone: not stored",
               None,
               "https://www.dijonlhebdo.fr/2021/12/09/herve-leguay-les-parcs-doscars-sont-en-etat-de-marche/"
               " ; http://tresordesregions.mgm.fr/cant.php?cl=Longvic&region=26"),
    etab=fig(None, None, None, None),
    # Not CBRE's page: a broker's listing. The article on the Parcs d'Oscara, whose core this is.
    site_url="https://journal-du-palais.fr/au-sommaire/entreprises/les-parcs-d-oscara-s-organisent",
    description=(
        "Historic industrial and logistics zone of Longvic (1958, or 'années 1950' for CBRE) between "
        "the canal and the railways, 330 ha according to CBRE; core of the 'Parcs d'Oscara' (seven "
        "parks on Longvic and Ouges). Dijon métropole (bilan 2022) lists it among the older "
        "operations it supports. Position estimated."),
    tenants=[
        ten("Schneider Electric"),
        ten("Bericap"),
        ten("TRW"),
        ten("Philips", activity="logistics"),
        ten("Armatures de l'Est"),
        ten("Onyx Est"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 16 - Airport activity zone (ex-BA 102)
  dict(
    sheet=dict(
        id='aeroport',
        name="Aéroport Dijon-Bourgogne activity zone (ex-BA 102) - Parc de l'Aéroport",
        communes='Ouges, Neuilly-Crimolois, Longvic',
        coord_q='M',
        coord_basis='Wikipedia airport coordinates 47°15\'59"N 5°05\'27"E',
        area_ha='~300 ha of former BA 102 premises (2018 quote)',
        jobs='~30 firms/~100 jobs (Feb 2018); 52 firms (ForumEco); gendarmerie school 720-1,600 trainees',
        type='aeronautics / automotive / logistics',
        tenants='Apache Aviation, drone school, parachuting; gendarmerie school',
        year='BA 102 closed 2016; zone since ~2016',
        developer='SMADL (Région BFC + Dijon Métropole); operator Edeis',
        status='active / conversion',
        lon=5.0908, lat=47.2664,
        src=[
            'https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/',
            'http://www.forumeco.com/read/article/4602/le-nouveau-plan-de-vol-de-lraeroport',
            'https://www.wikizero.org/wiki/fr/A%C3%A9roport_de_Dijon-Bourgogne',
            'http://www.grand-dijon.fr/decouvrir/deplacements/l-aeroport-dijon-bourgogne/l-aeroport-dijon-bourgogne-24905.jsp',
            'https://journal-du-palais.fr/au-sommaire/entreprises/les-parcs-d-oscara-s-organisent',
        ],
    ),
    site_nom="Parc de l'Aéroport Dijon-Bourgogne",
    site_type="zone d'activité économique",
    site_vocadomi="aéroportuaire, aéronautique",   # "aeronautics / automotive / logistics"
    site_etat="existant et actif",    # "active / conversion"
    site_comm_nom="Ouges",            # first commune listed (Ouges, Neuilly-Crimolois, Longvic)
    place=dict(communes=["Ouges", "Neuilly-Crimolois", "Longvic"], mode="site"),
    # dijonlhebdo 2018-02-14 (J. Almeida): the ~30 firms "occupent les anciens locaux ou hangars
    # de l'ancienne BA 102, soit environ 300 ha".
    surf=fig(300,
             "~300 ha of former BA 102 premises (2018 quote): the premises occupied by the zone's "
             "firms.",
             2018, "https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
    emploi=fig(100,
               "~100 jobs (Feb 2018); gendarmerie school 720-1,600 trainees (trainees, not jobs: not stored)",
               2018, "https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
    etab=fig(30,
             "~30 firms (Feb 2018); 52 firms (ForumEco, not dated by the fact sheet). Stored the dated "
             "figure, the same source and date as the job count.",
             2018, "https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
    site_url="https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/",
    description=(
        "Activity zone on the former BA 102 air base (closed 2016) at Dijon-Bourgogne airport, run by "
        "the SMADL (Région BFC + Dijon Métropole) with Edeis as operator: aeronautics, automotive "
        "and logistics firms, about 30 firms and 100 jobs in February 2018, next to the gendarmerie "
        "school."),
    tenants=[
        ten("Apache Aviation", source="https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
        ten("gendarmerie school", activity="training, 720-1,600 trainees",
            source="https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
    ],
    facilities=[
        fac("drone school", "https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
        fac("parachuting", "https://www.dijonlhebdo.fr/2018/02/14/jose-almeida-modele-economique-inedit-france/"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 17 - ZA des Essarts
  dict(
    sheet=dict(
        id='essarts',
        name="ZA des Essarts (Parcs d'Oscara)",
        communes='Ouges',
        coord_q='L',
        coord_basis='PLACEHOLDER = Ouges commune centroid; real position unknown',
        area_ha='unknown',
        jobs='unknown',
        type='artisanal',
        tenants='n/a',
        year='unknown',
        developer='n/a',
        status='active',
        lon=5.078, lat=47.261,
        src=[
            'https://journal-du-palais.fr/au-sommaire/entreprises/les-parcs-d-oscara-s-organisent',
        ],
    ),
    site_nom="ZA des Essarts",
    site_type="zone d'activité économique",
    site_vocadomi="artisanale",
    site_etat="existant et actif",
    site_comm_nom="Ouges",
    surf=UNKNOWN,
    emploi=UNKNOWN,
    etab=fig(None, None, None, None),
    site_url="https://journal-du-palais.fr/au-sommaire/entreprises/les-parcs-d-oscara-s-organisent",
    description=(
        "Artisanal zone at Ouges, one of the seven 'Parcs d'Oscara'. Surface, jobs and real position "
        "unknown: the point is the Ouges commune centroid (placeholder) and the outline is nominal."),
    tenants=[],
    unverified=[],
  ),
  # ==================================================================================
  # Row 18 - Les Portes du Sud
  dict(
    sheet=dict(
        id='portes-du-sud',
        name='Les Portes du Sud (zones Sud: ZA Rente Logerot, ZA Chenôve-Est, Perrigny)',
        communes='Marsannay-la-Côte, Chenôve, Perrigny-lès-Dijon',
        coord_q='M',
        coord_basis="Divia L4 terminus 'Marsannay Portes du Sud' (47.2789,5.0192)",
        area_ha='unknown',
        jobs="'zones Sud' 2,500 firms / 18,000 employees (2013) - scope unclear, may include Longvic",
        type='commercial + artisanal + industrial',
        tenants='Leclerc (180), Castorama (120), Metro (60) at Marsannay; Urgo HQ at Chenôve',
        year='label 2013',
        developer='communes + club Grand Sud',
        status='active',
        lon=5.019, lat=47.281,
        src=[
            'https://www.dijonlhebdo.fr/2013/11/28/chenove-linnovation-fait-force/',
            'http://www.ville-marsannay-la-cote.fr/ma-commune',
            'https://tresordesregions.mgm.fr:443/epci.php?lepci=Marsannay-la-C%C3%B4te&region=27',
            'https://www.filiere-3e.fr/2025/07/16/urgo-inaugure-son-nouveau-datacenter-pres-de-dijon',
            'https://www.dijonlhebdo.fr/2016/06/02/jean-michel-verpillot-faire-lattractivite-de-marsannay/',
        ],
    ),
    site_nom="Les Portes du Sud",
    site_type="zone d'activité économique",   # "la ZAE des Portes du Sud" (METRO)
    site_vocadomi="mixte",            # "commercial + artisanal + industrial"
    site_etat="existant et actif",
    site_comm_nom="Marsannay-la-Côte",  # first commune listed
    place=dict(communes=["Marsannay-la-Côte", "Chenôve", "Perrigny-lès-Dijon"], mode="separate"),
    surf=UNKNOWN,
    emploi=fig(None,
               "'zones Sud' 2,500 firms / 18,000 employees (2013) - scope unclear, may include "
               "Longvic: not stored",
               None, "https://www.dijonlhebdo.fr/2013/11/28/chenove-linnovation-fait-force/"),
    etab=fig(None,
             "'zones Sud' 2,500 firms (2013) - scope unclear, may include Longvic: not stored",
             None, "https://www.dijonlhebdo.fr/2013/11/28/chenove-linnovation-fait-force/"),
    site_url="https://www.dijonlhebdo.fr/2013/11/28/chenove-linnovation-fait-force/",
    description=(
        "Southern zones (ZA Rente Logerot, ZA Chenôve-Est, Perrigny) on Marsannay-la-Côte, Chenôve "
        "and Perrigny-lès-Dijon, labelled 'Les Portes du Sud' in 2013 (communes + club Grand Sud), "
        "with retail (Leclerc, Castorama, Metro at Marsannay), crafts and industry. Dijon métropole "
        "(bilan 2022) lists 'la ZAE des Portes du Sud' among the older operations it supports. "
        "Surface unknown: nominal outline."),
    tenants=[
        ten("Leclerc", status="at Marsannay-la-Côte (figure in the fact sheet: 180)"),
        ten("Castorama", status="at Marsannay-la-Côte (figure in the fact sheet: 120)"),
        ten("Metro", status="at Marsannay-la-Côte (figure in the fact sheet: 60)"),
        ten("Urgo", activity="head office", status="at Chenôve",
            source="https://www.filiere-3e.fr/2025/07/16/urgo-inaugure-son-nouveau-datacenter-pres-de-dijon"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 19 - Chenôve
  dict(
    sheet=dict(
        id='chenove-za',
        name="Zone d'activités de Chenôve (east, between D974 and railway)",
        communes='Chenôve',
        coord_q='L',
        coord_basis="'east of the town between the D974 and the railway, with the marshalling yard' - estimated",
        area_ha='unknown (yard alone >13 ha)',
        jobs='unknown',
        type='industrial / logistics',
        tenants='Urgo (HQ Chenôve); Chronopost (left for Beauregard)',
        year='unknown',
        developer='n/a',
        status='active',
        lon=5.02, lat=47.292,
        src=[
            'https://tresordesregions.mgm.fr:443/epci.php?dep=21&lepci=Chenove&region=27',
            'https://www.filiere-3e.fr/2025/07/16/urgo-inaugure-son-nouveau-datacenter-pres-de-dijon',
        ],
    ),
    site_nom="Zone d'activités de Chenôve",
    site_type="zone d'activité économique",
    site_vocadomi="industrielle",     # "industrial / logistics"
    site_etat="existant et actif",
    site_comm_nom="Chenôve",
    surf=fig(None, "unknown (yard alone >13 ha): the marshalling yard is only part of the zone", None,
             "https://tresordesregions.mgm.fr:443/epci.php?dep=21&lepci=Chenove&region=27"),
    emploi=UNKNOWN,
    etab=fig(None, None, None, None),
    site_url="https://tresordesregions.mgm.fr:443/epci.php?dep=21&lepci=Chenove&region=27",
    description=(
        "Industrial and logistics zone east of Chenôve between the D974 and the railway, including "
        "the marshalling yard (more than 13 ha by itself); Urgo has its head office in Chenôve. "
        "Surface unknown: nominal outline; position estimated."),
    tenants=[
        ten("Urgo", activity="head office",
            source="https://www.filiere-3e.fr/2025/07/16/urgo-inaugure-son-nouveau-datacenter-pres-de-dijon"),
    ],
    former=[ten("Chronopost", status="left for Beauregard")],
    unverified=[],
  ),
  # ==================================================================================
  # Row 20 - ZI Est de Chevigny
  dict(
    sheet=dict(
        id='chevigny-est',
        name='ZI Est de Chevigny (ex ZI de la Norges + ZA des Seize Soitures)',
        communes='Chevigny-Saint-Sauveur',
        coord_q='L',
        coord_basis="'route de Magny', east of the town - estimated",
        area_ha='~50 (2016)',
        jobs='48 firms (2016)',
        type='industrial + artisanal',
        tenants='Magasins Généraux Champagne Ardennes, Dimat, MBO',
        year='from 1959',
        developer='commune',
        status='active',
        lon=5.15, lat=47.302,
        src=[
            'http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html',
        ],
    ),
    site_nom="ZI Est de Chevigny",
    site_type="zone d'activité économique",
    site_vocadomi="mixte",            # "industrial + artisanal"
    site_etat="existant et actif",
    site_comm_nom="Chevigny-Saint-Sauveur",
    surf=fig(50, "~50 ha (2016)", 2016,
             "http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html"),
    emploi=fig(None, "unknown (48 firms in 2016, no job count)", None, None),
    etab=fig(48, "48 firms (2016)", 2016,
             "http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html"),
    site_url="http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html",
    description=(
        "Industrial and artisanal zone on the route de Magny, east of Chevigny-Saint-Sauveur (ex ZI "
        "de la Norges + ZA des Seize Soitures), developed from 1959 by the commune: about 50 ha and "
        "48 firms in 2016. Position estimated."),
    tenants=[
        ten("Magasins Généraux Champagne Ardennes",
            source="http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html"),
        ten("Dimat", source="http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html"),
        ten("MBO", source="http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 21 - ZI & ZA Sud de Chevigny
  dict(
    sheet=dict(
        id='chevigny-sud',
        name='ZI & ZA Sud de Chevigny (ZI de la Reppe, ZA des Saussots)',
        communes='Chevigny-Saint-Sauveur',
        coord_q='L',
        coord_basis='south of the town - estimated',
        area_ha='unknown',
        jobs='JTEKT 675, Urgo 370, Amora-Maille 200 (commune-level, older data)',
        type='industrial',
        tenants='Euroflaco/Alpla, Renolit-Ondex, Solvay Benvic (ex-BAP 1964), JTEKT (ex-Peugeot site), Urgo, Amora-Maille, Pomona',
        year='1964 (BAP)',
        developer='commune',
        status='active',
        lon=5.128, lat=47.292,
        src=[
            'http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html',
            'https://tresordesregions.mgm.fr:443/epci.php?lepci=Chevigny-Saint-Sauveur&region=27',
        ],
    ),
    site_nom="ZI et ZA Sud de Chevigny",
    site_type="zone d'activité économique",
    site_vocadomi="industrielle",
    site_etat="existant et actif",
    site_comm_nom="Chevigny-Saint-Sauveur",
    surf=UNKNOWN,
    emploi=fig(None,
               "JTEKT 675, Urgo 370, Amora-Maille 200 (commune-level, older data): single employers, "
               "not stored",
               None, "https://tresordesregions.mgm.fr:443/epci.php?lepci=Chevigny-Saint-Sauveur&region=27"),
    etab=fig(None, None, None, None),
    site_url="http://chevigny-histoire.over-blog.fr/2017/07/les-zones-industrielles-et-artisanales.html",
    description=(
        "Industrial zones south of Chevigny-Saint-Sauveur (ZI de la Reppe, ZA des Saussots), dating "
        "from 1964 (BAP), with JTEKT, Urgo, Amora-Maille, Alpla, Renolit, Solvay Benvic and Pomona. "
        "Surface unknown: nominal outline; position estimated."),
    tenants=[
        ten("Euroflaco / Alpla"),
        ten("Renolit-Ondex"),
        ten("Solvay Benvic", status="ex-BAP (1964)"),
        ten("JTEKT", status="ex-Peugeot site"),
        ten("Urgo"),
        ten("Amora-Maille"),
        ten("Pomona"),
    ],
    unverified=[],
  ),
  # ==================================================================================
  # Row 22 - Fénay
  dict(
    sheet=dict(
        id='fenay',
        name='Zones artisanales de Fénay (along RD 996)',
        communes='Fénay',
        coord_q='L',
        coord_basis='PLACEHOLDER = Fénay commune centroid',
        area_ha='unknown (2 ZA)',
        jobs='~700 / ~40 firms',
        type='artisanal / warehouses',
        tenants='n/a',
        year='unknown',
        developer='n/a',
        status='active',
        lon=5.054, lat=47.245,
        src=[
            'https://immobilier.cbre.fr/location-entrepots/bourgogne/cote-dor/fenay-longvic.aspx',
        ],
    ),
    site_nom="Zones artisanales de Fénay",
    site_type="zone d'activité économique",
    site_vocadomi="artisanale",       # "artisanal / warehouses"
    site_etat="existant et actif",
    site_comm_nom="Fénay",
    surf=fig(None, "unknown (2 ZA)", None, None),
    emploi=fig(700, "~700 jobs / ~40 firms", None,
               "https://immobilier.cbre.fr/location-entrepots/bourgogne/cote-dor/fenay-longvic.aspx"),
    etab=fig(40, "~40 firms", None,
             "https://immobilier.cbre.fr/location-entrepots/bourgogne/cote-dor/fenay-longvic.aspx"),
    site_url="https://immobilier.cbre.fr/location-entrepots/bourgogne/cote-dor/fenay-longvic.aspx",
    description=(
        "Two artisanal / warehouse zones along the RD 996 at Fénay, about 700 jobs and 40 firms "
        "according to CBRE. Surface unknown: nominal outline; the point is the Fénay commune "
        "centroid (placeholder)."),
    tenants=[],
    unverified=[],
  ),
  # ==================================================================================
  # Row 23 - Agronov
  dict(
    sheet=dict(
        id='agronov',
        name="Technopôle agro-environnemental Agronov (+ Maison de l'agriculture, INRAE Époisses, ZA 9 ha)",
        communes='Bretenière',
        coord_q='L',
        coord_basis='Bretenière commune centroid 47.236,5.104, 12 km SE of Dijon - estimated',
        area_ha='technopole area unknown; INRAE experimental domain 140 ha; nearby ZA artisanale/commerciale 9 ha',
        jobs="agrOnov ~40 people; Maison de l'agriculture ~200 staff",
        type='technopole (agro-ecology)',
        tenants="Chambre d'agriculture 21 (Maison de l'agriculture, Oct 2015), ~10 start-ups, INRAE, Dijon Céréales silo, Colruyt",
        year='site acquired by Grand Dijon 2008; inaugurated 9 Sep 2016',
        developer='Grand Dijon / SPLAAD; funding Région 4.25 M€, Chambres 3.95, Grand Dijon 3.25, EU 2.5',
        status='active',
        lon=5.108, lat=47.24,
        src=[
            'https://www.agri71.fr/articles/10-02-2019/Les-logettes-en-batiment-allaitant-11595/?page=2',
            'https://www.agribourgogne.fr/articles/cap-sur-breteniere-74309',
            'https://www.agribourgogne.fr/articles/cap-sur-l-innovation-agricole-76480',
            'https://www.dijonlhebdo.fr/2016/10/21/splaad-organise-nouvelle-vie/',
            'https://www.agribourgogne.fr/articles/04/03/2022/Le-centre-Inrae-de-Breteniere-renove-68404/',
            'https://www.sem.fr/une-nouvelle-maison-pour-lagriculture-du-21e-siecle',
        ],
    ),
    site_nom="Agronov",
    site_type="zone d'activité économique",   # technopole, a Grand Dijon zone page
    site_vocadomi="tertiaire",        # agro-ecology technopole: research, start-ups, offices
    site_etat="existant et actif",    # "active"
    site_comm_nom="Bretenière",
    surf=fig(None,
             "technopole area unknown; INRAE experimental domain 140 ha; nearby ZA "
             "artisanale/commerciale 9 ha: neither is the technopole's own surface, not stored",
             None,
             "https://www.agribourgogne.fr/articles/04/03/2022/Le-centre-Inrae-de-Breteniere-renove-68404/"
             " ; https://www.agribourgogne.fr/articles/cap-sur-breteniere-74309"),
    # agribourgogne "Cap sur l'innovation agricole": "Une quarantaine de personnes travaillent ici"
    emploi=fig(None,
               "agrOnov ~40 people; Maison de l'agriculture ~200 staff: parts of the site, no total "
               "for the zone: not stored",
               None,
               "https://www.agribourgogne.fr/articles/cap-sur-l-innovation-agricole-76480"
               " ; https://www.agribourgogne.fr/articles/cap-sur-breteniere-74309"),
    etab=fig(None, None, None, None),
    # Not agri71's article (about cattle housing): the article on the Bretenière site.
    site_url="https://www.agribourgogne.fr/articles/cap-sur-breteniere-74309",
    description=(
        "Agro-ecology technopole at Bretenière, 12 km south-east of Dijon, on a site acquired by "
        "Grand Dijon in 2008 and inaugurated on 9 September 2016, with the Maison de l'agriculture "
        "(Chambre d'agriculture 21), about ten start-ups and INRAE's Époisses domain nearby. "
        "Dijon métropole (bilan 2022) announces the renovation of a third building. Area unknown: "
        "nominal outline; position estimated near the commune centroid."),
    tenants=[
        ten("Chambre d'agriculture 21", activity="Maison de l'agriculture (Oct 2015)", year=2015,
            source="https://www.sem.fr/une-nouvelle-maison-pour-lagriculture-du-21e-siecle"),
        ten("INRAE",
            source="https://www.agribourgogne.fr/articles/04/03/2022/Le-centre-Inrae-de-Breteniere-renove-68404/"),
        ten("Dijon Céréales", activity="silo"),
        ten("Colruyt"),
    ],
    facilities=[fac("~10 start-ups", "https://www.agribourgogne.fr/articles/cap-sur-l-innovation-agricole-76480")],
    unverified=[],
  ),
  # ==================================================================================
  # Row 24 - Cité internationale de la gastronomie et du vin
  dict(
    sheet=dict(
        id='cigv',
        name='Cité internationale de la gastronomie et du vin (mixed quarter)',
        communes='Dijon',
        coord_q='M',
        coord_basis="tram stop 'Monge Cité de la Gastronomie' (47.3174,5.0314)",
        area_ha='6.3-6.5 (site)',
        jobs='hotel >80 direct jobs (one component)',
        type='mixed tertiary / commercial / tourism',
        tenants='école Ferrandi, BIVB school, cinemas, Curio by Hilton hotel, Village by CA',
        year='opened 6 May 2022',
        developer='Eiffage Aménagement',
        status='built',
        lon=5.0314, lat=47.3174,
        src=[
            'https://batiactu.com/edito/cite-gastronomie-nouveau-quartier-et-equipement-a-rayonnement-63216.php',
            'https://www.eiffage-immobilier-corporate.fr/medias/actualites/eiffage-immobilier-realise-en-vefa-un-hotel-4-de-6800m2-sur-le-site-historique-de-la-cigv-de-dijon',
        ],
    ),
    site_nom="Cité internationale de la gastronomie et du vin",
    site_type="autre",                # a mixed urban quarter, not an activity zone
    site_vocadomi="mixte",            # "mixed tertiary / commercial / tourism"
    site_etat="existant et actif",    # "built"
    site_comm_nom="Dijon",
    # Range 6.3-6.5 ha: batiactu "ancien tènement foncier de l'hôpital général dijonnais de 6,5
    # hectares"; Eiffage Immobilier "sur 6,3 hectares".
    surf=fig(6.5,
             "6.3-6.5 ha (site): 6,5 hectares (batiactu); 6,3 hectares (Eiffage Immobilier). Stored "
             "6.5: the figure of the article on the whole quarter (batiactu).",
             None,
             "https://batiactu.com/edito/cite-gastronomie-nouveau-quartier-et-equipement-a-rayonnement-63216.php"),
    emploi=fig(None, "hotel >80 direct jobs (one component): not stored", None,
               "https://www.eiffage-immobilier-corporate.fr/medias/actualites/eiffage-immobilier-realise-en-vefa-un-hotel-4-de-6800m2-sur-le-site-historique-de-la-cigv-de-dijon"),
    etab=fig(None, None, None, None),
    site_url="https://batiactu.com/edito/cite-gastronomie-nouveau-quartier-et-equipement-a-rayonnement-63216.php",
    description=(
        "Mixed quarter (tertiary, retail, tourism) opened on 6 May 2022 on a 6.3-6.5 ha site by the "
        "tram stop 'Monge Cité de la Gastronomie', developed by Eiffage Aménagement, with the école "
        "Ferrandi, the BIVB wine school, cinemas, a Curio by Hilton hotel and the Village by CA. Not "
        "an activity zone as such (site_type 'autre')."),
    tenants=[
        ten("école Ferrandi", activity="school",
            source="https://batiactu.com/edito/cite-gastronomie-nouveau-quartier-et-equipement-a-rayonnement-63216.php"),
        ten("BIVB school", activity="wine school",
            source="https://batiactu.com/edito/cite-gastronomie-nouveau-quartier-et-equipement-a-rayonnement-63216.php"),
        ten("Curio by Hilton", activity="hotel",
            source="https://www.eiffage-immobilier-corporate.fr/medias/actualites/eiffage-immobilier-realise-en-vefa-un-hotel-4-de-6800m2-sur-le-site-historique-de-la-cigv-de-dijon"),
        ten("Village by CA"),
    ],
    facilities=[fac("cinemas", "https://batiactu.com/edito/cite-gastronomie-nouveau-quartier-et-equipement-a-rayonnement-63216.php")],
    unverified=[],
  ),
]

# --------------------------------------------------------------------------------------
# Geometry on the WGS84 ellipsoid (standard library only)
# --------------------------------------------------------------------------------------

WGS84_A = 6378137.0
WGS84_F = 1.0 / 298.257223563
WGS84_E2 = WGS84_F * (2.0 - WGS84_F)
WGS84_E = math.sqrt(WGS84_E2)


def radii_of_curvature(lat_deg):
    """Meridional (M) and prime-vertical (N) radii of curvature at a latitude, in metres."""
    s = math.sin(math.radians(lat_deg))
    w = 1.0 - WGS84_E2 * s * s
    return WGS84_A * (1.0 - WGS84_E2) / w ** 1.5, WGS84_A / math.sqrt(w)


def _q(sin_phi):
    """Authalic function q(phi) of the ellipsoid (Snyder, Map Projections, eq. 3-12)."""
    es = WGS84_E * sin_phi
    return (1.0 - WGS84_E2) * (sin_phi / (1.0 - es * es)
                               - math.log((1.0 - es) / (1.0 + es)) / (2.0 * WGS84_E))


_QP = _q(1.0)
AUTHALIC_R = WGS84_A * math.sqrt(_QP / 2.0)   # radius of the sphere of equal surface


def sin_authalic_lat(lat_deg):
    return _q(math.sin(math.radians(lat_deg))) / _QP


def area_equal_area_m2(ring):
    """Ellipsoidal area (m2) of a closed lon/lat ring, method 1: shoelace formula in the
    Lambert cylindrical equal-area projection of the ellipsoid (x = R_q * lon,
    y = R_q * sin(authalic latitude)), which preserves areas exactly. Positive when the ring
    is counter-clockwise."""
    total = 0.0
    for (lon1, lat1), (lon2, lat2) in zip(ring[:-1], ring[1:]):
        x1, x2 = math.radians(lon1), math.radians(lon2)
        y1, y2 = sin_authalic_lat(lat1), sin_authalic_lat(lat2)
        total += x1 * y2 - x2 * y1
    return 0.5 * total * AUTHALIC_R ** 2


def area_spherical_excess_m2(ring):
    """Ellipsoidal area (m2) of a closed lon/lat ring, method 2: the latitudes are mapped to
    authalic latitudes and the polygon, with great-circle edges, is measured on the authalic
    sphere by the spherical excess of a fan of triangles (Van Oosterom & Strackee formula
    tan(E/2) = a.(b x c) / (1 + a.b + b.c + c.a)). Positive when counter-clockwise."""
    def unit(lon, lat):
        sb = sin_authalic_lat(lat)
        cb = math.sqrt(max(0.0, 1.0 - sb * sb))
        lr = math.radians(lon)
        return (cb * math.cos(lr), cb * math.sin(lr), sb)

    def dot(u, v):
        return u[0] * v[0] + u[1] * v[1] + u[2] * v[2]

    def cross(u, v):
        return (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])

    pts = [unit(lon, lat) for lon, lat in ring[:-1]]
    a = pts[0]
    excess = 0.0
    for b, c in zip(pts[1:-1], pts[2:]):
        num = dot(a, cross(b, c))
        den = 1.0 + dot(a, b) + dot(b, c) + dot(c, a)
        excess += 2.0 * math.atan2(num, den)
    return excess * AUTHALIC_R ** 2

def point_in_ring(lon, lat, ring):
    """Ray casting (even-odd) in lon/lat."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring[:-1], ring[1:]):
        if (y1 > lat) != (y2 > lat):
            x_cross = x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            if lon < x_cross:
                inside = not inside
    return inside


# --------------------------------------------------------------------------------------
# French and English: every free text is an object {"fr": ..., "en": ...}
# --------------------------------------------------------------------------------------

METRO_EN = "Dijon métropole, Attractivité économique page (2022 review)"
MISSING_FR = []


def bi(text):
    """A free text in both languages: the English of the table above and its French in FR
    (dijon_zones_fr.py). None stays None. A missing translation is collected and reported."""
    if text is None:
        return None
    if text == METRO:
        return {"fr": METRO, "en": METRO_EN}
    fr = FR.get(text)
    if fr is None:
        MISSING_FR.append(text)
        fr = text
    return {"fr": fr, "en": text}


def bi_source(source):
    """A *_source value: URLs stay a string; with the métropole's page (a title, not a URL)
    the whole value is given in both languages."""
    if source is None or METRO not in source:
        return source
    return {"fr": source, "en": source.replace(METRO, METRO_EN)}


def decimal_fr(text):
    return text.replace(".", ",")


def tenant_props(t):
    """A tenant; its name is a proper name, given in both languages only when it carries
    English words (NAME_FR)."""
    name = t["name"]
    if name in NAME_FR:
        name = {"fr": NAME_FR[name], "en": name}
    return {"name": name, "activity": bi(t["activity"]), "status": bi(t["status"]),
            "year": t["year"], "sources": [bi(s) if s == METRO else s for s in t["sources"]]}


# --------------------------------------------------------------------------------------
# Feature properties
# --------------------------------------------------------------------------------------

# --------------------------------------------------------------------------------------
# Feature properties
# --------------------------------------------------------------------------------------

CNIG_SITE_TYPE = {"zone d'activité économique", "site économique historique hors ZAE",
                  "établissement économique isolé", "zone AU à vocation économique",
                  "inconnu", "autre", "sans objet"}
CNIG_VOCADOMI = {"industrielle", "commerciale", "tertiaire", "artisanale", "touristique",
                 "portuaire", "aéroportuaire, aéronautique", "entrepôts, logistique",
                 "logistique agricole", "mixte", "inconnu", "autre", "sans objet"}
CNIG_ETAT = {"en projet", "création", "existant et actif", "projet de déclassement",
             "déclassé", "inconnu", "autre", "sans objet"}



def _or_none(text, empties=("n/a", "unknown", "n/a in sources")):
    return None if text in empties else text


def _place(z):
    """How the zone's schematic shape is made: communes, mode, declared split."""
    s = z["sheet"]
    p = dict(z.get("place") or {})
    p.setdefault("communes", [z["site_comm_nom"]])
    p.setdefault("mode", "site")
    for name in p["communes"]:
        assert name in s["communes"], (s["id"], name)
    return p


def _validate(z):
    s = z["sheet"]
    where = s["id"]
    assert z["site_type"] in CNIG_SITE_TYPE, where
    assert z["site_vocadomi"] in CNIG_VOCADOMI, where
    assert z["site_etat"] in CNIG_ETAT, where
    assert z["site_comm_nom"] in s["communes"], where
    assert z["site_url"] in s["src"], where
    allowed = set(s["src"]) | {METRO}
    for key in ("surf", "emploi", "etab"):
        f = z[key]
        if f["value"] is None:
            assert f["year"] is None, (where, key)
        if f["source"]:
            for url in f["source"].split(" ; "):
                assert url in allowed, (where, key, url)
    for t in z["tenants"] + z.get("former", []):
        assert set(t) == {"name", "activity", "status", "year", "sources"}, where
        for src in t["sources"]:
            assert src in allowed, (where, t["name"], src)
    for f in z.get("facilities", []):
        assert f["source"] is None or f["source"] in allowed, (where, f["text"])


def _groups(z, communes_by_name, area_ha):
    """Placement groups of a zone (see schematic_outlines.Placer.place)."""
    p = _place(z)
    codes = [communes_by_name[n] for n in p["communes"]]
    total = area_ha * 1e4
    if p["mode"] == "split":
        ratio = [v / sum(p["split"]) for v in p["split"]]
        return [dict(codes=codes, targets=[total * r for r in ratio], split=True)]
    if p["mode"] == "separate":
        return [dict(codes=[c], targets=[total / len(codes)], split=False) for c in codes]
    return [dict(codes=codes, targets=[total], split=False,
                 min_share=p.get("min_share", MIN_SHARE))]


def _outline_basis(z, area_ha, moved_m, communes):
    p = _place(z)
    names = ", ".join(communes)
    ha = f"{area_ha:g}"
    if z["surf"]["value"] is not None:
        en = (f"schematic: regular {N_VERTICES}-sided shape of {ha} ha (declared surface, "
              f"site_surf_brute)")
        fr = (f"schématique : polygone régulier à {N_VERTICES} côtés de {decimal_fr(ha)} ha "
              f"(surface déclarée, site_surf_brute)")
    else:
        en = (f"surface unknown: nominal {ha} ha schematic {N_VERTICES}-sided shape, "
              f"not to scale")
        fr = (f"surface inconnue : forme schématique nominale de {decimal_fr(ha)} ha à "
              f"{N_VERTICES} côtés, pas à l'échelle")
    en += f", cut to the limits of {names} (IGN Admin Express)"
    fr += f", découpée aux limites de {names} (IGN Admin Express)"
    if p["mode"] == "split":
        parts = " / ".join(f"{v:g} ha" for v in p["split"])
        en += f"; parts in the declared split {parts}, scaled to the declared total"
        fr += (f" ; parties dans le partage déclaré {decimal_fr(parts)}, ramenées au total "
               f"déclaré")
    elif p["mode"] == "separate":
        en += "; one part per commune (separate areas), of equal size"
        fr += " ; une partie par commune (secteurs distincts), de même taille"
    elif len(communes) > 1:
        en += "; split between the communes unknown"
        fr += " ; partage entre les communes inconnu"
    if moved_m > 0:
        en += (f"; centre moved {moved_m:.0f} m from the estimated position to stay inside "
               f"its communes and clear of other zones")
        fr += (f" ; centre déplacé de {moved_m:.0f} m depuis la position estimée pour rester "
               f"dans ses communes et à l'écart des autres zones")
    else:
        en += "; centred on the estimated position"
        fr += " ; centrée sur la position estimée"
    en += ". Not a surveyed boundary."
    fr += ". Pas un périmètre relevé."
    return {"fr": fr, "en": en}


def build_feature(z, parts, moved_m, communes_by_name):
    s = z["sheet"]
    surf = z["surf"]
    area_ha = surf["value"] if surf["value"] is not None else NOMINAL_HA
    p = _place(z)
    names = p["communes"]
    rings = [[[round(lon, 6), round(lat, 6)] for lon, lat in ring] for _, ring in parts]
    if len(rings) == 1:
        geometry = {"type": "Polygon", "coordinates": [rings[0]]}
    else:
        geometry = {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}
    props = {
        "site_id": "dm-" + s["id"],
        "site_nom": z["site_nom"],
        "site_nom_alt": bi(s["name"]),
        "site_type": z["site_type"],
        "site_vocadomi": z["site_vocadomi"],
        "vocation_detail": bi(s["type"]),
        "site_etat": z["site_etat"],
        "status_detail": bi(s["status"]),
    }
    for key, f in (("site_surf_brute", surf), ("site_nb_emploi", z["emploi"]),
                   ("site_nb_etab", z["etab"])):
        props[key] = f["value"]
        props[key + "_note"] = bi(f["note"])
        props[key + "_year"] = f["year"]
        props[key + "_source"] = bi_source(f["source"])
    props.update({
        "site_comm_nom": z["site_comm_nom"],
        "site_comm_insee": COMMUNE_INSEE.get(z["site_comm_nom"]),
        "communes": ", ".join(names),
        "communes_insee": [communes_by_name[n] for n in names],
    })
    if p["mode"] == "split":
        props["communes_split_ha"] = dict(zip(names, p["split"]))
        props["communes_split_source"] = " ; ".join(s["src"])
    props.update({
        "site_epci_nom": EPCI_NOM,
        "site_epci_siren": EPCI_SIREN,
        "site_moa_nom": bi(_or_none(s["developer"])),
        "site_creation_date": bi(_or_none(s["year"])),
        "site_url": z["site_url"],
        "site_description": bi(z["description"]),
        "tenants": [tenant_props(t) for t in z["tenants"]],
        "former_tenants": [tenant_props(t) for t in z.get("former", [])],
        "facilities": [{"text": bi(f["text"]), "source": f["source"]}
                       for f in z.get("facilities", [])],
        "unverified_claims": [bi(u) for u in z["unverified"]],
        "sources": [bi(u) if u == METRO else u for u in s["src"]],
        "geometry_quality": "schematic",
        "position_grade": s["coord_q"],
        "position_basis": bi(s["coord_basis"]),
        "outline_basis": _outline_basis(z, area_ha, moved_m, names),
        "outline_moved_m": round(moved_m),
    })
    if p.get("within"):
        props["contained_in"] = "dm-" + p["within"]
    return {"type": "Feature", "properties": props, "geometry": geometry}


NOTE = {
    "en": (
        "SCHEMATIC OUTLINES. No surveyed perimeter of any of these zones was available (fact "
        "sheet section 5): each zone is a regular 16-sided shape around an estimated position "
        "(position_grade: H = published coordinate of the site, M = anchored on a nearby cited "
        "point, ~0.3-1 km, L = rough estimate or commune-centroid placeholder, may be off by 1-2 "
        "km), cut to the limits of the communes the sources give (IGN Admin Express), sized to "
        "site_surf_brute (or a nominal 5 ha when the surface is unknown), moved where needed so "
        "that no two zones overlap (see outline_basis). Shapes and extents are NOT real "
        "boundaries. Facts are compiled from public web pages with a source per figure (*_note, "
        "*_year, *_source, sources); property names follow the CNIG standard 'Sites "
        "économiques' (site-eco) where one exists; free texts are given in French and English. "
        "Replace with the métropole's official ZAE inventory when available: see data/README.md."),
    "fr": (
        "CONTOURS SCHÉMATIQUES. Aucun périmètre relevé de ces zones n'était disponible (fiche "
        "de faits, section 5) : chaque zone est un polygone régulier à 16 côtés autour d'une "
        "position estimée (position_grade : H = coordonnée publiée du site, M = calée sur un "
        "point cité proche, ~0,3-1 km, L = estimation grossière ou centroïde de commune, jusqu'à "
        "1-2 km d'erreur), découpé aux limites des communes que donnent les sources (IGN Admin "
        "Express), dimensionné à site_surf_brute (ou 5 ha nominaux quand la surface est "
        "inconnue), déplacé si besoin pour que deux zones ne se chevauchent pas (voir "
        "outline_basis). Ces formes et emprises ne sont PAS des limites réelles. Les faits sont "
        "compilés à partir de pages web publiques, avec une source par chiffre (*_note, *_year, "
        "*_source, sources) ; les noms de propriétés suivent le standard CNIG « Sites "
        "économiques » (site-eco) quand il existe ; les textes libres sont donnés en français et "
        "en anglais. À remplacer par l'inventaire officiel des ZAE de la métropole dès qu'il est "
        "disponible : voir data/README.md."),
}

GRADE_ORDER = {"H": 0, "M": 1, "L": 2}


def load_communes(here):
    with open(os.path.join(here, COMMUNES_FILE), encoding="utf-8") as fh:
        fc = json.load(fh)
    communes = {}
    for f in fc["features"]:
        p, g = f["properties"], f["geometry"]
        assert g["type"] == "Polygon" and len(g["coordinates"]) == 1, p["nom"]
        communes[p["code"]] = (p["nom"], g["coordinates"][0])
    return communes


def build_collection(here):
    communes = load_communes(here)
    by_name = {name: code for code, (name, _) in communes.items()}
    for z in ZONES:
        _validate(z)
    placer = Placer(communes, area_equal_area_m2)
    # Zones with a declared split first (the tightest), then best-graded first, larger first;
    # a zone declared inside another comes after it.
    order = sorted(ZONES, key=lambda z: (_place(z)["mode"] != "split",
                                         GRADE_ORDER[z["sheet"]["coord_q"]],
                                         -(z["surf"]["value"] or NOMINAL_HA)))
    placed = {}
    for z in order:
        s = z["sheet"]
        area_ha = z["surf"]["value"] if z["surf"]["value"] is not None else NOMINAL_HA
        p = _place(z)
        avoid = None if s["id"] == "capnord" else CLICK_TEST
        parts, moved = placer.place(s["id"], _groups(z, by_name, area_ha), (s["lon"], s["lat"]),
                                    within=p.get("within"), must_contain=p.get("must_contain"),
                                    avoid_point=avoid)
        placed[s["id"]] = (parts, moved, area_ha)
    features, report = [], []
    for z in ZONES:
        parts, moved, area_ha = placed[z["sheet"]["id"]]
        feature = build_feature(z, parts, moved, by_name)
        features.append(feature)
        report.append((z, feature, area_ha, moved))
    ids = [f["properties"]["site_id"] for f in features]
    assert len(set(ids)) == len(ids) == 24
    fc = {"type": "FeatureCollection", "name": "dijon-zones", "note": NOTE, "features": features}
    return fc, report


def check_reference(path):
    """Compare each zone's `sheet` with the reference points file (optional, --check)."""
    with open(path, encoding="utf-8") as fh:
        ref = json.load(fh)
    by_id = {f["properties"]["id"]: f for f in ref["features"]}
    problems = 0
    for z in ZONES:
        s = z["sheet"]
        f = by_id.get(s["id"])
        if f is None:
            print(f"  {s['id']}: not in the reference file")
            problems += 1
            continue
        p = f["properties"]
        for k in ("name", "communes", "coord_q", "coord_basis", "area_ha", "jobs", "type",
                  "tenants", "year", "developer", "status"):
            if p[k] != s[k]:
                print(f"  {s['id']}.{k}: {s[k]!r} != reference {p[k]!r}")
                problems += 1
        if p["src"].split(" ; ") != s["src"]:
            print(f"  {s['id']}.src differs from the reference")
            problems += 1
        if f["geometry"]["coordinates"] != [s["lon"], s["lat"]]:
            print(f"  {s['id']}: position differs from the reference")
            problems += 1
    if [z["sheet"]["id"] for z in ZONES] != [f["properties"]["id"] for f in ref["features"]]:
        print("  zone order differs from the reference")
        problems += 1
    print(f"reference check: {problems} difference(s)")
    return problems == 0


def report_and_check(fc, report, communes):
    """Prints each zone's area and parts; returns False if a check fails."""
    ok = True
    print("zone               target (ha)  method 1 (ha)  method 2 (ha)   diff  moved (m)  parts")
    for z, feature, area_ha, moved in report:
        g = feature["geometry"]
        rings = ([g["coordinates"][0]] if g["type"] == "Polygon"
                 else [p[0] for p in g["coordinates"]])
        a1 = sum(area_equal_area_m2(r) for r in rings) / 1e4
        a2 = sum(area_spherical_excess_m2(r) for r in rings) / 1e4
        diff = max(abs(a1 - area_ha), abs(a2 - area_ha)) / area_ha
        shares = []
        for r in rings:
            assert r[0] == r[-1], z["sheet"]["id"]
            assert area_equal_area_m2(r) > 0, (z["sheet"]["id"], "ring must be counter-clockwise")
            shares.append(f"{area_equal_area_m2(r) / 1e4:.1f}")
        flag = "" if z["surf"]["value"] is not None else " (nominal)"
        print(f"{z['sheet']['id']:<18} {area_ha:>11.2f} {a1:>14.4f} {a2:>14.4f} {diff:>6.3%} "
              f"{moved:>9.0f}  {' + '.join(shares)} ha in {feature['properties']['communes']}{flag}")
        if diff >= 0.005:
            print(f"  {z['sheet']['id']}: area differs by {diff:.3%} (limit 0.5%)")
            ok = False
    lon, lat = CLICK_TEST
    hits = [f["properties"]["site_id"] for f in fc["features"]
            if any(point_in_ring(lon, lat, r) for r in
                   ([f["geometry"]["coordinates"][0]] if f["geometry"]["type"] == "Polygon"
                    else [p[0] for p in f["geometry"]["coordinates"]]))]
    print(f"\nclick test ({lon:.4f}, {lat:.4f}): inside {hits}")
    if hits != ["dm-capnord"]:
        print("the click-test point must be inside dm-capnord only")
        ok = False
    return ok


def main(argv):
    import argparse
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Build the embedded dataset of ZAE Atlas.")
    ap.add_argument("--check", metavar="REF.geojson",
                    help="compare the fact-sheet rows with the reference points file, then stop")
    ap.add_argument("--outlines", metavar="FILE",
                    help="an official CNIG site-eco inventory (CSV or GeoJSON): its outlines and "
                         "figures replace the schematic ones of the zones it holds")
    ap.add_argument("--out", metavar="PATH", default=os.path.join(here, OUT_NAME),
                    help=f"where to write (default: data/{OUT_NAME})")
    args = ap.parse_args(argv[1:])
    if args.check:
        return 0 if check_reference(args.check) else 1

    fc, report = build_collection(here)
    if MISSING_FR:
        print(f"{len(MISSING_FR)} text(s) without French (add them to dijon_zones_fr.py):")
        for text in dict.fromkeys(MISSING_FR):
            print(f"  {text!r}")
        return 1
    if not report_and_check(fc, report, load_communes(here)):
        print("not written: a check failed")
        return 1
    if args.outlines:
        from official_inventory import merge_inventory
        try:
            fc = merge_inventory(fc, args.outlines)
        except (OSError, ValueError) as e:
            print(f"{args.outlines}: {e}")
            return 1

    text = json.dumps(fc, indent=1, ensure_ascii=False) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    print(f"\nwrote {args.out} ({len(fc['features'])} features, {len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
