//! A large FlatGeobuf made at test time (never committed): a grid of square zones over the
//! Dijon area in WGS84, written by ogr2ogr (Debian gdal-bin) from a GeoJSON made here.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The grid's south-west corner and the size of one cell, in degrees.
pub const ORIGIN: (f64, f64) = (4.6, 47.0);
pub const CELL: (f64, f64) = (0.01, 0.007);

/// Writes `cols` × `rows` square zones named `cell R C` (each `0.8` of a cell wide, so that
/// neighbours do not touch) as `DIR/NAME.fgb`, with its packed R-tree unless `indexed` is
/// false.
pub fn write(dir: &Path, name: &str, size: (usize, usize), indexed: bool) -> PathBuf {
    write_at(dir, name, size, indexed, ORIGIN)
}

/// [`write`] with the grid's south-west corner at `origin` (longitude, latitude).
pub fn write_at(
    dir: &Path,
    name: &str,
    (cols, rows): (usize, usize),
    indexed: bool,
    origin: (f64, f64),
) -> PathBuf {
    let mut features = Vec::with_capacity(cols * rows);
    for r in 0..rows {
        for c in 0..cols {
            let x = origin.0 + c as f64 * CELL.0;
            let y = origin.1 + r as f64 * CELL.1;
            let (w, h) = (CELL.0 * 0.8, CELL.1 * 0.8);
            features.push(serde_json::json!({
                "type": "Feature",
                "properties": {"name": format!("cell {r} {c}"), "row": r, "col": c},
                "geometry": {"type": "Polygon", "coordinates": [[
                    [x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]
                ]]}
            }));
        }
    }
    let geojson = dir.join(format!("{name}.geojson"));
    let collection = serde_json::json!({"type": "FeatureCollection", "features": features});
    std::fs::write(&geojson, collection.to_string()).expect("write the grid's GeoJSON");
    let out = dir.join(format!("{name}.fgb"));
    let index = if indexed {
        "SPATIAL_INDEX=YES"
    } else {
        "SPATIAL_INDEX=NO"
    };
    let status = Command::new("ogr2ogr")
        .args(["-f", "FlatGeobuf", "-lco", index])
        .arg(&out)
        .arg(&geojson)
        .status()
        .expect("ogr2ogr (apt-get install gdal-bin)");
    assert!(status.success(), "ogr2ogr failed writing {}", out.display());
    out
}
