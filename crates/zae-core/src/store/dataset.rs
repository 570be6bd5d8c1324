use std::collections::HashMap;
use std::path::PathBuf;

use geo::Rect;

use crate::io::LoadedFile;
use crate::model::report::LoadReport;
use crate::model::{Establishment, Join, LandStats, Plot, Zone, anchor_point, union_all};
use crate::spatial::ZoneIndex;

/// A file (or the embedded dataset) whose features are in the [`Dataset`].
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Name shown to the user (file name, or "embedded Dijon dataset").
    pub name: String,
    /// Where it was read from; `None` for the embedded dataset and database tables.
    pub path: Option<PathBuf>,
    pub report: LoadReport,
    /// The database table it was read from, if it was.
    pub database: Option<DbOrigin>,
}

impl SourceFile {
    /// The name in the interface's language (the embedded dataset's is translated).
    pub fn shown_name(&self) -> String {
        if self.path.is_none() && self.database.is_none() {
            crate::t!("embedded-dataset")
        } else {
            self.name.clone()
        }
    }
}

/// A database table held in the [`Dataset`]: which one, and which part of it was read.
#[derive(Clone, Debug, PartialEq)]
pub struct DbOrigin {
    /// The connection string, without password.
    pub url: String,
    pub schema: String,
    pub table: String,
    /// Only the rows meeting this box (WGS84) were read, the table being large; `None`: all.
    pub fetched: Option<Rect<f64>>,
    /// How the connection that read it was secured (the padlock on the source).
    pub tls: crate::db::TlsLink,
}

/// How plots and establishments found their zones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JoinSummary {
    pub plots_by_site_id: usize,
    pub plots_by_position: usize,
    pub plots_without_zone: usize,
    pub establishments_both: usize,
    pub establishments_terr_id: usize,
    pub establishments_spatial: usize,
    pub establishments_without_zone: usize,
    /// Establishments whose `terr_id` and position point at different zones (`terr_id` wins).
    pub establishments_disagreeing: usize,
}

/// Everything loaded: zones, plots and establishments from one or several files.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    pub zones: Vec<Zone>,
    pub plots: Vec<Plot>,
    pub establishments: Vec<Establishment>,
    pub files: Vec<SourceFile>,
    pub joins: JoinSummary,
}

impl Dataset {
    /// Adds what a file held as a source named `name` (read from `path`, if a file).
    pub fn add_loaded(&mut self, file: LoadedFile, name: &str, path: Option<PathBuf>) {
        self.add_file(
            SourceFile {
                name: name.to_string(),
                path,
                report: file.report,
                database: None,
            },
            file.zones,
            file.plots,
            file.establishments,
        );
    }

    /// Adds what one file held; its `file` index is set here, then everything is joined again.
    pub fn add_file(
        &mut self,
        file: SourceFile,
        mut zones: Vec<Zone>,
        mut plots: Vec<Plot>,
        mut establishments: Vec<Establishment>,
    ) {
        let index = self.files.len();
        zones.iter_mut().for_each(|z| z.file = index);
        plots.iter_mut().for_each(|p| p.file = index);
        establishments.iter_mut().for_each(|e| e.file = index);
        self.files.push(file);
        self.zones.extend(zones);
        self.plots.extend(plots);
        self.establishments.extend(establishments);
        self.rejoin();
    }

    /// Replaces what file `index` held by a new reading of it (same index, new report).
    pub fn replace_file(
        &mut self,
        index: usize,
        report: LoadReport,
        mut zones: Vec<Zone>,
        mut plots: Vec<Plot>,
        mut establishments: Vec<Establishment>,
    ) {
        let Some(file) = self.files.get_mut(index) else {
            return;
        };
        file.report = report;
        self.zones.retain(|z| z.file != index);
        self.plots.retain(|p| p.file != index);
        self.establishments.retain(|e| e.file != index);
        zones.iter_mut().for_each(|z| z.file = index);
        plots.iter_mut().for_each(|p| p.file = index);
        establishments.iter_mut().for_each(|e| e.file = index);
        self.zones.extend(zones);
        self.plots.extend(plots);
        self.establishments.extend(establishments);
        self.rejoin();
    }

    /// Removes file `index` and everything it held.
    pub fn remove_file(&mut self, index: usize) {
        if index >= self.files.len() {
            return;
        }
        self.files.remove(index);
        let shift = |file: &mut usize| {
            if *file > index {
                *file -= 1;
            }
        };
        self.zones.retain(|z| z.file != index);
        self.plots.retain(|p| p.file != index);
        self.establishments.retain(|e| e.file != index);
        self.zones.iter_mut().for_each(|z| shift(&mut z.file));
        self.plots.iter_mut().for_each(|p| shift(&mut p.file));
        self.establishments
            .iter_mut()
            .for_each(|e| shift(&mut e.file));
        self.rejoin();
    }

    /// Attaches plots to zones (by `site_id`, else by position) and establishments to zones (by
    /// `terr_id` → plot → zone, and by their point inside the zone's outline).
    pub fn rejoin(&mut self) {
        let mut summary = JoinSummary::default();
        let index = ZoneIndex::build(&self.zones);
        let mut by_site: HashMap<String, usize> = HashMap::new();
        for (i, zone) in self.zones.iter().enumerate() {
            let key = zone.site_id.clone().unwrap_or_else(|| zone.id.clone());
            by_site.entry(key).or_insert(i);
        }
        for plot in &mut self.plots {
            plot.zone = plot.site_id.as_ref().and_then(|s| by_site.get(s).copied());
            if plot.zone.is_some() {
                summary.plots_by_site_id += 1;
                continue;
            }
            plot.zone =
                anchor_point(&plot.geometry).and_then(|p| index.hit(&self.zones, p.x(), p.y()));
            if plot.zone.is_some() {
                summary.plots_by_position += 1;
            } else {
                summary.plots_without_zone += 1;
            }
        }
        let plot_zone: HashMap<&str, usize> = self
            .plots
            .iter()
            .filter_map(|p| Some((p.id.as_str(), p.zone?)))
            .collect();
        for e in &mut self.establishments {
            let by_plot = e
                .plot_ids
                .iter()
                .find_map(|id| plot_zone.get(id.as_str()).copied());
            let by_point = index.hit(&self.zones, e.lon, e.lat);
            (e.zone, e.joined_by) = match (by_plot, by_point) {
                (Some(a), Some(b)) if a == b => {
                    summary.establishments_both += 1;
                    (Some(a), Some(Join::Both))
                }
                (Some(a), other) => {
                    if other.is_some() {
                        summary.establishments_disagreeing += 1;
                    }
                    summary.establishments_terr_id += 1;
                    (Some(a), Some(Join::TerrId))
                }
                (None, Some(b)) => {
                    summary.establishments_spatial += 1;
                    (Some(b), Some(Join::Spatial))
                }
                (None, None) => {
                    summary.establishments_without_zone += 1;
                    (None, None)
                }
            };
        }
        self.joins = summary;
    }

    /// The plots of a zone and what they say: counts, vacancy, land for sale, prices.
    pub fn land_stats(&self, zone: usize) -> LandStats {
        let mut stats = LandStats::default();
        for plot in self.plots.iter().filter(|p| p.zone == Some(zone)) {
            stats.plots += 1;
            if plot.is_vacant() {
                stats.vacant_plots += 1;
            }
            if plot.is_for_sale() {
                stats.plots_for_sale += 1;
                stats.available_ha += plot.surface_or_area_ha();
                if let Some(price) = plot.price_m2 {
                    stats.price_m2_min =
                        Some(stats.price_m2_min.map_or(price, |m: f64| m.min(price)));
                    stats.price_m2_max =
                        Some(stats.price_m2_max.map_or(price, |m: f64| m.max(price)));
                }
            }
        }
        let given = self.zones.get(zone).and_then(|z| z.vacancy_percent);
        (stats.vacancy_percent, stats.vacancy_given) = match given {
            Some(v) => (Some(v), true),
            None if stats.plots > 0 => (
                Some(100.0 * stats.vacant_plots as f64 / stats.plots as f64),
                false,
            ),
            None => (None, false),
        };
        stats
    }

    /// Establishments joined to a zone.
    pub fn establishments_in(&self, zone: usize) -> impl Iterator<Item = &Establishment> {
        self.establishments
            .iter()
            .filter(move |e| e.zone == Some(zone))
    }

    /// Bounding rectangle of all zones (WGS84).
    pub fn bounds(&self) -> Option<Rect<f64>> {
        union_all(
            self.zones
                .iter()
                .map(|z| z.bbox)
                .chain(self.plots.iter().map(|p| p.bbox)),
        )
    }

    /// Establishments of a zone: the data's own count (`site_nb_etab`), else the joined ones.
    pub fn establishment_count(&self, zone: usize) -> Option<f64> {
        let joined = self.establishments_in(zone).count();
        self.zones
            .get(zone)?
            .establishments
            .or((joined > 0).then_some(joined as f64))
    }

    /// Zone by id (first match).
    pub fn zone_index_by_id(&self, id: &str) -> Option<usize> {
        self.zones.iter().position(|z| z.id == id)
    }
}
