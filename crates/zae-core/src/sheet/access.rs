//! Access from a zone: the nearest motorway junction, Dijon-Ville station and Dijon-Bourgogne
//! airport. A file's CNIG fields (`autoroute_nom`, `autoroute_echang_dist`, `gare_nom`,
//! `gare_dist`, `aeroport_nom`, `aeroport_dist`: road distances in km) are shown as declared;
//! what a file lacks is computed as a straight-line (geodesic) distance to the sourced points of
//! `data/access-points.geojson`. Never a road distance that was not declared.

use geo::{Distance, Geodesic, Point};
use serde_json::Value;

use crate::format::format_tenths;
use crate::model::{Zone, schema};
use crate::t;

/// The access points compiled into the program (each with its source; see the file's note).
pub const ACCESS_POINTS_GEOJSON: &str = include_str!("../../../../data/access-points.geojson");

/// What an access point is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    MotorwayJunction,
    Station,
    Airport,
}

impl AccessKind {
    pub const ALL: [AccessKind; 3] = [
        AccessKind::MotorwayJunction,
        AccessKind::Station,
        AccessKind::Airport,
    ];

    fn parse(s: &str) -> Option<Self> {
        match s {
            "motorway_junction" => Some(Self::MotorwayJunction),
            "station" => Some(Self::Station),
            "airport" => Some(Self::Airport),
            _ => None,
        }
    }

    /// The CNIG fields that declare it: name, distance (km, by road).
    fn cnig_fields(self) -> (&'static str, &'static str) {
        match self {
            Self::MotorwayJunction => ("autoroute_nom", "autoroute_echang_dist"),
            Self::Station => ("gare_nom", "gare_dist"),
            Self::Airport => ("aeroport_nom", "aeroport_dist"),
        }
    }

    fn label(self) -> String {
        match self {
            Self::MotorwayJunction => t!("sheet-access-motorway"),
            Self::Station => t!("sheet-access-station"),
            Self::Airport => t!("sheet-access-airport"),
        }
    }
}

/// One sourced point.
#[derive(Clone, Debug, PartialEq)]
pub struct AccessPoint {
    pub kind: AccessKind,
    pub name_fr: String,
    pub name_en: String,
    pub lon: f64,
    pub lat: f64,
    /// The position is an estimate (the file says so).
    pub estimate: bool,
    pub source: String,
}

impl AccessPoint {
    fn name(&self) -> &str {
        match crate::i18n::lang() {
            crate::i18n::Lang::Fr => &self.name_fr,
            crate::i18n::Lang::En => &self.name_en,
        }
    }
}

/// One line of the access block, in the sheet's language.
#[derive(Clone, Debug, PartialEq)]
pub struct AccessLine {
    /// "Motorway junction", "TGV station", "Airport".
    pub label: String,
    /// The place's name.
    pub place: String,
    /// "≈ 4,2 km à vol d'oiseau", "12 km par la route (déclaré)", "sur la zone".
    pub distance: String,
    /// The distance alone, short: "≈ 4,2 km", "12 km" (the kiosk card's).
    pub short: String,
    /// The distance is the file's own (by road), not computed.
    pub declared: bool,
    pub distance_km: f64,
    pub note: Option<usize>,
}

/// The access points a sheet measures to.
#[derive(Clone, Debug, Default)]
pub struct AccessPoints {
    pub points: Vec<AccessPoint>,
}

impl AccessPoints {
    /// The points compiled into the program.
    pub fn embedded() -> Result<Self, String> {
        Self::parse("data/access-points.geojson", ACCESS_POINTS_GEOJSON)
    }

    /// Reads a GeoJSON FeatureCollection of points with `kind`, `name`, `name_en`, `estimate`
    /// and `source` properties; a feature without a known kind, a point or a source is an
    /// error naming it.
    pub fn parse(file: &str, text: &str) -> Result<Self, String> {
        let json: Value =
            serde_json::from_str(text).map_err(|e| format!("{file}: not JSON: {e}"))?;
        let features = json
            .get("features")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{file}: no \"features\" array"))?;
        let mut points = Vec::new();
        for (i, f) in features.iter().enumerate() {
            let props = f.get("properties").and_then(Value::as_object);
            let text = |k: &str| {
                props
                    .and_then(|p| p.get(k))
                    .and_then(schema::value_text)
                    .filter(|s| !s.is_empty())
            };
            let kind = text("kind")
                .as_deref()
                .and_then(AccessKind::parse)
                .ok_or_else(|| format!("{file}: feature {i}: unknown or missing \"kind\""))?;
            let coords = f
                .get("geometry")
                .filter(|g| g.get("type").and_then(Value::as_str) == Some("Point"))
                .and_then(|g| g.get("coordinates"))
                .and_then(Value::as_array)
                .and_then(|c| Some((c.first()?.as_f64()?, c.get(1)?.as_f64()?)))
                .filter(|(lon, lat)| lon.abs() <= 180.0 && lat.abs() <= 90.0)
                .ok_or_else(|| format!("{file}: feature {i}: not a point in lon/lat"))?;
            let source =
                text("source").ok_or_else(|| format!("{file}: feature {i}: no \"source\""))?;
            let name_fr =
                text("name").ok_or_else(|| format!("{file}: feature {i}: no \"name\""))?;
            points.push(AccessPoint {
                kind,
                name_en: text("name_en").unwrap_or_else(|| name_fr.clone()),
                name_fr,
                lon: coords.0,
                lat: coords.1,
                estimate: props
                    .and_then(|p| p.get("estimate"))
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                source,
            });
        }
        Ok(Self { points })
    }

    /// The access block of a zone: for each kind, the declared distance when the zone's data
    /// gives one, else the geodesic distance to the nearest point of that kind. `cite` numbers
    /// a source note.
    pub fn lines_for(&self, zone: &Zone, cite: &mut dyn FnMut(String) -> usize) -> Vec<AccessLine> {
        let map = zone.properties.map();
        let mut lines = Vec::new();
        for kind in AccessKind::ALL {
            let (name_key, dist_key) = kind.cnig_fields();
            if let Some(km) = schema::number(map, &[dist_key]).filter(|d| *d >= 0.0) {
                let place = schema::text(map, &[name_key]).unwrap_or_default();
                let note = cite(t!("sheet-source-access-declared", field = dist_key));
                lines.push(AccessLine {
                    label: kind.label(),
                    place,
                    distance: t!("sheet-access-road", km = format_km(km)),
                    short: t!("sheet-access-road-short", km = format_km(km)),
                    declared: true,
                    distance_km: km,
                    note: Some(note),
                });
                continue;
            }
            let Some((point, metres)) = self
                .points
                .iter()
                .filter(|p| p.kind == kind)
                .map(|p| (p, distance_m(zone, p)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
            else {
                continue;
            };
            let km = metres / 1_000.0;
            let approximate = point.estimate || zone.is_schematic();
            let distance = if metres <= 0.0 {
                t!("sheet-access-on-site")
            } else if approximate {
                t!("sheet-access-crow-approx", km = format_km(km))
            } else {
                t!("sheet-access-crow", km = format_km(km))
            };
            let source = if point.estimate {
                t!(
                    "sheet-source-access-estimate",
                    place = point.name(),
                    source = point.source.clone()
                )
            } else {
                t!(
                    "sheet-source-access",
                    place = point.name(),
                    source = point.source.clone()
                )
            };
            let note = cite(source);
            lines.push(AccessLine {
                label: kind.label(),
                place: point.name().to_string(),
                distance,
                short: if metres <= 0.0 {
                    t!("sheet-access-on-site")
                } else if approximate {
                    format!("≈ {} km", format_km(km))
                } else {
                    format!("{} km", format_km(km))
                },
                declared: false,
                distance_km: km,
                note: Some(note),
            });
        }
        lines
    }
}

/// Kilometres with one decimal under 10 km, whole above ("4,2", "12").
fn format_km(km: f64) -> String {
    if km < 10.0 {
        format_tenths(km)
    } else {
        format!("{km:.0}")
    }
}

/// Geodesic distance in metres from the zone's outline (its nearest vertex; 0 when the point
/// is inside) to the point.
pub fn distance_m(zone: &Zone, point: &AccessPoint) -> f64 {
    let p = Point::new(point.lon, point.lat);
    if zone.contains(&p.0) {
        return 0.0;
    }
    use geo::CoordsIter;
    zone.geometry()
        .coords_iter()
        .map(|c| Geodesic.distance(Point::from(c), p))
        .fold(f64::INFINITY, f64::min)
}
