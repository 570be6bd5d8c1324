//! Export of zones to a GeoPackage (OGC 12-128r18) that QGIS and GDAL open: one feature table
//! of MULTIPOLYGONs in WGS84 (EPSG:4326) or Lambert-93 (EPSG:2154), every property of the
//! zones kept as a column (typed from the values: INTEGER, REAL, BOOLEAN, else TEXT; objects
//! and arrays as JSON text), with the `gpkg_rtree_index` extension (a filled R-tree and its
//! triggers) so that QGIS and GDAL read it through a spatial index. Written to a temporary
//! file beside the target, then renamed.

use std::path::Path;

use geo::{BoundingRect, MapCoords, MultiPolygon};
use rusqlite::Connection;
use rusqlite::types::Value as Sql;
use serde_json::{Map, Value};

use super::crs::Reprojector;
use super::export::ExportError;
use super::gpkg::quote;
use crate::model::Zone;

/// Coordinate systems the export writes.
pub const EXPORT_CRS: [u32; 2] = [4326, 2154];

const WGS84_WKT: &str = r#"GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]"#;
const L93_WKT: &str = r#"PROJCS["RGF93 v1 / Lambert-93",GEOGCS["RGF93 v1",DATUM["Reseau_Geodesique_Francais_1993_v1",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6171"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4171"]],PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["latitude_of_origin",46.5],PARAMETER["central_meridian",3],PARAMETER["standard_parallel_1",49],PARAMETER["standard_parallel_2",44],PARAMETER["false_easting",700000],PARAMETER["false_northing",6600000],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","2154"]]"#;

const SCHEMA: &str = "
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
  definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
";

/// The triggers of the `gpkg_rtree_index` extension (GeoPackage 1.2, annex F.3) that keep the
/// index in step when QGIS or GDAL edit the table later (they provide the `ST_` functions);
/// `{t}` is the table, `{r}` its R-tree, both quoted. The export fills the index itself.
const RTREE_TRIGGERS: &str = "
CREATE TRIGGER {trigger_insert} AFTER INSERT ON {t}
  WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO {r} VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER {trigger_update1} AFTER UPDATE OF geom ON {t}
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO {r} VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER {trigger_update2} AFTER UPDATE OF geom ON {t}
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM {r} WHERE id = OLD.fid;
END;
CREATE TRIGGER {trigger_update3} AFTER UPDATE ON {t}
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM {r} WHERE id = OLD.fid;
  INSERT OR REPLACE INTO {r} VALUES (NEW.fid,
    ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER {trigger_update4} AFTER UPDATE ON {t}
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM {r} WHERE id IN (OLD.fid, NEW.fid);
END;
CREATE TRIGGER {trigger_delete} AFTER DELETE ON {t}
  WHEN old.geom NOT NULL
BEGIN
  DELETE FROM {r} WHERE id = OLD.fid;
END;
";

/// The `gpkg_rtree_index` extension of `layer`'s geometry column: its R-tree (a SQLite `rtree`
/// virtual table `rtree_<layer>_geom`), the triggers that keep it in step, and its row in
/// `gpkg_extensions`, so QGIS and GDAL read the table through the index.
fn create_rtree(tx: &rusqlite::Transaction<'_>, layer: &str) -> rusqlite::Result<String> {
    let rtree = format!("rtree_{layer}_geom");
    tx.execute_batch(&format!(
        "CREATE VIRTUAL TABLE {} USING rtree(id, minx, maxx, miny, maxy)",
        quote(&rtree)
    ))?;
    tx.execute(
        "INSERT INTO gpkg_extensions VALUES (?1, 'geom', 'gpkg_rtree_index',
         'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        [layer],
    )?;
    Ok(rtree)
}

fn create_rtree_triggers(
    tx: &rusqlite::Transaction<'_>,
    layer: &str,
    rtree: &str,
) -> rusqlite::Result<()> {
    let mut sql = RTREE_TRIGGERS
        .replace("{t}", &quote(layer))
        .replace("{r}", &quote(rtree));
    for which in [
        "insert", "update1", "update2", "update3", "update4", "delete",
    ] {
        sql = sql.replace(
            &format!("{{trigger_{which}}}"),
            &quote(&format!("{rtree}_{which}")),
        );
    }
    tx.execute_batch(&sql)
}

/// Writes `zones` as table `layer` of a new GeoPackage at `path`, in EPSG `epsg` (4326 or
/// 2154). Returns how many zones were written.
pub fn write<'a>(
    zones: impl Iterator<Item = &'a Zone>,
    path: &Path,
    layer: &str,
    epsg: u32,
) -> Result<usize, ExportError> {
    let file = crate::io::display_name(path);
    let fail = |reason: String| ExportError::GeoPackage {
        file: file.clone(),
        reason,
    };
    if !EXPORT_CRS.contains(&epsg) {
        return Err(fail(format!("EPSG:{epsg} is not offered (4326 or 2154)")));
    }
    let reprojector = match epsg {
        4326 => None,
        code => Some(Reprojector::from_epsg(code).map_err(|e| fail(e.to_string()))?),
    };
    let zones: Vec<&Zone> = zones.collect();
    let maps: Vec<&Map<String, Value>> = zones.iter().map(|z| z.properties.map()).collect();
    let columns = Column::plan(&maps);
    let io = |source| ExportError::Io {
        file: file.clone(),
        source,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".zae-atlas-export")
        .suffix(".gpkg")
        .tempfile_in(dir)
        .map_err(io)?;
    let sql = |e: rusqlite::Error| fail(e.to_string());
    {
        let mut db = Connection::open(tmp.path()).map_err(sql)?;
        db.execute_batch(SCHEMA).map_err(sql)?;
        db.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES
             ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
             ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
             ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?1, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),
             ('RGF93 v1 / Lambert-93', 2154, 'EPSG', 2154, ?2, 'Lambert-93, France')",
            [WGS84_WKT, L93_WKT],
        )
        .map_err(sql)?;
        let mut ddl = format!(
            "CREATE TABLE {} (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON",
            quote(layer)
        );
        for c in &columns {
            ddl.push_str(&format!(", {} {}", quote(&c.name), c.kind));
        }
        ddl.push(')');
        let tx = db.transaction().map_err(sql)?;
        tx.execute(&ddl, []).map_err(sql)?;
        let rtree = create_rtree(&tx, layer).map_err(sql)?;
        let placeholders: Vec<String> = (0..columns.len() + 1)
            .map(|i| format!("?{}", i + 1))
            .collect();
        let names: Vec<String> = columns.iter().map(|c| quote(&c.name)).collect();
        let insert = format!(
            "INSERT INTO {} (geom{}{}) VALUES ({})",
            quote(layer),
            if names.is_empty() { "" } else { ", " },
            names.join(", "),
            placeholders.join(", ")
        );
        let mut bounds: Option<geo::Rect<f64>> = None;
        {
            let mut statement = tx.prepare(&insert).map_err(sql)?;
            let mut index = tx
                .prepare(&format!(
                    "INSERT INTO {} VALUES (?1, ?2, ?3, ?4, ?5)",
                    quote(&rtree)
                ))
                .map_err(sql)?;
            for (zone, map) in zones.iter().zip(&maps) {
                let geometry = match &reprojector {
                    None => zone.geometry(),
                    Some(r) => reproject(&zone.geometry(), r)
                        .map_err(|e| fail(format!("zone {}: {e}", zone.id)))?,
                };
                let rect = geometry.bounding_rect();
                if let Some(rect) = rect {
                    bounds = Some(bounds.map_or(rect, |b| union(b, rect)));
                }
                let mut values = vec![Sql::Blob(blob(&geometry, rect, epsg).map_err(fail)?)];
                values.extend(columns.iter().map(|c| c.value(map.get(&c.key))));
                statement
                    .execute(rusqlite::params_from_iter(values))
                    .map_err(sql)?;
                if let Some(r) = rect {
                    let fid = tx.last_insert_rowid();
                    index
                        .execute(rusqlite::params![
                            fid,
                            r.min().x,
                            r.max().x,
                            r.min().y,
                            r.max().y
                        ])
                        .map_err(sql)?;
                }
            }
        }
        create_rtree_triggers(&tx, layer, &rtree).map_err(sql)?;
        let b = bounds.unwrap_or_else(|| geo::Rect::new((0.0, 0.0), (0.0, 0.0)));
        tx.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id)
             VALUES (?1, 'features', ?1, 'Zones exported by ZAE Atlas', ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![layer, b.min().x, b.min().y, b.max().x, b.max().y, epsg],
        )
        .map_err(sql)?;
        tx.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?1, 'geom', 'MULTIPOLYGON', ?2, 0, 0)",
            rusqlite::params![layer, epsg],
        )
        .map_err(sql)?;
        tx.commit().map_err(sql)?;
        db.close().map_err(|(_, e)| sql(e))?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(zones.len())
}

fn union(a: geo::Rect<f64>, b: geo::Rect<f64>) -> geo::Rect<f64> {
    geo::Rect::new(
        (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
        (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
    )
}

fn reproject(g: &MultiPolygon<f64>, r: &Reprojector) -> Result<MultiPolygon<f64>, String> {
    g.try_map_coords(|c| r.from_wgs84(c.x, c.y).map(|(x, y)| geo::Coord { x, y }))
}

/// GeoPackage binary: `GP`, version 0, flags (little-endian, xy envelope), srs id, envelope
/// (min x, max x, min y, max y), then little-endian WKB.
fn blob(g: &MultiPolygon<f64>, rect: Option<geo::Rect<f64>>, epsg: u32) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(b"GP\0");
    match rect {
        Some(r) => {
            out.push(0b0000_0011);
            out.extend_from_slice(&(epsg as i32).to_le_bytes());
            for v in [r.min().x, r.max().x, r.min().y, r.max().y] {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        None => {
            out.push(0b0001_0001);
            out.extend_from_slice(&(epsg as i32).to_le_bytes());
        }
    }
    let geometry = geo::Geometry::MultiPolygon(g.clone());
    wkb::writer::write_geometry(&mut out, &geometry, &Default::default())
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// One property column: the property's name, the column's (unique in any case), its type.
struct Column {
    key: String,
    name: String,
    kind: &'static str,
}

impl Column {
    /// The columns for these properties, in the order they first appear.
    fn plan(maps: &[&Map<String, Value>]) -> Vec<Column> {
        let mut columns: Vec<Column> = Vec::new();
        for map in maps {
            for (key, value) in map.iter() {
                let kind = kind_of(value);
                if let Some(c) = columns.iter_mut().find(|c| &c.key == key) {
                    c.kind = merge(c.kind, kind);
                    continue;
                }
                let taken = |n: &str| {
                    ["fid", "geom"].iter().any(|r| r.eq_ignore_ascii_case(n))
                        || columns.iter().any(|c| c.name.eq_ignore_ascii_case(n))
                };
                let mut name = key.clone();
                let mut n = 2;
                while taken(&name) {
                    name = format!("{key}_{n}");
                    n += 1;
                }
                columns.push(Column {
                    key: key.clone(),
                    name,
                    kind,
                });
            }
        }
        for c in &mut columns {
            if c.kind == "NULL" {
                c.kind = "TEXT";
            }
        }
        columns
    }

    fn value(&self, value: Option<&Value>) -> Sql {
        match (value, self.kind) {
            (None | Some(Value::Null), _) => Sql::Null,
            (Some(Value::Bool(b)), "BOOLEAN") => Sql::Integer(i64::from(*b)),
            (Some(Value::Number(n)), "INTEGER") => n.as_i64().map_or(Sql::Null, Sql::Integer),
            (Some(Value::Number(n)), "REAL") => n.as_f64().map_or(Sql::Null, Sql::Real),
            (Some(Value::String(s)), _) => Sql::Text(s.clone()),
            (Some(other), _) => Sql::Text(other.to_string()),
        }
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "NULL",
        Value::Bool(_) => "BOOLEAN",
        Value::Number(n) if n.is_i64() => "INTEGER",
        Value::Number(_) => "REAL",
        _ => "TEXT",
    }
}

fn merge(a: &'static str, b: &'static str) -> &'static str {
    match (a, b) {
        (a, b) if a == b => a,
        ("NULL", b) => b,
        (a, "NULL") => a,
        ("INTEGER", "REAL") | ("REAL", "INTEGER") => "REAL",
        _ => "TEXT",
    }
}
