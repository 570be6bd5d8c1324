# ZAE Atlas user interface, English. Every message here exists in fr.ftl too (tests/i18n.rs).

## Menus
menu-file = File
menu-open = Open…  (Ctrl+O)
menu-open-recent = Open recent
menu-no-recent = No recent file
menu-open-basemap = Open offline base map (PMTiles)…
menu-export-csv = Export zones as CSV…
menu-export-geojson = Export zones as GeoJSON…
menu-export-png = Save map view as PNG…
menu-quit = Quit
menu-view = View
menu-fit-all = Fit all zones
menu-table = Attribute table
menu-stats = Statistics
menu-colour-by = Colour zones by
menu-load-report = Load report
menu-settings = Settings…
menu-kiosk = Kiosk mode (booth)
menu-tools = Tools
menu-measure-distance = Measure distance
menu-measure-area = Measure area
menu-help = Help
help-about = Activity zones of Dijon métropole and your own GeoJSON files.
help-osm = Base map © OpenStreetMap contributors (ODbL).
menu-about = About ZAE Atlas…
about-title = About ZAE Atlas
about-licence = Free software under the { $licence } licence.
about-credits = Data credits
about-credit-osm = Base map: © OpenStreetMap contributors, under the Open Database Licence (ODbL 1.0).
about-credit-ign = Plan IGN and IGN orthophoto base maps (Géoplateforme): © IGN, Licence Ouverte 2.0 (Etalab).
about-credit-cnig = CNIG "Sites économiques" standard (site-eco, terrain-eco, etablissement layers): CNIG, Licence Ouverte 2.0 (Etalab).
about-credit-dijon = Embedded Dijon métropole zones: compiled from public sources, cited figure by figure in each zone's panel, among them Dijon métropole's "Attractivité économique" page (bilan 2022). Outlines are schematic.
about-credit-communes = Commune limits of the context layer: IGN Admin Express (through france-geojson), Licence Ouverte 2.0 (Etalab).
about-technical = This copy
about-user-agent = Tile requests identify as: { $ua }
about-config-file = Config file: { $path }
about-tile-cache = Tile cache: { $path }
about-none = none
about-close = Close

## Status bar
status-zones = { $n ->
    [one] { $count } zone
   *[other] { $count } zones
  } from { $files ->
    [one] 1 file
   *[other] { $files } files
  }
zones-count = { $n ->
    [one] { $count } zone
   *[other] { $count } zones
  }
status-basemap-none = Base map: none
status-basemap-loading = Base map: loading…
status-basemap-online = Base map: online
status-basemap-offline = Base map: offline
status-basemap-file = Base map: { $file }
status-loading = Loading { $file } ({ $done }/{ $total })
cancel = Cancel
drop-hint = Drop GeoJSON or PMTiles files to open them
unknown = unknown

## Zone panel
close-panel-hover = Close (Esc)
close-panel = Close the zone panel
all-attributes = All attributes
field-commune = Commune
field-vocation = Vocation
field-state = State
field-declared-surface = Declared surface
field-computed-surface = Computed surface
computed-surface-value = { $ha } ha (geodesic, from the outline)
surface-differs = Differs from the declared surface by { $pct }%
field-jobs = Jobs
field-establishments = Establishments
field-operator = Operator / developer
field-created = Created
field-web-page = Web page
field-centroid-l93 = Centroid (Lambert-93)
tenants-title = Tenants ({ $n })
tenants-none = none listed in the data
land-title = Land (plots)
land-none = no plot data for this zone (open a CNIG terrain-eco file)
land-plots = Plots
land-vacant-plots = Vacant plots
land-available = Available land
land-for-sale = { $ha } ha for sale ({ $n ->
    [one] 1 plot
   *[other] { $n } plots
  })
land-vacancy-rate = Vacancy rate
vacancy-given = { $pct }% (site_taux_vacance)
vacancy-computed = { $pct }% (computed from the plots)
land-price = Price
price-single = { $a } €/m² (plots for sale)
price-range = { $a }–{ $b } €/m² (plots for sale)
establishments-title = Establishments from the data ({ $n })
joined-both = plot and position
joined-terr-id = plot (terr_id)
joined-position = position
joined-by = joined by { $how }
outline-title = Outline
outline-quality = Quality: { $quality }
not-stated = not stated
schematic-note = — not a surveyed outline
grade-h = published coordinate of the site itself
grade-m = anchored on a cited nearby point (about 0.3–1 km)
grade-l = rough estimate or commune centre (may be off by 1–2 km)
position-grade = Position grade { $grade }: { $meaning }
sources-title = Sources
source-file = File: { $name }
sources-none = no source given in the data

## Vocations
vocation-industrial = Industrial
vocation-commercial = Commercial
vocation-tertiary = Offices / tertiary
vocation-artisanal = Craft / small firms
vocation-tourism = Tourism
vocation-port = Port
vocation-airport = Airport / aeronautics
vocation-logistics = Warehouses / logistics
vocation-agri-logistics = Agricultural logistics
vocation-mixed = Mixed
vocation-other = Other
vocation-unknown = Unknown

## Files panel and windows
files-title = Files
files-open = Open…
files-open-hover = Open GeoJSON files (Ctrl+O)
close-file = Close { $name }
load-report-button = Load report…
zones-title = Zones ({ $n })
zones-sort-name = By name
zones-sort-file = File order
zones-sort-hover = Order of the zone list
report-title = Load report — { $name }
report-path = Path: { $path }
report-coordinates = Coordinates: { $crs }
report-features = Features: { $n } · { $summary }
report-summary = loaded { $loaded } · skipped { $skipped } · warnings { $warnings }
report-skipped = Skipped ({ $n })
report-warnings = Warnings ({ $n })
report-clean = Every feature loaded without a problem.
errors-title = Could not open
dismiss = Dismiss

## Search and filters
search-label = Search
search-hint = Search zones, tenants (Ctrl+F)
search-none = No zone or tenant matches
search-in-zone = { $matched } — in { $zone }
filters = Filters
filter-surface = Surface (ha)
filter-has-land = Has available land (plots for sale)
filter-all = all
filter-min = min
filter-max = max
filter-showing = Showing { $shown } of { $total } zones:
filter-remove = Remove this filter
chip-vocation = vocation: { $values }
chip-commune = commune: { $value }
chip-state = state: { $value }
chip-surface = surface { $range }
chip-jobs = jobs { $range }
chip-land = available land

## Table and statistics
col-name = Name
col-surface = Surface (ha)
col-jobs-per-ha = Jobs/ha
stats-title = Statistics
stats-zones = Zones
stats-surface-value = { $ha } ha ({ $n } of { $total } zones give one)
stats-jobs-value = { $jobs } ({ $n } of { $total } zones give a figure)
stats-jobs-per-ha = Jobs per hectare
stats-density-value = { $v } (zones giving both)
stats-establishments-value = { $count } ({ $n } zones give a figure)
stats-land-for-sale = Land for sale
stats-land-value = { $ha } ha in { $n ->
    [one] 1 zone
   *[other] { $n } zones
  }
stats-jobs-chart = Jobs per zone (zones with a figure)
stats-surface-chart = Declared surface per vocation (ha)
stats-density-chart = Jobs per hectare (zones giving both)
stats-series-surface = Surface
stats-vocation-zones = { $label } ({ $n ->
    [one] 1 zone
   *[other] { $n } zones
  })

## Map overlays
offline-title = Map tiles unavailable (offline)
offline-detail = zones are still shown · { $source }
offline-source = tiles from { $host }
retry = Retry
retry-hover = Try to load the map tiles again
legend-plots = Plots (CNIG terrain-eco)
legend-occupied = Occupied
legend-vacant = Vacant / unoccupied
legend-brownfield = Brownfield (friche)
legend-for-sale = For sale: available land
legend-unknown = unknown ({ $n })
zoom-in = Zoom in
zoom-out = Zoom out
zoom-fit = Fit
measure-distance-result = Distance: { $d } ({ $n } points)
measure-area-need = Area: click at least 3 points ({ $n } so far)
measure-area-result = Area: { $a } (perimeter { $p }, { $n } points)
measure-hint = Click on the map to add points; Esc ends
done = Done
attribution-osm = © OpenStreetMap contributors
attribution-ign = © IGN – Licence Ouverte (Etalab 2.0)
attribution-tiles = Tiles: { $host }
style-vocation = Vocation (CNIG)
style-state = State
style-jobs-per-ha = Jobs per hectare
style-surface = Declared surface (ha)
tooltip-declared = { $ha } ha declared
tooltip-computed = { $ha } ha computed
tooltip-surface-unknown = surface unknown
plot-title = Plot { $id }
plot-occupation-unknown = occupation unknown
plot-stage-unknown = commercial stage unknown
plot-from-outline = { $ha } ha (from the outline)

## Messages
notice-reloaded = { $name } changed on disk: reloaded
error-embedded = The embedded dataset could not be read: { $error }
error-reload = { $error } — the file changed on disk but could not be read; the last good version stays on screen
dialog-open-title = Open zones (GeoJSON)
dialog-all-files = All files
dialog-all-supported = All supported files
layers-title = Choose the tables to open
layers-file = { $name } holds { $n } tables:
layers-open = Open
layers-cancel = Cancel
dialog-export-title = Export zones
dialog-png-title = Save the map view
dialog-pmtiles-title = Open an offline base map (PMTiles)
notice-exported = { $n } zones exported to { $path }
notice-png = Map view saved to { $path } ({ $w }×{ $h } px)

## Settings
settings-title = Settings
settings-language = Language
settings-ui-scale = Interface scale
settings-base-map = Base map
basemap-osm = OpenStreetMap (online, cached)
basemap-plan-ign = Plan IGN v2 (IGN, online, cached)
basemap-ortho-ign = Aerial photos (IGN orthophotos, online, cached)
basemap-none = None
basemap-pmtiles = Offline file (PMTiles)…
settings-cache-limit = Tile cache limit (MB)
settings-cache-used = In use: { $mb } MB in { $dir }
settings-idle = Kiosk: seconds without a touch before the tour
settings-enter-kiosk = Start kiosk mode

## Kiosk
kiosk-title = Activity zones — Dijon métropole
kiosk-touch-hint = Touch a zone to explore it
kiosk-countdown = Returning to the overview in { $s } s — touch to stay
kiosk-surface = Surface
kiosk-jobs = Jobs
kiosk-available-land = Available land
kiosk-scan = Scan for the zone's web page
kiosk-qr = QR code: { $url }
kiosk-highlight = { $vocation } · { $communes }
kiosk-exit-title = Leave kiosk mode
kiosk-pin = PIN
kiosk-pin-wrong = Wrong PIN
kiosk-exit = Leave kiosk
kiosk-stay = Stay
kiosk-close-card = Close the card

## Database (PostGIS)
db-menu-connect = Connect to database…
db-menu-refresh = Refresh database tables
db-refresh = Refresh
db-refresh-named = Refresh { $name }
db-refresh-hover = Read the table again
db-refresh-hover-view = Read the table again (a large table: the rows in view)
db-window-title = Connect to a PostGIS database
db-url = Connection string
db-password = Password
db-password-hint = empty: from PGPASSWORD or ~/.pgpass
db-read-only = Read-only: ZAE Atlas never writes to the database. The password is kept in memory for this session and never saved.
db-recent = Recent:
db-list-tables = List tables
db-connecting = Connecting…
db-tables-title = Tables with a geometry column
db-open-tables = Open selected tables
db-no-tables = No table with a geometry column that this user may read.
db-type-password = { $message }. Type the password above, then List tables.
db-srid-unknown = SRID unknown
db-rows = ~{ $count } rows
db-kind-site-eco = CNIG site-eco (zones)
db-kind-terrain-eco = CNIG terrain-eco (plots)
db-kind-etablissement = CNIG etablissement (establishments)
db-kind-other = zones, through the alias table
db-unreachable = Database unreachable: { $message }
db-last-data-stays = — the last data read stays on screen
db-retry-hover = Connect again and read the tables again
db-read-again = { $name }: read again
db-url-hint = postgresql://user@host:5432/dbname
embedded-dataset = Dijon métropole (embedded dataset)

# Schematic outlines, context layer, official inventory
approximate-location = Approximate location
approximate-location-detail = Schematic outline at an estimated position: not a surveyed boundary.
legend-approximate-outline = approximate outline
facilities-title = Facilities and other occupants
former-tenants-title = Former tenants ({ $n })
report-warning-group = { $message } — { $n } features (first: { $first })
menu-context = Context layer
menu-context-show = Show when there is no base map
menu-context-hover = Boundaries and names under the zones when no base map shows (offline, no tiles, or before the tiles arrive)
menu-context-open = Use a polygon file…
menu-context-communes = Back to the communes of the métropole
dialog-context-title = Polygon file for the context layer
context-no-polygon = { $file }: no polygon to draw as a context layer
context-too-large = { $file }: { $n } vertices, too many for a context layer (at most { $max })
help-inventory = Official inventory: Dijon métropole publishes its "Sites économiques" dataset (CNIG standard) on data.metropole-dijon.fr, mirrored on data.gouv.fr. Open it with File > Open (CSV or GeoJSON) instead of the embedded data.
help-inventory-make = To make the embedded dataset from it: python3 data/make_dijon_zones.py --outlines FILE (our figures and sources stay where the official file has none).
help-communes = Communes: IGN — Admin Express (Licence Ouverte 2.0).

## Problems, written when shown (typed errors of the core)
load-error-io = { $file }: cannot read the file: { $reason }
load-error-empty = { $file }: the file is empty
load-error-too-large = { $file }: the file is { $size } MB, over the { $limit } MB limit
load-error-json = { $file }: invalid JSON at line { $line }, column { $column }: { $reason }
load-error-csv = { $file }: invalid CSV at line { $line }: { $reason }
load-error-not-geojson = { $file }: not GeoJSON: { $reason }
load-error-not-cnig = { $file }: not a CNIG "Sites économiques" table: { $reason }
load-error-crs = { $file }: { $reason }
load-error-unreadable = { $file }: not a readable { $format } file: { $reason }
load-error-missing-part = { $file }: { $missing } is missing (a shapefile needs its .shp, .shx and .dbf side by side)
load-error-no-layer = { $file }: no layer "{ $layer }" of polygons or points here (layers: { $available })
load-error-several-layers = { $file }: holds { $n } layers ({ $available }): name one, as in { $file }:{ $first }
load-error-cancelled = { $file }: loading cancelled
load-error-internal = { $file }: internal error while loading (a bug in ZAE Atlas; the file was not changed)
crs-error-unrecognised = unrecognised coordinate system name "{ $name }" (expected e.g. EPSG:2154 or OGC:CRS84)
crs-error-unknown-epsg = unknown coordinate system EPSG:{ $code } (not in the projection library's EPSG table)
crs-error-setup = coordinate system EPSG:{ $code } could not be set up: { $reason }
export-error-io = { $file }: cannot write: { $reason }
export-error-csv = { $file }: cannot write CSV: { $reason }
export-error-gpkg = { $file }: cannot write the GeoPackage: { $reason }
export-error-format = { $file }: unknown export format (use .csv, .geojson, .json or .gpkg)
db-error-bad-url = { $url }: not a valid connection string: { $reason }
db-error-password-required = { $db }: the server asks for a password and none was given
db-error-auth-failed = { $db }: authentication failed: { $reason }
db-error-unknown-database = { $db }: the database does not exist on this server ({ $reason })
db-error-unreachable = { $db }: cannot reach the server: { $reason }
db-error-no-postgis = { $db }: PostGIS is not installed in this database (CREATE EXTENSION postgis)
db-error-table-not-found = { $db }: table { $table } not found (or not readable by this user)
db-error-no-geometry = { $db }: table { $table } has no geometry column (columns: { $columns }); ZAE Atlas reads tables with a PostGIS geometry or geography column
db-error-query = { $db }: reading { $table } failed: { $reason }
db-error-load = { $db }: { $table }: { $reason }
db-error-cancelled = { $db }: { $table }: reading cancelled

# TLS to the database (src/ui/db_tls.rs)
db-tls = Security (TLS)
db-tls-disable = No TLS (disable)
db-tls-prefer = TLS when the server offers it (prefer)
db-tls-require = TLS, certificate not checked (require)
db-tls-verify-ca = TLS, certificate checked against the CA (verify-ca)
db-tls-verify-full = TLS, certificate and host name checked (verify-full)
db-tls-ca-file = CA file…
db-tls-ca-hover = The certificate authority that signed the server's certificate (PEM file, sslrootcert). Without one, verify-ca and verify-full trust ~/.postgresql/root.crt or the system's root certificates.
db-tls-ca-none = CA: system root certificates
db-tls-ca-named = CA: { $file }
db-tls-choose-ca = Certificate authority of the database server
db-lock-verified = Encrypted (TLS); the server's certificate and name were checked
db-lock-ca-verified = Encrypted (TLS); the server's certificate was checked against the CA, not its name
db-lock-encrypted = Encrypted (TLS), but the server's certificate was not checked
db-lock-plain = Not encrypted: the data travels in clear on the network
db-lock-named = Connection security of { $name }
db-tls-unknown-ca = { $db }: the server's certificate is not signed by a trusted certificate authority ({ $trusted }): check the CA file (sslrootcert) or ask the administrator for the server's CA
db-tls-system-roots = system root certificates
db-tls-host-mismatch = { $db }: the server's certificate is not valid for the host name { $host } (verify-full checks it): connect with a name the certificate gives, or choose verify-ca
db-tls-bad-certificate = { $db }: the server's certificate was refused: { $reason }
db-tls-server-refuses = { $db }: the server does not accept TLS connections ({ $mode } requires TLS): ask the administrator to turn TLS on, or choose prefer on a network you trust
db-tls-required = { $db }: the server accepts this connection only over TLS: choose require, or verify-full with the server's CA
db-tls-bad-ca-file = { $db }: cannot read the certificate authority file: { $reason }: { $path }
db-tls-no-system-roots = { $db }: no system root certificate could be read ({ $reason }): choose the CA file
db-tls-handshake = { $db }: the TLS handshake failed: { $reason }
link-not-opened = Not opened: only web links (http, https) from a file open; this one is of type “{ $scheme }”.

# Crash safety (src/app/startup.rs)
crash-title = ZAE Atlas closed unexpectedly
crash-text = The last session ended with an error. A report was written (version, system, the error and the last log lines; no file contents, no password). Sending it to the developers helps them fix it.
crash-open-folder = Open the folder
settings-set-aside = The settings file could not be read ({ $reason }); it was set aside as { $moved } and ZAE Atlas started with the default settings: { $file }
crash-close = Close
error-loader-stopped = Loading stopped on an internal error (a bug in ZAE Atlas; no file was changed): { $reason }

## Load reports: why a feature was skipped, what was repaired (src/ui/reasons.rs)
issue-at-feature = feature { $index }
issue-at-feature-id = feature { $index } ({ $id })
issue-line = { $location }: { $reason }
json-null = null
json-boolean = a boolean
json-number = a number
json-string = a string
json-array = an array
json-object = an object
reason-ring-exterior = exterior ring
reason-ring-hole = hole { $n }
reason-feature-not-object = the feature is { $found }, not an object
reason-not-feature-object = not a feature object: { $detail }
reason-properties-not-object = "properties" is { $found } rather than an object; kept as property "properties"
reason-feature-type-case = type "{ $found }" read as "Feature"
reason-feature-type-other = type "{ $found }" is not "Feature"; read as a feature
reason-feature-no-type = no "type" member; read as a feature
reason-no-geometry = no geometry (null or missing)
reason-geometry-not-object = the geometry is not a JSON object
reason-invalid-geometry = invalid geometry: { $detail }
reason-unknown-geometry-type = unknown geometry type "{ $found }"
reason-geometry-type-case = geometry type "{ $found }" read as "{ $canonical }"
reason-missing-coordinates = { $kind } without "coordinates"
reason-bad-coordinates = { $kind } coordinates are not arrays of numbers: { $detail }
reason-empty-geometry = empty { $kind }
reason-multipoint-first = MultiPoint of { $n } points: the first one is used
reason-too-deep = GeometryCollection nested more than { $max } deep
reason-member-not-polygon = GeometryCollection member { $member } left out: it is a { $kind }
reason-member-left-out = GeometryCollection member { $member } left out: { $reason }
reason-no-polygon-in-collection = GeometryCollection holds no polygon
reason-no-polygon-in-collection-why = GeometryCollection holds no polygon ({ $why })
reason-unsupported-geometry = unsupported geometry type { $kind }
reason-undecodable-wkb = the geometry could not be decoded ({ $detail }); curved geometry types are not supported
reason-not-point = geometry is a { $kind }; establishments must be points
reason-not-polygon = geometry is a { $kind }; zones and plots must be Polygon or MultiPolygon
reason-too-few-coordinates = position { $position } has { $dims } coordinate(s), needs at least 2
reason-not-finite = position { $position } is not a finite number ({ $x }, { $y })
reason-not-reprojected = position { $position } ({ $x }, { $y }) cannot be reprojected: { $detail }
reason-out-of-range = position { $position } ({ $x }, { $y }) is outside longitude/latitude range and not in the Lambert-93 extent
reason-outside-globe = position { $position } ({ $x }, { $y }) in EPSG:{ $epsg } falls outside the globe ({ $lon }, { $lat })
reason-extra-dimensions = positions have { $dims } coordinates; elevation and measures ignored
reason-no-coordinates = no coordinates
reason-simplified-for-drawing = { $vertices } vertices: simplified for drawing, to at most { $per_polygon } a polygon and { $in_all } in all (the outline itself is kept whole)
reason-part-left-out = polygon { $part }: { $reason }; part left out
reason-no-usable-polygon = no usable polygon
reason-in-ring = { $ring }: { $reason }
reason-hole-left-out = hole { $hole }: { $reason }; hole left out
reason-ring-too-small = ring has { $positions } position(s), { $distinct } distinct: a ring needs at least 3 distinct points
reason-ring-closed = ring was not closed (first position ≠ last); closed it
reason-not-checked = { $vertices } vertices: self-intersection not checked (checked up to { $max })
reason-self-intersection = { $ring } crosses itself (self-intersection); drawn as it is
reason-rings-cross = rings of the polygon cross each other; drawn as it is
reason-exterior-clockwise = exterior ring is clockwise (RFC 7946 wants counter-clockwise); re-oriented
reason-holes-counter-clockwise = { $n } hole(s) counter-clockwise (RFC 7946 wants clockwise); re-oriented
reason-ring-past-end = ring ends past its coordinates
reason-not-gpkg-geometry = not a GeoPackage geometry (no "GP" header)
reason-bad-envelope = GeoPackage geometry header: bad envelope code { $code }
reason-gpkg-cut-short = GeoPackage geometry cut short
reason-non-finite-literals = NaN/Infinity literals (not valid JSON) read as null
reason-bad-bbox = "bbox" is not 4 or 6 numbers; ignored
reason-collection-type-case = type "{ $found }" read as "FeatureCollection"
reason-collection-no-type = no "type" member; read as a FeatureCollection
reason-lone-geometry = the file is a lone { $kind } geometry, read as one feature
reason-byte-order-mark = UTF-8 byte order mark removed
reason-utf16 = decoded from { $encoding } (GeoJSON must be UTF-8)
reason-utf16-lossy = decoded from { $encoding } (GeoJSON must be UTF-8); some characters could not be decoded and were replaced
reason-latin1 = file is not valid UTF-8; decoded as Latin-1 (Windows-1252): check accented names
reason-latin1-after-bom = file starts with a UTF-8 byte order mark but is not valid UTF-8; decoded as Latin-1 (Windows-1252): check accented names
reason-lambert93-guessed = no coordinate system given; coordinates are metres in the Lambert-93 extent, read as EPSG:2154
reason-crs-not-recognised = { $from }: coordinate system not recognised ({ $what }); read as WGS84, or as Lambert-93 when the coordinates are metres in its extent
reason-no-prj = no { $stem }.prj: the coordinate system is guessed from the coordinates
reason-no-shx = no { $stem }.shx (the shapes' index): shapes read one after the other
reason-no-dbf-row = no row in { $stem }.dbf for this shape: no properties
reason-more-rows-than-shapes = { $stem }.dbf has more rows ({ $rows }) than { $stem }.shp has shapes ({ $shapes })
reason-unknown-cpg = { $stem }.cpg names an unknown encoding "{ $name }"
reason-dbf-default-encoding = { $stem }.dbf: no .cpg and no language byte: text read as Windows-1252 (Latin-1)
reason-binary-left-out = column { $column }: { $bytes } bytes of binary data left out
reason-properties-cut-short = properties cut short
reason-no-such-column = property of column { $index }, which the header does not have
reason-unknown-column-type = column { $column } has an unknown type { $code }
reason-read-through-index = read through the spatial index: the { $found } of { $total } features whose box meets longitude { $west }…{ $east }, latitude { $south }…{ $north }
reason-unreadable-row = unreadable row: { $detail }
reason-unreadable-columns = unreadable columns: { $detail }
reason-unreadable-geometry = unreadable geometry: { $detail }
reason-field-count = line { $line }: { $fields } fields for { $columns } columns
reason-geometry-cell-empty = line { $line }: { $column } is empty
reason-geometry-cell-unreadable = line { $line }: { $column } is neither GeoJSON nor "lon, lat"
reason-null-geometry-column = geometry ({ $column }) is NULL
reason-in-column = { $column }: { $reason }
reason-other-srid = geometry in SRID { $srid }, unlike the other rows (SRID { $table_srid })
reason-rows-in-view = large table (more than { $limit } rows): only the rows in view are read (longitude { $west }…{ $east }, latitude { $south }…{ $north }), and read again as the map moves
reason-rows-capped = large table (more than { $limit } rows) read without a view: at most { $max } rows
reason-rows-capped-srid0 = large table (more than { $limit } rows) read without a view (SRID 0 cannot be filtered by area): at most { $max } rows
reason-too-many-rows = more than { $max } rows to read: only the first { $max } are shown; zoom in to see the others
reason-features-in-view = large file (more than { $limit } features): only the { $found } of { $total } features in view are read, through its spatial index (longitude { $west }…{ $east }, latitude { $south }…{ $north }), and read again as the map moves
crs-note-undecided = not decided (nothing was read)
crs-note-wgs84-named = WGS84 longitude/latitude (crs "{ $name }")
crs-note-epsg-named = EPSG:{ $code } (crs "{ $name }"), reprojected to WGS84
crs-note-lambert93-detected = Lambert-93 (EPSG:2154), detected: no crs given and coordinates in metres within the Lambert-93 extent
crs-note-wgs84-default = WGS84 longitude/latitude (GeoJSON default, no crs given)
crs-note-wgs84-from = WGS84 longitude/latitude (EPSG:4326, from { $from })
crs-note-epsg-from = EPSG:{ $code } (from { $from }), reprojected to WGS84
crs-note-srid-zero = SRID 0 (unknown) in column { $column }
crs-note-wgs84-column = EPSG:4326 (column { $column }), WGS84 longitude/latitude
crs-note-epsg-column = EPSG:{ $code } (column { $column }), reprojected to WGS84
crs-note-server-reprojected = EPSG:{ $code } (column { $column }), reprojected to WGS84 by the server (ST_Transform)

# The investor's sheet (PDF) and the catalogue (crates/zae-core/src/sheet)
sheet-available-land = Available land
sheet-land-value = { $ha } ha for sale, { $plots ->
    [one] 1 plot
   *[other] { $plots } plots
  }
sheet-land-price = , { $range } €/m²
sheet-surface-declared = Surface (declared)
sheet-surface-computed = Surface (computed from the outline)
sheet-jobs = Jobs
sheet-establishments = Establishments
sheet-vacancy = Vacancy
sheet-source-producer = { $producer } (file { $file })
sheet-source-file = File { $file }
sheet-source-plots = Plots for sale in { $file } (CNIG terrain-eco: terr_stade_comm, terr_surf_brute, terr_m2_prix)
sheet-source-vacancy-plots = Computed from the plots of { $file } (terr_etat_occup)
sheet-source-computed = Computed by ZAE Atlas from the zone's outline (geodesic area)
sheet-source-computed-schematic = Computed by ZAE Atlas from the zone's outline (geodesic area); the outline is schematic, so this only shows its order of size
sheet-contact-developer = Developer: { $name }
sheet-contact-dbi = Dijon métropole's economic development agency: setting up and growing businesses, land and premises available (Dijon métropole, Attractivité économique page, 2022 review)
sheet-data-date = Data as of { $date }
sheet-data-years-one = Figures of { $year }
sheet-data-years = Figures from { $from } to { $to }
sheet-data-undated = The data gives no date
sheet-access-motorway = Motorway junction
sheet-access-station = Station
sheet-access-airport = Airport
sheet-access-road = { $km } km by road (as the data declares)
sheet-access-crow = { $km } km as the crow flies
sheet-access-crow-approx = ≈ { $km } km as the crow flies (approximate)
sheet-access-on-site = on the zone
sheet-access-line = { $what }: { $place }
sheet-source-access-declared = Distance declared by the data ({ $field }, by road)
sheet-source-access = { $place }: position from { $source }; straight-line distance computed by ZAE Atlas from the zone's outline
sheet-source-access-estimate = { $place }: ESTIMATED position (the commune the source places it in), { $source }; straight-line distance computed by ZAE Atlas from the zone's outline
sheet-approximate-outline = Approximate outline: no surveyed boundary is available; the shape and position on the map are schematic.
sheet-key-figures = Key figures
sheet-access = Access
sheet-access-none = No access point known for this zone.
sheet-tenants = Main firms
sheet-more-tenants = and { $n } more
sheet-contact = Contact
sheet-contact-none = The data names no contact for this zone.
sheet-qr-caption = Scan for the zone's web page
sheet-notes = Sources
sheet-attribution = Communes © IGN — Admin Express (Licence Ouverte 2.0)
sheet-foot = { $data } · sheet made on { $date } with ZAE Atlas from { $file }
sheet-catalogue-title = Activity zones — catalogue
sheet-catalogue-subtitle = { $n ->
    [one] 1 zone, one sheet each on the following pages
   *[other] { $n } zones, one sheet each on the following pages
  }
sheet-index = Index
sheet-overview-foot = Catalogue made on { $date } with ZAE Atlas · zone outlines as the data gives them (dashed: approximate)
sheet-error = The PDF sheet could not be written: { $reason }
sheet-error-no-zone = No zone passes the filter: the catalogue would be empty.
notice-sheet-written = { $n ->
    [one] Sheet written to { $path }
   *[other] Catalogue of { $n } zones written to { $path }
  }
notice-sheet-without-base-map = { $n ->
    [one] Its map is drawn without the base map: the tiles were not at hand (offline, or the server did not answer; the log says why).
   *[other] { $n } maps are drawn without the base map: the tiles were not at hand (offline, or the server did not answer; the log says why).
  }
dialog-sheet-title = Save the zone's sheet (PDF)
dialog-catalogue-title = Save the catalogue (PDF)
info-sheet-button = PDF sheet…
info-sheet-hover = One A4 page for an investor: map extract, key figures with their sources, access, firms, contact, QR code
menu-export-catalogue = Export PDF catalogue…
kiosk-access = Access (straight-line distances)
kiosk-tenants = Firms
kiosk-print = Print this sheet
kiosk-printing = Printing…
kiosk-print-sent = Sent to the printer.
kiosk-print-failed = Printing failed: { $reason }
kiosk-print-bad-command = Printing is not set up right: the config file's print command cannot be read (an unclosed quote?).
kiosk-access-line = { $what } · { $place } · { $distance }
sheet-access-road-short = { $km } km by road
about-credit-font = PDF sheets: DejaVu Sans font, Bitstream Vera licence (DejaVu changes in the public domain). Access points: Wikipedia coordinates; motorway junctions estimated.
sheet-busy = A PDF is being written: try again when it is done.

# Compare inventories (File ▸ Compare inventories…, zae-atlas --compare)
menu-compare = Compare inventories…
compare-dialog-before = Compare inventories: files BEFORE (site-eco, terrain-eco, etablissement, or a zone file)
compare-dialog-after = Compare inventories: files AFTER
compare-title = Compare inventories
compare-files = Before: { $before } — after: { $after }
compare-legend-title = Change since the inventory before
compare-status-added = Added
compare-status-changed = Changed
compare-status-same = Same
compare-status-removed = Removed (hatched)
compare-side-before = Before
compare-side-after = After
compare-swipe = Swipe
compare-swipe-position = Swipe position
compare-show = Show:
compare-all = All changes
compare-rows = { $n } rows
compare-close = Close comparison
compare-sum-zones = Zones
compare-sum-zones-value = { $added } added, { $removed } removed, { $changed } changed
compare-sum-available = Land available (for sale)
compare-sum-sold = Land sold
compare-sum-sold-value = { $ha } ha ({ $plots } plots)
compare-percent = { $pct }%
compare-sum-vacancy = Vacancy (vacant plots)
compare-sum-establishments = Establishments
compare-sum-establishments-value = { $arrived } arrived, { $left } left, { $moved } moved zone
compare-col-level = Level
compare-col-change = Change
compare-col-name = Name
compare-col-field = Field
compare-col-before = Before
compare-col-after = After
compare-col-matched = Matched by
compare-level-zone = zone
compare-level-plot = plot
compare-level-establishment = establishment
compare-kind-added = added
compare-kind-removed = removed
compare-kind-changed = changed
compare-kind-renamed = renamed
compare-kind-split = split
compare-kind-merged = merged
compare-kind-sold = sold
compare-kind-moved = moved
compare-matched-site-id = site_id
compare-matched-name = name + overlap
compare-matched-overlap = overlap
compare-matched-terr-id = terr_id
compare-matched-siret = SIRET
compare-matched-name-position = name + position
compare-field-name = name
compare-field-outline = outline
compare-field-surface = surface (ha)
compare-field-jobs = jobs
compare-field-establishments = establishments
compare-field-vacancy = vacancy rate (%)
compare-field-state = state
compare-field-vocation = vocation
compare-field-zone = zone
compare-zone-heading = Before and after (comparison)
