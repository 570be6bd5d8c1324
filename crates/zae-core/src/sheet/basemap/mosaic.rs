//! The tiles of a sheet's extract: which zoom and which tiles (Web Mercator, XYZ numbering), the
//! decoded tiles side by side, and their resampling onto the page's projection.

use super::{Extract, MAX_DPI, MIN_DPI};

/// A guard: an extract needing more tiles than this is drawn without the base map.
const MAX_TILES: usize = 64;
const TILE: u32 = 256;

/// Tile x at zoom `z`, fractional.
pub(super) fn tile_x(lon: f64, z: u8) -> f64 {
    (lon + 180.0) / 360.0 * f64::from(1u32 << z)
}

/// Tile y at zoom `z` (Web Mercator), fractional.
pub(super) fn tile_y(lat: f64, z: u8) -> f64 {
    let r = lat.clamp(-85.05, 85.05).to_radians();
    (1.0 - (r.tan() + 1.0 / r.cos()).ln() / std::f64::consts::PI) / 2.0 * f64::from(1u32 << z)
}

/// The smallest zoom whose tiles give at least [`MIN_DPI`] over the extract (at most
/// `max_zoom`: past it the tiles are enlarged).
pub fn zoom_for(extract: &Extract, max_zoom: u8) -> u8 {
    let needed = MIN_DPI * f64::from(extract.width_pt) / 72.0;
    (0..=max_zoom)
        .find(|&z| (tile_x(extract.east, z) - tile_x(extract.west, z)) * f64::from(TILE) >= needed)
        .unwrap_or(max_zoom)
}

/// The tiles (x, y) covering the extract at zoom `z`, row by row.
pub(super) fn tiles_for(
    extract: &Extract,
    z: u8,
) -> (std::ops::RangeInclusive<u32>, std::ops::RangeInclusive<u32>) {
    let last = f64::from((1u32 << z) - 1);
    let clamp = |v: f64| v.floor().clamp(0.0, last) as u32;
    let xs = clamp(tile_x(extract.west, z))..=clamp(tile_x(extract.east, z) - 1e-9);
    let ys = clamp(tile_y(extract.north, z))..=clamp(tile_y(extract.south, z) - 1e-9);
    (xs, ys)
}

/// The tiles of an extract, decoded, side by side.
pub(super) struct Mosaic {
    pub(super) x0: u32,
    y0: u32,
    columns: u32,
    rows: u32,
    image: image::RgbImage,
}

impl Mosaic {
    pub(super) fn new(
        xs: &std::ops::RangeInclusive<u32>,
        ys: &std::ops::RangeInclusive<u32>,
    ) -> Result<Self, String> {
        let columns = xs.end() - xs.start() + 1;
        let rows = ys.end() - ys.start() + 1;
        if (columns * rows) as usize > MAX_TILES {
            return Err(format!(
                "the extract needs {} tiles (more than {MAX_TILES})",
                columns * rows
            ));
        }
        Ok(Self {
            x0: *xs.start(),
            y0: *ys.start(),
            columns,
            rows,
            image: image::RgbImage::new(columns * TILE, rows * TILE),
        })
    }

    pub(super) fn count(&self) -> u32 {
        self.columns * self.rows
    }

    /// Decodes a tile (PNG, JPEG) and puts it in its place, scaled to 256 pixels.
    pub(super) fn put(&mut self, x: u32, y: u32, bytes: &[u8]) -> Result<(), String> {
        let decoded = image::load_from_memory(bytes)
            .map_err(|e| format!("not an image the sheet can read ({e})"))?
            .to_rgb8();
        let tile = if decoded.dimensions() == (TILE, TILE) {
            decoded
        } else {
            image::imageops::resize(&decoded, TILE, TILE, image::imageops::FilterType::Triangle)
        };
        image::imageops::replace(
            &mut self.image,
            &tile,
            i64::from((x - self.x0) * TILE),
            i64::from((y - self.y0) * TILE),
        );
        Ok(())
    }
}

/// Resamples the mosaic onto the extract (bilinear): each column is a longitude, each row a
/// latitude of the page's projection; at most [`MAX_DPI`].
pub(super) fn resample(
    extract: &Extract,
    zoom: u8,
    mosaic: &Mosaic,
) -> Result<(u32, u32, Vec<u8>), String> {
    let span_px = (tile_x(extract.east, zoom) - tile_x(extract.west, zoom)) * f64::from(TILE);
    let cap = MAX_DPI * f64::from(extract.width_pt) / 72.0;
    let width = span_px.min(cap).round().max(1.0) as u32;
    let height = (f64::from(width) * f64::from(extract.height_pt) / f64::from(extract.width_pt))
        .round()
        .max(1.0) as u32;
    let ox = f64::from(mosaic.x0 * TILE);
    let oy = f64::from(mosaic.y0 * TILE);
    let px: Vec<f64> = (0..width)
        .map(|i| {
            let lon = extract.west
                + (f64::from(i) + 0.5) / f64::from(width) * (extract.east - extract.west);
            tile_x(lon, zoom) * f64::from(TILE) - ox - 0.5
        })
        .collect();
    let py: Vec<f64> = (0..height)
        .map(|j| {
            let lat = extract.north
                - (f64::from(j) + 0.5) / f64::from(height) * (extract.north - extract.south);
            tile_y(lat, zoom) * f64::from(TILE) - oy - 0.5
        })
        .collect();
    let (mw, mh) = mosaic.image.dimensions();
    let at = |x: i64, y: i64| {
        let x = x.clamp(0, i64::from(mw) - 1) as u32;
        let y = y.clamp(0, i64::from(mh) - 1) as u32;
        mosaic.image.get_pixel(x, y).0
    };
    let mut rgb = Vec::with_capacity((width * height * 3) as usize);
    for &y in &py {
        let (y0, fy) = (y.floor(), y - y.floor());
        for &x in &px {
            let (x0, fx) = (x.floor(), x - x.floor());
            let (xi, yi) = (x0 as i64, y0 as i64);
            let (a, b, c, d) = (
                at(xi, yi),
                at(xi + 1, yi),
                at(xi, yi + 1),
                at(xi + 1, yi + 1),
            );
            for k in 0..3 {
                let top = f64::from(a[k]) * (1.0 - fx) + f64::from(b[k]) * fx;
                let bottom = f64::from(c[k]) * (1.0 - fx) + f64::from(d[k]) * fx;
                rgb.push((top * (1.0 - fy) + bottom * fy).round() as u8);
            }
        }
    }
    Ok((width, height, rgb))
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(in crate::sheet::basemap) fn cap_nord_extract() -> Extract {
        // About 5.7 km × 4.7 km around Dijon's north (the size of a sheet's extract).
        Extract {
            west: 5.00,
            east: 5.075,
            north: 47.37,
            south: 47.328,
            width_pt: 318.0,
            height_pt: 262.0,
        }
    }

    #[test]
    fn the_zoom_gives_150_dpi_or_more_and_the_image_at_most_200() {
        let e = cap_nord_extract();
        let z = zoom_for(&e, 19);
        let dpi = |z: u8| {
            (tile_x(e.east, z) - tile_x(e.west, z)) * 256.0 / (f64::from(e.width_pt) / 72.0)
        };
        assert!(
            dpi(z) >= MIN_DPI && dpi(z - 1) < MIN_DPI,
            "zoom {z}: {} dpi",
            dpi(z)
        );
        assert_eq!(z, 14);
        // Capped by the source's deepest zoom.
        assert_eq!(zoom_for(&e, 12), 12);
        let (xs, ys) = tiles_for(&e, z);
        let mut mosaic = Mosaic::new(&xs, &ys).expect("few tiles");
        assert!(mosaic.count() <= 25, "{} tiles", mosaic.count());
        let (w, h, rgb) = resample(&e, z, &mosaic).expect("resampled");
        assert!(f64::from(w) <= MAX_DPI * 318.0 / 72.0 + 1.0, "{w} px wide");
        assert_eq!(rgb.len(), (w * h * 3) as usize);
        // A tile that is not an image is refused, not drawn.
        assert!(mosaic.put(*xs.start(), *ys.start(), b"<html>").is_err());
    }

    #[test]
    fn tile_numbers_match_the_slippy_map_scheme() {
        // Dijon (5.04° E, 47.32° N) at zoom 12: tile 2105/1435 (x = (lon + 180) / 360 · 2^z,
        // y = (1 − ln(tan φ + sec φ) / π) / 2 · 2^z); the top-left tile at zoom 1 is 0/0.
        assert_eq!(tile_x(5.04, 12).floor() as u32, 2105);
        assert_eq!(tile_y(47.32, 12).floor() as u32, 1435);
        assert_eq!(tile_y(85.0, 1).floor() as u32, 0);
        assert_eq!(tile_y(-85.0, 1).floor() as u32, 1);
    }

    fn png(colour: [u8; 3]) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbImage::from_pixel(256, 256, image::Rgb(colour))
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .expect("png");
        bytes
    }

    #[test]
    fn each_corner_of_the_extract_comes_from_its_own_tile() {
        let e = cap_nord_extract();
        let z = zoom_for(&e, 19);
        let (xs, ys) = tiles_for(&e, z);
        let mut mosaic = Mosaic::new(&xs, &ys).expect("few tiles");
        let (red, blue, grey) = ([200, 0, 0], [0, 0, 200], [128, 128, 128]);
        for x in xs.clone() {
            for y in ys.clone() {
                let colour = match (
                    x == *xs.start() && y == *ys.start(),
                    x == *xs.end() && y == *ys.end(),
                ) {
                    (true, _) => red,
                    (_, true) => blue,
                    _ => grey,
                };
                mosaic.put(x, y, &png(colour)).expect("tile");
            }
        }
        let (w, h, rgb) = resample(&e, z, &mosaic).expect("resampled");
        let at = |i: u32, j: u32| {
            let k = ((j * w + i) * 3) as usize;
            [rgb[k], rgb[k + 1], rgb[k + 2]]
        };
        // North-west is the first tile (x grows east, y grows south), south-east the last.
        assert_eq!(at(0, 0), red);
        assert_eq!(at(w - 1, h - 1), blue);
        assert_eq!(at(w / 2, h / 2), grey);
    }
}
