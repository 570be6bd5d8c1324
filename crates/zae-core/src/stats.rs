//! Totals over a set of zones (the active filter): what the statistics panel and the report of
//! an elected official's question ("how many jobs on land still for sale?") need. No egui.

use crate::model::Vocation;
use crate::store::Dataset;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub zones: usize,
    /// Sum of declared surfaces, and how many zones have one.
    pub surface_ha: f64,
    pub surface_known: usize,
    pub jobs: f64,
    pub jobs_known: usize,
    /// Jobs per hectare over the zones that give both figures.
    pub jobs_per_ha: Option<f64>,
    pub establishments: f64,
    pub establishments_known: usize,
    /// Zones with plots for sale, and the land for sale (ha).
    pub zones_with_land_for_sale: usize,
    pub land_for_sale_ha: f64,
}

impl Totals {
    pub fn of(dataset: &Dataset, zones: &[usize]) -> Self {
        let mut t = Totals {
            zones: zones.len(),
            ..Totals::default()
        };
        let (mut both_jobs, mut both_ha) = (0.0, 0.0);
        for &i in zones {
            let Some(z) = dataset.zones.get(i) else {
                continue;
            };
            if let Some(s) = z.surface_declared_ha {
                t.surface_ha += s;
                t.surface_known += 1;
            }
            if let Some(j) = z.jobs {
                t.jobs += j;
                t.jobs_known += 1;
            }
            if let (Some(j), Some(s)) = (z.jobs, z.surface_declared_ha) {
                both_jobs += j;
                both_ha += s;
            }
            if let Some(e) = dataset.establishment_count(i) {
                t.establishments += e;
                t.establishments_known += 1;
            }
            let land = dataset.land_stats(i);
            if land.plots_for_sale > 0 {
                t.zones_with_land_for_sale += 1;
                t.land_for_sale_ha += land.available_ha;
            }
        }
        t.jobs_per_ha = (both_ha > 0.0).then(|| both_jobs / both_ha);
        t
    }
}

/// Declared surface per vocation (ha, zones counted), over the zones given.
pub fn surface_by_vocation(dataset: &Dataset, zones: &[usize]) -> Vec<(Vocation, f64, usize)> {
    Vocation::ALL
        .iter()
        .filter_map(|&v| {
            let of_v: Vec<f64> = zones
                .iter()
                .filter_map(|&i| dataset.zones.get(i))
                .filter(|z| z.vocation == v)
                .filter_map(|z| z.surface_declared_ha)
                .collect();
            (!of_v.is_empty()).then(|| (v, of_v.iter().sum(), of_v.len()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::{EMBEDDED_DATASET, EMBEDDED_NAME};
    use crate::io::load_bytes;

    #[test]
    fn totals_count_only_known_values() {
        let file = load_bytes(EMBEDDED_NAME, EMBEDDED_DATASET, &mut |_| true).expect("loads");
        let mut d = Dataset::default();
        d.add_loaded(file, "e", None);
        let all: Vec<usize> = (0..d.zones.len()).collect();
        let t = Totals::of(&d, &all);
        let known_jobs: Vec<f64> = d.zones.iter().filter_map(|z| z.jobs).collect();
        assert_eq!(t.jobs_known, known_jobs.len());
        assert_eq!(t.jobs, known_jobs.iter().sum::<f64>());
        assert!(
            t.surface_known < t.zones,
            "some surfaces are unknown, not zero"
        );
        let by_v = surface_by_vocation(&d, &all);
        let sum: f64 = by_v.iter().map(|(_, ha, _)| ha).sum();
        assert!((sum - t.surface_ha).abs() < 1e-9);
    }
}
