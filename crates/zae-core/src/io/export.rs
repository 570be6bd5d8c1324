//! Exports of zones: CSV (UTF-8 with a header, numbers as numbers, text never read as a
//! spreadsheet formula: [`super::untrusted::csv_text_cell`]), GeoJSON (every original
//! property kept, so a round trip loses nothing) and GeoPackage (see [`super::gpkg_write`]). Files are written to a temporary file beside
//! the target and renamed into place, so a failure never leaves a half-written file.

use std::io::Write;
use std::path::Path;

use geo::Centroid;
use serde_json::value::RawValue;

use crate::model::Zone;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{file}: cannot write: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: cannot write CSV: {source}")]
    Csv { file: String, source: csv::Error },
    #[error("{file}: cannot write the GeoPackage: {reason}")]
    GeoPackage { file: String, reason: String },
    #[error("{file}: unknown export format (use .csv, .geojson, .json or .gpkg)")]
    Format { file: String },
}

/// Columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 12] = [
    "site_id",
    "name",
    "commune",
    "vocation",
    "state",
    "surface_declared_ha",
    "surface_computed_ha",
    "jobs",
    "jobs_year",
    "establishments",
    "centroid_lon",
    "centroid_lat",
];

/// Writes the zones to `path`, as CSV, GeoJSON or GeoPackage after its extension (a
/// GeoPackage in WGS84, its table named after the file).
pub fn export<'a>(
    zones: impl Iterator<Item = &'a Zone>,
    path: &Path,
) -> Result<usize, ExportError> {
    export_with(zones, path, &GpkgOptions::default())
}

/// What a GeoPackage export is written with.
#[derive(Clone, Debug, Default)]
pub struct GpkgOptions {
    /// The table's name; by default the file's name without `.gpkg`.
    pub layer: Option<String>,
    /// EPSG code of the coordinates written: 4326 (default) or 2154.
    pub epsg: Option<u32>,
}

/// [`export`], with the GeoPackage's table name and coordinate system.
pub fn export_with<'a>(
    zones: impl Iterator<Item = &'a Zone>,
    path: &Path,
    options: &GpkgOptions,
) -> Result<usize, ExportError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => write_atomically(path, |out| write_csv(zones, out, path)),
        "geojson" | "json" => write_atomically(path, |out| write_geojson(zones, out, path)),
        "gpkg" => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "zones".into());
            let layer = options.layer.clone().unwrap_or(stem);
            super::gpkg_write::write(zones, path, &layer, options.epsg.unwrap_or(4326))
        }
        _ => Err(ExportError::Format { file: name(path) }),
    }
}

fn name(path: &Path) -> String {
    crate::io::display_name(path)
}

/// Runs `write` on a temporary file in the target's folder, then renames it over the target.
pub(crate) fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<usize, ExportError>,
) -> Result<usize, ExportError> {
    let io = |source| ExportError::Io {
        file: name(path),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    let count = {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        let count = write(&mut buffered)?;
        buffered.flush().map_err(io)?;
        count
    };
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(count)
}

/// Writes `bytes` (a PDF sheet, a catalogue) to `path` atomically: a temporary file in the same
/// folder, renamed into place, so a failure never leaves half a file.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        file: name(path),
        source,
    };
    write_atomically(path, |out| {
        out.write_all(bytes).map_err(io)?;
        Ok(1)
    })
    .map(|_| ())
}

/// Writes an RGBA image (`width` × `height`, 4 bytes a pixel) as PNG, atomically.
pub fn write_png(path: &Path, width: u32, height: u32, rgba: Vec<u8>) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        file: name(path),
        source,
    };
    let image = image::RgbaImage::from_raw(width, height, rgba).ok_or_else(|| {
        io(std::io::Error::other(
            "image size does not match its pixels",
        ))
    })?;
    write_atomically(path, |out| {
        let mut bytes = Vec::new();
        image
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .map_err(|e| io(std::io::Error::other(e)))?;
        out.write_all(&bytes).map_err(io)?;
        Ok(1)
    })
    .map(|_| ())
}

fn write_csv<'a>(
    zones: impl Iterator<Item = &'a Zone>,
    out: &mut dyn Write,
    path: &Path,
) -> Result<usize, ExportError> {
    let csv_err = |source| ExportError::Csv {
        file: name(path),
        source,
    };
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS).map_err(csv_err)?;
    let mut count = 0;
    for zone in zones {
        let num = |v: Option<f64>| v.map(|v| format!("{v}")).unwrap_or_default();
        // Text from the file never reaches a spreadsheet as a formula; numbers stay numbers.
        let text = |v: Option<String>| super::untrusted::csv_text_cell(v.unwrap_or_default());
        let centroid = zone.geometry().centroid();
        let record = [
            text(Some(
                zone.site_id.clone().unwrap_or_else(|| zone.id.clone()),
            )),
            text(zone.name.clone()),
            text(zone.commune.clone()),
            text(zone.vocation_label()),
            text(zone.state()),
            num(zone.surface_declared_ha),
            format!("{:.4}", zone.geodesic_area_ha()),
            num(zone.jobs),
            text(zone.jobs_year()),
            num(zone.establishments),
            centroid
                .map(|c| format!("{:.7}", c.x()))
                .unwrap_or_default(),
            centroid
                .map(|c| format!("{:.7}", c.y()))
                .unwrap_or_default(),
        ];
        writer.write_record(&record).map_err(csv_err)?;
        count += 1;
    }
    writer.flush().map_err(|source| ExportError::Io {
        file: name(path),
        source,
    })?;
    Ok(count)
}

fn write_geojson<'a>(
    zones: impl Iterator<Item = &'a Zone>,
    out: &mut dyn Write,
    path: &Path,
) -> Result<usize, ExportError> {
    let io = |source| ExportError::Io {
        file: name(path),
        source,
    };
    out.write_all(br#"{"type":"FeatureCollection","features":["#)
        .map_err(io)?;
    let mut count = 0;
    for zone in zones {
        if count > 0 {
            out.write_all(b",\n").map_err(io)?;
        }
        let outline = zone.geometry();
        let value = match outline.0.as_slice() {
            [single] => geojson::GeometryValue::from(single),
            _ => geojson::GeometryValue::from(&outline),
        };
        let geometry = geojson::Geometry::new(value);
        let geometry = serde_json::to_string(&geometry).map_err(|e| io(e.into()))?;
        // The properties exactly as read (JSON text), never re-interpreted.
        let properties: &str = zone.properties.json();
        let properties = RawValue::from_string(properties.to_string()).map_err(|e| io(e.into()))?;
        write!(
            out,
            r#"{{"type":"Feature","properties":{},"geometry":{}}}"#,
            properties.get(),
            geometry
        )
        .map_err(io)?;
        count += 1;
    }
    out.write_all(b"]}\n").map_err(io)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_round_trip() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("view.png");
        let rgba: Vec<u8> = (0..4 * 3)
            .flat_map(|i| [i as u8 * 20, 0, 255 - i as u8 * 20, 255])
            .collect();
        write_png(&path, 4, 3, rgba.clone()).expect("written");
        let back = image::open(&path).expect("reads").to_rgba8();
        assert_eq!((back.width(), back.height()), (4, 3));
        assert_eq!(back.into_raw(), rgba);
        assert!(
            write_png(&path, 5, 3, vec![0; 12]).is_err(),
            "size mismatch refused"
        );
    }
}
