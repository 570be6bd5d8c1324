use geo::{Coord, Rect};
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
        Self::from_boxes(zones.iter().map(|z| z.bbox))
    }

    /// An index over any list of bounding boxes (zones, plots...); entries are list positions.
    pub fn from_boxes(boxes: impl Iterator<Item = Rect<f64>>) -> Self {
        let entries = boxes
            .enumerate()
            .map(|(i, b)| {
                let rect = Rectangle::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]);
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
    pub fn in_box(&self, min: (f64, f64), max: (f64, f64)) -> Box<dyn Iterator<Item = usize> + '_> {
        use rstar::Envelope;
        let envelope = AABB::from_corners([min.0, min.1], [max.0, max.1]);
        // The whole index in view: no need to walk the tree.
        if envelope.contains_envelope(&self.tree.root().envelope()) {
            return Box::new(0..self.tree.size());
        }
        Box::new(
            self.tree
                .locate_in_envelope_intersecting(&envelope)
                .map(|e| e.data),
        )
    }

    /// The zone under a point: bounds from the tree, then point-in-polygon on the candidates.
    /// Where zones overlap, the smallest wins (it is drawn on top).
    pub fn hit(&self, zones: &[Zone], lon: f64, lat: f64) -> Option<usize> {
        self.hit_by(
            lon,
            lat,
            |i, p| zones.get(i).is_some_and(|z| z.contains(p)),
            |i| zones.get(i).map_or(f64::INFINITY, |z| z.area_ha),
        )
    }

    /// The smallest entry whose shape (`contains`) holds the point, among those whose box does.
    pub fn hit_by(
        &self,
        lon: f64,
        lat: f64,
        contains: impl Fn(usize, &Coord<f64>) -> bool,
        area: impl Fn(usize) -> f64,
    ) -> Option<usize> {
        let point = Coord { x: lon, y: lat };
        // Smallest first: the first candidate that holds the point is the answer, so in dense
        // data most point-in-polygon tests are skipped.
        let mut candidates: Vec<(f64, usize)> = self
            .tree
            .locate_all_at_point(&[lon, lat])
            .map(|e| (area(e.data), e.data))
            .collect();
        candidates.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        candidates
            .into_iter()
            .map(|(_, i)| i)
            .find(|&i| contains(i, &point))
    }
}
