//! What the map needs that follows from the dataset: R-tree, draw order,
//! colours, legend. Rebuilt when files are added or removed, never per frame.

use egui::Color32;

use crate::map::style::{Legend, StyleMode, plot_fill, zone_colors};
use crate::map::zones_layer::RankedZone;
use crate::model::Dataset;
use crate::spatial::ZoneIndex;

#[derive(Default)]
pub struct Derived {
    pub index: ZoneIndex,
    /// Rank of each zone in drawing order (decreasing area: small zones are drawn on top).
    pub draw_rank: Vec<u32>,
    /// Zones in drawing order with centre and size (see [`RankedZone`]).
    pub ranked: Vec<RankedZone>,
    pub colors: Vec<Color32>,
    /// Zones whose outline is schematic (drawn dashed, "approximate outline" in the legend).
    pub schematic: Vec<bool>,
    /// What the zone colours mean.
    pub legend: Legend,
    pub plot_index: ZoneIndex,
    /// Distinct communes and states, sorted: the filter's choices.
    pub communes: Vec<String>,
    pub states: Vec<String>,
    pub plot_colors: Vec<Color32>,
    /// Zone indices by name, ignoring case and accents: the zone list's order.
    pub by_name: Vec<usize>,
}

impl Derived {
    pub fn build(dataset: &Dataset, style: StyleMode) -> Self {
        let zones = &dataset.zones;
        let (ranked, draw_rank) = RankedZone::order(zones);
        let (colors, legend) = zone_colors(zones, style);
        let distinct = |values: Vec<String>| {
            let mut values = values;
            values.sort_unstable();
            values.dedup();
            values
        };
        Self {
            communes: distinct(zones.iter().filter_map(|z| z.commune.clone()).collect()),
            states: distinct(zones.iter().filter_map(|z| z.state.clone()).collect()),
            plot_index: ZoneIndex::from_boxes(dataset.plots.iter().map(|p| p.bbox)),
            plot_colors: dataset
                .plots
                .iter()
                .map(|p| plot_fill(p.occupation.as_deref()))
                .collect(),
            index: ZoneIndex::build(zones),
            draw_rank,
            ranked,
            colors,
            schematic: zones.iter().map(crate::model::Zone::is_schematic).collect(),
            by_name: crate::ui::zone_list::by_name(zones),
            legend,
        }
    }
}
