//! The comparison in a few figures: zones added and removed, land available before → after
//! and land sold, vacancy before → after, establishments arrived and left.

use super::{ChangeKind, Diff, Level};
use crate::store::Dataset;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub zones_before: usize,
    pub zones_after: usize,
    pub zones_added: usize,
    pub zones_removed: usize,
    /// Matched zones with at least one change (renamed, outline or an attribute).
    pub zones_changed: usize,
    pub plots_added: usize,
    pub plots_removed: usize,
    pub plots_split: usize,
    pub plots_merged: usize,
    pub plots_sold: usize,
    /// Surface of the plots for sale ("en vente"), hectares: declared, else the outline's.
    pub available_ha_before: f64,
    pub available_ha_after: f64,
    /// Surface of the plots that went from "en vente" to "vendu", hectares (before surface).
    pub sold_ha: f64,
    /// Vacant plots over all plots, percent; `None` without plots.
    pub vacancy_before: Option<f64>,
    pub vacancy_after: Option<f64>,
    pub establishments_arrived: usize,
    pub establishments_left: usize,
    pub establishments_moved: usize,
}

fn available_ha(data: &Dataset) -> f64 {
    data.plots
        .iter()
        .filter(|p| p.is_for_sale())
        .map(|p| p.surface_or_area_ha())
        .sum()
}

fn vacancy(data: &Dataset) -> Option<f64> {
    let plots = data.plots.len();
    let vacant = data.plots.iter().filter(|p| p.is_vacant()).count();
    (plots > 0).then(|| 100.0 * vacant as f64 / plots as f64)
}

pub(super) fn summarise(before: &Dataset, after: &Dataset, diff: &Diff) -> Summary {
    let count = |level: Level, kind: ChangeKind| {
        diff.changes
            .iter()
            .filter(|c| c.level == level && c.kind == kind)
            .count()
    };
    let sold_ha = diff
        .changes
        .iter()
        .filter(|c| c.level == Level::Plot && c.kind == ChangeKind::Sold)
        .filter_map(|c| before.plots.get(c.before?))
        .map(|p| p.surface_or_area_ha())
        .sum();
    let zones_changed = diff
        .zone_status_after
        .iter()
        .filter(|s| **s == super::Status::Changed)
        .count();
    Summary {
        zones_before: before.zones.len(),
        zones_after: after.zones.len(),
        zones_added: count(Level::Zone, ChangeKind::Added),
        zones_removed: count(Level::Zone, ChangeKind::Removed),
        zones_changed,
        plots_added: count(Level::Plot, ChangeKind::Added),
        plots_removed: count(Level::Plot, ChangeKind::Removed),
        plots_split: count(Level::Plot, ChangeKind::Split),
        plots_merged: count(Level::Plot, ChangeKind::Merged),
        plots_sold: count(Level::Plot, ChangeKind::Sold),
        available_ha_before: available_ha(before),
        available_ha_after: available_ha(after),
        sold_ha,
        vacancy_before: vacancy(before),
        vacancy_after: vacancy(after),
        establishments_arrived: count(Level::Establishment, ChangeKind::Added),
        establishments_left: count(Level::Establishment, ChangeKind::Removed),
        establishments_moved: count(Level::Establishment, ChangeKind::Moved),
    }
}
