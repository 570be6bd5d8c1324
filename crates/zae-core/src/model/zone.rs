use geo::{BoundingRect, GeodesicArea, MultiPolygon, Rect};
use serde_json::Value;

use super::schema;
use super::{Outline, Properties};

use super::Vocation;

/// A tenant (CNIG "etablissement") of a zone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tenant {
    pub name: String,
    pub activity: Option<String>,
    pub status: Option<String>,
    pub year: Option<String>,
    pub headcount: Option<String>,
    pub siret: Option<String>,
    pub source: Option<String>,
}

/// One activity zone (CNIG "site-eco"): its outline in WGS84 and what the data says about it.
///
/// Every `Option` is `None` when the data does not say: the UI shows it as "unknown", never 0.
#[derive(Clone, Debug)]
pub struct Zone {
    /// `site_id`, else the feature `id`, else `#<feature index>`.
    pub id: String,
    pub name: Option<String>,
    pub commune: Option<String>,
    pub vocation: Vocation,
    pub surface_declared_ha: Option<f64>,
    pub jobs: Option<f64>,
    pub establishments: Option<f64>,
    /// `site_id` as written (joins plots to the zone).
    pub site_id: Option<String>,
    /// `site_etat` (or an alias), read at load: filters and styles use it for every zone.
    pub state: Option<String>,
    /// `site_taux_vacance`, percent, when the data gives it.
    pub vacancy_percent: Option<f64>,
    /// Every property of the feature as read, in file order (nothing is dropped).
    pub properties: Properties,
    /// Outline in WGS84 (x = longitude, y = latitude), exterior rings counter-clockwise, kept
    /// compact; [`Zone::geometry`] gives it as a `geo` multipolygon.
    pub outline: Outline,
    pub bbox: Rect<f64>,
    /// Where the zone's name goes on the map (lon, lat): inside the outline, found at load
    /// (on the loader's threads, not the interface's).
    pub label_point: (f64, f64),
    /// Area from the outline (Chamberlain–Duquette, within ~0.3% of geodesic), hectares.
    pub area_ha: f64,
    /// Index of the file it came from in [`crate::store::Dataset::files`].
    pub file: usize,
    /// Index of the feature within its file.
    pub feature_index: usize,
    /// Geodesic area, computed on first use (it is slow on very large outlines).
    pub geodesic_ha: std::sync::OnceLock<f64>,
}

impl Zone {
    /// The name to show: the zone's name, else its id.
    pub fn display_name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }

    /// Geodesic area of the outline on the WGS84 ellipsoid (Karney), hectares.
    /// More exact and slower than [`Zone::area_ha`]; for the one zone shown in the info panel.
    pub fn geodesic_area_ha(&self) -> f64 {
        *self
            .geodesic_ha
            .get_or_init(|| self.geometry().geodesic_area_unsigned() / 10_000.0)
    }

    /// The outline as a `geo` multipolygon (decoded from its compact form on each call).
    pub fn geometry(&self) -> MultiPolygon<f64> {
        self.outline.to_multi_polygon()
    }

    /// Whether the outline holds the point (lon, lat); the box is tested first.
    pub fn contains(&self, p: &geo::Coord<f64>) -> bool {
        use geo::Intersects;
        self.bbox.intersects(p) && self.outline.contains(*p)
    }

    /// Jobs per declared hectare, when both are known.
    pub fn jobs_per_ha(&self) -> Option<f64> {
        Some(self.jobs? / self.surface_declared_ha.filter(|s| *s > 0.0)?)
    }

    /// Relative difference between the declared and the computed surface, if both are known.
    pub fn surface_mismatch(&self) -> Option<f64> {
        let declared = self.surface_declared_ha?;
        if declared <= 0.0 {
            return None;
        }
        Some((self.geodesic_area_ha() - declared).abs() / declared)
    }

    /// A string property by its exact key.
    pub fn property_str(&self, key: &str) -> Option<&str> {
        self.properties.get(key).and_then(Value::as_str)
    }

    /// A text property by its exact key, in the interface's language when the data gives it
    /// in several (`{"fr": …, "en": …}`).
    pub fn property_text(&self, key: &str) -> Option<String> {
        self.properties
            .get(key)
            .and_then(schema::value_text)
            .filter(|s| !s.is_empty())
    }

    /// The outline is schematic (an approximate shape at an approximate place), as the data
    /// says in `geometry_quality`. Read from the properties' text, without parsing them.
    pub fn is_schematic(&self) -> bool {
        // Text as written by the loader (compact JSON); parsing every zone's properties to
        // learn this would cost memory on large files.
        let json = self.properties.json();
        ["schematic", "Schematic", "SCHEMATIC"]
            .iter()
            .any(|q| json.contains(&format!("\"geometry_quality\":\"{q}\"")))
    }

    fn text(&self, names: &[&str]) -> Option<String> {
        schema::text(self.properties.map(), names)
    }

    /// The vocation as written in the data (e.g. "entrepôts, logistique").
    pub fn vocation_label(&self) -> Option<String> {
        self.text(schema::VOCATION)
    }

    pub fn state(&self) -> Option<String> {
        self.state.clone()
    }

    /// Year of the job count, as written (e.g. "2022").
    pub fn jobs_year(&self) -> Option<String> {
        let map = self.properties.map();
        let (key, _) = schema::lookup(map, schema::JOBS)?;
        schema::year_of(map, key)
    }

    pub fn operator(&self) -> Option<String> {
        self.text(schema::OPERATOR)
    }

    pub fn url(&self) -> Option<String> {
        self.text(schema::URL)
    }

    pub fn description(&self) -> Option<String> {
        self.text(schema::DESCRIPTION)
    }

    pub fn created(&self) -> Option<String> {
        self.text(schema::CREATED)
    }

    /// "schematic", "surveyed", ... as the data says.
    pub fn geometry_quality(&self) -> Option<String> {
        self.text(&["geometry_quality", "qualite_geometrie"])
    }

    /// Position grade H/M/L of the embedded dataset.
    pub fn position_grade(&self) -> Option<String> {
        self.text(&["position_grade"])
    }

    /// Tenants listed in the zone's own data (`tenants` array).
    pub fn tenants(&self) -> Vec<Tenant> {
        schema::tenants(self.properties.map())
    }

    /// Tenants that left the zone (`former_tenants`).
    pub fn former_tenants(&self) -> Vec<Tenant> {
        schema::former_tenants(self.properties.map())
    }

    /// Facilities and occupants that are not firms (`facilities`).
    pub fn facilities(&self) -> Vec<String> {
        schema::facilities(self.properties.map())
    }

    /// Sources cited by the zone's data (`sources`).
    pub fn sources(&self) -> Vec<String> {
        schema::sources(self.properties.map())
    }
}

/// The smallest rectangle holding both.
pub fn union(a: Rect<f64>, b: Rect<f64>) -> Rect<f64> {
    Rect::new(
        (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
        (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
    )
}

/// The smallest rectangle holding all of them; `None` when there are none.
pub fn union_all(rects: impl IntoIterator<Item = Rect<f64>>) -> Option<Rect<f64>> {
    rects.into_iter().reduce(union)
}

/// Bounding rectangle of a multipolygon; `None` when it has no coordinates.
pub fn bounds_of(geometry: &MultiPolygon<f64>) -> Option<Rect<f64>> {
    geometry.bounding_rect()
}

/// Area of a multipolygon in hectares, Chamberlain–Duquette (fast, within ~0.3% of geodesic).
///
/// Each ring is measured on its own, holes subtracted, so the result does not depend on ring
/// orientation (geo's polygon version adds holes wound like their exterior).
pub fn approx_area_ha(geometry: &MultiPolygon<f64>) -> f64 {
    use geo::{ChamberlainDuquetteArea, Polygon};
    let ring_m2 = |ring: &geo::LineString<f64>| {
        Polygon::new(ring.clone(), Vec::new()).chamberlain_duquette_unsigned_area()
    };
    geometry
        .0
        .iter()
        .map(|p| ring_m2(p.exterior()) - p.interiors().iter().map(ring_m2).sum::<f64>())
        .sum::<f64>()
        / 10_000.0
}

/// A point inside the outline to anchor a label or a join, found cheaply: the centroid or the
/// box centre of the largest part when inside it, else geo's interior point for outlines of up
/// to 5,000 vertices, else the first vertex. Never quadratic on huge outlines.
pub fn anchor_point(geometry: &MultiPolygon<f64>) -> Option<geo::Point<f64>> {
    use geo::{Area, BoundingRect, Centroid, Contains, CoordsIter, InteriorPoint};
    let largest = geometry
        .0
        .iter()
        .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))?;
    let candidates = [
        largest.centroid(),
        largest.bounding_rect().map(|r| r.center().into()),
    ];
    if let Some(p) = candidates
        .into_iter()
        .flatten()
        .find(|p| largest.contains(p))
    {
        return Some(p);
    }
    if largest.coords_count() <= 5_000
        && let Some(p) = largest.interior_point()
    {
        return Some(p);
    }
    largest.exterior().0.first().map(|&c| c.into())
}
