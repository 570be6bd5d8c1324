#!/usr/bin/env bash
# Writes the GeoPackage, Shapefile and FlatGeobuf fixtures of tests/formats.rs from the CNIG
# GeoJSON fixtures, with ogr2ogr (Debian gdal-bin), and the broken files of each format.
# Run from anywhere: bash tests/data/formats/make_fixtures.sh. The outputs are committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cnig="$here/../cnig"
cd "$here"
rm -rf parks.gpkg site_eco_l93.* site_eco.fgb latin1_cc47.zip missing_dbf broken
export OGR_WRITE_GPKG_GEOMETRY_EXTENSIONS=NO

# A GeoPackage with two tables: the zones in Lambert-93, the plots in WGS84.
ogr2ogr -f GPKG parks.gpkg "$cnig/site-eco.geojson" -nln site_eco
ogr2ogr -f GPKG -update parks.gpkg "$cnig/terrain-eco.geojson" -nln terrain_eco -t_srs EPSG:4326

# A Lambert-93 Shapefile (ESRI .prj, UTF-8 .cpg).
ogr2ogr -q -f "ESRI Shapefile" site_eco_l93.shp "$cnig/site-eco.geojson" -lco ENCODING=UTF-8

# A zipped Latin-1 Shapefile in CC47 (EPSG:3947), accents in names, no .cpg.
tmp=$(mktemp -d)
ogr2ogr -f "ESRI Shapefile" "$tmp/zones_cc47.shp" "$cnig/site-eco.geojson" -t_srs EPSG:3947 \
  -lco ENCODING=ISO-8859-1 \
  -dialect SQLite -sql "SELECT site_id, site_nom, site_comm_nom AS commune, \
    site_epci_nom AS epci, site_nom || ' à Épinay-lès-Dijon' AS nom_long, geometry \
    FROM \"site-eco\""
rm -f "$tmp/zones_cc47.cpg"
(cd "$tmp" && zip -q -X "$here/latin1_cc47.zip" zones_cc47.*)
rm -rf "$tmp"

# A FlatGeobuf with its spatial index.
ogr2ogr -f FlatGeobuf site_eco.fgb "$cnig/site-eco.geojson" -t_srs EPSG:4326

# A Shapefile missing its .dbf.
mkdir -p missing_dbf
ogr2ogr -q -f "ESRI Shapefile" missing_dbf/zones.shp "$cnig/site-eco.geojson"
rm missing_dbf/zones.dbf

# Broken files, one per format (refused by name with a reason, never a panic).
mkdir -p broken
head -c 3000 parks.gpkg > broken/truncated.gpkg
printf 'SQLite format 3\000 but nothing else' > broken/not_sqlite.gpkg
head -c 300 site_eco_l93.shp > broken/truncated.shp
cp site_eco_l93.shx broken/truncated.shx
cp site_eco_l93.dbf broken/truncated.dbf
head -c 700 site_eco.fgb > broken/truncated.fgb
printf 'fgb\003fgb\000\377\377\377\377garbage' > broken/bad_header.fgb
printf 'PK\003\004 not really a zip' > broken/not_a_zip.zip
(cd "$here" && zip -q -X broken/no_shapefile.zip make_fixtures.sh)
