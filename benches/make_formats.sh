#!/usr/bin/env bash
# Generated parks (../shared/tools/gen_parks.py) as GeoJSON, GeoPackage, Shapefile and
# FlatGeobuf, for benches/formats.rs: the same N zones in each format, written by ogr2ogr.
#   usage: benches/make_formats.sh [N] [DIR]      (default: 100000 target/bench-formats)
# Needs: gdal-bin (ogr2ogr), python3. Files already there are kept.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ogr2ogr >/dev/null || { echo "ogr2ogr missing: apt-get install -y gdal-bin" >&2; exit 2; }
n=${1:-100000}
dir=${2:-target/bench-formats}
gen=../shared/tools/gen_parks.py
mkdir -p "$dir"
src="$dir/parks_$n.geojson"
[ -f "$src" ] || python3 "$gen" "$n" "$src" >/dev/null
[ -f "$dir/parks_$n.gpkg" ] || ogr2ogr -f GPKG "$dir/parks_$n.gpkg" "$src" -nln parks
[ -f "$dir/parks_$n.fgb" ] || ogr2ogr -f FlatGeobuf "$dir/parks_$n.fgb" "$src"
# Shapefile: the tenants list does not fit a 254-character DBF text, and is left out.
[ -f "$dir/parks_$n.shp" ] || ogr2ogr -f "ESRI Shapefile" "$dir/parks_$n.shp" "$src" \
  -lco ENCODING=UTF-8 -select name,commune,area_ha,jobs,type -nlt MULTIPOLYGON 2>/dev/null
ls -l "$dir"/parks_"$n".*
