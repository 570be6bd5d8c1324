//! The checks and repairs of one polygon's rings, before it joins the model: closing an open
//! ring, the winding of outer rings and holes (right-hand rule), and self-intersection (a
//! sweep over segment boxes).

use geo::{Coord, LineString, Polygon};

use super::geometry::{Frame, MAX_VALIDATED_VERTICES, Pos, to_lon_lat};
use crate::model::{Reason, Ring};
use geo::CoordsIter;

/// A ring segment, for the intersection search.
#[derive(Clone, Copy, Debug)]
struct Segment {
    ring: usize,
    index: usize,
    /// Segments in its ring.
    count: usize,
    line: geo::Line<f64>,
    min: (f64, f64),
    max: (f64, f64),
}

/// Pairs of segments whose bounding boxes overlap, found by sweeping along x and rejecting on
/// y before any exact test. (geo's `sweep::Intersections` runs the exact test for every
/// x-overlap; on star-shaped outlines that is nearly every pair, and it cost a quarter of the
/// load time of a 100,000-zone file.)
fn overlapping_pairs(mut segments: Vec<Segment>, mut visit: impl FnMut(&Segment, &Segment)) {
    segments.sort_unstable_by(|a, b| a.min.0.total_cmp(&b.min.0));
    for (i, a) in segments.iter().enumerate() {
        for b in &segments[i + 1..] {
            if b.min.0 > a.max.0 {
                break;
            }
            if b.min.1 <= a.max.1 && a.min.1 <= b.max.1 {
                visit(a, b);
            }
        }
    }
}

/// Reports rings that cross themselves or each other; the polygon is drawn as it is. Above
/// [`MAX_VALIDATED_VERTICES`] the check is skipped, and the report says so.
pub(super) fn check_validity(polygon: &Polygon<f64>, warnings: &mut Vec<Reason>) {
    use geo::line_intersection::{LineIntersection, line_intersection};
    let vertices = polygon.coords_count();
    if vertices > MAX_VALIDATED_VERTICES {
        warnings.push(Reason::NotChecked {
            vertices,
            max: MAX_VALIDATED_VERTICES,
        });
        return;
    }
    let rings = std::iter::once(polygon.exterior()).chain(polygon.interiors());
    let mut segments = Vec::with_capacity(vertices);
    for (ring, ls) in rings.enumerate() {
        let count = ls.0.len().saturating_sub(1);
        for (index, line) in ls.lines().enumerate() {
            if line.start != line.end {
                let (s, e) = (line.start, line.end);
                segments.push(Segment {
                    ring,
                    index,
                    count,
                    line,
                    min: (s.x.min(e.x), s.y.min(e.y)),
                    max: (s.x.max(e.x), s.y.max(e.y)),
                });
            }
        }
    }
    let mut self_crossing = vec![false; polygon.interiors().len() + 1];
    let mut rings_crossing = false;
    overlapping_pairs(segments, |a, b| {
        let Some(hit) = line_intersection(a.line, b.line) else {
            return;
        };
        let touching = matches!(
            hit,
            LineIntersection::SinglePoint {
                is_proper: false,
                ..
            }
        );
        if a.ring == b.ring {
            let gap = a.index.abs_diff(b.index);
            let adjacent = gap == 1 || gap + 1 == a.count;
            if !(adjacent && touching) {
                self_crossing[a.ring] = true;
            }
        } else if !touching {
            rings_crossing = true;
        }
    });
    for (ring, crossing) in self_crossing.into_iter().enumerate() {
        if crossing {
            warnings.push(Reason::SelfIntersection {
                ring: Ring::from_index(ring),
            });
        }
    }
    if rings_crossing {
        warnings.push(Reason::RingsCross);
    }
}

/// Exterior counter-clockwise, holes clockwise (RFC 7946); reports rings that were not.
pub(super) fn orient(polygon: Polygon<f64>, warnings: &mut Vec<Reason>) -> Polygon<f64> {
    use geo::orient::{Direction, Orient};
    use geo::winding_order::{Winding, WindingOrder};
    let exterior_cw = polygon.exterior().winding_order() == Some(WindingOrder::Clockwise);
    let holes_ccw = polygon
        .interiors()
        .iter()
        .filter(|h| h.winding_order() == Some(WindingOrder::CounterClockwise))
        .count();
    if !exterior_cw && holes_ccw == 0 {
        return polygon;
    }
    if exterior_cw {
        warnings.push(Reason::ExteriorClockwise);
    }
    if holes_ccw > 0 {
        warnings.push(Reason::HolesCounterClockwise { count: holes_ccw });
    }
    polygon.orient(Direction::Default)
}

/// One ring: positions valid and in range, at least 3 distinct points; closed if it was not.
/// Returns the ring and an optional repair note.
pub(super) fn build_ring(
    ring: &[Pos],
    frame: &Frame,
    dims_noted: &mut bool,
    warnings: &mut Vec<Reason>,
) -> Result<(LineString<f64>, Option<Reason>), Reason> {
    let mut coords: Vec<Coord<f64>> = Vec::with_capacity(ring.len() + 1);
    for (j, &position) in ring.iter().enumerate() {
        if position.dims > 2 && !*dims_noted {
            *dims_noted = true;
            warnings.push(Reason::ExtraDimensions {
                dims: position.dims,
            });
        }
        let (lon, lat) = to_lon_lat(position, j, frame)?;
        coords.push(Coord { x: lon, y: lat });
    }
    let mut distinct = coords.clone();
    distinct.dedup();
    if distinct.len() > 1 && distinct.first() == distinct.last() {
        distinct.pop();
    }
    if distinct.len() < 3 {
        return Err(Reason::RingTooSmall {
            positions: coords.len(),
            distinct: distinct.len(),
        });
    }
    let mut note = None;
    if coords.first() != coords.last() {
        note = Some(Reason::RingClosed);
        if let Some(&first) = coords.first() {
            coords.push(first);
        }
    }
    Ok((LineString::new(coords), note))
}
