//! GeoPackage reader (SQLite, OGC 12-128r18). The file is opened read-only through SQLite's
//! URI: `immutable=1` when no write-ahead log is beside it, so no lock is taken at all and a
//! QGIS editing the same file is never blocked; `mode=ro` when a `-wal` file is there, so the
//! edits it holds are seen (a shared lock is then held only while rows are read). Nothing is
//! ever written. Geometries are the GeoPackage binary header followed by WKB, read with the
//! same WKB code as the database mode; the coordinate system comes from
//! `gpkg_spatial_ref_sys` (organisation and code, else its WKT).

use std::path::Path;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};
use serde_json::{Map, Value};

use super::feed::{self, Feed};
use super::load::{LoadError, LoadedFile, checked_size};
use super::prj;
use crate::model::Reason;

const FORMAT: &str = "GeoPackage";

/// One feature table offered.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub name: String,
    pub geometry_column: String,
    /// `POLYGON`, `MULTIPOLYGON`, `GEOMETRY`, `POINT`...
    pub geometry_type: String,
    pub srs_id: i64,
}

/// Geometry types of the tables offered: polygons (zones, plots), points (establishments),
/// and the generic types that may hold either.
const OFFERED: [&str; 8] = [
    "POLYGON",
    "MULTIPOLYGON",
    "CURVEPOLYGON",
    "MULTISURFACE",
    "GEOMETRY",
    "GEOMETRYCOLLECTION",
    "POINT",
    "MULTIPOINT",
];

fn unreadable(file: &str, reason: impl std::fmt::Display) -> LoadError {
    LoadError::Unreadable {
        file: file.to_string(),
        format: FORMAT,
        reason: reason.to_string(),
    }
}

/// Opens the file read-only, taking no lock (see the module's note on `-wal` files).
fn open(path: &Path) -> Result<Connection, LoadError> {
    let file = super::display_name(path);
    checked_size(path)?;
    let absolute = std::path::absolute(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    let mut wal = absolute.clone().into_os_string();
    wal.push("-wal");
    let mode = if Path::new(&wal).exists() {
        "mode=ro"
    } else {
        "immutable=1"
    };
    let uri = format!("{}?{mode}", file_uri(&absolute));
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connection = Connection::open_with_flags(&uri, flags).map_err(|e| unreadable(&file, e))?;
    // A file that is not SQLite fails here, on the first read.
    let application: i64 = connection
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(|e| unreadable(&file, e))?;
    let has_contents: bool = connection
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'",
            [],
            |row| row.get::<_, i64>(0).map(|n| n > 0),
        )
        .map_err(|e| unreadable(&file, e))?;
    if !has_contents {
        return Err(unreadable(
            &file,
            format!(
                "an SQLite database without the gpkg_contents table (application id {application:#x})"
            ),
        ));
    }
    Ok(connection)
}

/// `file:` URI of an absolute path, every byte outside the unreserved set percent-encoded.
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte))
            }
            b':' if uri.len() <= 8 => uri.push(':'),
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri
}

/// The feature tables of polygons or points, in the order of `gpkg_contents`.
pub fn tables(path: &Path) -> Result<Vec<Table>, LoadError> {
    let connection = open(path)?;
    tables_of(&connection, &super::display_name(path))
}

fn tables_of(connection: &Connection, file: &str) -> Result<Vec<Table>, LoadError> {
    let sql = "SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id \
               FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name \
               WHERE c.data_type = 'features' ORDER BY c.rowid";
    let mut statement = connection.prepare(sql).map_err(|e| unreadable(file, e))?;
    let rows = statement
        .query_map([], |row| {
            Ok(Table {
                name: row.get(0)?,
                geometry_column: row.get(1)?,
                geometry_type: row.get::<_, String>(2)?.to_ascii_uppercase(),
                srs_id: row.get(3)?,
            })
        })
        .map_err(|e| unreadable(file, e))?;
    let mut tables = Vec::new();
    for table in rows {
        let table = table.map_err(|e| unreadable(file, e))?;
        if OFFERED.contains(&table.geometry_type.as_str()) {
            tables.push(table);
        }
    }
    Ok(tables)
}

/// Reads one table (`layer`), or the only one when the file has a single table.
pub fn load(
    path: &Path,
    layer: Option<&str>,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let file = super::display_name(path);
    let connection = open(path)?;
    let tables = tables_of(&connection, &file)?;
    let names = || {
        tables
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let table = match layer {
        Some(layer) => {
            tables
                .iter()
                .find(|t| t.name == layer)
                .ok_or_else(|| LoadError::NoLayer {
                    file: file.clone(),
                    layer: layer.to_string(),
                    available: names(),
                })?
        }
        None => match tables.as_slice() {
            [only] => only,
            [] => return Err(unreadable(&file, "no feature table of polygons or points")),
            [first, ..] => {
                return Err(LoadError::SeveralLayers {
                    file: file.clone(),
                    layers: tables.len(),
                    available: names(),
                    first: first.name.clone(),
                });
            }
        },
    };
    read_table(&connection, table, name, progress)
}

fn read_table(
    connection: &Connection,
    table: &Table,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let fail = |e: rusqlite::Error| unreadable(name, format!("table {}: {e}", table.name));
    let mut feed = Feed::new(name);
    set_crs(connection, table.srs_id, &mut feed);
    let quoted = quote(&table.name);
    let total: i64 = connection
        .query_row(&format!("SELECT count(*) FROM {quoted}"), [], |r| r.get(0))
        .map_err(fail)?;
    let total = usize::try_from(total).unwrap_or(0);
    let mut statement = connection
        .prepare(&format!("SELECT * FROM {quoted}"))
        .map_err(fail)?;
    let columns: Vec<String> = statement.column_names().map(str::to_string).collect();
    let key = primary_key(connection, &table.name);
    // GeoPackage BOOLEAN columns hold 0 and 1: read as false and true.
    let booleans = boolean_columns(connection, &table.name);
    let boolean: Vec<bool> = columns.iter().map(|c| booleans.contains(c)).collect();
    let geometry_at = columns
        .iter()
        .position(|c| c.eq_ignore_ascii_case(&table.geometry_column));
    let mut rows = statement.query([]).map_err(fail)?;
    let mut index = 0usize;
    while let Some(row) = rows.next().map_err(fail)? {
        if !feed::keep_going(index, total, progress) {
            return Err(LoadError::Cancelled { file: name.into() });
        }
        let mut properties = Map::new();
        let mut id = None;
        let mut warnings = Vec::new();
        let mut geometry = Err(Reason::NoGeometry);
        for (i, column) in columns.iter().enumerate() {
            let value = row.get_ref(i).map_err(fail)?;
            if Some(i) == geometry_at {
                if let ValueRef::Blob(bytes) = value {
                    geometry = geometry_of(bytes, &mut warnings);
                }
                continue;
            }
            let value = match value {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) if boolean[i] => Value::Bool(n != 0),
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => feed::number(x),
                ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) => {
                    warnings.push(Reason::BinaryLeftOut {
                        column: column.clone(),
                        bytes: b.len(),
                    });
                    continue;
                }
            };
            if key.as_deref() == Some(column.as_str()) {
                id = Some(value);
            } else {
                properties.insert(column.clone(), value);
            }
        }
        feed.push(index, id, properties, geometry, warnings)?;
        index += 1;
    }
    feed.finish(progress)
}

/// The coordinate system of `srs_id`, told to the feed.
fn set_crs(connection: &Connection, srs_id: i64, feed: &mut Feed) {
    let from = format!("gpkg_spatial_ref_sys, srs_id {srs_id}");
    let row = connection.query_row(
        "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys \
         WHERE srs_id = ?1",
        [srs_id],
        |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, Option<String>>(2)?,
            ))
        },
    );
    let (organisation, code, definition) = match row {
        Ok(row) => row,
        Err(_) => {
            feed.unrecognised_crs(&from, "no such row");
            return;
        }
    };
    let organisation = organisation.unwrap_or_default();
    let epsg = match (organisation.to_ascii_uppercase().as_str(), code) {
        ("EPSG", Some(code)) if code > 0 => u32::try_from(code).ok(),
        _ => definition.as_deref().and_then(prj::epsg_of_wkt),
    };
    match epsg {
        Some(code) => feed.set_epsg(code, &from),
        // -1 and 0 are the GeoPackage's "undefined" systems (cartesian, geographic).
        None if srs_id == -1 || srs_id == 0 => {}
        None => feed.unrecognised_crs(&from, &format!("{organisation} {}", code.unwrap_or(0))),
    }
}

/// The columns declared BOOLEAN (the GeoPackage type for true/false, stored as 0 and 1).
fn boolean_columns(connection: &Connection, table: &str) -> Vec<String> {
    let Ok(mut statement) = connection.prepare(&format!("PRAGMA table_info({})", quote(table)))
    else {
        return Vec::new();
    };
    let Ok(mut rows) = statement.query([]) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while let Ok(Some(row)) = rows.next() {
        let kind: String = row.get(2).unwrap_or_default();
        if kind.trim().eq_ignore_ascii_case("BOOLEAN")
            && let Ok(name) = row.get::<_, String>(1)
        {
            out.push(name);
        }
    }
    out
}

/// The INTEGER PRIMARY KEY column (`fid` as GDAL writes it), if any.
fn primary_key(connection: &Connection, table: &str) -> Option<String> {
    let mut statement = connection
        .prepare(&format!("PRAGMA table_info({})", quote(table)))
        .ok()?;
    let mut rows = statement.query([]).ok()?;
    while let Ok(Some(row)) = rows.next() {
        let pk: i64 = row.get(5).unwrap_or(0);
        let kind: String = row.get(2).unwrap_or_default();
        if pk == 1 && kind.eq_ignore_ascii_case("INTEGER") {
            return row.get(1).ok();
        }
    }
    None
}

pub(super) fn quote(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// A GeoPackage geometry blob: header (`GP`, version, flags, srs id, envelope), then WKB.
fn geometry_of(
    bytes: &[u8],
    warnings: &mut Vec<Reason>,
) -> Result<super::geometry::RawGeom, Reason> {
    let wkb = wkb_of(bytes)?;
    super::wkb::raw_geometry(wkb, warnings)
}

/// The WKB inside a GeoPackage geometry blob.
pub fn wkb_of(bytes: &[u8]) -> Result<&[u8], Reason> {
    let [b'G', b'P', _version, flags, ..] = bytes else {
        return Err(Reason::NotGpkgGeometry);
    };
    if flags & 0b1_0000 != 0 {
        return Err(Reason::EmptyGeometry {
            kind: "geometry".into(),
        });
    }
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        other => {
            return Err(Reason::BadEnvelope { code: other });
        }
    };
    bytes
        .get(8 + envelope..)
        .filter(|wkb| !wkb.is_empty())
        .ok_or(Reason::GpkgCutShort)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_uri() {
        assert_eq!(wkb_of(b"GP\0\x01\0\0\0\0\x01\x03"), Ok(&b"\x01\x03"[..]));
        assert!(
            wkb_of(b"GP\0\x11\0\0\0\0").is_err_and(|e| matches!(e, Reason::EmptyGeometry { .. }))
        );
        assert_eq!(wkb_of(b"GP\0\x03\0\0\0\0\x01"), Err(Reason::GpkgCutShort));
        assert!(wkb_of(b"XY").is_err());
        assert_eq!(
            file_uri(Path::new("/tmp/parcs d'activité.gpkg")),
            "file:/tmp/parcs%20d%27activit%C3%A9.gpkg"
        );
        assert_eq!(
            file_uri(Path::new("C:\\data\\a.gpkg")),
            "file:/C:/data/a.gpkg"
        );
    }
}
