//! Geodesic measures on the WGS84 ellipsoid (Karney, through geo): length of a clicked path,
//! area of a clicked polygon, written in m/km and m²/ha. No egui.

use geo::{Distance, Geodesic, GeodesicArea, LineString, Point, Polygon};

/// What the measure tool measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeasureMode {
    Distance,
    Area,
}

/// Length along the points (lon, lat), metres.
pub fn path_length_m(points: &[(f64, f64)]) -> f64 {
    points
        .windows(2)
        .map(|w| Geodesic.distance(Point::new(w[0].0, w[0].1), Point::new(w[1].0, w[1].1)))
        .sum()
}

/// Area of the polygon through the points (closed automatically), square metres; 0 for fewer
/// than 3 points.
pub fn polygon_area_m2(points: &[(f64, f64)]) -> f64 {
    if points.len() < 3 {
        return 0.0;
    }
    let ring: LineString<f64> = points.iter().copied().collect();
    Polygon::new(ring, Vec::new()).geodesic_area_unsigned()
}

pub use crate::format::{format_area, format_length};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude_and_a_small_square() {
        // 1° of latitude at 47° N is about 111.2 km on WGS84.
        let d = path_length_m(&[(5.0, 47.0), (5.0, 48.0)]);
        assert!((d - 111_200.0).abs() < 300.0, "{d}");
        // Closing the ring or not gives the same area.
        let open = polygon_area_m2(&[(5.0, 47.0), (5.01, 47.0), (5.01, 47.01), (5.0, 47.01)]);
        let closed = polygon_area_m2(&[
            (5.0, 47.0),
            (5.01, 47.0),
            (5.01, 47.01),
            (5.0, 47.01),
            (5.0, 47.0),
        ]);
        assert!((open - closed).abs() < 1e-6 && open > 800_000.0, "{open}");
        assert_eq!(format_length(850.4), "850 m");
        assert_eq!(format_length(12_345.0), "12.35 km");
        assert_eq!(format_area(123_456.0), "12.35 ha");
    }
}
