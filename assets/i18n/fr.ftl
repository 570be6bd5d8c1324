# Interface de ZAE Atlas, en français. Chaque message existe aussi dans en.ftl (tests/i18n.rs).

## Menus
menu-file = Fichier
menu-open = Ouvrir…  (Ctrl+O)
menu-open-recent = Fichiers récents
menu-no-recent = Aucun fichier récent
menu-open-basemap = Ouvrir un fond de carte hors ligne (PMTiles)…
menu-export-csv = Exporter les zones en CSV…
menu-export-geojson = Exporter les zones en GeoJSON…
menu-export-png = Enregistrer la vue en PNG…
menu-quit = Quitter
menu-view = Affichage
menu-fit-all = Voir toutes les zones
menu-table = Table attributaire
menu-stats = Statistiques
menu-colour-by = Colorer les zones selon
menu-load-report = Rapport de chargement
menu-settings = Réglages…
menu-kiosk = Mode borne (salon)
menu-tools = Outils
menu-measure-distance = Mesurer une distance
menu-measure-area = Mesurer une surface
menu-help = Aide
help-about = Les zones d'activités de Dijon métropole et vos propres fichiers GeoJSON.
help-osm = Fond de carte © les contributeurs d'OpenStreetMap (ODbL).
menu-about = À propos de ZAE Atlas…
about-title = À propos de ZAE Atlas
about-licence = Logiciel libre sous licence { $licence }.
about-credits = Crédits des données
about-credit-osm = Fond de carte : © les contributeurs d'OpenStreetMap, sous licence Open Database License (ODbL 1.0).
about-credit-ign = Fonds de carte Plan IGN et orthophotos IGN (Géoplateforme) : © IGN, Licence Ouverte 2.0 (Etalab).
about-credit-cnig = Standard CNIG « Sites économiques » (couches site-eco, terrain-eco, etablissement) : CNIG, Licence Ouverte 2.0 (Etalab).
about-credit-dijon = Zones de Dijon métropole intégrées : compilées de sources publiques, citées chiffre par chiffre dans le panneau de chaque zone, dont la page « Attractivité économique » de Dijon métropole (bilan 2022). Les contours sont schématiques.
about-credit-communes = Limites des communes du fond de contexte : IGN Admin Express (via france-geojson), Licence Ouverte 2.0 (Etalab).
about-technical = Cette installation
about-user-agent = Les requêtes de tuiles s'identifient comme : { $ua }
about-config-file = Fichier de configuration : { $path }
about-tile-cache = Cache des tuiles : { $path }
about-none = aucun
about-close = Fermer

## Barre d'état
status-zones = { $n ->
    [one] { $count } zone
   *[other] { $count } zones
  } issues { $files ->
    [one] d'un fichier
   *[other] de { $files } fichiers
  }
zones-count = { $n ->
    [one] { $count } zone
   *[other] { $count } zones
  }
status-basemap-none = Fond de carte : aucun
status-basemap-loading = Fond de carte : chargement…
status-basemap-online = Fond de carte : en ligne
status-basemap-offline = Fond de carte : hors ligne
status-basemap-file = Fond de carte : { $file }
status-loading = Chargement de { $file } ({ $done }/{ $total })
cancel = Annuler
drop-hint = Déposez des fichiers GeoJSON ou PMTiles pour les ouvrir
unknown = inconnu

## Fiche de la zone
close-panel-hover = Fermer (Échap)
close-panel = Fermer la fiche de la zone
all-attributes = Tous les attributs
field-commune = Commune
field-vocation = Vocation
field-state = État
field-declared-surface = Surface déclarée
field-computed-surface = Surface calculée
computed-surface-value = { $ha } ha (géodésique, d'après le contour)
surface-differs = Diffère de la surface déclarée de { $pct } %
field-jobs = Emplois
field-establishments = Établissements
field-operator = Gestionnaire / aménageur
field-created = Création
field-web-page = Page web
field-centroid-l93 = Centroïde (Lambert-93)
tenants-title = Entreprises ({ $n })
tenants-none = aucune n'est citée dans les données
land-title = Foncier (terrains)
land-none = pas de terrain connu pour cette zone (ouvrez un fichier CNIG terrain-eco)
land-plots = Terrains
land-vacant-plots = Terrains vacants
land-available = Foncier disponible
land-for-sale = { $ha } ha en vente ({ $n ->
    [one] 1 terrain
   *[other] { $n } terrains
  })
land-vacancy-rate = Taux de vacance
vacancy-given = { $pct } % (site_taux_vacance)
vacancy-computed = { $pct } % (calculé d'après les terrains)
land-price = Prix
price-single = { $a } €/m² (terrains en vente)
price-range = { $a }–{ $b } €/m² (terrains en vente)
establishments-title = Établissements des données ({ $n })
joined-both = terrain et position
joined-terr-id = terrain (terr_id)
joined-position = position
joined-by = rattaché par { $how }
outline-title = Contour
outline-quality = Qualité : { $quality }
not-stated = non précisée
schematic-note = — pas un contour levé
grade-h = coordonnée publiée du site lui-même
grade-m = placé d'après un point proche cité (0,3 à 1 km environ)
grade-l = estimation grossière ou centre de la commune (jusqu'à 1 à 2 km d'écart)
position-grade = Position de niveau { $grade } : { $meaning }
sources-title = Sources
source-file = Fichier : { $name }
sources-none = aucune source indiquée dans les données

## Vocations
vocation-industrial = Industrielle
vocation-commercial = Commerciale
vocation-tertiary = Tertiaire / bureaux
vocation-artisanal = Artisanale
vocation-tourism = Touristique
vocation-port = Portuaire
vocation-airport = Aéroportuaire / aéronautique
vocation-logistics = Entrepôts / logistique
vocation-agri-logistics = Logistique agricole
vocation-mixed = Mixte
vocation-other = Autre
vocation-unknown = Inconnue

## Panneau des fichiers et fenêtres
files-title = Fichiers
files-open = Ouvrir…
files-open-hover = Ouvrir des fichiers GeoJSON (Ctrl+O)
close-file = Fermer { $name }
load-report-button = Rapport de chargement…
zones-title = Zones ({ $n })
zones-sort-name = Par nom
zones-sort-file = Ordre du fichier
zones-sort-hover = Ordre de la liste des zones
report-title = Rapport de chargement — { $name }
report-path = Chemin : { $path }
report-coordinates = Coordonnées : { $crs }
report-features = Entités : { $n } · { $summary }
report-summary = chargés { $loaded } · ignorés { $skipped } · avertissements { $warnings }
report-skipped = Ignorés ({ $n })
report-warnings = Avertissements ({ $n })
report-clean = Tous les objets ont été chargés sans problème.
errors-title = Ouverture impossible
dismiss = Fermer

## Recherche et filtres
search-label = Rechercher
search-hint = Rechercher des zones, des entreprises (Ctrl+F)
search-none = Aucune zone ni entreprise ne correspond
search-in-zone = { $matched } — dans { $zone }
filters = Filtres
filter-surface = Surface (ha)
filter-has-land = Avec foncier disponible (terrains en vente)
filter-all = toutes
filter-min = min
filter-max = max
filter-showing = { $shown } zones affichées sur { $total } :
filter-remove = Retirer ce filtre
chip-vocation = vocation : { $values }
chip-commune = commune : { $value }
chip-state = état : { $value }
chip-surface = surface { $range }
chip-jobs = emplois { $range }
chip-land = foncier disponible

## Table et statistiques
col-name = Nom
col-surface = Surface (ha)
col-jobs-per-ha = Emplois/ha
stats-title = Statistiques
stats-zones = Zones
stats-surface-value = { $ha } ha ({ $n } zones sur { $total } en donnent une)
stats-jobs-value = { $jobs } ({ $n } zones sur { $total } donnent un chiffre)
stats-jobs-per-ha = Emplois par hectare
stats-density-value = { $v } (zones donnant les deux)
stats-establishments-value = { $count } ({ $n } zones donnent un chiffre)
stats-land-for-sale = Foncier en vente
stats-land-value = { $ha } ha dans { $n ->
    [one] { $n } zone
   *[other] { $n } zones
  }
stats-jobs-chart = Emplois par zone (zones ayant un chiffre)
stats-surface-chart = Surface déclarée par vocation (ha)
stats-density-chart = Emplois par hectare (zones donnant les deux)
stats-series-surface = Surface
stats-vocation-zones = { $label } ({ $n ->
    [one] { $n } zone
   *[other] { $n } zones
  })

## Carte
offline-title = Fond de carte indisponible (hors ligne)
offline-detail = les zones restent affichées · { $source }
offline-source = tuiles de { $host }
retry = Réessayer
retry-hover = Recharger les tuiles du fond de carte
legend-plots = Terrains (CNIG terrain-eco)
legend-occupied = Occupé
legend-vacant = Vacant / inoccupé
legend-brownfield = Friche
legend-for-sale = En vente : foncier disponible
legend-unknown = inconnu ({ $n })
zoom-in = Zoom avant
zoom-out = Zoom arrière
zoom-fit = Tout
measure-distance-result = Distance : { $d } ({ $n } points)
measure-area-need = Surface : cliquez au moins 3 points ({ $n } pour l'instant)
measure-area-result = Surface : { $a } (périmètre { $p }, { $n } points)
measure-hint = Cliquez sur la carte pour ajouter des points ; Échap pour finir
done = Terminé
attribution-osm = © les contributeurs d'OpenStreetMap
attribution-ign = © IGN – Licence Ouverte (Etalab 2.0)
attribution-tiles = Tuiles : { $host }
style-vocation = Vocation (CNIG)
style-state = État
style-jobs-per-ha = Emplois par hectare
style-surface = Surface déclarée (ha)
tooltip-declared = { $ha } ha déclarés
tooltip-computed = { $ha } ha calculés
tooltip-surface-unknown = surface inconnue
plot-title = Terrain { $id }
plot-occupation-unknown = occupation inconnue
plot-stage-unknown = stade de commercialisation inconnu
plot-from-outline = { $ha } ha (d'après le contour)

## Messages
notice-reloaded = { $name } a changé sur le disque : rechargé
error-embedded = Le jeu de données intégré n'a pas pu être lu : { $error }
error-reload = { $error } — le fichier a changé sur le disque mais n'a pas pu être lu ; la dernière version lisible reste affichée
dialog-open-title = Ouvrir des zones (GeoJSON)
dialog-all-files = Tous les fichiers
dialog-all-supported = Tous les fichiers pris en charge
layers-title = Choisir les tables à ouvrir
layers-file = { $name } contient { $n } tables :
layers-open = Ouvrir
layers-cancel = Annuler
dialog-export-title = Exporter les zones
dialog-png-title = Enregistrer la vue de la carte
dialog-pmtiles-title = Ouvrir un fond de carte hors ligne (PMTiles)
notice-exported = { $n } zones exportées dans { $path }
notice-png = Vue de la carte enregistrée dans { $path } ({ $w }×{ $h } px)

## Réglages
settings-title = Réglages
settings-language = Langue
settings-ui-scale = Taille de l'interface
settings-base-map = Fond de carte
basemap-osm = OpenStreetMap (en ligne, mis en cache)
basemap-plan-ign = Plan IGN v2 (IGN, en ligne, mis en cache)
basemap-ortho-ign = Photos aériennes (orthophotos IGN, en ligne, mises en cache)
basemap-none = Aucun
basemap-pmtiles = Fichier hors ligne (PMTiles)…
settings-cache-limit = Limite du cache de tuiles (Mo)
settings-cache-used = Utilisé : { $mb } Mo dans { $dir }
settings-idle = Borne : secondes sans contact avant la visite
settings-enter-kiosk = Lancer le mode borne

## Borne
kiosk-title = Zones d'activités — Dijon métropole
kiosk-touch-hint = Touchez une zone pour la découvrir
kiosk-countdown = Retour à la vue d'ensemble dans { $s } s — touchez l'écran pour rester
kiosk-surface = Surface
kiosk-jobs = Emplois
kiosk-available-land = Foncier disponible
kiosk-scan = Scannez pour la page web de la zone
kiosk-qr = Code QR : { $url }
kiosk-highlight = { $vocation } · { $communes }
kiosk-exit-title = Quitter le mode borne
kiosk-pin = Code
kiosk-pin-wrong = Code incorrect
kiosk-exit = Quitter la borne
kiosk-stay = Rester
kiosk-close-card = Fermer la fiche

## Base de données (PostGIS)
db-menu-connect = Se connecter à une base de données…
db-menu-refresh = Relire les tables de la base
db-refresh = Relire
db-refresh-named = Relire { $name }
db-refresh-hover = Lire la table à nouveau
db-refresh-hover-view = Lire la table à nouveau (grande table : les lignes de la vue)
db-window-title = Se connecter à une base PostGIS
db-url = Chaîne de connexion
db-password = Mot de passe
db-password-hint = vide : depuis PGPASSWORD ou ~/.pgpass
db-read-only = Lecture seule : ZAE Atlas n'écrit jamais dans la base. Le mot de passe reste en mémoire pour cette session et n'est jamais enregistré.
db-recent = Récentes :
db-list-tables = Lister les tables
db-connecting = Connexion…
db-tables-title = Tables avec une colonne géométrique
db-open-tables = Ouvrir les tables choisies
db-no-tables = Aucune table avec une colonne géométrique lisible par cet utilisateur.
db-type-password = { $message }. Saisissez le mot de passe ci-dessus, puis Lister les tables.
db-srid-unknown = SRID inconnu
db-rows = ~{ $count } lignes
db-kind-site-eco = CNIG site-eco (zones)
db-kind-terrain-eco = CNIG terrain-eco (terrains)
db-kind-etablissement = CNIG etablissement (établissements)
db-kind-other = zones, via la table des alias
db-unreachable = Base de données injoignable : { $message }
db-last-data-stays = — les dernières données lues restent affichées
db-retry-hover = Se reconnecter et relire les tables
db-read-again = { $name } : relu
db-url-hint = postgresql://utilisateur@hote:5432/base
embedded-dataset = Dijon métropole (jeu de données intégré)

# Contours schématiques, couche de contexte, inventaire officiel
approximate-location = Emplacement approximatif
approximate-location-detail = Contour schématique placé à une position estimée : pas un périmètre relevé.
legend-approximate-outline = contour approximatif
facilities-title = Équipements et autres occupants
former-tenants-title = Anciennes entreprises ({ $n })
report-warning-group = { $message } — { $n } entités (premières : { $first })
menu-context = Couche de contexte
menu-context-show = Afficher quand il n'y a pas de fond de carte
menu-context-hover = Limites et noms sous les zones quand aucun fond de carte ne s'affiche (hors ligne, sans tuiles, ou avant l'arrivée des tuiles)
menu-context-open = Utiliser un fichier de polygones…
menu-context-communes = Revenir aux communes de la métropole
dialog-context-title = Fichier de polygones pour la couche de contexte
context-no-polygon = { $file } : aucun polygone à dessiner comme couche de contexte
context-too-large = { $file } : { $n } sommets, trop pour une couche de contexte ({ $max } au plus)
help-inventory = Inventaire officiel : Dijon métropole publie son jeu de données « Sites économiques » (standard CNIG) sur data.metropole-dijon.fr, repris sur data.gouv.fr. Ouvrez-le avec Fichier > Ouvrir (CSV ou GeoJSON) à la place des données intégrées.
help-inventory-make = Pour en faire le jeu de données intégré : python3 data/make_dijon_zones.py --outlines FICHIER (nos chiffres et nos sources restent là où le fichier officiel n'en donne pas).
help-communes = Communes : IGN — Admin Express (Licence Ouverte 2.0).

## Problèmes, écrits quand ils s'affichent (erreurs typées du cœur)
load-error-io = { $file } : impossible de lire le fichier : { $reason }
load-error-empty = { $file } : le fichier est vide
load-error-too-large = { $file } : le fichier fait { $size } Mo, au-delà de la limite de { $limit } Mo
load-error-json = { $file } : JSON invalide ligne { $line }, colonne { $column } : { $reason }
load-error-csv = { $file } : CSV invalide ligne { $line } : { $reason }
load-error-not-geojson = { $file } : ce n'est pas du GeoJSON : { $reason }
load-error-not-cnig = { $file } : ce n'est pas une table CNIG « Sites économiques » : { $reason }
load-error-crs = { $file } : { $reason }
load-error-unreadable = { $file } : fichier { $format } illisible : { $reason }
load-error-missing-part = { $file } : il manque { $missing } (un shapefile a besoin de ses fichiers .shp, .shx et .dbf côte à côte)
load-error-no-layer = { $file } : pas de couche « { $layer } » de polygones ou de points ici (couches : { $available })
load-error-several-layers = { $file } : contient { $n } couches ({ $available }) ; nommez-en une, par exemple { $file }:{ $first }
load-error-cancelled = { $file } : chargement annulé
load-error-internal = { $file } : erreur interne pendant le chargement (un défaut de ZAE Atlas ; le fichier n'a pas été modifié)
crs-error-unrecognised = système de coordonnées « { $name } » non reconnu (attendu par exemple EPSG:2154 ou OGC:CRS84)
crs-error-unknown-epsg = système de coordonnées EPSG:{ $code } inconnu (absent de la table EPSG de la bibliothèque de projection)
crs-error-setup = le système de coordonnées EPSG:{ $code } n'a pas pu être mis en place : { $reason }
export-error-io = { $file } : écriture impossible : { $reason }
export-error-csv = { $file } : écriture du CSV impossible : { $reason }
export-error-gpkg = { $file } : écriture du GeoPackage impossible : { $reason }
export-error-format = { $file } : format d'export inconnu (utilisez .csv, .geojson, .json ou .gpkg)
db-error-bad-url = { $url } : chaîne de connexion non valide : { $reason }
db-error-password-required = { $db } : le serveur demande un mot de passe et aucun n'a été donné
db-error-auth-failed = { $db } : échec de l'authentification : { $reason }
db-error-unknown-database = { $db } : cette base n'existe pas sur ce serveur ({ $reason })
db-error-unreachable = { $db } : serveur injoignable : { $reason }
db-error-no-postgis = { $db } : PostGIS n'est pas installé dans cette base (CREATE EXTENSION postgis)
db-error-table-not-found = { $db } : table { $table } introuvable (ou illisible pour cet utilisateur)
db-error-no-geometry = { $db } : la table { $table } n'a pas de colonne géométrique (colonnes : { $columns }) ; ZAE Atlas lit les tables ayant une colonne PostGIS geometry ou geography
db-error-query = { $db } : la lecture de { $table } a échoué : { $reason }
db-error-load = { $db } : { $table } : { $reason }
db-error-cancelled = { $db } : { $table } : lecture annulée

# TLS vers la base (src/ui/db_tls.rs)
db-tls = Sécurité (TLS)
db-tls-disable = Sans TLS (disable)
db-tls-prefer = TLS si le serveur le propose (prefer)
db-tls-require = TLS, certificat non vérifié (require)
db-tls-verify-ca = TLS, certificat vérifié par l'autorité (verify-ca)
db-tls-verify-full = TLS, certificat et nom d'hôte vérifiés (verify-full)
db-tls-ca-file = Fichier de l'autorité…
db-tls-ca-hover = L'autorité de certification qui a signé le certificat du serveur (fichier PEM, sslrootcert). Sans elle, verify-ca et verify-full font confiance à ~/.postgresql/root.crt ou aux certificats racines du système.
db-tls-ca-none = Autorité : certificats racines du système
db-tls-ca-named = Autorité : { $file }
db-tls-choose-ca = Autorité de certification du serveur de base de données
db-lock-verified = Chiffrée (TLS) ; le certificat et le nom du serveur ont été vérifiés
db-lock-ca-verified = Chiffrée (TLS) ; le certificat du serveur a été vérifié par l'autorité, pas son nom
db-lock-encrypted = Chiffrée (TLS), mais le certificat du serveur n'a pas été vérifié
db-lock-plain = Non chiffrée : les données circulent en clair sur le réseau
db-lock-named = Sécurité de la connexion de { $name }
db-tls-unknown-ca = { $db } : le certificat du serveur n'est pas signé par une autorité de confiance ({ $trusted }) : vérifiez le fichier de l'autorité (sslrootcert) ou demandez à l'administrateur l'autorité du serveur
db-tls-system-roots = certificats racines du système
db-tls-host-mismatch = { $db } : le certificat du serveur n'est pas valable pour le nom d'hôte { $host } (verify-full le vérifie) : connectez-vous avec un nom que donne le certificat, ou choisissez verify-ca
db-tls-bad-certificate = { $db } : le certificat du serveur a été refusé : { $reason }
db-tls-server-refuses = { $db } : le serveur n'accepte pas les connexions TLS ({ $mode } exige TLS) : demandez à l'administrateur d'activer TLS, ou choisissez prefer sur un réseau de confiance
db-tls-required = { $db } : le serveur n'accepte cette connexion qu'en TLS : choisissez require, ou verify-full avec l'autorité du serveur
db-tls-bad-ca-file = { $db } : impossible de lire le fichier de l'autorité de certification : { $reason } : { $path }
db-tls-no-system-roots = { $db } : aucun certificat racine du système n'a pu être lu ({ $reason }) : choisissez le fichier de l'autorité
db-tls-handshake = { $db } : l'échange TLS a échoué : { $reason }
link-not-opened = Non ouvert : seuls les liens web (http, https) d'un fichier s'ouvrent ; celui-ci est de type « { $scheme } ».

# Sûreté en cas de plantage (src/app/startup.rs)
crash-title = ZAE Atlas s'est fermé de façon inattendue
crash-text = La dernière session s'est terminée sur une erreur. Un rapport a été écrit (version, système, l'erreur et les dernières lignes du journal ; aucun contenu de fichier, aucun mot de passe). L'envoyer aux développeurs les aide à corriger le problème.
crash-open-folder = Ouvrir le dossier
settings-set-aside = Le fichier des réglages n'a pas pu être lu ({ $reason }) ; il a été mis de côté sous le nom { $moved } et ZAE Atlas a démarré avec les réglages par défaut : { $file }
crash-close = Fermer
error-loader-stopped = Le chargement s'est arrêté sur une erreur interne (un défaut de ZAE Atlas ; aucun fichier n'a été modifié) : { $reason }

## Load reports: why a feature was skipped, what was repaired (src/ui/reasons.rs)
issue-at-feature = entité { $index }
issue-at-feature-id = entité { $index } ({ $id })
issue-line = { $location } : { $reason }
json-null = null
json-boolean = un booléen
json-number = un nombre
json-string = une chaîne
json-array = un tableau
json-object = un objet
reason-ring-exterior = anneau extérieur
reason-ring-hole = trou { $n }
reason-feature-not-object = l'entité est { $found }, pas un objet
reason-not-feature-object = pas un objet entité : { $detail }
reason-properties-not-object = « properties » est { $found } et non un objet ; gardé comme propriété « properties »
reason-feature-type-case = type « { $found } » lu comme « Feature »
reason-feature-type-other = le type « { $found } » n'est pas « Feature » ; lu comme une entité
reason-feature-no-type = pas de membre « type » ; lu comme une entité
reason-no-geometry = pas de géométrie (nulle ou absente)
reason-geometry-not-object = la géométrie n'est pas un objet JSON
reason-invalid-geometry = géométrie invalide : { $detail }
reason-unknown-geometry-type = type de géométrie inconnu « { $found } »
reason-geometry-type-case = type de géométrie « { $found } » lu comme « { $canonical } »
reason-missing-coordinates = { $kind } sans « coordinates »
reason-bad-coordinates = les coordonnées du { $kind } ne sont pas des tableaux de nombres : { $detail }
reason-empty-geometry = géométrie vide ({ $kind })
reason-multipoint-first = MultiPoint de { $n } points : seul le premier est utilisé
reason-too-deep = GeometryCollection imbriquée sur plus de { $max } niveaux
reason-member-not-polygon = membre { $member } de la GeometryCollection écarté : c'est un { $kind }
reason-member-left-out = membre { $member } de la GeometryCollection écarté : { $reason }
reason-no-polygon-in-collection = la GeometryCollection ne contient aucun polygone
reason-no-polygon-in-collection-why = la GeometryCollection ne contient aucun polygone ({ $why })
reason-unsupported-geometry = type de géométrie non pris en charge : { $kind }
reason-undecodable-wkb = la géométrie n'a pas pu être décodée ({ $detail }) ; les géométries courbes ne sont pas prises en charge
reason-not-point = la géométrie est un { $kind } ; les établissements doivent être des points
reason-not-polygon = la géométrie est un { $kind } ; zones et terrains doivent être des Polygon ou MultiPolygon
reason-too-few-coordinates = la position { $position } a { $dims } coordonnée(s), il en faut au moins 2
reason-not-finite = la position { $position } n'est pas un nombre fini ({ $x }, { $y })
reason-not-reprojected = la position { $position } ({ $x }, { $y }) ne peut pas être reprojetée : { $detail }
reason-out-of-range = la position { $position } ({ $x }, { $y }) est hors des plages de longitude/latitude et hors de l'emprise Lambert-93
reason-outside-globe = la position { $position } ({ $x }, { $y }) en EPSG:{ $epsg } tombe hors du globe ({ $lon }, { $lat })
reason-extra-dimensions = les positions ont { $dims } coordonnées ; altitude et mesures ignorées
reason-no-coordinates = aucune coordonnée
reason-simplified-for-drawing = { $vertices } sommets : simplifié pour l'affichage, à { $per_polygon } sommets au plus par polygone et { $in_all } en tout (le contour lui-même est gardé entier)
reason-part-left-out = polygone { $part } : { $reason } ; partie écartée
reason-no-usable-polygon = aucun polygone utilisable
reason-in-ring = { $ring } : { $reason }
reason-hole-left-out = trou { $hole } : { $reason } ; trou écarté
reason-ring-too-small = l'anneau a { $positions } position(s), dont { $distinct } distincte(s) : il faut au moins 3 points distincts
reason-ring-closed = l'anneau n'était pas fermé (première position ≠ dernière) ; il a été fermé
reason-not-checked = { $vertices } sommets : auto-intersection non vérifiée (vérifiée jusqu'à { $max })
reason-self-intersection = { $ring } se recoupe (auto-intersection) ; dessiné tel quel
reason-rings-cross = des anneaux du polygone se croisent ; dessiné tel quel
reason-exterior-clockwise = l'anneau extérieur tourne dans le sens horaire (la RFC 7946 veut le sens antihoraire) ; réorienté
reason-holes-counter-clockwise = { $n } trou(s) dans le sens antihoraire (la RFC 7946 veut le sens horaire) ; réorienté(s)
reason-ring-past-end = l'anneau finit au-delà de ses coordonnées
reason-not-gpkg-geometry = pas une géométrie GeoPackage (pas d'en-tête « GP »)
reason-bad-envelope = en-tête de géométrie GeoPackage : code d'emprise { $code } invalide
reason-gpkg-cut-short = géométrie GeoPackage tronquée
reason-non-finite-literals = littéraux NaN/Infinity (JSON invalide) lus comme null
reason-bad-bbox = « bbox » n'a pas 4 ou 6 nombres ; ignoré
reason-collection-type-case = type « { $found } » lu comme « FeatureCollection »
reason-collection-no-type = pas de membre « type » ; lu comme une FeatureCollection
reason-lone-geometry = le fichier est une géométrie { $kind } seule, lue comme une entité
reason-byte-order-mark = indicateur d'ordre des octets UTF-8 (BOM) retiré
reason-utf16 = décodé depuis { $encoding } (le GeoJSON doit être en UTF-8)
reason-utf16-lossy = décodé depuis { $encoding } (le GeoJSON doit être en UTF-8) ; des caractères indécodables ont été remplacés
reason-latin1 = le fichier n'est pas en UTF-8 valide ; décodé en Latin-1 (Windows-1252) : vérifiez les noms accentués
reason-latin1-after-bom = le fichier commence par un BOM UTF-8 mais n'est pas en UTF-8 valide ; décodé en Latin-1 (Windows-1252) : vérifiez les noms accentués
reason-lambert93-guessed = aucun système de coordonnées indiqué ; les coordonnées sont des mètres dans l'emprise Lambert-93, lues en EPSG:2154
reason-crs-not-recognised = { $from } : système de coordonnées non reconnu ({ $what }) ; lu en WGS84, ou en Lambert-93 quand les coordonnées sont des mètres dans son emprise
reason-no-prj = pas de { $stem }.prj : le système de coordonnées est déduit des coordonnées
reason-no-shx = pas de { $stem }.shx (l'index des formes) : formes lues l'une après l'autre
reason-no-dbf-row = pas de ligne dans { $stem }.dbf pour cette forme : aucune propriété
reason-more-rows-than-shapes = { $stem }.dbf a plus de lignes ({ $rows }) que { $stem }.shp n'a de formes ({ $shapes })
reason-unknown-cpg = { $stem }.cpg indique un encodage inconnu « { $name } »
reason-dbf-default-encoding = { $stem }.dbf : ni .cpg ni octet de langue : texte lu en Windows-1252 (Latin-1)
reason-binary-left-out = colonne { $column } : { $bytes } octets de données binaires écartés
reason-properties-cut-short = propriétés tronquées
reason-no-such-column = propriété de la colonne { $index }, absente de l'en-tête
reason-unknown-column-type = la colonne { $column } a un type inconnu { $code }
reason-read-through-index = lu par l'index spatial : les { $found } entités sur { $total } dont l'emprise touche la longitude { $west }…{ $east }, latitude { $south }…{ $north }
reason-unreadable-row = ligne illisible : { $detail }
reason-unreadable-columns = colonnes illisibles : { $detail }
reason-unreadable-geometry = géométrie illisible : { $detail }
reason-field-count = ligne { $line } : { $fields } champs pour { $columns } colonnes
reason-geometry-cell-empty = ligne { $line } : { $column } est vide
reason-geometry-cell-unreadable = ligne { $line } : { $column } n'est ni du GeoJSON ni « lon, lat »
reason-null-geometry-column = géométrie ({ $column }) NULL
reason-in-column = { $column } : { $reason }
reason-other-srid = géométrie en SRID { $srid }, contrairement aux autres lignes (SRID { $table_srid })
reason-rows-in-view = grande table (plus de { $limit } lignes) : seules les lignes dans la vue sont lues (longitude { $west }…{ $east }, latitude { $south }…{ $north }), et relues quand la carte bouge
reason-rows-capped = grande table (plus de { $limit } lignes) lue sans vue : { $max } lignes au plus
reason-rows-capped-srid0 = grande table (plus de { $limit } lignes) lue sans vue (le SRID 0 ne permet pas de filtrer par zone) : { $max } lignes au plus
reason-too-many-rows = plus de { $max } lignes à lire : seules les { $max } premières sont affichées ; zoomez pour voir les autres
reason-features-in-view = fichier volumineux (plus de { $limit } entités) : seules les { $found } entités sur { $total } dans la vue sont lues, par son index spatial (longitude { $west }…{ $east }, latitude { $south }…{ $north }), et relues quand la carte bouge
crs-note-undecided = non déterminé (rien n'a été lu)
crs-note-wgs84-named = longitude/latitude WGS84 (crs « { $name } »)
crs-note-epsg-named = EPSG:{ $code } (crs « { $name } »), reprojeté en WGS84
crs-note-lambert93-detected = Lambert-93 (EPSG:2154), détecté : pas de crs indiqué et coordonnées en mètres dans l'emprise Lambert-93
crs-note-wgs84-default = longitude/latitude WGS84 (défaut du GeoJSON, pas de crs indiqué)
crs-note-wgs84-from = longitude/latitude WGS84 (EPSG:4326, d'après { $from })
crs-note-epsg-from = EPSG:{ $code } (d'après { $from }), reprojeté en WGS84
crs-note-srid-zero = SRID 0 (inconnu) dans la colonne { $column }
crs-note-wgs84-column = EPSG:4326 (colonne { $column }), longitude/latitude WGS84
crs-note-epsg-column = EPSG:{ $code } (colonne { $column }), reprojeté en WGS84
crs-note-server-reprojected = EPSG:{ $code } (colonne { $column }), reprojeté en WGS84 par le serveur (ST_Transform)

# La fiche investisseur (PDF) et le catalogue (crates/zae-core/src/sheet)
sheet-available-land = Foncier disponible
sheet-land-value = { $ha } ha à vendre, { $plots ->
    [one] 1 parcelle
   *[other] { $plots } parcelles
  }
sheet-land-price = , { $range } €/m²
sheet-surface-declared = Surface (déclarée)
sheet-surface-computed = Surface (calculée d'après le contour)
sheet-jobs = Emplois
sheet-establishments = Établissements
sheet-vacancy = Vacance
sheet-source-producer = { $producer } (fichier { $file })
sheet-source-file = Fichier { $file }
sheet-source-plots = Parcelles en vente de { $file } (CNIG terrain-eco : terr_stade_comm, terr_surf_brute, terr_m2_prix)
sheet-source-vacancy-plots = Calculée d'après les parcelles de { $file } (terr_etat_occup)
sheet-source-computed = Calculée par ZAE Atlas d'après le contour de la zone (aire géodésique)
sheet-source-computed-schematic = Calculée par ZAE Atlas d'après le contour de la zone (aire géodésique) ; le contour est schématique, elle n'en donne que l'ordre de grandeur
sheet-contact-developer = Aménageur : { $name }
sheet-contact-dbi = Agence de développement économique de Dijon métropole : implantation et développement des entreprises, locaux et terrains disponibles (Dijon métropole, page Attractivité économique, bilan 2022)
sheet-data-date = Données au { $date }
sheet-data-years-one = Chiffres de { $year }
sheet-data-years = Chiffres de { $from } à { $to }
sheet-data-undated = Les données ne sont pas datées
sheet-access-motorway = Échangeur autoroutier
sheet-access-station = Gare
sheet-access-airport = Aéroport
sheet-access-road = { $km } km par la route (déclaré par les données)
sheet-access-crow = { $km } km à vol d'oiseau
sheet-access-crow-approx = ≈ { $km } km à vol d'oiseau (approximatif)
sheet-access-on-site = sur la zone
sheet-access-line = { $what } : { $place }
sheet-source-access-declared = Distance déclarée par les données ({ $field }, par la route)
sheet-source-access = { $place } : position d'après { $source } ; distance à vol d'oiseau calculée par ZAE Atlas depuis le contour de la zone
sheet-source-access-estimate = { $place } : position ESTIMÉE (la commune où la source le situe), { $source } ; distance à vol d'oiseau calculée par ZAE Atlas depuis le contour de la zone
sheet-approximate-outline = Contour approximatif : aucun périmètre relevé n'est disponible ; la forme et la position sur la carte sont schématiques.
sheet-key-figures = Chiffres clés
sheet-access = Accès
sheet-access-none = Aucun point d'accès connu pour cette zone.
sheet-tenants = Principales entreprises
sheet-more-tenants = et { $n } autres
sheet-contact = Contact
sheet-contact-none = Les données ne nomment aucun contact pour cette zone.
sheet-qr-caption = Scannez pour la page web de la zone
sheet-notes = Sources
sheet-attribution = Communes © IGN — Admin Express (Licence Ouverte 2.0)
sheet-foot = { $data } · fiche établie le { $date } avec ZAE Atlas d'après { $file }
sheet-catalogue-title = Zones d'activités — catalogue
sheet-catalogue-subtitle = { $n ->
    [one] 1 zone, une fiche par zone dans les pages suivantes
   *[other] { $n } zones, une fiche par zone dans les pages suivantes
  }
sheet-index = Index
sheet-overview-foot = Catalogue établi le { $date } avec ZAE Atlas · contours des zones tels que les donnent les données (en tirets : approximatifs)
sheet-error = La fiche PDF n'a pas pu être écrite : { $reason }
sheet-error-no-zone = Aucune zone ne passe le filtre : le catalogue serait vide.
notice-sheet-written = { $n ->
    [one] Fiche enregistrée dans { $path }
   *[other] Catalogue de { $n } zones enregistré dans { $path }
  }
notice-sheet-without-base-map = { $n ->
    [one] Sa carte est dessinée sans le fond de carte : les tuiles n'étaient pas disponibles (hors ligne, ou le serveur n'a pas répondu ; le journal dit pourquoi).
   *[other] { $n } cartes sont dessinées sans le fond de carte : les tuiles n'étaient pas disponibles (hors ligne, ou le serveur n'a pas répondu ; le journal dit pourquoi).
  }
dialog-sheet-title = Enregistrer la fiche de la zone (PDF)
dialog-catalogue-title = Enregistrer le catalogue (PDF)
info-sheet-button = Fiche PDF…
info-sheet-hover = Une page A4 pour un investisseur : extrait de carte, chiffres clés et leurs sources, accès, entreprises, contact, code QR
menu-export-catalogue = Exporter le catalogue PDF…
kiosk-access = Accès (distances à vol d'oiseau)
kiosk-tenants = Entreprises
kiosk-print = Imprimer la fiche
kiosk-printing = Impression…
kiosk-print-sent = Envoyée à l'imprimante.
kiosk-print-failed = L'impression a échoué : { $reason }
kiosk-print-bad-command = L'impression est mal réglée : la commande d'impression du fichier de configuration est illisible (un guillemet non fermé ?).
kiosk-access-line = { $what } · { $place } · { $distance }
sheet-access-road-short = { $km } km par la route
about-credit-font = Fiches PDF : police DejaVu Sans, licence Bitstream Vera (modifications DejaVu dans le domaine public). Points d'accès : coordonnées Wikipédia ; échangeurs autoroutiers estimés.
sheet-busy = Un PDF est en cours d'écriture : réessayez quand il sera terminé.

# Comparer des inventaires (Fichier ▸ Comparer des inventaires…, zae-atlas --compare)
menu-compare = Comparer des inventaires…
compare-dialog-before = Comparer des inventaires : fichiers AVANT (site-eco, terrain-eco, etablissement, ou un fichier de zones)
compare-dialog-after = Comparer des inventaires : fichiers APRÈS
compare-title = Comparer des inventaires
compare-files = Avant : { $before } — après : { $after }
compare-legend-title = Changement depuis l'inventaire précédent
compare-status-added = Ajoutée
compare-status-changed = Modifiée
compare-status-same = Inchangée
compare-status-removed = Supprimée (hachurée)
compare-side-before = Avant
compare-side-after = Après
compare-swipe = Volet
compare-swipe-position = Position du volet
compare-show = Afficher :
compare-all = Tous les changements
compare-rows = { $n } lignes
compare-close = Fermer la comparaison
compare-sum-zones = Zones
compare-sum-zones-value = { $added } ajoutée(s), { $removed } supprimée(s), { $changed } modifiée(s)
compare-sum-available = Foncier disponible (en vente)
compare-sum-sold = Foncier vendu
compare-sum-sold-value = { $ha } ha ({ $plots } terrain(s))
compare-percent = { $pct } %
compare-sum-vacancy = Vacance (terrains vacants)
compare-sum-establishments = Établissements
compare-sum-establishments-value = { $arrived } arrivé(s), { $left } parti(s), { $moved } changé(s) de zone
compare-col-level = Niveau
compare-col-change = Changement
compare-col-name = Nom
compare-col-field = Champ
compare-col-before = Avant
compare-col-after = Après
compare-col-matched = Apparié par
compare-level-zone = zone
compare-level-plot = terrain
compare-level-establishment = établissement
compare-kind-added = ajout
compare-kind-removed = suppression
compare-kind-changed = modification
compare-kind-renamed = renommage
compare-kind-split = division
compare-kind-merged = fusion
compare-kind-sold = vendu
compare-kind-moved = déménagement
compare-matched-site-id = site_id
compare-matched-name = nom + recouvrement
compare-matched-overlap = recouvrement
compare-matched-terr-id = terr_id
compare-matched-siret = SIRET
compare-matched-name-position = nom + position
compare-field-name = nom
compare-field-outline = contour
compare-field-surface = surface (ha)
compare-field-jobs = emplois
compare-field-establishments = établissements
compare-field-vacancy = taux de vacance (%)
compare-field-state = état
compare-field-vocation = vocation
compare-field-zone = zone
compare-zone-heading = Avant et après (comparaison)
