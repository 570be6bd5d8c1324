//! Shapefile reader: the `.shp` (with its `.shx` index when there is one) read with the
//! `shapefile` crate, the `.dbf` with `dbase`, alone or from a `.zip` holding one or more.
//! The `.dbf` text encoding comes from the `.cpg`, else the DBF language byte, else CP1252 (the
//! report says so); the coordinate system from the `.prj` (ESRI WKT, see [`super::prj`]).
//! Shapefile rings go clockwise around shells and counter-clockwise around holes: they are
//! turned the GeoJSON way here, so that orientation is normal and not reported.

use std::fs::File;
use std::io::{BufReader, Cursor, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use dbase::FieldValue;
use serde_json::{Map, Value};
use shapefile::{PolygonRing, Shape};

use super::feed::{self, Feed};
use super::geometry::{Pos, RawGeom, RawPolygon, RawRing};
use super::load::{LoadError, LoadedFile, MAX_FILE_BYTES, checked_size};
use crate::model::Reason;

const FORMAT: &str = "Shapefile";

fn unreadable(file: &str, reason: impl std::fmt::Display) -> LoadError {
    LoadError::Unreadable {
        file: file.to_string(),
        format: FORMAT,
        reason: reason.to_string(),
    }
}

/// A shapefile's files, opened: the `.shp` and `.dbf`, the `.shx` when present, and the text of
/// the `.prj` and `.cpg` when present. `stem` names them in messages (`zones` for `zones.shp`).
struct Parts<S> {
    stem: String,
    shp: S,
    shx: Option<S>,
    dbf: S,
    prj: Option<String>,
    cpg: Option<String>,
}

/// Reads a shapefile from disk; `path` is its `.shp` (or another of its files).
pub fn load(
    path: &Path,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sibling = |ext: &str| sibling(path, ext);
    let shp_path = sibling("shp").ok_or_else(|| LoadError::MissingPart {
        file: name.into(),
        missing: format!("{stem}.shp"),
    })?;
    checked_size(&shp_path)?;
    let open = |p: &Path| {
        File::open(p)
            .map(BufReader::new)
            .map_err(|source| LoadError::Io {
                file: super::display_name(p),
                source,
            })
    };
    let dbf_path = sibling("dbf").ok_or_else(|| LoadError::MissingPart {
        file: name.into(),
        missing: format!("{stem}.dbf"),
    })?;
    let text = |ext: &str| {
        sibling(ext).and_then(|p| {
            std::fs::read(p)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned())
        })
    };
    let parts = Parts {
        stem: stem.clone(),
        shp: open(&shp_path)?,
        shx: sibling("shx").map(|p| open(&p)).transpose()?,
        dbf: open(&dbf_path)?,
        prj: text("prj"),
        cpg: text("cpg"),
    };
    read_parts(parts, name, progress)
}

/// The file beside `path` with the same stem and extension `ext`, in any case.
fn sibling(path: &Path, ext: &str) -> Option<PathBuf> {
    let stem = path.file_stem()?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_stem() == Some(stem)
                && p.extension()
                    .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
        })
}

fn open_zip(path: &Path, name: &str) -> Result<zip::ZipArchive<BufReader<File>>, LoadError> {
    checked_size(path)?;
    let file = File::open(path).map_err(|source| LoadError::Io {
        file: name.into(),
        source,
    })?;
    zip::ZipArchive::new(BufReader::new(file))
        .map_err(|e| unreadable(name, format!("not a readable zip archive ({e})")))
}

/// The shapefiles in a zip, by their member path without `.shp`.
pub fn zip_layers(path: &Path) -> Result<Vec<String>, LoadError> {
    let archive = open_zip(path, &super::display_name(path))?;
    Ok(shp_members(&archive))
}

fn shp_members<R: Read + Seek>(archive: &zip::ZipArchive<R>) -> Vec<String> {
    archive
        .file_names()
        .flatten()
        .filter(|n| n.to_ascii_lowercase().ends_with(".shp") && !n.starts_with("__MACOSX"))
        .map(|n| n[..n.len() - 4].to_string())
        .collect()
}

/// Reads a shapefile from a zip: `layer` names it, or the zip holds only one.
pub fn load_zip(
    path: &Path,
    layer: Option<&str>,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let file = super::display_name(path);
    let mut archive = open_zip(path, &file)?;
    let layers = shp_members(&archive);
    let stem = match (layer, layers.as_slice()) {
        (Some(l), _) => layers
            .iter()
            .find(|m| *m == l)
            .ok_or_else(|| LoadError::NoLayer {
                file: file.clone(),
                layer: l.into(),
                available: layers.join(", "),
            })?,
        (None, [only]) => only,
        (None, []) => return Err(unreadable(&file, "the zip holds no .shp file")),
        (None, [first, ..]) => {
            return Err(LoadError::SeveralLayers {
                file: file.clone(),
                layers: layers.len(),
                available: layers.join(", "),
                first: first.clone(),
            });
        }
    }
    .clone();
    let names: Vec<String> = archive
        .file_names()
        .flatten()
        .map(|n| n.into_owned())
        .collect();
    let mut member = |ext: &str| -> Result<Option<Vec<u8>>, LoadError> {
        let wanted = format!("{stem}.{ext}");
        let Some(found) = names.iter().find(|n| n.eq_ignore_ascii_case(&wanted)) else {
            return Ok(None);
        };
        let mut entry = archive
            .by_name(found)
            .map_err(|e| unreadable(&file, format!("{found}: {e}")))?;
        if entry.size() > MAX_FILE_BYTES {
            return Err(LoadError::TooLarge {
                file: format!("{file}:{found}"),
                size_bytes: entry.size(),
                limit_bytes: MAX_FILE_BYTES,
            });
        }
        let mut bytes = Vec::new();
        (&mut entry)
            .take(MAX_FILE_BYTES)
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(&file, format!("{found}: {e}")))?;
        Ok(Some(bytes))
    };
    let short = stem.rsplit('/').next().unwrap_or(&stem).to_string();
    let missing = |ext: &str| LoadError::MissingPart {
        file: name.into(),
        missing: format!("{short}.{ext}"),
    };
    let text = |b: Option<Vec<u8>>| b.map(|b| String::from_utf8_lossy(&b).into_owned());
    let parts = Parts {
        stem: short.clone(),
        shp: Cursor::new(member("shp")?.ok_or_else(|| missing("shp"))?),
        shx: member("shx")?.map(Cursor::new),
        dbf: Cursor::new(member("dbf")?.ok_or_else(|| missing("dbf"))?),
        prj: text(member("prj")?),
        cpg: text(member("cpg")?),
    };
    read_parts(parts, name, progress)
}

fn read_parts<S: Read + Seek>(
    mut parts: Parts<S>,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let stem = parts.stem.clone();
    let mut feed = Feed::new(name);
    match parts.prj.as_deref().map(str::trim) {
        Some(wkt) => match super::prj::epsg_of_wkt(wkt) {
            Some(code) => feed.set_epsg(code, &format!("{stem}.prj")),
            None => {
                let short: String = wkt.chars().take(60).collect();
                feed.unrecognised_crs(&format!("{stem}.prj"), &short)
            }
        },
        None => feed
            .report
            .warn(None, None, Reason::NoPrj { stem: stem.clone() }),
    }
    let encoding = encoding(&mut parts, &mut feed);
    let mut dbf = dbase::ReaderBuilder::new()
        .with_encoding(encoding)
        .build(parts.dbf)
        .map_err(|e| unreadable(name, format!("{stem}.dbf: {e}")))?;
    let fields: Vec<String> = dbf.fields().iter().map(|f| f.name().to_string()).collect();
    let total = dbf.header().num_records as usize;
    let mut shapes = match parts.shx {
        Some(shx) => shapefile::ShapeReader::with_shx(parts.shp, shx),
        None => {
            feed.report
                .warn(None, None, Reason::NoShx { stem: stem.clone() });
            shapefile::ShapeReader::new(parts.shp)
        }
    }
    .map_err(|e| unreadable(name, format!("{stem}.shp: {e}")))?;
    let mut records = dbf.iter_records();
    let mut index = 0usize;
    for shape in shapes.iter_shapes() {
        if !feed::keep_going(index, total, progress) {
            return Err(LoadError::Cancelled { file: name.into() });
        }
        let shape =
            shape.map_err(|e| unreadable(name, format!("{stem}.shp, shape {index}: {e}")))?;
        let mut warnings = Vec::new();
        let properties = match records.next() {
            Some(Ok(record)) => properties_of(record, &fields),
            Some(Err(e)) => {
                return Err(unreadable(name, format!("{stem}.dbf, record {index}: {e}")));
            }
            None => {
                warnings.push(Reason::NoDbfRow { stem: stem.clone() });
                Map::new()
            }
        };
        feed.push(
            index,
            None,
            properties,
            geometry_of(shape, &mut warnings),
            warnings,
        )?;
        index += 1;
    }
    if records.next().is_some() {
        feed.report.warn(
            None,
            None,
            Reason::MoreRowsThanShapes {
                stem,
                rows: total,
                shapes: index,
            },
        );
    }
    feed.finish(progress)
}

/// The `.dbf` encoding: the `.cpg`, else the language byte of the DBF header, else CP1252.
fn encoding<S: Read + Seek>(parts: &mut Parts<S>, feed: &mut Feed) -> dbase::encoding::DynEncoding {
    let stem = &parts.stem;
    if let Some(cpg) = parts.cpg.as_deref() {
        if let Some(e) = dbase::encoding::DynEncoding::from_name(cpg.trim()) {
            return e;
        }
        feed.report.warn(
            None,
            None,
            Reason::UnknownCpg {
                stem: stem.clone(),
                name: cpg.trim().into(),
            },
        );
    }
    let mut header = [0u8; 32];
    let language = parts
        .dbf
        .read_exact(&mut header)
        .ok()
        .map(|_| header[29])
        .unwrap_or(0);
    let _ = parts.dbf.seek(SeekFrom::Start(0));
    if language != 0
        && let Some(e) = dbase::CodePageMark::from(language).to_encoding()
    {
        return e;
    }
    feed.report.warn(
        None,
        None,
        Reason::DbfDefaultEncoding { stem: stem.clone() },
    );
    dbase::encoding::DynEncoding::from_name("1252")
        .unwrap_or_else(|| dbase::encoding::UnicodeLossy.into())
}

/// A DBF row as properties, in the order of the columns.
fn properties_of(mut record: dbase::Record, fields: &[String]) -> Map<String, Value> {
    let mut properties = Map::new();
    for field in fields {
        let Some(value) = record.remove(field) else {
            continue;
        };
        let value = match value {
            FieldValue::Character(s) => s.map_or(Value::Null, |s| Value::String(s.trim().into())),
            FieldValue::Memo(s) => Value::String(s),
            FieldValue::Numeric(n) => n.map_or(Value::Null, number),
            FieldValue::Float(n) => n.map_or(Value::Null, |n| number(f64::from(n))),
            FieldValue::Double(n) | FieldValue::Currency(n) => number(n),
            FieldValue::Integer(n) => Value::from(n),
            FieldValue::Logical(b) => b.map_or(Value::Null, Value::Bool),
            FieldValue::Date(d) => d.map_or(Value::Null, |d| {
                Value::String(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
            }),
            FieldValue::DateTime(dt) => {
                let d = dt.date();
                Value::String(format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
            }
        };
        properties.insert(field.clone(), value);
    }
    properties
}

/// Whole numbers as integers (a DBF numeric column of 8 digits holds counts, codes, years).
fn number(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::from(n as i64)
    } else {
        feed::number(n)
    }
}

trait Xy {
    fn pos(&self) -> Pos;
}
impl Xy for shapefile::Point {
    fn pos(&self) -> Pos {
        Pos {
            x: self.x,
            y: self.y,
            dims: 2,
        }
    }
}
impl Xy for shapefile::PointM {
    fn pos(&self) -> Pos {
        Pos {
            x: self.x,
            y: self.y,
            dims: 3,
        }
    }
}
impl Xy for shapefile::PointZ {
    fn pos(&self) -> Pos {
        Pos {
            x: self.x,
            y: self.y,
            dims: 3,
        }
    }
}

fn geometry_of(shape: Shape, warnings: &mut Vec<Reason>) -> Result<RawGeom, Reason> {
    let first = |points: &[Pos], count: usize, warnings: &mut Vec<Reason>| {
        if count > 1 {
            warnings.push(Reason::MultiPointFirstUsed { count });
        }
        points
            .first()
            .copied()
            .map(RawGeom::Point)
            .ok_or_else(|| Reason::EmptyGeometry {
                kind: "MultiPoint".into(),
            })
    };
    match shape {
        Shape::NullShape => Err(Reason::NoGeometry),
        Shape::Polygon(p) => polygons(p.into_inner()),
        Shape::PolygonM(p) => polygons(p.into_inner()),
        Shape::PolygonZ(p) => polygons(p.into_inner()),
        Shape::Point(p) => Ok(RawGeom::Point(p.pos())),
        Shape::PointM(p) => Ok(RawGeom::Point(p.pos())),
        Shape::PointZ(p) => Ok(RawGeom::Point(p.pos())),
        Shape::Multipoint(m) => {
            let points: Vec<Pos> = m.points().iter().map(Xy::pos).collect();
            first(&points, points.len(), warnings)
        }
        Shape::MultipointM(m) => {
            let points: Vec<Pos> = m.points().iter().map(Xy::pos).collect();
            first(&points, points.len(), warnings)
        }
        Shape::MultipointZ(m) => {
            let points: Vec<Pos> = m.points().iter().map(Xy::pos).collect();
            first(&points, points.len(), warnings)
        }
        Shape::Polyline(_) | Shape::PolylineM(_) | Shape::PolylineZ(_) => {
            Ok(RawGeom::Other("LineString"))
        }
        Shape::Multipatch(_) => Err(Reason::UnsupportedGeometryType {
            kind: "MultiPatch".into(),
        }),
    }
}

/// Shapefile rings to polygons: each shell (clockwise) starts a polygon; each hole goes to
/// the shell that holds its first point. Rings are reversed to the GeoJSON orientation.
fn polygons<P: Xy>(rings: Vec<PolygonRing<P>>) -> Result<RawGeom, Reason> {
    let mut shells: Vec<RawPolygon> = Vec::new();
    let mut holes: Vec<RawRing> = Vec::new();
    for ring in rings {
        let is_shell = matches!(ring, PolygonRing::Outer(_));
        let mut points: RawRing = ring.into_inner().iter().map(Xy::pos).collect();
        points.reverse();
        if is_shell {
            shells.push(vec![points]);
        } else {
            holes.push(points);
        }
    }
    if shells.is_empty() {
        // Every ring counter-clockwise: a file written the other way round; read them as shells.
        shells = holes.drain(..).map(|h| vec![h]).collect();
    }
    for hole in holes {
        let Some(probe) = hole.first().copied() else {
            continue;
        };
        let at = shells
            .iter()
            .position(|s| contains(&s[0], probe))
            .unwrap_or(shells.len().saturating_sub(1));
        if let Some(shell) = shells.get_mut(at) {
            shell.push(hole);
        }
    }
    if shells.is_empty() {
        return Err(Reason::EmptyGeometry {
            kind: "polygon (no rings)".into(),
        });
    }
    Ok(RawGeom::Polygons(shells))
}

/// Ray crossing: is `p` inside `ring`?
fn contains(ring: &[Pos], p: Pos) -> bool {
    let mut inside = false;
    for (a, b) in ring.iter().zip(ring.iter().cycle().skip(1)) {
        if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}
