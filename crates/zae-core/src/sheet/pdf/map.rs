//! The map extract of a sheet: the projection of the zone's surroundings onto the page, the
//! base map's image (else the communes of the context layer), the other zones and the zone,
//! the scale bar and the attribution.

use super::*;
use crate::sheet::basemap::{BaseImage, Extract};

/// How much of the zone's size is added around it, and the narrowest extract (km).
const EXTRACT_PAD: f64 = 0.45;
const EXTRACT_MIN_KM: f64 = 3.0;

/// The part of the world a sheet's map extract shows, for the zone whose outline's bounding
/// box is `bbox` (what the base map's tiles must cover).
pub fn extract_of(bbox: Rect<f64>) -> Extract {
    let proj = Projection::of_extract(bbox, (0.0, 0.0, MAP_W, MAP_H));
    let (west, north) = proj.to_lon_lat(0.0, 0.0);
    let (east, south) = proj.to_lon_lat(MAP_W, MAP_H);
    Extract {
        west,
        east,
        north,
        south,
        width_pt: MAP_W,
        height_pt: MAP_H,
    }
}

/// The base map's pixels for krilla: RGB, 8 bits, no alpha.
#[derive(Clone, Hash)]
struct RgbPixels(BaseImage);

impl krilla::image::CustomImage for RgbPixels {
    fn color_channel(&self) -> &[u8] {
        &self.0.rgb
    }

    fn alpha_channel(&self) -> Option<&[u8]> {
        None
    }

    fn bits_per_component(&self) -> krilla::image::BitsPerComponent {
        krilla::image::BitsPerComponent::Eight
    }

    fn size(&self) -> (u32, u32) {
        (self.0.width, self.0.height)
    }

    fn icc_profile(&self) -> Option<&[u8]> {
        None
    }

    fn color_space(&self) -> krilla::image::ImageColorspace {
        krilla::image::ImageColorspace::Rgb
    }
}

/// Draws the base map's image over the frame; false when krilla refuses it.
fn draw_base(pen: &mut Pen, frame: (f32, f32, f32, f32), base: &BaseImage) -> bool {
    let (x, y, w, h) = frame;
    if base.rgb.len() != (base.width as usize) * (base.height as usize) * 3 {
        return false;
    }
    let Ok(image) = krilla::image::Image::from_custom(RgbPixels(base.clone()), true) else {
        return false;
    };
    let Some(size) = krilla::geom::Size::from_wh(w, h) else {
        return false;
    };
    pen.s
        .push_transform(&krilla::geom::Transform::from_translate(x, y));
    pen.s.draw_image(image, size);
    pen.s.pop();
    true
}

/// From longitude/latitude to page points: a local equirectangular projection about the
/// extract's centre (a few kilometres: the distortion is far below what a page shows).
pub(super) struct Projection {
    lon0: f64,
    lat0: f64,
    kx: f64,
    scale: f64,
    cx: f32,
    cy: f32,
    frame: (f32, f32, f32, f32),
}

impl Projection {
    /// A sheet's map extract: the zone with some of its size around it, at least 3 km wide.
    pub(super) fn of_extract(bbox: Rect<f64>, frame: (f32, f32, f32, f32)) -> Self {
        Self::fit(bbox, frame, EXTRACT_PAD, EXTRACT_MIN_KM)
    }

    /// Page point → longitude, latitude (the inverse of [`Self::to_page`]).
    pub(super) fn to_lon_lat(&self, x: f32, y: f32) -> (f64, f64) {
        (
            self.lon0 + f64::from(x - self.cx) / (self.kx * self.scale),
            self.lat0 - f64::from(y - self.cy) / self.scale,
        )
    }

    /// Fits `bbox` (padded by `pad`, at least `min_km` wide) into the frame x, y, w, h.
    pub(super) fn fit(bbox: Rect<f64>, frame: (f32, f32, f32, f32), pad: f64, min_km: f64) -> Self {
        let (x, y, w, h) = frame;
        let c = bbox.center();
        let kx = c.y.to_radians().cos().max(0.01);
        let min_deg = min_km / 111.2;
        let dx = (bbox.width() * kx).max(min_deg) * (1.0 + 2.0 * pad);
        let dy = bbox.height().max(min_deg) * (1.0 + 2.0 * pad);
        let scale = (f64::from(w) / dx).min(f64::from(h) / dy);
        Self {
            lon0: c.x,
            lat0: c.y,
            kx,
            scale,
            cx: x + w / 2.0,
            cy: y + h / 2.0,
            frame,
        }
    }

    pub(super) fn to_page(&self, lon: f64, lat: f64) -> (f32, f32) {
        (
            self.cx + ((lon - self.lon0) * self.kx * self.scale) as f32,
            self.cy - ((lat - self.lat0) * self.scale) as f32,
        )
    }

    pub(super) fn inside(&self, p: (f32, f32), margin: f32) -> bool {
        let (x, y, w, h) = self.frame;
        p.0 >= x + margin && p.0 <= x + w - margin && p.1 >= y + margin && p.1 <= y + h - margin
    }

    /// Metres per page point, measured geodesically at the centre.
    pub(super) fn metres_per_point(&self) -> f64 {
        let a = GeoPoint::new(self.lon0, self.lat0);
        let b = GeoPoint::new(self.lon0 + 0.01, self.lat0);
        Geodesic.distance(a, b) / (0.01 * self.kx * self.scale)
    }

    pub(super) fn path(&self, geometry: &MultiPolygon<f64>) -> Option<krilla::geom::Path> {
        let mut pb = PathBuilder::new();
        let mut any = false;
        for polygon in &geometry.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                let mut first = true;
                for c in &ring.0 {
                    let (x, y) = self.to_page(c.x, c.y);
                    if first {
                        pb.move_to(x, y);
                        first = false;
                    } else {
                        pb.line_to(x, y);
                    }
                    any = true;
                }
                if !first {
                    pb.close();
                }
            }
        }
        if any { pb.finish() } else { None }
    }

    pub(super) fn visible(&self, geometry_bbox: Option<Rect<f64>>) -> bool {
        let Some(b) = geometry_bbox else {
            return false;
        };
        let (x, y, w, h) = self.frame;
        let (x0, y1) = self.to_page(b.min().x, b.min().y);
        let (x1, y0) = self.to_page(b.max().x, b.max().y);
        x1 >= x && x0 <= x + w && y1 >= y && y0 <= y + h
    }
}

/// The map frame: the base map's image when there is one, else the context areas; the
/// dataset's zones, `highlight` on top; the frame is clipped.
pub(super) fn draw_map(
    pen: &mut Pen,
    proj: &Projection,
    context: &MapContext,
    dataset: &Dataset,
    highlight: Option<(usize, bool)>,
    base: Option<&BaseImage>,
) {
    let (x, y, w, h) = proj.frame;
    pen.rect(x, y, w, h, Some(MAP_BG), None);
    // Over the base map, the zones let it show through and the communes are not drawn (it
    // has its own names and boundaries).
    let on_base = base.is_some_and(|b| draw_base(pen, proj.frame, b));
    let alpha = if on_base { 0.55 } else { 0.8 };
    let Some(frame_rect) = KRect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut clip = PathBuilder::new();
    clip.push_rect(frame_rect);
    let Some(clip) = clip.finish() else {
        return;
    };
    pen.s.push_clip_path(&clip, &FillRule::NonZero);
    for area in context.areas.iter().filter(|_| !on_base) {
        if !proj.visible(area.geometry.bounding_rect()) {
            continue;
        }
        if let Some(path) = proj.path(&area.geometry) {
            pen.s.set_fill(Some(fill(COMMUNE_FILL)));
            pen.s.set_stroke(Some(stroke(COMMUNE_LINE, 0.6, None)));
            pen.s.draw_path(&path);
        }
    }
    for (i, zone) in dataset.zones.iter().enumerate() {
        if highlight.is_some_and(|(h, _)| h == i) || !proj.visible(Some(zone.bbox)) {
            continue;
        }
        if let Some(path) = proj.path(&zone.geometry()) {
            pen.s.set_fill(Some(fill_alpha(OTHER_FILL, alpha)));
            pen.s.set_stroke(Some(stroke(OTHER_LINE, 0.5, None)));
            pen.s.draw_path(&path);
        }
    }
    // Commune names over the fills.
    for area in context.areas.iter().filter(|_| !on_base) {
        let Some(name) = &area.name else { continue };
        let p = proj.to_page(area.label.0, area.label.1);
        let tw = pen.width(name, 6.5, false);
        if proj.inside((p.0 - tw / 2.0, p.1), 4.0) && proj.inside((p.0 + tw / 2.0, p.1), 4.0) {
            pen.text(p.0 - tw / 2.0, p.1, name, 6.5, false, GREY);
        }
    }
    if let Some((h, schematic)) = highlight
        && let Some(zone) = dataset.zones.get(h)
        && let Some(path) = proj.path(&zone.geometry())
    {
        pen.s.set_fill(Some(fill_alpha(
            ZONE_FILL,
            if on_base { 0.5 } else { 0.75 },
        )));
        let dash = schematic.then(|| vec![3.0, 2.0]);
        pen.s.set_stroke(Some(stroke(ZONE_LINE, 1.4, dash)));
        pen.s.draw_path(&path);
    }
    pen.s.pop();
    pen.rect(x, y, w, h, None, Some(LIGHT_GREY));
}

/// A scale bar in the frame's lower-left corner, and the attribution in its lower-right: the
/// base map's when it is drawn, else the context layer's.
pub(super) fn scale_and_attribution(pen: &mut Pen, proj: &Projection, base: Option<&str>) {
    let (x, y, w, h) = proj.frame;
    let mpp = proj.metres_per_point();
    let target = f64::from(w) * 0.25 * mpp;
    let nice = [
        50.0, 100.0, 200.0, 250.0, 500.0, 1_000.0, 2_000.0, 2_500.0, 5_000.0, 10_000.0, 20_000.0,
        50_000.0,
    ];
    let metres = nice
        .iter()
        .copied()
        .rfind(|m| *m <= target)
        .unwrap_or(nice[0]);
    let len = (metres / mpp) as f32;
    let bx = x + 8.0;
    let by = y + h - 10.0;
    pen.rect(
        bx - 3.0,
        by - 13.0,
        len + 6.0 + 30.0,
        17.0,
        Some((255, 255, 255)),
        None,
    );
    pen.rect(bx, by - 3.0, len / 2.0, 3.0, Some(INK), Some(INK));
    pen.rect(
        bx + len / 2.0,
        by - 3.0,
        len / 2.0,
        3.0,
        Some((255, 255, 255)),
        Some(INK),
    );
    let label = if metres >= 1_000.0 {
        format!(
            "{} km",
            crate::format::decimal(format!("{}", metres / 1_000.0))
        )
    } else {
        format!("{metres:.0} m")
    };
    pen.text(bx + len + 4.0, by, &label, 7.0, false, INK);
    let attribution = base.map_or_else(|| t!("sheet-attribution"), str::to_string);
    let tw = pen.width(&attribution, 6.0, false);
    pen.rect(
        x + w - tw - 6.0,
        y + h - 10.0,
        tw + 6.0,
        10.0,
        Some((255, 255, 255)),
        None,
    );
    pen.text(
        x + w - tw - 3.0,
        y + h - 3.0,
        &attribution,
        6.0,
        false,
        GREY,
    );
}

/// A circle inscribed in `r` (four cubic arcs).
pub(super) fn push_circle(pb: &mut PathBuilder, r: KRect) {
    let (cx, cy) = ((r.left() + r.right()) / 2.0, (r.top() + r.bottom()) / 2.0);
    let (rx, ry) = (r.width() / 2.0, r.height() / 2.0);
    let k = 0.552_284_8;
    pb.move_to(cx + rx, cy);
    pb.cubic_to(cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry);
    pb.cubic_to(cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy);
    pb.cubic_to(cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry);
    pb.cubic_to(cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy);
    pb.close();
}
