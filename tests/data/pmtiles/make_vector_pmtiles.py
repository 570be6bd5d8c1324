#!/usr/bin/env python3
"""Writes vector.pmtiles: a tiny vector (MVT) base map over Dijon for the PMTiles test.

Every tile, zooms 0 to 14 over the métropole's box, holds two layers of the Protomaps schema:
`earth` covering the tile, and `water` covering its western half. Drawn with walkers' light
Protomaps style, the map shows the style's water blue (#88b2e2) on half of it. Generated data,
not a map of anything.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install mapbox-vector-tile pmtiles
    /tmp/venv/bin/python tests/data/pmtiles/make_vector_pmtiles.py tests/data/pmtiles/vector.pmtiles
"""
import gzip
import math
import sys

import mapbox_vector_tile
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer

BOX = (4.85, 47.15, 5.25, 47.45)  # lon/lat, a little wider than the métropole


def tile_of(lon, lat, z):
    n = 2 ** z
    x = int((lon + 180.0) / 360.0 * n)
    lat_r = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(lat_r)) / math.pi) / 2.0 * n)
    return x, y


def tile_bytes():
    layers = [
        {
            "name": "earth",
            "features": [{"geometry": "POLYGON((0 0,4096 0,4096 4096,0 4096,0 0))",
                          "properties": {"kind": "earth"}}],
        },
        {
            "name": "water",
            "features": [{"geometry": "POLYGON((0 0,2048 0,2048 4096,0 4096,0 0))",
                          "properties": {"kind": "water"}}],
        },
    ]
    mvt = mapbox_vector_tile.encode(layers, default_options={"y_coord_down": True, "extents": 4096})
    return gzip.compress(mvt, mtime=0)


def main(out):
    data = tile_bytes()
    tiles = []
    for z in range(0, 15):
        x0, y0 = tile_of(BOX[0], BOX[3], z)
        x1, y1 = tile_of(BOX[2], BOX[1], z)
        tiles += [zxy_to_tileid(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    with open(out, "wb") as f:
        writer = Writer(f)
        for tile_id in sorted(tiles):
            writer.write_tile(tile_id, data)
        writer.finalize(
            {
                "tile_type": TileType.MVT,
                "tile_compression": Compression.GZIP,
                "min_lon_e7": int(BOX[0] * 1e7),
                "min_lat_e7": int(BOX[1] * 1e7),
                "max_lon_e7": int(BOX[2] * 1e7),
                "max_lat_e7": int(BOX[3] * 1e7),
                "center_zoom": 11,
                "center_lon_e7": int(5.04 * 1e7),
                "center_lat_e7": int(47.32 * 1e7),
            },
            {"name": "zae-atlas test vector base map", "description": "generated, not a map",
             "vector_layers": [{"id": "earth", "fields": {}}, {"id": "water", "fields": {}}]},
        )
    print(f"{out}: {len(tiles)} tiles")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "vector.pmtiles")
