//! The order zones are drawn in: largest first, so that small zones stay on top and clickable.

use super::mercator::to_world;
use crate::model::Zone;

/// A zone in drawing order: enough to put it in the cell image without reading its mesh.
#[derive(Clone, Copy, Debug)]
pub struct RankedZone {
    pub index: u32,
    /// Centre of its bounding box, world units.
    pub center_world: [f64; 2],
    /// Larger side of its bounding box, world units.
    pub size_world: f32,
}

impl RankedZone {
    /// Zones in drawing order (decreasing area) and the rank of each zone.
    pub fn order(zones: &[Zone]) -> (Vec<RankedZone>, Vec<u32>) {
        let mut order: Vec<usize> = (0..zones.len()).collect();
        order.sort_by(|&a, &b| zones[b].area_ha.total_cmp(&zones[a].area_ha));
        let mut rank = vec![0u32; zones.len()];
        let ranked = order
            .iter()
            .enumerate()
            .map(|(r, &i)| {
                rank[i] = r as u32;
                let b = zones[i].bbox;
                let (lo, hi) = (
                    to_world(b.min().x, b.max().y),
                    to_world(b.max().x, b.min().y),
                );
                RankedZone {
                    index: i as u32,
                    center_world: [(lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0],
                    size_world: (hi[0] - lo[0]).max(hi[1] - lo[1]) as f32,
                }
            })
            .collect();
        (ranked, rank)
    }
}
