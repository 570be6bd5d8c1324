//! The change list as CSV (one row per change) or GeoJSON (the after geometry, the before one
//! for what was removed, with the same properties), written atomically like the exports.

use std::io::Write;
use std::path::Path;

use geo::{MultiPolygon, Point};
use serde_json::{Map, Value};

use super::{Change, Diff, Level};
use crate::io::export::{ExportError, write_atomically};
use crate::io::untrusted::csv_text_cell;
use crate::store::Dataset;

/// Columns of the CSV, in order.
pub const COLUMNS: [&str; 9] = [
    "level",
    "change",
    "id_before",
    "id_after",
    "name",
    "field",
    "before",
    "after",
    "matched_by",
];

fn cells(c: &Change) -> [String; 9] {
    [
        c.level.code().to_string(),
        c.kind.code().to_string(),
        c.id_before.clone(),
        c.id_after.clone(),
        c.name.clone(),
        c.field.clone(),
        c.value_before.clone(),
        c.value_after.clone(),
        c.matched_by
            .map(|m| m.code())
            .unwrap_or_default()
            .to_string(),
    ]
}

/// Writes the changes to `path`: `.csv`, or `.geojson`/`.json`. Returns the number of rows.
pub fn write(
    diff: &Diff,
    before: &Dataset,
    after: &Dataset,
    path: &Path,
) -> Result<usize, ExportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let file = crate::io::display_name(path);
    match ext.as_str() {
        "csv" => write_atomically(path, |out| write_csv(diff, out, &file)),
        "geojson" | "json" => {
            write_atomically(path, |out| write_geojson(diff, before, after, out, &file))
        }
        _ => Err(ExportError::Format { file }),
    }
}

fn write_csv(diff: &Diff, out: &mut dyn Write, file: &str) -> Result<usize, ExportError> {
    let csv_err = |source| ExportError::Csv {
        file: file.to_string(),
        source,
    };
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS).map_err(csv_err)?;
    for c in &diff.changes {
        // Text from the data never reaches a spreadsheet as a formula.
        w.write_record(cells(c).map(csv_text_cell))
            .map_err(csv_err)?;
    }
    w.flush().map_err(|source| ExportError::Io {
        file: file.to_string(),
        source,
    })?;
    Ok(diff.changes.len())
}

/// The geometry of a change: the after one, else the before one.
fn geometry(c: &Change, before: &Dataset, after: &Dataset) -> Option<geojson::Geometry> {
    let poly = |g: MultiPolygon<f64>| {
        Some(geojson::Geometry::new(match g.0.as_slice() {
            [single] => geojson::GeometryValue::from(single),
            _ => geojson::GeometryValue::from(&g),
        }))
    };
    let point = |lon: f64, lat: f64| {
        Some(geojson::Geometry::new(geojson::GeometryValue::from(
            &Point::new(lon, lat),
        )))
    };
    match c.level {
        Level::Zone => match c.after {
            Some(a) => poly(after.zones.get(a)?.geometry()),
            None => poly(before.zones.get(c.before?)?.geometry()),
        },
        Level::Plot => match c.after {
            Some(a) => poly(after.plots.get(a)?.geometry.clone()),
            None => poly(before.plots.get(c.before?)?.geometry.clone()),
        },
        Level::Establishment => {
            let e = match c.after {
                Some(a) => after.establishments.get(a)?,
                None => before.establishments.get(c.before?)?,
            };
            point(e.lon, e.lat)
        }
    }
}

fn write_geojson(
    diff: &Diff,
    before: &Dataset,
    after: &Dataset,
    out: &mut dyn Write,
    file: &str,
) -> Result<usize, ExportError> {
    let io = |source| ExportError::Io {
        file: file.to_string(),
        source,
    };
    out.write_all(br#"{"type":"FeatureCollection","features":["#)
        .map_err(io)?;
    for (i, c) in diff.changes.iter().enumerate() {
        if i > 0 {
            out.write_all(b",\n").map_err(io)?;
        }
        let mut properties = Map::new();
        for (k, v) in COLUMNS.iter().zip(cells(c)) {
            properties.insert((*k).to_string(), Value::String(v));
        }
        let geometry = geometry(c, before, after);
        let feature = serde_json::json!({
            "type": "Feature",
            "properties": properties,
            "geometry": geometry,
        });
        serde_json::to_writer(&mut *out, &feature).map_err(|e| io(e.into()))?;
    }
    out.write_all(b"]}\n").map_err(io)?;
    Ok(diff.changes.len())
}
