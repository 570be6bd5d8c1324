//! FlatGeobuf reader. The header and each feature are FlatBuffers checked by the `flatgeobuf`
//! crate's verifier; the walk from feature to feature, the properties and the geometry are
//! read here with every length checked against the file, so a damaged file is refused with a
//! reason rather than a huge allocation or a panic. With a box (WGS84), only the features the
//! file's packed R-tree finds in it are read: a large file is read where the map looks.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use flatgeobuf::packed_r_tree::PackedRTree;
use flatgeobuf::{ColumnType, GeometryType, Header};
use geo::Rect;
use serde_json::{Map, Value};

use super::crs::Reprojector;
use super::feed::{self, Feed};
use super::geometry::{Pos, RawGeom, RawPolygon};
use super::load::{LoadError, LoadedFile, checked_size};
use crate::model::report::{Reason, View};

const FORMAT: &str = "FlatGeobuf";
const MAGIC: [u8; 3] = *b"fgb";

fn unreadable(file: &str, reason: impl std::fmt::Display) -> LoadError {
    LoadError::Unreadable {
        file: file.to_string(),
        format: FORMAT,
        reason: reason.to_string(),
    }
}

/// How the window reads a large indexed file: only the features around the view, as it does
/// for a large database table (see [`crate::db::ReadOptions`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InView {
    /// The area to read (WGS84 lon/lat): the view with a margin.
    pub view: Rect<f64>,
    /// Above this many features a file is "large": only the features in `view` are read.
    pub large: usize,
    /// At most this many features are read at once (a large file seen from far away).
    pub max: usize,
}

/// What a file's header says of its size: its feature count and whether it has a spatial index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    pub count: usize,
    pub indexed: bool,
}

/// The header of `path`, read alone: how many features, and whether they are indexed.
pub fn probe(path: &Path, name: &str) -> Result<Probe, LoadError> {
    let size = checked_size(path)?;
    let mut reader = BufReader::new(File::open(path).map_err(|source| LoadError::Io {
        file: name.into(),
        source,
    })?);
    let opened = Opened::read(&mut reader, size, name)?;
    Ok(Probe {
        count: opened.count,
        indexed: opened.indexed,
    })
}

/// Reads `path` for the window: a large file with a spatial index only where the map looks
/// (`in_view`), every other file whole. Returns the area read, when only an area was.
pub fn load_in_view(
    path: &Path,
    in_view: &InView,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(LoadedFile, Option<Rect<f64>>), LoadError> {
    let header = probe(path, name)?;
    if !header.indexed || header.count <= in_view.large {
        return load(path, None, name, progress).map(|(file, _)| (file, None));
    }
    let (min, max) = (in_view.view.min(), in_view.view.max());
    let area = Rect::new(
        (min.x.clamp(-180.0, 180.0), min.y.clamp(-85.0, 85.0)),
        (max.x.clamp(-180.0, 180.0), max.y.clamp(-85.0, 85.0)),
    );
    let limits = Limits {
        cap: Some(in_view.max),
        large: Some(in_view.large),
    };
    let (file, _) = read(path, Some(area), limits, name, progress)?;
    Ok((file, Some(area)))
}

/// Where the file's features lie (WGS84), from its header's envelope; `None` when the header
/// gives none or its coordinate system is not known. A file read in view with nothing in the
/// view is shown there.
pub fn extent(path: &Path, name: &str) -> Option<Rect<f64>> {
    let size = checked_size(path).ok()?;
    let mut reader = BufReader::new(File::open(path).ok()?);
    let opened = Opened::read(&mut reader, size, name).ok()?;
    let header = flatgeobuf::size_prefixed_root_as_header(&opened.header_buf).ok()?;
    let envelope: Vec<f64> = header.envelope()?.iter().collect();
    let [min_x, min_y, max_x, max_y] = *envelope.get(..4)? else {
        return None;
    };
    if ![min_x, min_y, max_x, max_y].iter().all(|v| v.is_finite()) || min_x > max_x {
        return None;
    }
    let corners = [
        (min_x, min_y),
        (max_x, max_y),
        (min_x, max_y),
        (max_x, min_y),
    ];
    let wgs84: Vec<(f64, f64)> = match header.crs().map(|_| epsg_of(&header)) {
        None | Some(Some(4326)) => corners.to_vec(),
        Some(None) => return None,
        Some(Some(code)) => {
            let r = Reprojector::from_epsg(code).ok()?;
            corners
                .iter()
                .map(|&(x, y)| r.to_wgs84(x, y))
                .collect::<Result<_, _>>()
                .ok()?
        }
    };
    let (mut a, mut b) = (wgs84[0], wgs84[0]);
    for (x, y) in wgs84 {
        a = (a.0.min(x), a.1.min(y));
        b = (b.0.max(x), b.1.max(y));
    }
    let fits = |(x, y): (f64, f64)| (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y);
    (fits(a) && fits(b)).then(|| Rect::new(a, b))
}

/// Reads the file, or with `within` (WGS84) only the features whose box meets it, through
/// the spatial index. Returns whether the index was used (a file without one is read whole).
pub fn load(
    path: &Path,
    within: Option<Rect<f64>>,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(LoadedFile, bool), LoadError> {
    read(path, within, Limits::default(), name, progress)
}

/// A box read for the window: at most `cap` features, and the file said to be large (more
/// than `large` features), read in view.
#[derive(Clone, Copy, Debug, Default)]
struct Limits {
    cap: Option<usize>,
    large: Option<usize>,
}

/// The start of a file: its header checked, where its features begin.
struct Opened {
    header_buf: Vec<u8>,
    count: usize,
    node_size: u16,
    indexed: bool,
    features_start: u64,
}

impl Opened {
    fn read(reader: &mut impl Read, size: u64, name: &str) -> Result<Self, LoadError> {
        let mut start = [0u8; 12];
        reader
            .read_exact(&mut start)
            .map_err(|_| unreadable(name, "shorter than a FlatGeobuf header"))?;
        if start[..3] != MAGIC || start[4..7] != MAGIC {
            return Err(unreadable(name, "no FlatGeobuf signature at the start"));
        }
        let header_size = u64::from(u32::from_le_bytes([
            start[8], start[9], start[10], start[11],
        ]));
        if header_size < 8 || 12 + header_size > size {
            return Err(unreadable(
                name,
                format!("header of {header_size} bytes does not fit the file"),
            ));
        }
        let mut header_buf = vec![0u8; header_size as usize + 4];
        header_buf[..4].copy_from_slice(&start[8..12]);
        reader
            .read_exact(&mut header_buf[4..])
            .map_err(|source| LoadError::Io {
                file: name.into(),
                source,
            })?;
        let header = flatgeobuf::size_prefixed_root_as_header(&header_buf)
            .map_err(|e| unreadable(name, format!("header: {e}")))?;
        let count = header.features_count();
        let node_size = header.index_node_size();
        let indexed = node_size >= 2 && count > 0;
        // Each feature takes more than 8 bytes, each index entry 40: a count past that is damage.
        if count > size / 8 {
            return Err(unreadable(
                name,
                format!("header counts {count} features, more than the file can hold"),
            ));
        }
        let count = count as usize;
        let index_size = if indexed {
            PackedRTree::index_size(count, node_size) as u64
        } else {
            0
        };
        let features_start = 12 + header_size + index_size;
        if features_start > size {
            return Err(unreadable(
                name,
                "the spatial index runs past the end of the file",
            ));
        }
        Ok(Self {
            header_buf,
            count,
            node_size,
            indexed,
            features_start,
        })
    }
}

fn read(
    path: &Path,
    within: Option<Rect<f64>>,
    limits: Limits,
    name: &str,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(LoadedFile, bool), LoadError> {
    let size = checked_size(path)?;
    let io = |source| LoadError::Io {
        file: name.into(),
        source,
    };
    let mut reader = BufReader::new(File::open(path).map_err(io)?);
    let Opened {
        header_buf,
        count,
        node_size,
        indexed,
        features_start,
    } = Opened::read(&mut reader, size, name)?;
    let header = flatgeobuf::size_prefixed_root_as_header(&header_buf)
        .map_err(|e| unreadable(name, format!("header: {e}")))?;
    let mut feed = Feed::new(name);
    let reprojector = set_crs(&header, &mut feed);
    let columns = Columns::of(&header);
    // With a box: the features found, as (offset from the first feature, index in the file).
    let offsets: Option<Vec<(u64, usize)>> = match within.filter(|_| indexed) {
        Some(rect) => {
            let (min_x, min_y, max_x, max_y) = file_box(rect, reprojector.as_ref());
            let found = PackedRTree::stream_search(
                &mut reader,
                count,
                node_size,
                min_x,
                min_y,
                max_x,
                max_y,
            )
            .map_err(|e| unreadable(name, format!("spatial index: {e}")))?;
            let view = View {
                west: rect.min().x,
                east: rect.max().x,
                south: rect.min().y,
                north: rect.max().y,
            };
            let reason = match limits.large {
                Some(limit) => Reason::FeaturesInView {
                    limit,
                    found: found.len(),
                    count,
                    view,
                },
                None => Reason::ReadThroughIndex {
                    found: found.len(),
                    count,
                    view,
                },
            };
            feed.report.warn(None, None, reason);
            let mut found: Vec<(u64, usize)> =
                found.iter().map(|f| (f.offset as u64, f.index)).collect();
            if let Some(max) = limits.cap.filter(|&max| found.len() > max) {
                feed.report.warn(None, None, Reason::TooManyRows { max });
                found.truncate(max);
            }
            Some(found)
        }
        None => None,
    };
    let by_index = offsets.is_some();
    reader.seek(SeekFrom::Start(features_start)).map_err(io)?;
    let total = offsets.as_ref().map_or(count, Vec::len);
    let mut buf = Vec::new();
    let mut at = features_start;
    for read in 0.. {
        if !feed::keep_going(read, total, progress) {
            return Err(LoadError::Cancelled { file: name.into() });
        }
        let mut index = read;
        if let Some(offsets) = &offsets {
            let Some(&(offset, in_file)) = offsets.get(read) else {
                break;
            };
            index = in_file;
            let target = features_start + offset;
            if target != at {
                reader.seek(SeekFrom::Start(target)).map_err(io)?;
                at = target;
            }
        }
        let mut len = [0u8; 4];
        match reader.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && at == size => break,
            Err(_) => return Err(unreadable(name, format!("feature {index} cut short"))),
        }
        let len = u64::from(u32::from_le_bytes(len));
        if at + 4 + len > size {
            return Err(unreadable(
                name,
                format!("feature {index} runs past the end of the file"),
            ));
        }
        buf.clear();
        buf.extend_from_slice(&(len as u32).to_le_bytes());
        buf.resize(len as usize + 4, 0);
        reader.read_exact(&mut buf[4..]).map_err(io)?;
        at += 4 + len;
        let feature = flatgeobuf::size_prefixed_root_as_feature(&buf)
            .map_err(|e| unreadable(name, format!("feature {index}: {e}")))?;
        let mut warnings = Vec::new();
        let properties = match feature.properties() {
            Some(bytes) => columns.decode(bytes.bytes(), &mut warnings),
            None => Ok(Map::new()),
        };
        let properties =
            properties.map_err(|e| unreadable(name, format!("feature {index}: {e}")))?;
        let geometry = match feature.geometry() {
            Some(g) => geometry_of(&g, header.geometry_type(), 0),
            None => Err(Reason::NoGeometry),
        };
        feed.push(index, None, properties, geometry, warnings)?;
    }
    Ok((feed.finish(progress)?, by_index))
}

/// The coordinate system of the header, told to the feed; the reprojector for box reads.
fn set_crs(header: &Header<'_>, feed: &mut Feed) -> Option<Reprojector> {
    let crs = header.crs()?;
    let org = crs.org().unwrap_or("EPSG");
    match epsg_of(header) {
        Some(code) => {
            feed.set_epsg(code, "the FlatGeobuf header");
            (code != 4326)
                .then(|| Reprojector::from_epsg(code).ok())
                .flatten()
        }
        None => {
            feed.unrecognised_crs("the FlatGeobuf header", &format!("{org} {}", crs.code()));
            None
        }
    }
}

/// The EPSG code of the header's coordinate system (its code, else its WKT recognised).
fn epsg_of(header: &Header<'_>) -> Option<u32> {
    let crs = header.crs()?;
    let org = crs.org().unwrap_or("EPSG");
    match crs.code() {
        code if code > 0 && org.eq_ignore_ascii_case("EPSG") => u32::try_from(code).ok(),
        _ => crs.wkt().and_then(super::prj::epsg_of_wkt),
    }
}

/// A WGS84 box in the file's coordinates (its edges sampled, for a projected file).
fn file_box(rect: Rect<f64>, reprojector: Option<&Reprojector>) -> (f64, f64, f64, f64) {
    let Some(r) = reprojector else {
        return (rect.min().x, rect.min().y, rect.max().x, rect.max().y);
    };
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for i in 0..=8 {
        let t = f64::from(i) / 8.0;
        let lon = rect.min().x + t * rect.width();
        let lat = rect.min().y + t * rect.height();
        for (x, y) in [
            (lon, rect.min().y),
            (lon, rect.max().y),
            (rect.min().x, lat),
            (rect.max().x, lat),
        ] {
            if let Ok((x, y)) = r.from_wgs84(x, y) {
                (min_x, min_y, max_x, max_y) =
                    (min_x.min(x), min_y.min(y), max_x.max(x), max_y.max(y));
            }
        }
    }
    (min_x, min_y, max_x, max_y)
}

/// The header's columns: names and types, for decoding each feature's properties.
struct Columns(Vec<(String, ColumnType)>);

impl Columns {
    fn of(header: &Header<'_>) -> Self {
        Columns(
            header
                .columns()
                .map(|cs| {
                    cs.iter()
                        .map(|c| (c.name().to_string(), c.type_()))
                        .collect()
                })
                .unwrap_or_default(),
        )
    }

    /// Properties: (column index u16, value) pairs, little-endian, strings length-prefixed.
    fn decode(
        &self,
        bytes: &[u8],
        warnings: &mut Vec<Reason>,
    ) -> Result<Map<String, Value>, Reason> {
        let mut out = Map::new();
        let mut at = 0usize;
        while at + 1 < bytes.len() {
            let i = usize::from(u16::from_le_bytes(take::<2>(bytes, &mut at)?));
            let (name, kind) = self.0.get(i).ok_or(Reason::NoSuchColumn { index: i })?;
            let value = match *kind {
                ColumnType::Bool => Value::Bool(take::<1>(bytes, &mut at)?[0] != 0),
                ColumnType::Byte => Value::from(i8::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::UByte => Value::from(u8::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::Short => Value::from(i16::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::UShort => Value::from(u16::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::Int => Value::from(i32::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::UInt => Value::from(u32::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::Long => Value::from(i64::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::ULong => Value::from(u64::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::Float => {
                    feed::number(f64::from(f32::from_le_bytes(take(bytes, &mut at)?)))
                }
                ColumnType::Double => feed::number(f64::from_le_bytes(take(bytes, &mut at)?)),
                ColumnType::String
                | ColumnType::Json
                | ColumnType::DateTime
                | ColumnType::Binary => {
                    let n = u32::from_le_bytes(take(bytes, &mut at)?) as usize;
                    let raw = bytes
                        .get(at..at.saturating_add(n))
                        .ok_or(Reason::PropertiesCutShort)?;
                    at += n;
                    if *kind == ColumnType::Binary {
                        warnings.push(Reason::BinaryLeftOut {
                            column: name.clone(),
                            bytes: n,
                        });
                        continue;
                    }
                    let text = String::from_utf8_lossy(raw).into_owned();
                    if *kind == ColumnType::Json {
                        serde_json::from_str(&text).unwrap_or(Value::String(text))
                    } else {
                        Value::String(text)
                    }
                }
                other => {
                    return Err(Reason::UnknownColumnType {
                        column: name.clone(),
                        code: other.0,
                    });
                }
            };
            out.insert(name.clone(), value);
        }
        Ok(out)
    }
}

/// The next `N` bytes of `bytes` from `at`, which moves past them.
fn take<const N: usize>(bytes: &[u8], at: &mut usize) -> Result<[u8; N], Reason> {
    let slice = bytes
        .get(*at..at.saturating_add(N))
        .ok_or(Reason::PropertiesCutShort)?;
    *at += N;
    let mut out = [0u8; N];
    out.copy_from_slice(slice);
    Ok(out)
}

const MAX_DEPTH: usize = 8;

/// A FlatGeobuf geometry to the loader's raw geometry; `kind` is the header's type, used when
/// the geometry does not say its own.
fn geometry_of(
    g: &flatgeobuf::Geometry<'_>,
    kind: GeometryType,
    depth: usize,
) -> Result<RawGeom, Reason> {
    let kind = if g.type_() == GeometryType::Unknown {
        kind
    } else {
        g.type_()
    };
    // The coordinates are read once, straight into positions (no copy of the flat array).
    let positions = |g: &flatgeobuf::Geometry<'_>, from: usize, to: usize| -> Option<Vec<Pos>> {
        let Some(xy) = g.xy() else {
            return (from == to).then(Vec::new);
        };
        if to < from || 2 * to > xy.len() {
            return None;
        }
        Some(
            (from..to)
                .map(|i| Pos {
                    x: xy.get(2 * i),
                    y: xy.get(2 * i + 1),
                    dims: 2,
                })
                .collect(),
        )
    };
    let polygon = |g: &flatgeobuf::Geometry<'_>| -> Result<RawPolygon, Reason> {
        let xy_len = g.xy().map_or(0, |v| v.len()) / 2;
        let mut rings = Vec::new();
        let mut from = 0;
        let mut ring = |end: usize, from: usize| -> Result<(), Reason> {
            rings.push(positions(g, from, end).ok_or(Reason::RingPastEnd)?);
            Ok(())
        };
        match g.ends() {
            Some(ends) => {
                for end in ends.iter() {
                    let end = end as usize;
                    ring(end, from)?;
                    from = end;
                }
            }
            None => ring(xy_len, 0)?,
        }
        if rings.first().is_none_or(Vec::is_empty) {
            return Err(Reason::EmptyGeometry {
                kind: "polygon".into(),
            });
        }
        Ok(rings)
    };
    match kind {
        GeometryType::Polygon => Ok(RawGeom::Polygons(vec![polygon(g)?])),
        GeometryType::MultiPolygon | GeometryType::GeometryCollection => {
            if depth >= MAX_DEPTH {
                return Err(Reason::TooDeep { max: MAX_DEPTH });
            }
            let mut polygons = Vec::new();
            for part in g.parts().into_iter().flatten() {
                match geometry_of(&part, GeometryType::Polygon, depth + 1) {
                    Ok(RawGeom::Polygons(mut p)) => polygons.append(&mut p),
                    Ok(_) | Err(_) if kind == GeometryType::GeometryCollection => {}
                    other => return other,
                }
            }
            if polygons.is_empty() {
                return Err(Reason::EmptyGeometry {
                    kind: "geometry (no polygon)".into(),
                });
            }
            Ok(RawGeom::Polygons(polygons))
        }
        GeometryType::Point | GeometryType::MultiPoint => positions(g, 0, 1)
            .and_then(|p| p.first().copied())
            .map(RawGeom::Point)
            .ok_or_else(|| Reason::EmptyGeometry {
                kind: "point".into(),
            }),
        GeometryType::LineString => Ok(RawGeom::Other("LineString")),
        GeometryType::MultiLineString => Ok(RawGeom::Other("MultiLineString")),
        other => Err(Reason::UnsupportedGeometryType {
            kind: format!("(FlatGeobuf type {})", other.0),
        }),
    }
}
