//! GeoJSON reader. A file that is not JSON, or not GeoJSON, is refused with a message naming
//! the file and the reason (line and column for JSON errors). Inside a readable file every
//! feature is read on its own: a null or broken feature is skipped and reported, the rest load.

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::geometry::{self, GEOMETRY_TYPES, RawGeometry, describe_serde, strip_position};
use super::load::LoadError;
use rayon::prelude::*;

use super::records::{Builder, Outcome, Record, build_record};
use super::report::{FeatureIssue, JsonKind, LoadReport, Reason};
use super::schema;

/// The file's features as records, and the name in its legacy `crs` member if any.
pub fn read(
    file: &str,
    text: &str,
    report: &mut LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
    sink: &mut Builder,
) -> Result<(), LoadError> {
    if !text.trim_start().starts_with('{') {
        // A syntax error with its position first, if there is one.
        if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
            return Err(json_error(file, &e));
        }
        return Err(LoadError::NotGeoJson {
            file: file.into(),
            reason: "the top-level JSON value is not an object".into(),
        });
    }
    let top: Top<'_> = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    read_top(file, text, top, report, progress, sink)
}

/// Like [`read`], for text that holds JavaScript's `NaN`, `Infinity` or `-Infinity` (not JSON,
/// but written by some tools): they are read as `null`, so the features that hold them are
/// refused one by one with the position, and the rest of the file loads.
pub fn read_lenient(
    file: &str,
    text: &str,
    report: &mut LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
    sink: &mut Builder,
) -> Result<(), LoadError> {
    // A JSON syntax error comes from the top-level parse, before any record reached the sink.
    match read(file, text, report, progress, sink) {
        Err(LoadError::Json { .. }) if has_non_finite_literals(text) => {
            let cleaned = replace_non_finite_literals(text);
            report.warn(None, None, Reason::NonFiniteLiterals);
            let top: Top<'_> = serde_json::from_str(&cleaned).map_err(|e| json_error(file, &e))?;
            read_top(file, &cleaned, top, report, progress, sink)
        }
        other => other,
    }
}

fn has_non_finite_literals(text: &str) -> bool {
    text.contains("NaN") || text.contains("Infinity")
}

/// Replaces `NaN`, `Infinity` and `-Infinity` outside strings with `null`.
fn replace_non_finite_literals(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let token = ["-Infinity", "Infinity", "NaN"]
            .into_iter()
            .find(|t| rest.starts_with(t));
        if let Some(token) = token {
            out.push_str("null");
            rest = &rest[token.len()..];
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn read_top(
    file: &str,
    text: &str,
    top: Top<'_>,
    report: &mut LoadReport,
    progress: &mut dyn FnMut(f32) -> bool,
    sink: &mut Builder,
) -> Result<(), LoadError> {
    let (crs_name, features) = top_header(file, text, top, report)?;
    sink.set_crs(crs_name);
    report.features_seen = features.len();
    let total = features.len().max(1) as f32;
    let features: Vec<&str> = features.iter().map(|raw| raw.get()).collect();
    feed(
        file,
        0,
        &features,
        report,
        &mut |next| progress(next as f32 / total),
        sink,
    )
}

/// What the top-level object says besides its features: a `bbox` worth a warning, the name in
/// its legacy `crs` member, and (after checking its `type`) the features themselves.
fn top_header<'a>(
    file: &str,
    text: &'a str,
    top: Top<'a>,
    report: &mut LoadReport,
) -> Result<(Option<String>, Vec<&'a RawValue>), LoadError> {
    check_bbox(top.bbox, report);
    let crs_name = match top.crs.filter(|r| r.get().trim() != "null") {
        Some(raw) => Some(
            geometry::crs_member_name(raw.get()).ok_or_else(|| LoadError::Crs {
                file: file.into(),
                source: super::crs::CrsError::Unrecognised(raw.get().chars().take(80).collect()),
            })?,
        ),
        None => None,
    };
    let features = feature_list(file, text, top, report)?;
    Ok((crs_name, features))
}

/// What a streamed file's top-level object says, worked out on its skeleton (the object with
/// the features array emptied): the warnings it gives and the name in its `crs` member.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Header {
    pub warnings: Vec<FeatureIssue>,
    pub crs_name: Option<String>,
}

/// The header of a skeleton, or `None` when the skeleton is refused or unusual (then the
/// whole file is read the ordinary way, for the same message as before).
pub(super) fn skeleton_header(file: &str, skeleton: &str) -> Option<Header> {
    let top: Top<'_> = serde_json::from_str(skeleton).ok()?;
    let mut report = LoadReport::new(file);
    let (crs_name, features) = top_header(file, skeleton, top, &mut report).ok()?;
    // A lone Feature with a "features" member reads the whole text as its feature.
    if !features.is_empty() || !report.skipped.is_empty() {
        return None;
    }
    Some(Header {
        warnings: report.warnings,
        crs_name,
    })
}

/// Hands features `first..` of the file (the next ones, in file order) to the sink: one by one
/// until the layer and the coordinate system are known, then in chunks, each built on all
/// cores and taken in file order. `progress` gets the index of the next feature before each
/// chunk and returns false to cancel. Whole files and streamed batches share this, so both
/// give the same records, warnings and skipped features.
pub(super) fn feed<S: AsRef<str> + Sync>(
    file: &str,
    first: usize,
    features: &[S],
    report: &mut LoadReport,
    progress: &mut dyn FnMut(usize) -> bool,
    sink: &mut Builder,
) -> Result<(), LoadError> {
    let mut next = 0;
    while next < features.len() && sink.decided().is_none() {
        match parse_feature(first + next, features[next].as_ref()) {
            Ok(record) => sink.push(record, report)?,
            Err(e) => e.report(first + next, report),
        }
        next += 1;
    }
    for (chunk_index, chunk) in features[next..].chunks(CHUNK).enumerate() {
        let start = first + next + chunk_index * CHUNK;
        if !progress(start) {
            return Err(LoadError::Cancelled { file: file.into() });
        }
        let Some((layer, frame)) = sink.decided() else {
            break;
        };
        let outcomes: Vec<Result<Outcome, Box<FeatureError>>> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, raw)| {
                parse_feature(start + i, raw.as_ref()).map(|r| build_record(layer, r, frame))
            })
            .collect();
        for (i, outcome) in outcomes.into_iter().enumerate() {
            match outcome {
                Ok(outcome) => sink.accept(outcome, report),
                Err(e) => e.report(start + i, report),
            }
        }
    }
    Ok(())
}

/// Features built together on the thread pool between two progress reports.
pub(super) const CHUNK: usize = 4096;

impl FeatureError {
    fn report(self, index: usize, report: &mut LoadReport) {
        for w in self.warnings {
            report.warn(Some(index), self.id.clone(), w);
        }
        report.skip(Some(index), self.id, self.reason);
    }
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

/// The top-level object. Members are kept raw and parsed one by one, so that one broken
/// feature does not refuse the whole file.
#[derive(Deserialize)]
struct Top<'a> {
    #[serde(rename = "type", default)]
    kind: Option<&'a RawValue>,
    #[serde(borrow, default)]
    features: Option<FeatureArray<'a>>,
    #[serde(borrow, default)]
    crs: Option<&'a RawValue>,
    #[serde(borrow, default)]
    bbox: Option<&'a RawValue>,
}

/// The `features` member: each element kept raw (one pass over the file), or, when it is not
/// an array, what it was instead.
enum FeatureArray<'a> {
    List(Vec<&'a RawValue>),
    Not(&'static str),
}

impl<'de: 'a, 'a> Deserialize<'de> for FeatureArray<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = FeatureArray<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array of features")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(raw) = seq.next_element::<&'de RawValue>()? {
                    list.push(raw);
                }
                Ok(FeatureArray::List(list))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(FeatureArray::Not("an object"))
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(FeatureArray::Not("a string"))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(FeatureArray::Not("a boolean"))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(FeatureArray::Not("a number"))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(FeatureArray::Not("a number"))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(FeatureArray::Not("a number"))
            }
        }
        deserializer.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A `bbox` must hold 4 (2D) or 6 (3D) numbers; anything else is noted and ignored.
fn check_bbox(bbox: Option<&RawValue>, report: &mut LoadReport) {
    let Some(raw) = bbox else { return };
    let ok =
        serde_json::from_str::<Vec<f64>>(raw.get()).is_ok_and(|b| b.len() == 4 || b.len() == 6);
    if !ok {
        report.warn(None, None, Reason::BadBbox);
    }
}

fn feature_list<'a>(
    file: &str,
    text: &'a str,
    top: Top<'a>,
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
    let list = |features: FeatureArray<'a>| match features {
        FeatureArray::List(list) => Ok(list),
        FeatureArray::Not(what) => {
            Err(not_geojson(format!("\"features\" is {what}, not an array")))
        }
    };
    match kind.as_deref() {
        Some(k) if k.eq_ignore_ascii_case("FeatureCollection") => {
            if k != "FeatureCollection" {
                report.warn(None, None, Reason::CollectionTypeCase { found: k.into() });
            }
            let raw = top
                .features
                .ok_or_else(|| not_geojson("FeatureCollection has no \"features\" array".into()))?;
            list(raw)
        }
        None if top.features.is_some() => {
            report.warn(None, None, Reason::CollectionNoType);
            list(
                top.features
                    .ok_or_else(|| not_geojson("no features".into()))?,
            )
        }
        Some(k)
            if k.eq_ignore_ascii_case("Feature")
                || GEOMETRY_TYPES.iter().any(|g| g.eq_ignore_ascii_case(k)) =>
        {
            if !k.eq_ignore_ascii_case("Feature") {
                report.warn(None, None, Reason::LoneGeometry { kind: k.into() });
            }
            Ok(vec![
                serde_json::from_str::<&RawValue>(text).map_err(|e| json_error(file, &e))?,
            ])
        }
        Some(k) => Err(not_geojson(format!("unknown GeoJSON type \"{k}\""))),
        None => Err(not_geojson("no \"type\" member".into())),
    }
}

#[derive(Deserialize)]
struct RawFeature<'a> {
    #[serde(rename = "type", default)]
    kind: Option<Value>,
    #[serde(borrow, default)]
    geometry: Option<RawGeometry<'a>>,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    properties: Option<Value>,
}

struct FeatureError {
    id: Option<String>,
    reason: Reason,
    /// What was noticed before the feature was given up (reported as warnings).
    warnings: Vec<Reason>,
}

fn parse_feature(index: usize, raw: &str) -> Result<Record, Box<FeatureError>> {
    let fail = |id: Option<String>, reason: Reason, warnings: Vec<Reason>| {
        Box::new(FeatureError {
            id,
            reason,
            warnings,
        })
    };
    let trimmed = raw.trim_start();
    if !trimmed.starts_with('{') {
        let found = match trimmed.chars().next() {
            Some('n') => JsonKind::Null,
            Some('[') => JsonKind::Array,
            Some('"') => JsonKind::String,
            Some('t' | 'f') => JsonKind::Boolean,
            _ => JsonKind::Number,
        };
        return Err(fail(None, Reason::FeatureNotObject { found }, Vec::new()));
    }
    let feature: RawFeature<'_> = serde_json::from_str(raw).map_err(|e| {
        fail(
            None,
            Reason::NotFeatureObject {
                detail: describe_serde(&e),
            },
            Vec::new(),
        )
    })?;
    let mut warnings = Vec::new();
    let properties = match feature.properties {
        Some(Value::Object(map)) => map,
        None | Some(Value::Null) => Map::new(),
        Some(other) => {
            warnings.push(Reason::PropertiesNotObject {
                found: json_kind(&other),
            });
            let mut map = Map::new();
            map.insert("properties".into(), other);
            map
        }
    };
    let label = schema::feature_label(&properties, feature.id.as_ref());
    let kind = feature.kind.as_ref().and_then(Value::as_str);
    let bare_geometry =
        kind.is_some_and(|k| GEOMETRY_TYPES.iter().any(|g| g.eq_ignore_ascii_case(k)));
    match kind {
        Some("Feature") => {}
        Some(k) if k.eq_ignore_ascii_case("feature") => {
            warnings.push(Reason::FeatureTypeCase { found: k.into() });
        }
        // A bare geometry (a file that is one geometry, or a geometry inside "features").
        Some(_) if bare_geometry => {}
        Some(k) => warnings.push(Reason::FeatureTypeOther { found: k.into() }),
        None => warnings.push(Reason::FeatureNoType),
    }
    let geometry = if bare_geometry {
        geometry::parse_geometry(raw, 0, &mut warnings)
    } else {
        match feature.geometry {
            Some(g) => geometry::geometry_from(g, 0, &mut warnings),
            None => {
                return Err(fail(label, Reason::NoGeometry, warnings));
            }
        }
    };
    match geometry {
        Ok(geometry) => Ok(Record {
            index,
            label,
            id: feature.id,
            properties,
            geometry,
            warnings,
        }),
        Err(reason) => Err(fail(label, reason, warnings)),
    }
}

fn json_kind(v: &Value) -> JsonKind {
    match v {
        Value::Null => JsonKind::Null,
        Value::Bool(_) => JsonKind::Boolean,
        Value::Number(_) => JsonKind::Number,
        Value::String(_) => JsonKind::String,
        Value::Array(_) => JsonKind::Array,
        Value::Object(_) => JsonKind::Object,
    }
}

#[cfg(test)]
#[path = "geojson_tests.rs"]
mod tests;
