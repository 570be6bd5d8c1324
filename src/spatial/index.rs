use geo::{Contains, Coord};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

use crate::model::Zone;

type Entry = GeomWithData<Rectangle<[f64; 2]>, usize>;

/// R-tree of zone bounding boxes (WGS84 degrees), holding indices into the zone list.
#[derive(Default)]
pub struct ZoneIndex {
    tree: RTree<Entry>,
}

impl ZoneIndex {
    pub fn build(zones: &[Zone]) -> Self {
        let entries = zones
            .iter()
            .enumerate()
            .map(|(i, z)| {
                let rect = Rectangle::from_corners(
                    [z.bbox.min().x, z.bbox.min().y],
                    [z.bbox.max().x, z.bbox.max().y],
                );
                GeomWithData::new(rect, i)
            })
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    pub fn len(&self) -> usize {
        self.tree.size()
    }

    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// Zones whose bounds intersect the box (lon/lat).
    pub fn in_box(&self, min: (f64, f64), max: (f64, f64)) -> impl Iterator<Item = usize> + '_ {
        let envelope = AABB::from_corners([min.0, min.1], [max.0, max.1]);
        self.tree
            .locate_in_envelope_intersecting(&envelope)
            .map(|e| e.data)
    }

    /// The zone under a point: bounds from the tree, then point-in-polygon on the candidates.
    /// Where zones overlap, the smallest wins (it is drawn on top).
    pub fn hit(&self, zones: &[Zone], lon: f64, lat: f64) -> Option<usize> {
        let point = Coord { x: lon, y: lat };
        self.tree
            .locate_all_at_point(&[lon, lat])
            .map(|e| e.data)
            .filter(|&i| zones.get(i).is_some_and(|z| z.geometry.contains(&point)))
            .min_by(|&a, &b| zones[a].area_ha.total_cmp(&zones[b].area_ha))
    }
}
