//! What the panels show that takes work to find, computed when the data, the filter, the
//! selection or the language change, never per frame: the selected zone's details, and the
//! statistics of the zones the filter shows.

use geo::Centroid;

use crate::io::crs::Reprojector;
use crate::model::{LandStats, Tenant, Vocation};
use crate::stats::{Totals, surface_by_vocation};
use crate::store::{ZoneId, ZoneStore};

/// How many zones the jobs and density charts show, largest first.
pub const CHART_ZONES: usize = 40;

/// The selected zone's figures that are looked up or computed.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneDetails {
    pub id: ZoneId,
    /// Its position in the zones when this was computed.
    pub position: usize,
    pub land: LandStats,
    /// The tenants its data lists; `None` when joined establishments stand for them.
    pub tenants: Option<Vec<Tenant>>,
    pub former_tenants: Vec<Tenant>,
    pub facilities: Vec<String>,
    /// Positions of the establishments joined to it.
    pub establishments: Vec<usize>,
    /// Surface computed from the outline (geodesic), and how far the declared one is from it.
    pub computed_ha: f64,
    pub surface_mismatch: Option<f64>,
    /// Its centroid in Lambert-93 (metres).
    pub centroid_l93: Option<(f64, f64)>,
    pub sources: Vec<String>,
}

impl ZoneDetails {
    pub fn of(store: &ZoneStore, id: ZoneId) -> Option<Self> {
        let position = store.position(id)?;
        let dataset = store.dataset();
        let zone = dataset.zones.get(position)?;
        let establishments: Vec<usize> = dataset
            .establishments
            .iter()
            .enumerate()
            .filter(|(_, e)| e.zone == Some(position))
            .map(|(i, _)| i)
            .collect();
        let listed = zone.properties.get("tenants").is_some();
        let centroid_l93 = zone
            .geometry()
            .centroid()
            .and_then(|c| Reprojector::lambert93().ok()?.from_wgs84(c.x(), c.y()).ok());
        Some(Self {
            id,
            position,
            land: dataset.land_stats(position),
            tenants: (establishments.is_empty() || listed).then(|| zone.tenants()),
            former_tenants: zone.former_tenants(),
            facilities: zone.facilities(),
            establishments,
            computed_ha: zone.geodesic_area_ha(),
            surface_mismatch: zone.surface_mismatch(),
            centroid_l93,
            sources: zone.sources(),
        })
    }
}

/// The statistics window's figures for the zones the filter shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatsView {
    pub totals: Totals,
    /// Zones with the most jobs, most first (positions).
    pub top_jobs: Vec<usize>,
    /// Declared surface and number of zones by vocation.
    pub by_vocation: Vec<(Vocation, f64, usize)>,
    /// The densest zones in jobs per declared hectare, densest first (position, jobs/ha).
    pub densest: Vec<(usize, f64)>,
}

impl StatsView {
    pub fn of(store: &ZoneStore, rows: &[usize]) -> Self {
        let dataset = store.dataset();
        let zones = &dataset.zones;
        let mut top_jobs: Vec<usize> = rows
            .iter()
            .copied()
            .filter(|&i| zones[i].jobs.is_some())
            .collect();
        top_jobs.sort_by(|&a, &b| {
            let jobs = |i: usize| zones[i].jobs.unwrap_or(0.0);
            jobs(b).total_cmp(&jobs(a)).then(a.cmp(&b))
        });
        top_jobs.truncate(CHART_ZONES);
        let mut densest: Vec<(usize, f64)> = rows
            .iter()
            .filter_map(|&i| Some((i, zones[i].jobs_per_ha()?)))
            .collect();
        densest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        densest.truncate(CHART_ZONES);
        Self {
            totals: Totals::of(dataset, rows),
            top_jobs,
            by_vocation: surface_by_vocation(dataset, rows),
            densest,
        }
    }
}
