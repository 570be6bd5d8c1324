//! Web Mercator in normalised world units: the whole world is the square 0..1 (x east, y south),
//! the same space walkers' tiles use before scaling by 256·2^zoom pixels.

use std::f64::consts::PI;

/// Latitude limit of Web Mercator (degrees).
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// (longitude, latitude) degrees → normalised world (x, y) in 0..1.
pub fn to_world(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE);
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - lat.to_radians().tan().asinh() / PI) / 2.0;
    [x, y]
}

/// Normalised world (x, y) → (longitude, latitude) degrees.
pub fn to_lon_lat(world: [f64; 2]) -> (f64, f64) {
    let lon = world[0] * 360.0 - 180.0;
    let lat = ((1.0 - 2.0 * world[1]) * PI).sinh().atan().to_degrees();
    (lon, lat)
}

/// Size of the world in pixels at `zoom` (256-pixel tiles).
pub fn world_pixels(zoom: f64) -> f64 {
    256.0 * 2f64.powf(zoom)
}

/// The zoom at which `bounds` (lon/lat min and max) fits a viewport of `width` × `height`
/// pixels with `margin` pixels on each side.
pub fn zoom_to_fit(min: (f64, f64), max: (f64, f64), width: f64, height: f64, margin: f64) -> f64 {
    let a = to_world(min.0, min.1);
    let b = to_world(max.0, max.1);
    let dx = (b[0] - a[0]).abs().max(1e-9);
    let dy = (b[1] - a[1]).abs().max(1e-9);
    let w = (width - 2.0 * margin).max(1.0);
    let h = (height - 2.0 * margin).max(1.0);
    let zoom_x = (w / (256.0 * dx)).log2();
    let zoom_y = (h / (256.0 * dy)).log2();
    zoom_x.min(zoom_y).clamp(0.0, 19.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let w = to_world(5.0345, 47.3225);
        let (lon, lat) = to_lon_lat(w);
        assert!((lon - 5.0345).abs() < 1e-9 && (lat - 47.3225).abs() < 1e-9);
        assert_eq!(to_world(0.0, 0.0), [0.5, 0.5]);
    }

    #[test]
    fn fit_zoom_grows_as_bounds_shrink() {
        let wide = zoom_to_fit((4.9, 47.2), (5.2, 47.4), 1000.0, 700.0, 20.0);
        let narrow = zoom_to_fit((5.0, 47.3), (5.01, 47.31), 1000.0, 700.0, 20.0);
        assert!(narrow > wide + 3.0);
        // The métropole (≈ 23 km across) on a 1000 px window: around zoom 11.
        assert!((10.0..12.5).contains(&wide), "{wide}");
    }
}
