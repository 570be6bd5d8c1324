//! Geometry as read from a file, before and after checking: positions parsed without a heap
//! allocation each, the file's coordinate frame, and the checks that turn raw rings into `geo`
//! polygons (position lengths, finite numbers, ranges, closing, winding, validity).

use std::fmt;

use geo::{LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::crs::{self, CrsCode, CrsError, Reprojector};
use super::report::{Coordinate, CrsNote, LoadReport, Reason, Ring};
use super::rings::{build_ring, check_validity, orient};

/// Largest polygon checked for self-intersection.
pub const MAX_VALIDATED_VERTICES: usize = 50_000;
/// Deepest GeometryCollection nesting followed.
const MAX_COLLECTION_DEPTH: usize = 8;

pub const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// One position: its first two numbers, and how many numbers it had (0, 1, 2, 3...).
/// Parsed in place: no allocation per position, unlike `Vec<f64>`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pos {
    pub x: f64,
    pub y: f64,
    pub dims: u8,
}

impl<'de> Deserialize<'de> for Pos {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PosVisitor;
        impl<'de> Visitor<'de> for PosVisitor {
            type Value = Pos;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a position (an array of numbers)")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Pos, A::Error> {
                let mut pos = Pos {
                    x: f64::NAN,
                    y: f64::NAN,
                    dims: 0,
                };
                // null (also what NaN/Infinity literals are read as) becomes NaN, refused later
                // with the position's index.
                while let Some(v) = seq.next_element::<Option<f64>>()? {
                    let v = v.unwrap_or(f64::NAN);
                    match pos.dims {
                        0 => pos.x = v,
                        1 => pos.y = v,
                        _ => {}
                    }
                    pos.dims = pos.dims.saturating_add(1);
                }
                Ok(pos)
            }
        }
        deserializer.deserialize_seq(PosVisitor)
    }
}

pub type RawRing = Vec<Pos>;
pub type RawPolygon = Vec<RawRing>;

/// A geometry in the file's own coordinates.
#[derive(Clone, Debug)]
pub enum RawGeom {
    Polygons(Vec<RawPolygon>),
    Point(Pos),
    /// A "lon, lat" text (CNIG `*_geompoint`): WGS84 whatever the file's frame.
    PointWgs84(f64, f64),
    /// A geometry of another type, kept only to say why it was skipped.
    Other(&'static str),
}

impl RawGeom {
    /// The first few positions, to recognise the file's coordinate system.
    fn sample(&self) -> Vec<(f64, f64)> {
        let ok = |p: &&Pos| p.dims >= 2 && p.x.is_finite() && p.y.is_finite();
        match self {
            RawGeom::Polygons(ps) => ps
                .iter()
                .flatten()
                .flatten()
                .filter(ok)
                .take(64)
                .map(|p| (p.x, p.y))
                .collect(),
            RawGeom::Point(p) => std::iter::once(p).filter(ok).map(|p| (p.x, p.y)).collect(),
            RawGeom::PointWgs84(..) | RawGeom::Other(_) => Vec::new(),
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            RawGeom::Polygons(_) => "Polygon",
            RawGeom::Point(_) | RawGeom::PointWgs84(..) => "Point",
            RawGeom::Other(name) => name,
        }
    }
}

/// A GeoJSON geometry object with its coordinates still as text.
#[derive(Deserialize)]
pub struct RawGeometry<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(borrow, default)]
    coordinates: Option<&'a RawValue>,
    #[serde(borrow, default)]
    geometries: Option<Vec<&'a RawValue>>,
}

/// A serde_json error in words, without its position (feature messages carry the index).
pub fn describe_serde(e: &serde_json::Error) -> String {
    let text = strip_position(&e.to_string());
    if text.contains("recursion limit") {
        "nested more than 128 levels deep".into()
    } else {
        text
    }
}

/// serde_json appends " at line L column C"; messages that carry their own position drop it.
pub fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

pub use crate::model::report::num;

/// Reads a GeoJSON geometry object (text). Polygons from a GeometryCollection are gathered;
/// its other members are left out with a warning.
pub fn parse_geometry(
    raw: &str,
    depth: usize,
    warnings: &mut Vec<Reason>,
) -> Result<RawGeom, Reason> {
    if !raw.trim_start().starts_with('{') {
        return Err(Reason::GeometryNotObject);
    }
    let geometry: RawGeometry<'_> =
        serde_json::from_str(raw).map_err(|e| Reason::InvalidGeometry {
            detail: describe_serde(&e),
        })?;
    geometry_from(geometry, depth, warnings)
}

/// Reads a geometry object whose members are already split out.
pub fn geometry_from(
    geometry: RawGeometry<'_>,
    depth: usize,
    warnings: &mut Vec<Reason>,
) -> Result<RawGeom, Reason> {
    let kind: &str = &geometry.kind;
    let canonical = *GEOMETRY_TYPES
        .iter()
        .find(|g| g.eq_ignore_ascii_case(kind))
        .ok_or_else(|| Reason::UnknownGeometryType { found: kind.into() })?;
    if canonical != kind {
        warnings.push(Reason::GeometryTypeCase {
            found: kind.into(),
            canonical: canonical.into(),
        });
    }
    let coordinates = || {
        geometry
            .coordinates
            .map(RawValue::get)
            .ok_or_else(|| Reason::MissingCoordinates {
                kind: canonical.into(),
            })
    };
    let bad_coords = |e: serde_json::Error| Reason::BadCoordinates {
        kind: canonical.into(),
        detail: describe_serde(&e),
    };
    match canonical {
        "Polygon" => {
            let polygon: RawPolygon = serde_json::from_str(coordinates()?).map_err(bad_coords)?;
            Ok(RawGeom::Polygons(vec![polygon]))
        }
        "MultiPolygon" => Ok(RawGeom::Polygons(
            serde_json::from_str::<Vec<RawPolygon>>(coordinates()?).map_err(bad_coords)?,
        )),
        "Point" => Ok(RawGeom::Point(
            serde_json::from_str(coordinates()?).map_err(bad_coords)?,
        )),
        "MultiPoint" => {
            let points: Vec<Pos> = serde_json::from_str(coordinates()?).map_err(bad_coords)?;
            match points.as_slice() {
                [] => Err(Reason::EmptyGeometry {
                    kind: "MultiPoint".into(),
                }),
                [p] => Ok(RawGeom::Point(*p)),
                [p, ..] => {
                    warnings.push(Reason::MultiPointFirstUsed {
                        count: points.len(),
                    });
                    Ok(RawGeom::Point(*p))
                }
            }
        }
        "GeometryCollection" => {
            if depth >= MAX_COLLECTION_DEPTH {
                return Err(Reason::TooDeep {
                    max: MAX_COLLECTION_DEPTH,
                });
            }
            let mut polygons = Vec::new();
            for (i, member) in geometry.geometries.unwrap_or_default().iter().enumerate() {
                match parse_geometry(member.get(), depth + 1, warnings) {
                    Ok(RawGeom::Polygons(mut p)) => polygons.append(&mut p),
                    Ok(other) => warnings.push(Reason::MemberNotPolygon {
                        member: i,
                        kind: other.type_name().into(),
                    }),
                    // An empty nested collection has already said why.
                    Err(Reason::NoPolygonInCollection { .. }) => {}
                    Err(e) => warnings.push(Reason::MemberLeftOut {
                        member: i,
                        reason: e.boxed(),
                    }),
                }
            }
            if polygons.is_empty() {
                let why = warnings
                    .iter()
                    .find(|w| {
                        matches!(
                            w,
                            Reason::MemberNotPolygon { .. } | Reason::MemberLeftOut { .. }
                        )
                    })
                    .map(|w| w.clone().boxed());
                Err(Reason::NoPolygonInCollection { why })
            } else {
                Ok(RawGeom::Polygons(polygons))
            }
        }
        "LineString" => Ok(RawGeom::Other("LineString")),
        "MultiLineString" => Ok(RawGeom::Other("MultiLineString")),
        other => Err(Reason::UnsupportedGeometryType { kind: other.into() }),
    }
}

/// Reads a CNIG `*_geompoint` in its "lon, lat" text form (WGS84 degrees).
pub fn parse_lon_lat_text(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once(',')?;
    let lon = a.trim().parse::<f64>().ok()?;
    let lat = b.trim().parse::<f64>().ok()?;
    (lon.is_finite() && lat.is_finite()).then_some((lon, lat))
}

/// How file coordinates become WGS84 degrees.
pub enum Frame {
    Wgs84,
    Projected(Box<Reprojector>),
}

/// Decides the file's coordinate system: its `crs` name when it has one (an unknown one is an
/// error), else WGS84 — unless the coordinates cannot be degrees and fit the Lambert-93 extent,
/// then Lambert-93, and the report says so.
pub fn choose_frame<'g>(
    crs_name: Option<&str>,
    geometries: impl Iterator<Item = &'g RawGeom>,
    report: &mut LoadReport,
) -> Result<Frame, CrsError> {
    if let Some(name) = crs_name {
        return match crs::parse_crs_name(name)? {
            CrsCode::Wgs84 => {
                report.crs = CrsNote::Wgs84Named { name: name.into() };
                Ok(Frame::Wgs84)
            }
            CrsCode::Epsg(code) => {
                let reprojector = Reprojector::from_epsg(code)?;
                report.crs = CrsNote::EpsgNamed {
                    code,
                    name: name.into(),
                };
                Ok(Frame::Projected(Box::new(reprojector)))
            }
        };
    }
    let (mut degrees, mut lambert) = (0usize, 0usize);
    for sample in geometries
        .map(RawGeom::sample)
        .filter(|s| !s.is_empty())
        .take(100)
    {
        if sample.iter().all(|&(x, y)| crs::fits_degrees(x, y)) {
            degrees += 1;
        } else if sample.iter().all(|&(x, y)| crs::fits_lambert93(x, y)) {
            lambert += 1;
        }
    }
    if lambert > degrees {
        let reprojector = Reprojector::lambert93()?;
        report.crs = CrsNote::Lambert93Detected;
        report.warn(None, None, Reason::Lambert93Guessed);
        Ok(Frame::Projected(Box::new(reprojector)))
    } else {
        report.crs = CrsNote::Wgs84Default;
        Ok(Frame::Wgs84)
    }
}

/// The name in a legacy GeoJSON `crs` member: `{"type": "name", "properties": {"name": ...}}`.
pub fn crs_member_name(raw: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(raw).ok()?;
    value
        .get("properties")?
        .get("name")?
        .as_str()
        .map(str::to_string)
}

/// One position to WGS84, checked.
pub(super) fn to_lon_lat(p: Pos, j: usize, frame: &Frame) -> Result<(f64, f64), Reason> {
    if p.dims < 2 {
        return Err(Reason::TooFewCoordinates {
            position: j,
            dims: p.dims,
        });
    }
    let (x, y) = (p.x, p.y);
    if !x.is_finite() || !y.is_finite() {
        return Err(Reason::NotFinite {
            position: j,
            x: Coordinate(x),
            y: Coordinate(y),
        });
    }
    let (lon, lat) = match frame {
        Frame::Wgs84 => (x, y),
        Frame::Projected(r) => r.to_wgs84(x, y).map_err(|e| Reason::NotReprojected {
            position: j,
            x: Coordinate(x),
            y: Coordinate(y),
            detail: e,
        })?,
    };
    if !lon.is_finite() || !lat.is_finite() || !crs::fits_degrees(lon, lat) {
        return Err(match frame {
            Frame::Wgs84 => Reason::OutOfRange {
                position: j,
                x: Coordinate(x),
                y: Coordinate(y),
            },
            Frame::Projected(r) => Reason::OutsideGlobe {
                position: j,
                x: Coordinate(x),
                y: Coordinate(y),
                epsg: r.code(),
                lon: Coordinate(lon),
                lat: Coordinate(lat),
            },
        });
    }
    Ok((lon, lat))
}

/// A point to WGS84 (lon, lat), checked.
pub fn build_point(geom: &RawGeom, frame: &Frame) -> Result<(f64, f64), Reason> {
    match geom {
        RawGeom::Point(p) => to_lon_lat(*p, 0, frame),
        RawGeom::PointWgs84(lon, lat) => to_lon_lat(
            Pos {
                x: *lon,
                y: *lat,
                dims: 2,
            },
            0,
            &Frame::Wgs84,
        ),
        other => Err(Reason::NotPoint {
            kind: other.type_name().into(),
        }),
    }
}

/// Polygons to a WGS84 multipolygon, checked and repaired; notes go to `warnings`. A broken
/// part of a multipolygon is left out (with a warning); a broken single polygon is an error.
pub fn build_polygons(
    geom: RawGeom,
    frame: &Frame,
    warnings: &mut Vec<Reason>,
) -> Result<MultiPolygon<f64>, Reason> {
    let raw_polygons = match geom {
        RawGeom::Polygons(p) => p,
        other => {
            return Err(Reason::NotPolygon {
                kind: other.type_name().into(),
            });
        }
    };
    let mut polygons = Vec::with_capacity(raw_polygons.len());
    let mut dims_noted = false;
    let part_count = raw_polygons.len();
    for (part, raw_polygon) in raw_polygons.into_iter().enumerate() {
        match build_polygon(raw_polygon, frame, &mut dims_noted, warnings) {
            Ok(polygon) => polygons.push(polygon),
            Err(e) if part_count > 1 => warnings.push(Reason::PartLeftOut {
                part,
                reason: e.boxed(),
            }),
            Err(e) => return Err(e),
        }
    }
    if polygons.is_empty() {
        return Err(Reason::NoUsablePolygon);
    }
    Ok(MultiPolygon::new(polygons))
}

fn build_polygon(
    raw: RawPolygon,
    frame: &Frame,
    dims_noted: &mut bool,
    warnings: &mut Vec<Reason>,
) -> Result<Polygon<f64>, Reason> {
    if raw.is_empty() {
        return Err(Reason::EmptyGeometry {
            kind: "polygon (no rings)".into(),
        });
    }
    let mut rings: Vec<LineString<f64>> = Vec::with_capacity(raw.len());
    for (r, ring) in raw.into_iter().enumerate() {
        let which = Ring::from_index(r);
        match build_ring(&ring, frame, dims_noted, warnings) {
            Ok((ls, note)) => {
                if let Some(w) = note {
                    warnings.push(Reason::InRing {
                        ring: which,
                        reason: w.boxed(),
                    });
                }
                rings.push(ls);
            }
            Err(e) if r == 0 => {
                return Err(Reason::InRing {
                    ring: which,
                    reason: e.boxed(),
                });
            }
            Err(e) => warnings.push(Reason::HoleLeftOut {
                hole: r,
                reason: e.boxed(),
            }),
        }
    }
    let exterior = rings.remove(0);
    let polygon = orient(Polygon::new(exterior, rings), warnings);
    check_validity(&polygon, warnings);
    Ok(polygon)
}

#[cfg(test)]
#[path = "geometry_tests.rs"]
mod tests;
