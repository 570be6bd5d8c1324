//! CNIG "Sites économiques" tables as CSV: semicolon-separated UTF-8 with a header row, the
//! geometry as GeoJSON text in `site_geomsurf`, `terr_geomsurf` or `etab_geompoint` (usually
//! Lambert-93), or a point as "lon, lat" text (WGS84). The layer is recognised from the columns.

use serde_json::{Map, Value};

use super::geometry::{self, RawGeom};
use super::load::LoadError;
use super::records::{Builder, Record};
use super::report::{LoadReport, Reason};
use super::schema;

/// Geometry columns, in the order they are looked for.
const GEOMETRY_COLUMNS: [&str; 5] = [
    "site_geomsurf",
    "terr_geomsurf",
    "etab_geompoint",
    "geometry",
    "geom",
];

/// The rows of a CNIG CSV file as records.
pub fn read_csv(
    file: &str,
    text: &str,
    report: &mut LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
    sink: &mut Builder,
) -> Result<(), LoadError> {
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| LoadError::Csv {
            file: file.into(),
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let geometry_column = GEOMETRY_COLUMNS
        .iter()
        .find_map(|wanted| headers.iter().position(|h| h.eq_ignore_ascii_case(wanted)))
        .ok_or_else(|| LoadError::NotCnig {
            file: file.into(),
            reason: format!(
                "no geometry column (expected one of {}); columns are: {}",
                GEOMETRY_COLUMNS.join(", "),
                headers
                    .iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })?;
    let geometry_name = headers[geometry_column].clone();
    let total_bytes = text.len().max(1);
    for (index, row) in reader.records().enumerate() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                report.skip(
                    Some(index),
                    None,
                    Reason::UnreadableRow {
                        detail: e.to_string(),
                    },
                );
                continue;
            }
        };
        report.features_seen += 1;
        let line = row.position().map_or(0, |p| p.line());
        if index % 1024 == 0 {
            let done = row.position().map_or(0, |p| p.byte()) as f32 / total_bytes as f32;
            if !progress(done) {
                return Err(LoadError::Cancelled { file: file.into() });
            }
        }
        let mut warnings = Vec::new();
        if row.len() != headers.len() {
            warnings.push(Reason::FieldCount {
                line,
                fields: row.len(),
                columns: headers.len(),
            });
        }
        let mut properties = Map::new();
        for (i, value) in row.iter().enumerate() {
            if i == geometry_column {
                continue;
            }
            let key = headers
                .get(i)
                .cloned()
                .unwrap_or_else(|| format!("column_{}", i + 1));
            let value = value.trim();
            let value = if value.is_empty() {
                Value::Null
            } else {
                Value::String(value.to_string())
            };
            properties.insert(key, value);
        }
        let label = schema::text(&properties, &["site_id", "terr_id", "siret"])
            .or_else(|| schema::text(&properties, &["site_nom", "etab_nom"]));
        let geometry_text = row.get(geometry_column).unwrap_or_default().trim();
        let geometry = if geometry_text.starts_with('{') {
            geometry::parse_geometry(geometry_text, 0, &mut warnings)
        } else if let Some((lon, lat)) = geometry::parse_lon_lat_text(geometry_text) {
            Ok(RawGeom::PointWgs84(lon, lat))
        } else if geometry_text.is_empty() {
            Err(Reason::GeometryCellEmpty {
                line,
                column: geometry_name.clone(),
            })
        } else {
            Err(Reason::GeometryCellUnreadable {
                line,
                column: geometry_name.clone(),
            })
        };
        match geometry {
            Ok(geometry) => sink.push(
                Record {
                    index,
                    label,
                    id: None,
                    properties,
                    geometry,
                    warnings,
                },
                report,
            )?,
            Err(message) => {
                for w in warnings {
                    report.warn(Some(index), label.clone(), w);
                }
                report.skip(Some(index), label, message);
            }
        }
    }
    Ok(())
}
