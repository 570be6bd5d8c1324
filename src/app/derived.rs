//! The colours of zones and plots in the current style, and the legend: rebuilt when the zones
//! or the style change, never per frame.

use egui::Color32;

use crate::palette::{Legend, StyleMode, plot_fill, zone_colors};
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
