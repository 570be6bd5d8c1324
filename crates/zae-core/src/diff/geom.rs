//! Overlap measures between outlines, guarded: `geo`'s boolean operations may panic on
//! degenerate input (empty rings, non-finite coordinates, spikes), so such input is refused
//! before and any panic inside is caught and read as "no overlap known".

use geo::{Area, BooleanOps, BoundingRect, CoordsIter, Intersects, MultiPolygon};

/// Area of the intersection of two outlines, in the outlines' own units (degrees² for WGS84:
/// only ratios of such areas are used). `None` when it cannot be computed.
pub fn intersection_area(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> Option<f64> {
    if !usable(a) || !usable(b) {
        return None;
    }
    match (a.bounding_rect(), b.bounding_rect()) {
        (Some(ra), Some(rb)) if ra.intersects(&rb) => {}
        (Some(_), Some(_)) => return Some(0.0),
        _ => return None,
    }
    let area = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        a.intersection(b).unsigned_area()
    }))
    .ok()?;
    area.is_finite().then_some(area)
}

/// Intersection over union of two outlines, 0..1; `None` when it cannot be computed.
pub fn iou(a: &MultiPolygon<f64>, b: &MultiPolygon<f64>) -> Option<f64> {
    let inter = intersection_area(a, b)?;
    let union = a.unsigned_area() + b.unsigned_area() - inter;
    if union <= 0.0 || !union.is_finite() {
        return None;
    }
    Some((inter / union).clamp(0.0, 1.0))
}

/// The share of `part`'s area that lies inside `whole`, 0..1; `None` when unknown.
pub fn share_inside(part: &MultiPolygon<f64>, whole: &MultiPolygon<f64>) -> Option<f64> {
    let area = part.unsigned_area();
    if area <= 0.0 || !area.is_finite() {
        return None;
    }
    Some((intersection_area(part, whole)? / area).clamp(0.0, 1.0))
}

/// Whether an outline can go through the boolean operations: at least one ring of three
/// distinct points or more, every coordinate finite, a positive area.
fn usable(g: &MultiPolygon<f64>) -> bool {
    !g.0.is_empty()
        && g.coords_iter().all(|c| c.x.is_finite() && c.y.is_finite())
        && g.0.iter().all(|p| p.exterior().0.len() >= 4)
        && g.unsigned_area() > 0.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{Coord, LineString, Polygon};

    fn square(x: f64, y: f64, side: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![Polygon::new(
            LineString::from(vec![
                (x, y),
                (x + side, y),
                (x + side, y + side),
                (x, y + side),
                (x, y),
            ]),
            vec![],
        )])
    }

    #[test]
    fn iou_of_squares() {
        let a = square(0.0, 0.0, 2.0);
        assert_eq!(iou(&a, &a), Some(1.0));
        let b = square(1.0, 0.0, 2.0);
        let v = iou(&a, &b).unwrap_or(-1.0);
        assert!((v - 2.0 / 6.0).abs() < 1e-9, "{v}");
        assert_eq!(iou(&a, &square(5.0, 5.0, 1.0)), Some(0.0));
        let inside = share_inside(&square(0.5, 0.5, 1.0), &a).unwrap_or(-1.0);
        assert!((inside - 1.0).abs() < 1e-9);
    }

    #[test]
    fn degenerate_outlines_are_refused_not_panicking() {
        let a = square(0.0, 0.0, 1.0);
        let empty = MultiPolygon::<f64>(vec![]);
        assert_eq!(iou(&a, &empty), None);
        let flat = MultiPolygon(vec![Polygon::new(
            LineString(vec![
                Coord { x: 0.0, y: 0.0 },
                Coord { x: 1.0, y: 0.0 },
                Coord { x: 0.0, y: 0.0 },
            ]),
            vec![],
        )]);
        assert_eq!(iou(&a, &flat), None);
        let nan = square(f64::NAN, 0.0, 1.0);
        assert_eq!(iou(&a, &nan), None);
        let huge = square(0.0, 0.0, f64::MAX);
        // Whatever it gives, it returns.
        let _ = iou(&a, &huge);
    }
}
