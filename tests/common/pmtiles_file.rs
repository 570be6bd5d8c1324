//! Tile numbers and PMTiles archives over the métropole, for the tests and benches that need a
//! local base map (a bench includes this file by path).

use std::ops::RangeInclusive;
use std::path::Path;

use pmtiles::{PmTilesWriter, TileCoord, TileType};

/// The XYZ tile holding (lon, lat) at zoom `z` (Web Mercator), computed here on its own so that
/// a test checks the program's tile numbers against it.
pub fn tile_of(lon: f64, lat: f64, z: u8) -> (u32, u32) {
    let n = f64::from(1u32 << z);
    let x = (lon + 180.0) / 360.0 * n;
    let lat = lat.to_radians();
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * n;
    (x as u32, y as u32)
}

/// Writes a PMTiles archive of `tile_type` tiles at `zooms`, declaring `bounds` (west, south,
/// east, north), with every tile over the métropole (4.85–5.25° E, 47.15–47.45° N) made by
/// `tile(z, x, y)`.
pub fn write_archive(
    path: &Path,
    tile_type: TileType,
    zooms: RangeInclusive<u8>,
    bounds: [f64; 4],
    mut tile: impl FnMut(u8, u32, u32) -> Vec<u8>,
) {
    let file = std::fs::File::create(path).expect("create archive");
    let [west, south, east, north] = bounds;
    let mut writer = PmTilesWriter::new(tile_type)
        .min_zoom(*zooms.start())
        .max_zoom(*zooms.end())
        .bounds(west, south, east, north)
        .create(file)
        .expect("writer");
    for z in zooms {
        let (x0, y0) = tile_of(4.85, 47.45, z);
        let (x1, y1) = tile_of(5.25, 47.15, z);
        for x in x0..=x1 {
            for y in y0..=y1 {
                let coord = TileCoord::new(z, x, y).expect("tile coordinate");
                writer.add_tile(coord, &tile(z, x, y)).expect("add tile");
            }
        }
    }
    writer.finalize().expect("finalize archive");
}
