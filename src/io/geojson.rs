//! Tolerant GeoJSON loader.
//!
//! A file that is not JSON, or not GeoJSON, is refused with a message naming the file and the
//! reason (line and column for JSON errors). Inside a readable file every feature is taken on its
//! own: a null, broken or non-polygon feature is skipped and listed in the [`LoadReport`], the
//! rest load. Positions are checked before they become `geo` types; rings are closed and
//! re-oriented when needed, and the report says so.

use std::path::Path;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::crs::{self, CrsCode, CrsError, Reprojector};
use super::report::LoadReport;
use super::schema;
use super::text;
use crate::model::{Zone, approx_area_ha, bounds_of};

/// Largest file the loader accepts (2 GiB): past that, refuse rather than exhaust memory.
pub const MAX_FILE_BYTES: u64 = 2 << 30;
const NO_POLYGON: &str = "GeometryCollection holds no polygon";
/// Largest polygon checked for self-intersection.
const MAX_VALIDATED_VERTICES: usize = 5_000;
/// Deepest GeometryCollection nesting followed.
const MAX_COLLECTION_DEPTH: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the file: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: the file is {size_bytes} bytes, over the {limit_bytes}-byte limit")]
    TooLarge {
        file: String,
        size_bytes: u64,
        limit_bytes: u64,
    },
    #[error("{file}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: not GeoJSON: {reason}")]
    NotGeoJson { file: String, reason: String },
    #[error("{file}: {source}")]
    Crs { file: String, source: CrsError },
    #[error("{file}: loading cancelled")]
    Cancelled { file: String },
}

/// The zones read from one file and the report of what happened.
#[derive(Debug)]
pub struct LoadedFile {
    pub zones: Vec<Zone>,
    pub report: LoadReport,
}

/// Reads a file from disk. The file is only read, never written.
pub fn load_path(path: &Path) -> Result<LoadedFile, LoadError> {
    let file = display_name(path);
    let size = std::fs::metadata(path)
        .map_err(|source| LoadError::Io {
            file: file.clone(),
            source,
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            file,
            size_bytes: size,
            limit_bytes: MAX_FILE_BYTES,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    load_bytes(&file, &bytes, &mut |_| true)
}

/// The name used in messages: the file name, or the whole path if it has none.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads GeoJSON from memory. `progress` gets the fraction done (0..1) now and then and returns
/// `false` to cancel.
pub fn load_bytes(
    file: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<LoadedFile, LoadError> {
    let mut report = LoadReport::new(file);
    let decoded = text::decode(bytes);
    if let Some(note) = decoded.note {
        report.warn(None, None, note);
    }
    let text: &str = &decoded.text;
    if text.trim().is_empty() {
        return Err(LoadError::Empty { file: file.into() });
    }

    if !text.trim_start().starts_with('{') {
        // Still report a syntax error with its position first, if there is one.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(json_error(file, &e));
        }
        return Err(LoadError::NotGeoJson {
            file: file.into(),
            reason: "the top-level JSON value is not an object".into(),
        });
    }
    let top: Top<'_> = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    check_bbox(top.bbox, &mut report);
    let features = feature_list(file, text, &top, &mut report)?;
    report.features_seen = features.len();

    // Parse every feature's geometry in the file's own coordinates.
    let mut parsed: Vec<(usize, ParsedFeature)> = Vec::with_capacity(features.len());
    for (index, raw) in features.iter().enumerate() {
        if index % 1024 == 0 && !progress(0.8 * index as f32 / features.len().max(1) as f32) {
            return Err(LoadError::Cancelled { file: file.into() });
        }
        match parse_feature(raw.get()) {
            Ok(feature) => parsed.push((index, feature)),
            Err(FeatureError {
                id,
                message,
                warnings,
            }) => {
                for w in warnings {
                    report.warn(Some(index), id.clone(), w);
                }
                report.skip(Some(index), id, message);
            }
        }
    }

    let frame = choose_frame(file, top.crs, &parsed, &mut report)?;

    let mut zones = Vec::with_capacity(parsed.len());
    let total = parsed.len().max(1);
    for (done, (index, feature)) in parsed.into_iter().enumerate() {
        if done % 1024 == 0 && !progress(0.8 + 0.2 * done as f32 / total as f32) {
            return Err(LoadError::Cancelled { file: file.into() });
        }
        let id = feature.label.clone();
        for w in &feature.warnings {
            report.warn(Some(index), id.clone(), w.clone());
        }
        match build_zone(index, feature, &frame) {
            Ok((zone, warnings)) => {
                for w in warnings {
                    report.warn(Some(index), id.clone(), w);
                }
                zones.push(zone);
            }
            Err(message) => report.skip(Some(index), id, message),
        }
    }
    report.zones_loaded = zones.len();
    progress(1.0);
    Ok(LoadedFile { zones, report })
}

fn json_error(file: &str, e: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    match e.classify() {
        Category::Data => LoadError::NotGeoJson {
            file: file.into(),
            reason: format!("{e}"),
        },
        _ => LoadError::Json {
            file: file.into(),
            line: e.line(),
            column: e.column(),
            message: strip_position(&e.to_string()),
        },
    }
}

/// A serde_json error in words, without its position (feature messages carry the index).
fn describe_serde(e: &serde_json::Error) -> String {
    let text = strip_position(&e.to_string());
    if text.contains("recursion limit") {
        "nested more than 128 levels deep".into()
    } else {
        text
    }
}

/// A coordinate for a message: plain when reasonable, scientific when absurd.
fn num(x: f64) -> String {
    if x.abs() < 1e9 {
        format!("{x}")
    } else {
        format!("{x:e}")
    }
}

/// serde_json appends " at line L column C"; the message carries them already.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The top-level object. Members are kept raw and parsed one by one, so that one broken
/// feature does not refuse the whole file.
#[derive(Deserialize)]
struct Top<'a> {
    #[serde(rename = "type", default)]
    kind: Option<&'a RawValue>,
    #[serde(borrow, default)]
    features: Option<&'a RawValue>,
    #[serde(borrow, default)]
    crs: Option<&'a RawValue>,
    #[serde(borrow, default)]
    bbox: Option<&'a RawValue>,
}

/// A `bbox` must hold 4 (2D) or 6 (3D) numbers; anything else is noted and ignored.
fn check_bbox(bbox: Option<&RawValue>, report: &mut LoadReport) {
    let Some(raw) = bbox else { return };
    let ok =
        serde_json::from_str::<Vec<f64>>(raw.get()).is_ok_and(|b| b.len() == 4 || b.len() == 6);
    if !ok {
        report.warn(None, None, "\"bbox\" is not 4 or 6 numbers; ignored");
    }
}

fn feature_list<'a>(
    file: &str,
    text: &'a str,
    top: &Top<'a>,
    report: &mut LoadReport,
) -> Result<Vec<&'a RawValue>, LoadError> {
    let not_geojson = |reason: String| LoadError::NotGeoJson {
        file: file.into(),
        reason,
    };
    let kind = match top.kind {
        Some(raw) => match serde_json::from_str::<Value>(raw.get()) {
            Ok(Value::String(s)) => Some(s),
            _ => {
                let shown: String = raw.get().chars().take(40).collect();
                return Err(not_geojson(format!("\"type\" is {shown}, not a string")));
            }
        },
        None => None,
    };
    let whole = || -> Result<&'a RawValue, LoadError> {
        serde_json::from_str::<&RawValue>(text).map_err(|e| json_error(file, &e))
    };
    match kind.as_deref() {
        Some(k)
            if k.eq_ignore_ascii_case("FeatureCollection")
                || (k.is_empty() && top.features.is_some()) =>
        {
            if k != "FeatureCollection" {
                report.warn(
                    None,
                    None,
                    format!("type \"{k}\" read as \"FeatureCollection\""),
                );
            }
            let Some(raw) = top.features else {
                return Err(not_geojson(
                    "FeatureCollection has no \"features\" array".into(),
                ));
            };
            serde_json::from_str::<Vec<&RawValue>>(raw.get()).map_err(|e| {
                not_geojson(format!(
                    "\"features\" is not an array of objects: {}",
                    strip_position(&e.to_string())
                ))
            })
        }
        None if top.features.is_some() => {
            report.warn(
                None,
                None,
                "no \"type\" member; read as a FeatureCollection",
            );
            let raw = top
                .features
                .ok_or_else(|| not_geojson("no features".into()))?;
            serde_json::from_str::<Vec<&RawValue>>(raw.get())
                .map_err(|e| not_geojson(format!("\"features\" is not an array: {e}")))
        }
        Some(k) if k.eq_ignore_ascii_case("Feature") => Ok(vec![whole()?]),
        Some(k) if GEOMETRY_TYPES.iter().any(|g| g.eq_ignore_ascii_case(k)) => {
            report.warn(
                None,
                None,
                format!("the file is a lone {k} geometry, read as one feature"),
            );
            // Wrap the geometry as a feature's geometry.
            Ok(vec![whole()?])
        }
        Some(k) => Err(not_geojson(format!("unknown GeoJSON type \"{k}\""))),
        None => Err(not_geojson("no \"type\" member".into())),
    }
}

const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

#[derive(Deserialize)]
struct RawFeature<'a> {
    #[serde(rename = "type", default)]
    kind: Option<Value>,
    #[serde(borrow, default)]
    geometry: Option<&'a RawValue>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Value>,
    /// Present when the "feature" is in fact a bare geometry.
    #[serde(borrow, default)]
    coordinates: Option<&'a RawValue>,
    #[serde(borrow, default)]
    geometries: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawGeometry<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow, default)]
    coordinates: Option<&'a RawValue>,
    #[serde(borrow, default)]
    geometries: Option<Vec<&'a RawValue>>,
}

type RawRing = Vec<Vec<f64>>;
type RawPolygon = Vec<RawRing>;

/// A feature whose geometry has been read but not yet checked or reprojected.
struct ParsedFeature {
    label: Option<String>,
    id: Option<Value>,
    properties: Map<String, Value>,
    polygons: Vec<RawPolygon>,
    warnings: Vec<String>,
}

struct FeatureError {
    id: Option<String>,
    message: String,
    /// What was noticed before the feature was given up (reported as warnings).
    warnings: Vec<String>,
}

fn parse_feature(raw: &str) -> Result<ParsedFeature, FeatureError> {
    let fail = |id: Option<String>, message: String| FeatureError {
        id,
        message,
        warnings: Vec::new(),
    };
    let trimmed = raw.trim_start();
    if !trimmed.starts_with('{') {
        let what = match trimmed.chars().next() {
            Some('n') => "null",
            Some('[') => "an array",
            Some('"') => "a string",
            Some('t' | 'f') => "a boolean",
            _ => "a number",
        };
        return Err(fail(None, format!("the feature is {what}, not an object")));
    }
    let feature: RawFeature<'_> = serde_json::from_str(raw).map_err(|e| {
        fail(
            None,
            format!("not a feature object: {}", describe_serde(&e)),
        )
    })?;
    let mut warnings = Vec::new();
    let properties = match feature.properties {
        Some(Value::Object(map)) => map,
        None | Some(Value::Null) => Map::new(),
        Some(other) => {
            warnings.push(format!(
                "\"properties\" is {} rather than an object; kept as property \"properties\"",
                json_kind(&other)
            ));
            let mut map = Map::new();
            map.insert("properties".into(), other);
            map
        }
    };
    let label = schema::text(&properties, schema::ID)
        .or_else(|| feature.id.as_ref().and_then(schema::value_text))
        .or_else(|| schema::text(&properties, schema::NAME));
    match feature.kind.as_ref().and_then(Value::as_str) {
        Some("Feature") => {}
        Some(k) if k.eq_ignore_ascii_case("feature") => {
            warnings.push(format!("type \"{k}\" read as \"Feature\""));
        }
        Some(k) if GEOMETRY_TYPES.iter().any(|g| g.eq_ignore_ascii_case(k)) => {
            // A bare geometry (file that is one geometry, or a geometry inside "features").
            let polygons = match geometry_polygons(raw, 0, &mut warnings) {
                Ok(p) => p,
                Err(message) => {
                    return Err(FeatureError {
                        id: label,
                        message,
                        warnings,
                    });
                }
            };
            return Ok(ParsedFeature {
                label,
                id: None,
                properties,
                polygons,
                warnings,
            });
        }
        Some(k) => warnings.push(format!(
            "type \"{k}\" is not \"Feature\"; read as a feature"
        )),
        None => warnings.push("no \"type\" member; read as a feature".into()),
    }
    let _ = (feature.coordinates, feature.geometries);
    let Some(geometry) = feature.geometry else {
        return Err(FeatureError {
            id: label,
            message: "no geometry (null or missing)".into(),
            warnings,
        });
    };
    let polygons = match geometry_polygons(geometry.get(), 0, &mut warnings) {
        Ok(p) => p,
        Err(message) => {
            return Err(FeatureError {
                id: label,
                message,
                warnings,
            });
        }
    };
    Ok(ParsedFeature {
        label,
        id: feature.id,
        properties,
        polygons,
        warnings,
    })
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The polygons of a geometry, in file coordinates. Non-polygon geometries are an error (the
/// feature is skipped), except inside a GeometryCollection where they are left out with a warning.
fn geometry_polygons(
    raw: &str,
    depth: usize,
    warnings: &mut Vec<String>,
) -> Result<Vec<RawPolygon>, String> {
    let geometry: RawGeometry<'_> = serde_json::from_str(raw)
        .map_err(|e| format!("invalid geometry: {}", describe_serde(&e)))?;
    let kind = geometry.kind.as_str();
    let canonical = GEOMETRY_TYPES
        .iter()
        .find(|g| g.eq_ignore_ascii_case(kind))
        .ok_or_else(|| format!("unknown geometry type \"{kind}\""))?;
    if *canonical != kind {
        warnings.push(format!("geometry type \"{kind}\" read as \"{canonical}\""));
    }
    let coordinates = || {
        geometry
            .coordinates
            .map(RawValue::get)
            .ok_or_else(|| format!("{canonical} without \"coordinates\""))
    };
    let bad_coords = |e: serde_json::Error| {
        format!(
            "{canonical} coordinates are not arrays of numbers: {}",
            describe_serde(&e)
        )
    };
    match *canonical {
        "Polygon" => {
            let polygon: RawPolygon = serde_json::from_str(coordinates()?).map_err(bad_coords)?;
            Ok(vec![polygon])
        }
        "MultiPolygon" => {
            serde_json::from_str::<Vec<RawPolygon>>(coordinates()?).map_err(bad_coords)
        }
        "GeometryCollection" => {
            if depth >= MAX_COLLECTION_DEPTH {
                return Err(format!(
                    "GeometryCollection nested more than {MAX_COLLECTION_DEPTH} deep"
                ));
            }
            let mut polygons = Vec::new();
            for (i, member) in geometry.geometries.unwrap_or_default().iter().enumerate() {
                match geometry_polygons(member.get(), depth + 1, warnings) {
                    Ok(mut p) => polygons.append(&mut p),
                    // An empty nested collection has already said why.
                    Err(e) if e.starts_with(NO_POLYGON) => {}
                    Err(e) => warnings.push(format!("GeometryCollection member {i} left out: {e}")),
                }
            }
            if polygons.is_empty() {
                let why = warnings
                    .iter()
                    .find(|w| w.starts_with("GeometryCollection member"))
                    .map(|w| format!(" ({w})"))
                    .unwrap_or_default();
                Err(format!("{NO_POLYGON}{why}"))
            } else {
                Ok(polygons)
            }
        }
        other => Err(format!(
            "geometry is a {other}; zones must be Polygon or MultiPolygon"
        )),
    }
}

/// How file coordinates become WGS84 degrees.
enum Frame {
    Wgs84,
    Projected(Box<Reprojector>),
}

fn choose_frame(
    file: &str,
    crs_member: Option<&RawValue>,
    parsed: &[(usize, ParsedFeature)],
    report: &mut LoadReport,
) -> Result<Frame, LoadError> {
    if let Some(raw) = crs_member.filter(|r| r.get().trim() != "null") {
        let name = crs_name(raw.get()).ok_or_else(|| LoadError::Crs {
            file: file.into(),
            source: CrsError::Unrecognised(raw.get().to_string()),
        })?;
        let code = crs::parse_crs_name(&name).map_err(|source| LoadError::Crs {
            file: file.into(),
            source,
        })?;
        return match code {
            CrsCode::Wgs84 => {
                report.crs = format!("WGS84 longitude/latitude (crs member \"{name}\")");
                Ok(Frame::Wgs84)
            }
            CrsCode::Epsg(code) => {
                let reprojector =
                    Reprojector::from_epsg(code).map_err(|source| LoadError::Crs {
                        file: file.into(),
                        source,
                    })?;
                report.crs = format!("EPSG:{code} (crs member \"{name}\"), reprojected to WGS84");
                Ok(Frame::Projected(Box::new(reprojector)))
            }
        };
    }
    // No crs member: RFC 7946 says WGS84 degrees. Coordinates that cannot be degrees but fit the
    // Lambert-93 extent are read as Lambert-93 (the usual French case), and the report says so.
    let (mut degrees, mut lambert) = (0usize, 0usize);
    for (_, feature) in parsed.iter().take(100) {
        let mut points = feature
            .polygons
            .iter()
            .flatten()
            .flatten()
            .filter(|p| p.len() >= 2 && p[0].is_finite() && p[1].is_finite())
            .take(64)
            .peekable();
        if points.peek().is_none() {
            continue;
        }
        let points: Vec<_> = points.collect();
        if points.iter().all(|p| crs::fits_degrees(p[0], p[1])) {
            degrees += 1;
        } else if points.iter().all(|p| crs::fits_lambert93(p[0], p[1])) {
            lambert += 1;
        }
    }
    if lambert > degrees {
        let reprojector = Reprojector::lambert93().map_err(|source| LoadError::Crs {
            file: file.into(),
            source,
        })?;
        report.crs = "Lambert-93 (EPSG:2154), detected: no crs member and coordinates in metres \
                      within the Lambert-93 extent"
            .into();
        report.warn(
            None,
            None,
            "no \"crs\" member; coordinates are metres in the Lambert-93 extent, read as EPSG:2154",
        );
        Ok(Frame::Projected(Box::new(reprojector)))
    } else {
        report.crs = "WGS84 longitude/latitude (GeoJSON default, no crs member)".into();
        Ok(Frame::Wgs84)
    }
}

/// The name in a legacy `crs` member: `{"type": "name", "properties": {"name": "EPSG:2154"}}`.
fn crs_name(raw: &str) -> Option<String> {
    let value: Value = serde_json::from_str(raw).ok()?;
    value
        .get("properties")?
        .get("name")?
        .as_str()
        .map(str::to_string)
}

fn build_zone(
    index: usize,
    feature: ParsedFeature,
    frame: &Frame,
) -> Result<(Zone, Vec<String>), String> {
    let mut warnings = Vec::new();
    let mut polygons = Vec::with_capacity(feature.polygons.len());
    let mut dims_noted = false;
    let part_count = feature.polygons.len();
    for (part, raw_polygon) in feature.polygons.into_iter().enumerate() {
        let prefix = if part_count > 1 {
            format!("polygon {part}: ")
        } else {
            String::new()
        };
        match build_polygon(raw_polygon, frame, &mut dims_noted, &mut warnings) {
            Ok(polygon) => polygons.push(polygon),
            Err(e) if part_count > 1 => warnings.push(format!("{prefix}{e}; part left out")),
            Err(e) => return Err(e),
        }
    }
    if polygons.is_empty() {
        return Err("no usable polygon".into());
    }
    let geometry = MultiPolygon::new(polygons);
    let bbox = bounds_of(&geometry).ok_or("no coordinates")?;
    let area_ha = approx_area_ha(&geometry);
    let props = feature.properties;
    let (vocation, vocation_label) = schema::vocation(&props);
    let jobs_key = schema::lookup(&props, schema::JOBS).map(|(k, _)| k.to_string());
    let zone = Zone {
        id: feature
            .label
            .clone()
            .or_else(|| feature.id.as_ref().and_then(schema::value_text))
            .unwrap_or_else(|| format!("#{index}")),
        name: schema::text(&props, schema::NAME),
        commune: schema::text(&props, schema::COMMUNE),
        vocation,
        vocation_label,
        state: schema::text(&props, schema::STATE),
        surface_declared_ha: schema::number(&props, schema::SURFACE_HA),
        jobs: schema::number(&props, schema::JOBS),
        jobs_year: jobs_key.and_then(|k| schema::year_of(&props, &k)),
        establishments: schema::number(&props, schema::ESTABLISHMENTS),
        operator: schema::text(&props, schema::OPERATOR),
        url: schema::text(&props, schema::URL),
        description: schema::text(&props, schema::DESCRIPTION),
        created: schema::text(&props, schema::CREATED),
        geometry_quality: schema::text(&props, &["geometry_quality", "qualite_geometrie"]),
        position_grade: schema::text(&props, &["position_grade"]),
        tenants: schema::tenants(&props),
        sources: schema::sources(&props),
        properties: props,
        geometry,
        bbox,
        area_ha,
        file: 0,
        feature_index: index,
    };
    Ok((zone, warnings))
}

/// Checks and converts one polygon: positions, ranges, closing, winding.
fn build_polygon(
    raw: RawPolygon,
    frame: &Frame,
    dims_noted: &mut bool,
    warnings: &mut Vec<String>,
) -> Result<Polygon<f64>, String> {
    if raw.is_empty() {
        return Err("empty polygon (no rings)".into());
    }
    let mut rings: Vec<LineString<f64>> = Vec::with_capacity(raw.len());
    for (r, ring) in raw.into_iter().enumerate() {
        let what = if r == 0 {
            "exterior ring".to_string()
        } else {
            format!("hole {r}")
        };
        match build_ring(ring, frame, dims_noted, warnings) {
            Ok(ls) => {
                if let Some(w) = ls.1 {
                    warnings.push(format!("{what}: {w}"));
                }
                rings.push(ls.0);
            }
            Err(e) if r == 0 => return Err(format!("{what}: {e}")),
            Err(e) => warnings.push(format!("{what}: {e}; hole left out")),
        }
    }
    let exterior = rings.remove(0);
    let polygon = orient(Polygon::new(exterior, rings), warnings);
    check_validity(&polygon, warnings);
    Ok(polygon)
}

/// Reports self-intersections and other OGC validity problems; the polygon is drawn as it is.
/// Bounded: validation is quadratic-ish, so very large polygons are not checked (and the report
/// says so).
fn check_validity(polygon: &Polygon<f64>, warnings: &mut Vec<String>) {
    use geo::{CoordsIter, Validation};
    let vertices = polygon.coords_count();
    if vertices > MAX_VALIDATED_VERTICES {
        warnings.push(format!(
            "{vertices} vertices: self-intersection not checked (checked up to {MAX_VALIDATED_VERTICES})"
        ));
        return;
    }
    if let Err(e) = polygon.check_validation() {
        warnings.push(format!("invalid polygon ({e}); drawn as it is"));
    }
}

/// Exterior counter-clockwise, holes clockwise (RFC 7946); reports rings that were not.
fn orient(polygon: Polygon<f64>, warnings: &mut Vec<String>) -> Polygon<f64> {
    use geo::orient::{Direction, Orient};
    use geo::winding_order::{Winding, WindingOrder};
    let exterior_cw = polygon.exterior().winding_order() == Some(WindingOrder::Clockwise);
    let holes_ccw = polygon
        .interiors()
        .iter()
        .filter(|h| h.winding_order() == Some(WindingOrder::CounterClockwise))
        .count();
    if !exterior_cw && holes_ccw == 0 {
        return polygon;
    }
    if exterior_cw {
        warnings.push(
            "exterior ring is clockwise (RFC 7946 wants counter-clockwise); re-oriented".into(),
        );
    }
    if holes_ccw > 0 {
        warnings.push(format!(
            "{holes_ccw} hole(s) counter-clockwise (RFC 7946 wants clockwise); re-oriented"
        ));
    }
    polygon.orient(Direction::Default)
}

/// One ring: every position has ≥ 2 finite numbers, reprojects into range, at least 3 distinct
/// points; closed if it was not. Returns the ring and an optional repair note.
fn build_ring(
    ring: RawRing,
    frame: &Frame,
    dims_noted: &mut bool,
    warnings: &mut Vec<String>,
) -> Result<(LineString<f64>, Option<String>), String> {
    let mut coords: Vec<Coord<f64>> = Vec::with_capacity(ring.len() + 1);
    for (j, position) in ring.iter().enumerate() {
        if position.len() < 2 {
            return Err(format!(
                "position {j} has {} coordinate(s), needs at least 2",
                position.len()
            ));
        }
        if position.len() > 2 && !*dims_noted {
            *dims_noted = true;
            warnings.push(format!(
                "positions have {} coordinates; elevation and measures ignored",
                position.len()
            ));
        }
        let (x, y) = (position[0], position[1]);
        if !x.is_finite() || !y.is_finite() {
            return Err(format!(
                "position {j} is not a finite number ({}, {})",
                num(x),
                num(y)
            ));
        }
        let (lon, lat) = match frame {
            Frame::Wgs84 => (x, y),
            Frame::Projected(p) => p.to_wgs84(x, y).map_err(|e| {
                format!(
                    "position {j} ({}, {}) cannot be reprojected: {e}",
                    num(x),
                    num(y)
                )
            })?,
        };
        if !crs::fits_degrees(lon, lat) || !lon.is_finite() || !lat.is_finite() {
            return Err(match frame {
                Frame::Wgs84 => format!(
                    "position {j} ({}, {}) is outside longitude/latitude range and not in the Lambert-93 extent",
                    num(x),
                    num(y)
                ),
                Frame::Projected(p) => format!(
                    "position {j} ({}, {}) in EPSG:{} falls outside the globe ({}, {})",
                    num(x),
                    num(y),
                    p.code(),
                    num(lon),
                    num(lat)
                ),
            });
        }
        coords.push(Coord { x: lon, y: lat });
    }
    let mut distinct = coords.clone();
    distinct.dedup();
    if distinct.len() > 1 && distinct.first() == distinct.last() {
        distinct.pop();
    }
    if distinct.len() < 3 {
        return Err(format!(
            "ring has {} position(s), {} distinct: a ring needs at least 3 distinct points",
            coords.len(),
            distinct.len()
        ));
    }
    let mut note = None;
    if coords.first() != coords.last() {
        note = Some("ring was not closed (first position ≠ last); closed it".to_string());
        if let Some(&first) = coords.first() {
            coords.push(first);
        }
    }
    Ok((LineString::new(coords), note))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<LoadedFile, LoadError> {
        load_bytes("test.geojson", text.as_bytes(), &mut |_| true)
    }

    const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[5.0,47.0],[5.01,47.0],[5.01,47.01],[5.0,47.01],[5.0,47.0]]]}"#;

    #[test]
    fn lone_feature_and_geometry_load() {
        let f = load(&format!(
            r#"{{"type":"Feature","properties":{{"nom":"A"}},"geometry":{SQUARE}}}"#
        ))
        .expect("feature loads");
        assert_eq!(f.zones.len(), 1);
        assert_eq!(f.zones[0].name.as_deref(), Some("A"));
        let g = load(SQUARE).expect("geometry loads");
        assert_eq!(g.zones.len(), 1);
    }

    #[test]
    fn json_error_has_line_and_column() {
        let err =
            load("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}").unwrap_err();
        match err {
            LoadError::Json { line, column, .. } => assert_eq!((line, column), (3, 16)),
            other => panic!("unexpected {other}"),
        }
    }

    #[test]
    fn unclosed_ring_is_closed_and_reported() {
        let f = load(r#"{"type":"Polygon","coordinates":[[[5.0,47.0],[5.01,47.0],[5.01,47.01],[5.0,47.01]]]}"#)
            .expect("loads");
        assert_eq!(f.zones.len(), 1);
        let ring = f.zones[0].geometry.0[0].exterior();
        assert_eq!(ring.0.first(), ring.0.last());
        assert!(
            f.report
                .warnings
                .iter()
                .any(|w| w.message.contains("not closed"))
        );
    }

    #[test]
    fn clockwise_exterior_is_reported() {
        let f = load(r#"{"type":"Polygon","coordinates":[[[5.0,47.0],[5.0,47.01],[5.01,47.01],[5.01,47.0],[5.0,47.0]]]}"#)
            .expect("loads");
        assert!(
            f.report
                .warnings
                .iter()
                .any(|w| w.message.contains("clockwise"))
        );
    }

    #[test]
    fn out_of_range_is_refused_per_feature() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[
                {{"type":"Feature","properties":{{}},"geometry":{SQUARE}}},
                {{"type":"Feature","properties":{{}},"geometry":{{"type":"Polygon","coordinates":[[[500,100],[501,100],[501,101],[500,100]]]}}}}
            ]}}"#
        );
        let f = load(&text).expect("loads");
        assert_eq!(f.zones.len(), 1);
        assert_eq!(f.report.skipped.len(), 1);
        assert_eq!(f.report.skipped[0].index, Some(1));
    }
}
