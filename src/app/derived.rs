//! The colours of zones and plots in the current style, and the legend: rebuilt when the zones
//! or the style change, never per frame.

use egui::Color32;

use crate::palette::{Legend, StyleMode, change_color, plot_fill, zone_colors};
use crate::store::ZoneStore;

#[derive(Default)]
pub struct Colours {
    /// Fill colour of each zone, by position.
    pub zones: Vec<Color32>,
    /// What the zone colours mean.
    pub legend: Legend,
    /// Fill colour of each plot, by position.
    pub plots: Vec<Color32>,
}

impl Colours {
    pub fn build(store: &ZoneStore, style: StyleMode) -> Self {
        let (zones, legend) = zone_colors(store.zones(), style);
        Self {
            zones,
            legend,
            plots: store
                .plots()
                .iter()
                .map(|p| plot_fill(p.occupation.as_deref()))
                .collect(),
        }
    }
}

impl Colours {
    /// Zones and plots coloured by what changed (added, changed, the same), for a comparison.
    pub fn by_change(store: &ZoneStore, comparison: &crate::state::Comparison) -> Self {
        use crate::diff::Status;
        let zones = (0..store.zones().len())
            .map(|i| change_color(comparison.zone_status(i)))
            .collect();
        let plots = (0..store.plots().len())
            .map(|i| change_color(comparison.plot_status(i)))
            .collect();
        let legend = Legend {
            title: crate::t!("compare-legend-title"),
            entries: [
                Status::Added,
                Status::Changed,
                Status::Same,
                Status::Removed,
            ]
            .into_iter()
            .map(|s| (change_color(s), crate::palette::change_label(s)))
            .collect(),
        };
        Self {
            zones,
            legend,
            plots,
        }
    }
}
