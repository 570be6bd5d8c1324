//! A table's rows as the loader's records: the non-geometry columns as named JSON values (so
//! dates, numbers and text keep their types), the geometry as WKB in the table's own SRID,
//! reprojected on this side with the same CRS code as files (or by the server, with
//! `ST_Transform`, for an SRID the projection library does not know). A large table is read only
//! where the map looks: the rows whose geometry's box meets the view (`&&`, which uses the
//! geometry index).

use geo::Rect;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use serde_json::{Map, Value};

use crate::io::crs::Reprojector;
use crate::io::records::{Builder, Record};
use crate::io::{LoadReport, LoadedFile, schema};
use crate::model::report::{CrsNote, Reason, View};

use super::DbError;
use super::catalog::{TableInfo, TableRef, describe_table, quote_ident, quote_literal};
use super::session::Session;
use crate::io::wkb;

/// How much to read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Above this many rows a table is "large": only the rows in `view` are read.
    pub large_table_rows: usize,
    /// At most this many rows are read at once (a large table seen from far away).
    pub max_rows: usize,
    /// The map's view (WGS84 lon/lat), if known.
    pub view: Option<Rect<f64>>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            large_table_rows: 20_000,
            max_rows: 100_000,
            view: None,
        }
    }
}

/// Which part of the table was read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fetched {
    Whole,
    /// The rows meeting this box (WGS84), because the table is large.
    Within(Rect<f64>),
}

/// A table read: what it holds as model objects, its description, and which part was read.
#[derive(Debug)]
pub struct TableData {
    pub info: TableInfo,
    pub loaded: LoadedFile,
    pub fetched: Fetched,
}

/// The name a table has on screen and in messages: `db: user@host/dbname schema.table`.
pub fn source_name(session: &Session, table: &TableRef) -> String {
    format!("db: {} {table}", session.name())
}

/// Columns per `json_build_object` call (PostgreSQL allows 100 arguments).
const COLUMNS_PER_OBJECT: usize = 40;
/// Rows between two progress reports.
const PROGRESS_EVERY: usize = 512;

/// Reads one table. `progress` gets the fraction done now and then and returns `false` to cancel.
pub fn read_table(
    session: &Session,
    table: &TableRef,
    options: &ReadOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<TableData, DbError> {
    let db = session.name();
    let name = source_name(session, table);
    let info = describe_table(session, table)?;
    let Some(geometry) = info.geometry().cloned() else {
        return Err(DbError::NoGeometry {
            db,
            table: table.to_string(),
            columns: String::new(),
        });
    };
    let label = table.to_string();
    let column = format!("t.{}", quote_ident(&geometry.name));
    let geom = if geometry.geography {
        format!("{column}::geometry")
    } else {
        column.clone()
    };

    // The SRID: the column's, else the first row's (an unconstrained column).
    let srid = if geometry.srid != 0 {
        geometry.srid
    } else {
        let sql = format!(
            "SELECT ST_SRID({geom}) FROM {} t WHERE {column} IS NOT NULL LIMIT 1",
            table.sql()
        );
        session
            .with_client(&label, |c| c.query_opt(&sql, &[]))?
            .and_then(|row| row.try_get::<_, i32>(0).ok())
            .unwrap_or(0)
    };
    let mut report = LoadReport::new(&name);
    let mut builder = Builder::new(&name);
    builder.set_layer(info.kind.layer());
    let (wkb_expr, crs_text) = match srid {
        0 => (
            format!("ST_AsBinary({geom})"),
            CrsNote::SridZero {
                column: geometry.name.clone(),
            },
        ),
        4326 => {
            builder.set_crs(Some("EPSG:4326".into()));
            (
                format!("ST_AsBinary({geom})"),
                CrsNote::Wgs84Column {
                    column: geometry.name.clone(),
                },
            )
        }
        code if Reprojector::from_epsg(code.unsigned_abs()).is_ok() => {
            builder.set_crs(Some(format!("EPSG:{code}")));
            (
                format!("ST_AsBinary({geom})"),
                CrsNote::EpsgColumn {
                    code,
                    column: geometry.name.clone(),
                },
            )
        }
        code => {
            builder.set_crs(Some("EPSG:4326".into()));
            (
                format!("ST_AsBinary(ST_Transform({geom}, 4326))"),
                CrsNote::ServerReprojected {
                    code,
                    column: geometry.name.clone(),
                },
            )
        }
    };

    // Whole, or only the rows in view when the table is large.
    let count_sql = |filter: &str, limit: usize| {
        format!(
            "SELECT count(*) FROM (SELECT 1 FROM {} t {filter} LIMIT {limit}) s",
            table.sql()
        )
    };
    let rows_upto = |filter: &str, limit: usize, params: &[&(dyn ToSql + Sync)]| {
        let sql = count_sql(filter, limit);
        session
            .with_client(&label, |c| c.query_one(&sql, params))
            .and_then(|row| {
                row.try_get::<_, i64>(0).map_err(|e| DbError::Query {
                    db: session.name(),
                    table: label.clone(),
                    reason: e.to_string(),
                })
            })
            .map(|n| usize::try_from(n).unwrap_or(0))
    };
    let total = rows_upto("", options.large_table_rows + 1, &[])?;
    let large = total > options.large_table_rows;
    let view = options.view.filter(|_| large).and_then(clamp_view);
    let (filter, fetched) = match (view, srid) {
        (Some(v), s) if s != 0 => {
            let envelope = "ST_MakeEnvelope($1, $2, $3, $4, 4326)";
            let filter = if geometry.geography {
                format!("WHERE {column} && {envelope}::geography")
            } else if s == 4326 {
                format!("WHERE {column} && {envelope}")
            } else {
                format!("WHERE {column} && ST_Transform(ST_Segmentize({envelope}, 0.01), {s})")
            };
            (filter, Fetched::Within(v))
        }
        _ => (String::new(), Fetched::Whole),
    };
    let bounds: Vec<f64> = match fetched {
        Fetched::Within(v) => vec![v.min().x, v.min().y, v.max().x, v.max().y],
        Fetched::Whole => Vec::new(),
    };
    let params: Vec<&(dyn ToSql + Sync)> = bounds.iter().map(|b| b as _).collect();
    let expected = if let Fetched::Within(_) = fetched {
        rows_upto(&filter, options.max_rows + 1, &params)?
    } else if large {
        options.max_rows + 1
    } else {
        total
    };
    match fetched {
        Fetched::Within(v) => report.warn(
            None,
            None,
            Reason::RowsInView {
                limit: options.large_table_rows,
                view: View {
                    west: v.min().x,
                    east: v.max().x,
                    south: v.min().y,
                    north: v.max().y,
                },
            },
        ),
        Fetched::Whole if large => report.warn(
            None,
            None,
            Reason::RowsCapped {
                limit: options.large_table_rows,
                max: options.max_rows,
                srid_zero: srid == 0,
            },
        ),
        Fetched::Whole => {}
    }
    if expected > options.max_rows {
        report.warn(
            None,
            None,
            Reason::TooManyRows {
                max: options.max_rows,
            },
        );
    }

    // The rows.
    let properties: Vec<_> = info
        .columns
        .iter()
        .filter(|c| c.type_name != "geometry" && c.type_name != "geography")
        .collect();
    let mut objects: Vec<String> = properties
        .chunks(COLUMNS_PER_OBJECT)
        .map(|chunk| {
            let pairs: Vec<String> = chunk
                .iter()
                .map(|c| {
                    let value = format!("t.{}", quote_ident(&c.name));
                    // char(n) is blank-padded; as text it is not.
                    let value = if c.type_name == "bpchar" {
                        format!("{value}::text")
                    } else {
                        value
                    };
                    format!("{}, {value}", quote_literal(&c.name))
                })
                .collect();
            format!("json_build_object({})::text", pairs.join(", "))
        })
        .collect();
    if objects.is_empty() {
        objects.push("'{}'::text".into());
    }
    let object_count = objects.len();
    let sql = format!(
        "SELECT {}, {wkb_expr}, ST_SRID({geom}) FROM {} t {filter} LIMIT {}",
        objects.join(", "),
        table.sql(),
        options.max_rows
    );
    let started = std::time::Instant::now();
    let outcome = session.with_client(&label, |client| {
        let mut rows = client.query_raw(&sql, params.iter().copied())?;
        let mut index = 0usize;
        while let Some(row) = rows.next()? {
            if index.is_multiple_of(PROGRESS_EVERY)
                && !progress(0.9 * index as f32 / expected.max(1) as f32)
            {
                return Ok(Err(DbError::Cancelled {
                    db: session.name(),
                    table: label.clone(),
                }));
            }
            report.features_seen += 1;
            let record = record_of(&row, object_count, index, &info, &geometry.name, srid);
            match record {
                Ok(record) => {
                    if let Err(e) = builder.push(record, &mut report) {
                        return Ok(Err(DbError::Load {
                            db: session.name(),
                            table: label.clone(),
                            reason: e.to_string(),
                        }));
                    }
                }
                Err((label, message)) => report.skip(Some(index), label, message),
            }
            index += 1;
        }
        Ok(Ok(()))
    })?;
    outcome?;
    let (layer, built) = builder.finish(&mut report).map_err(|e| DbError::Load {
        db: session.name(),
        table: label.clone(),
        reason: e.to_string(),
    })?;
    report.crs = crs_text;
    log::info!(
        "{name}: {} rows read in {:.3} s",
        report.features_seen,
        started.elapsed().as_secs_f64()
    );
    progress(1.0);
    Ok(TableData {
        info,
        loaded: LoadedFile {
            layer,
            zones: built.zones,
            plots: built.plots,
            establishments: built.establishments,
            report,
        },
        fetched,
    })
}

/// One row as a record, or (label, why it was skipped).
fn record_of(
    row: &postgres::Row,
    object_count: usize,
    index: usize,
    info: &TableInfo,
    geometry_column: &str,
    table_srid: i32,
) -> Result<Record, (Option<String>, Reason)> {
    let mut properties = Map::new();
    for i in 0..object_count {
        let text: Option<&str> = row.try_get(i).map_err(|e| {
            (
                None,
                Reason::UnreadableRow {
                    detail: e.to_string(),
                },
            )
        })?;
        if let Some(text) = text {
            match serde_json::from_str::<Map<String, Value>>(text) {
                Ok(object) => properties.extend(object),
                Err(e) => {
                    return Err((
                        None,
                        Reason::UnreadableColumns {
                            detail: e.to_string(),
                        },
                    ));
                }
            }
        }
    }
    let id = info
        .primary_key
        .as_ref()
        .and_then(|key| properties.get(key))
        .filter(|v| !v.is_null())
        .cloned();
    let label = schema::text(&properties, &["site_id", "terr_id", "siret"])
        .or_else(|| id.as_ref().and_then(schema::value_text))
        .or_else(|| schema::text(&properties, &["site_nom", "etab_nom"]));
    let bytes: Option<&[u8]> = row.try_get(object_count).map_err(|e| {
        (
            label.clone(),
            Reason::UnreadableGeometry {
                detail: e.to_string(),
            },
        )
    })?;
    let Some(bytes) = bytes else {
        return Err((
            label,
            Reason::NullGeometryColumn {
                column: geometry_column.into(),
            },
        ));
    };
    let srid: Option<i32> = row.try_get(object_count + 1).ok().flatten();
    if let Some(srid) = srid.filter(|&s| s != table_srid) {
        return Err((label, Reason::OtherSrid { srid, table_srid }));
    }
    let mut warnings = Vec::new();
    let geometry = wkb::raw_geometry(bytes, &mut warnings).map_err(|e| {
        (
            label.clone(),
            Reason::InColumn {
                column: geometry_column.into(),
                reason: e.boxed(),
            },
        )
    })?;
    Ok(Record {
        index,
        label,
        id,
        properties,
        geometry,
        warnings,
    })
}

/// The view, kept within what projections accept; `None` when it is too wide to be worth a
/// filter (then the table is read whole, capped).
fn clamp_view(view: Rect<f64>) -> Option<Rect<f64>> {
    let (min, max) = (view.min(), view.max());
    let clamped = Rect::new(
        (min.x.max(-180.0), min.y.max(-85.0)),
        (max.x.min(180.0), max.y.min(85.0)),
    );
    let finite = [min.x, min.y, max.x, max.y].iter().all(|v| v.is_finite());
    (finite && clamped.width() < 40.0 && clamped.height() < 40.0).then_some(clamped)
}
