//! Lays sheets out on A4 pages with krilla: text shaped with rustybuzz in an embedded, subset
//! font (DejaVu Sans), vector map extracts (the communes of the context layer, the other zones,
//! the zone), a scale bar and the attribution, the QR code of the zone's page as vector squares.

use geo::{BoundingRect, Distance, Geodesic, MultiPolygon, Point as GeoPoint, Rect};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect as KRect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::Sheet;
use crate::format::format_ha;
use crate::i18n::Lang;
use crate::model::Zone;
use crate::store::Dataset;
use crate::t;

/// DejaVu Sans (Bitstream Vera licence, DejaVu changes public domain: assets/fonts/).
pub const FONT_REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");
/// The communes of Dijon métropole (IGN Admin Express, Licence Ouverte 2.0): the context layer
/// of the map extracts.
pub const COMMUNES_GEOJSON: &[u8] =
    include_bytes!("../../../../data/dijon-metropole-communes.geojson");

/// A4 in PostScript points.
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 36.0;

type Rgb = (u8, u8, u8);
const INK: Rgb = (0x1F, 0x24, 0x2B);
const GREY: Rgb = (0x5F, 0x66, 0x70);
const LIGHT_GREY: Rgb = (0x9A, 0xA0, 0xA8);
const ACCENT: Rgb = (0xC8, 0x5A, 0x0C);
const APPROX: Rgb = (0xB0, 0x5A, 0x00);
const ZONE_FILL: Rgb = (0xEE, 0x8A, 0x2E);
const ZONE_LINE: Rgb = (0x9A, 0x3C, 0x00);
const OTHER_FILL: Rgb = (0xC3, 0xCD, 0xDB);
const OTHER_LINE: Rgb = (0x7E, 0x8C, 0xA3);
const COMMUNE_FILL: Rgb = (0xF5, 0xF3, 0xEE);
const COMMUNE_LINE: Rgb = (0xA8, 0xA4, 0x9A);
const MAP_BG: Rgb = (0xFB, 0xFB, 0xF9);

/// One area of the context layer.
#[derive(Clone, Debug)]
pub struct ContextArea {
    pub name: Option<String>,
    pub geometry: MultiPolygon<f64>,
    pub label: (f64, f64),
}

/// The fonts, measured with rustybuzz and embedded by krilla.
pub struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: rustybuzz::Face<'static>,
    bold_face: rustybuzz::Face<'static>,
}

impl Fonts {
    pub fn embedded() -> Result<Self, String> {
        let bad = |which: &str| format!("the embedded {which} font could not be read");
        Ok(Self {
            regular: Font::new(FONT_REGULAR.into(), 0).ok_or_else(|| bad("regular"))?,
            bold: Font::new(FONT_BOLD.into(), 0).ok_or_else(|| bad("bold"))?,
            regular_face: rustybuzz::Face::from_slice(FONT_REGULAR, 0)
                .ok_or_else(|| bad("regular"))?,
            bold_face: rustybuzz::Face::from_slice(FONT_BOLD, 0).ok_or_else(|| bad("bold"))?,
        })
    }

    /// Width of `text` at `size` points, shaped (kerning included).
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold {
            &self.bold_face
        } else {
            &self.regular_face
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let glyphs = rustybuzz::shape(face, &[], buffer);
        let units: i32 = glyphs.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * size / face.units_per_em().max(1) as f32
    }

    /// Breaks `text` into lines no wider than `width`: at spaces (never at a no-break space),
    /// and inside a word too long for a line (a URL).
    pub fn wrap(&self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, bold) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone: cut it if it does not fit either.
                let mut piece = String::new();
                for c in word.chars() {
                    piece.push(c);
                    if self.width(&piece, size, bold) > width && piece.chars().count() > 1 {
                        piece.pop();
                        lines.push(std::mem::take(&mut piece));
                        piece.push(c);
                    }
                }
                line = piece;
            }
            lines.push(line);
        }
        lines
    }
}

/// What the map extracts are drawn over.
pub struct MapContext {
    pub areas: Vec<ContextArea>,
}

impl MapContext {
    /// The 23 communes of Dijon métropole.
    pub fn communes() -> Result<Self, String> {
        let file = crate::io::load_bytes("communes", COMMUNES_GEOJSON, &mut |_| true)
            .map_err(|e| e.to_string())?;
        Ok(Self::from_zones(&file.zones))
    }

    /// Any polygons (a context file the planner chose).
    pub fn from_zones(zones: &[Zone]) -> Self {
        Self {
            areas: zones
                .iter()
                .map(|z| ContextArea {
                    name: z.name.clone(),
                    geometry: z.geometry(),
                    label: z.label_point,
                })
                .collect(),
        }
    }
}

/// The catalogue's first page: a map of the zones, numbered, and their index.
pub struct Overview {
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    /// Positions of the zones in the dataset, in the catalogue's order (numbered from 1).
    pub positions: Vec<usize>,
}

/// Writes sheets (and the catalogue's overview first, when given) into one PDF.
pub fn render(
    dataset: &Dataset,
    context: &MapContext,
    overview: Option<&Overview>,
    sheets: &[Sheet],
) -> Result<Vec<u8>, String> {
    let fonts = Fonts::embedded()?;
    let mut document = Document::new();
    let lang = overview
        .map(|o| o.lang)
        .or_else(|| sheets.first().map(|s| s.lang))
        .unwrap_or_default();
    let title = overview
        .map(|o| o.title.clone())
        .or_else(|| sheets.first().map(|s| s.name.clone()))
        .unwrap_or_default();
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(title)
            .language(lang.code().to_string())
            .creator(format!("ZAE Atlas {}", env!("CARGO_PKG_VERSION"))),
    );
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| "bad page size".to_string())?;
    if let Some(o) = overview {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        super::in_lang(o.lang, || {
            overview_page(&mut surface, &fonts, dataset, context, o);
        });
        surface.finish();
        page.finish();
    }
    for sheet in sheets {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        super::in_lang(sheet.lang, || {
            sheet_page(&mut surface, &fonts, dataset, context, sheet);
        });
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| format!("the PDF could not be written: {e:?}"))
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::EvenOdd,
    }
}

fn fill_alpha(c: Rgb, alpha: f32) -> Fill {
    Fill {
        opacity: NormalizedF32::new(alpha).unwrap_or(NormalizedF32::ONE),
        ..fill(c)
    }
}

fn stroke(c: Rgb, width: f32, dash: Option<Vec<f32>>) -> Stroke {
    Stroke {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        width,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        dash: dash.map(|array| StrokeDash { array, offset: 0.0 }),
        ..Default::default()
    }
}

/// Text drawing with the fonts, on one page.
struct Pen<'a, 'b> {
    s: &'a mut Surface<'b>,
    f: &'a Fonts,
}

impl Pen<'_, '_> {
    /// One line of text with its baseline at `y`.
    fn text(&mut self, x: f32, y: f32, text: &str, size: f32, bold: bool, color: Rgb) {
        if text.is_empty() {
            return;
        }
        self.s.set_stroke(None);
        self.s.set_fill(Some(fill(color)));
        let font = if bold {
            self.f.bold.clone()
        } else {
            self.f.regular.clone()
        };
        self.s.draw_text(
            Point::from_xy(x, y),
            font,
            size,
            text,
            false,
            TextDirection::LeftToRight,
        );
    }

    /// A wrapped paragraph starting with its first baseline at `y`; returns the baseline after
    /// the last line.
    #[allow(clippy::too_many_arguments)]
    fn para(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        text: &str,
        size: f32,
        bold: bool,
        color: Rgb,
    ) -> f32 {
        let leading = size * 1.3;
        let mut y = y;
        for line in self.f.wrap(text, width, size, bold) {
            self.text(x, y, &line, size, bold, color);
            y += leading;
        }
        y
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.f.width(text, size, bold)
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, fill_c: Option<Rgb>, line: Option<Rgb>) {
        let Some(r) = KRect::from_xywh(x, y, w, h) else {
            return;
        };
        let mut pb = PathBuilder::new();
        pb.push_rect(r);
        let Some(path) = pb.finish() else {
            return;
        };
        self.s.set_fill(fill_c.map(fill));
        self.s.set_stroke(line.map(|c| stroke(c, 0.6, None)));
        self.s.draw_path(&path);
    }

    fn heading(&mut self, x: f32, y: f32, text: &str) -> f32 {
        self.text(x, y, text, 10.5, true, ACCENT);
        y + 15.0
    }
}

/// From longitude/latitude to page points: a local equirectangular projection about the
/// extract's centre (a few kilometres: the distortion is far below what a page shows).
struct Projection {
    lon0: f64,
    lat0: f64,
    kx: f64,
    scale: f64,
    cx: f32,
    cy: f32,
    frame: (f32, f32, f32, f32),
}

impl Projection {
    /// Fits `bbox` (padded by `pad`, at least `min_km` wide) into the frame x, y, w, h.
    fn fit(bbox: Rect<f64>, frame: (f32, f32, f32, f32), pad: f64, min_km: f64) -> Self {
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

    fn to_page(&self, lon: f64, lat: f64) -> (f32, f32) {
        (
            self.cx + ((lon - self.lon0) * self.kx * self.scale) as f32,
            self.cy - ((lat - self.lat0) * self.scale) as f32,
        )
    }

    fn inside(&self, p: (f32, f32), margin: f32) -> bool {
        let (x, y, w, h) = self.frame;
        p.0 >= x + margin && p.0 <= x + w - margin && p.1 >= y + margin && p.1 <= y + h - margin
    }

    /// Metres per page point, measured geodesically at the centre.
    fn metres_per_point(&self) -> f64 {
        let a = GeoPoint::new(self.lon0, self.lat0);
        let b = GeoPoint::new(self.lon0 + 0.01, self.lat0);
        Geodesic.distance(a, b) / (0.01 * self.kx * self.scale)
    }

    fn path(&self, geometry: &MultiPolygon<f64>) -> Option<krilla::geom::Path> {
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

    fn visible(&self, geometry_bbox: Option<Rect<f64>>) -> bool {
        let Some(b) = geometry_bbox else {
            return false;
        };
        let (x, y, w, h) = self.frame;
        let (x0, y1) = self.to_page(b.min().x, b.min().y);
        let (x1, y0) = self.to_page(b.max().x, b.max().y);
        x1 >= x && x0 <= x + w && y1 >= y && y0 <= y + h
    }
}

/// The map frame: context areas, the dataset's zones, `highlight` on top; returns nothing, the
/// frame is clipped.
fn draw_map(
    pen: &mut Pen,
    proj: &Projection,
    context: &MapContext,
    dataset: &Dataset,
    highlight: Option<(usize, bool)>,
) {
    let (x, y, w, h) = proj.frame;
    pen.rect(x, y, w, h, Some(MAP_BG), None);
    let Some(frame_rect) = KRect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut clip = PathBuilder::new();
    clip.push_rect(frame_rect);
    let Some(clip) = clip.finish() else {
        return;
    };
    pen.s.push_clip_path(&clip, &FillRule::NonZero);
    for area in &context.areas {
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
            pen.s.set_fill(Some(fill_alpha(OTHER_FILL, 0.8)));
            pen.s.set_stroke(Some(stroke(OTHER_LINE, 0.5, None)));
            pen.s.draw_path(&path);
        }
    }
    // Commune names over the fills.
    for area in &context.areas {
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
        pen.s.set_fill(Some(fill_alpha(ZONE_FILL, 0.75)));
        let dash = schematic.then(|| vec![3.0, 2.0]);
        pen.s.set_stroke(Some(stroke(ZONE_LINE, 1.4, dash)));
        pen.s.draw_path(&path);
    }
    pen.s.pop();
    pen.rect(x, y, w, h, None, Some(LIGHT_GREY));
}

/// A scale bar in the frame's lower-left corner, and the attribution in its lower-right.
fn scale_and_attribution(pen: &mut Pen, proj: &Projection) {
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
    let attribution = t!("sheet-attribution");
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

fn sheet_page(
    s: &mut Surface,
    fonts: &Fonts,
    dataset: &Dataset,
    context: &MapContext,
    sheet: &Sheet,
) {
    let mut pen = Pen { s, f: fonts };
    let width = PAGE_W - 2.0 * MARGIN;
    // Header band.
    pen.rect(0.0, 0.0, PAGE_W, 6.0, Some(ACCENT), None);
    let mut y = MARGIN + 14.0;
    y = pen.para(MARGIN, y, width, &sheet.name, 19.0, true, INK);
    y = pen.para(MARGIN, y - 4.0, width, &sheet.subtitle, 10.0, false, GREY);
    if sheet.schematic {
        y = pen.para(
            MARGIN,
            y,
            width,
            &t!("sheet-approximate-outline"),
            8.5,
            true,
            APPROX,
        );
    }
    y += 2.0;

    // Map extract (left) and key figures (right).
    let map_w = 318.0;
    let map_h = 262.0;
    let frame = (MARGIN, y, map_w, map_h);
    let bbox = sheet.outline.bounding_rect();
    if let Some(bbox) = bbox {
        let proj = Projection::fit(bbox, frame, 0.45, 3.0);
        draw_map(
            &mut pen,
            &proj,
            context,
            dataset,
            Some((sheet.position, sheet.schematic)),
        );
        scale_and_attribution(&mut pen, &proj);
    }
    let rx = MARGIN + map_w + 16.0;
    let rw = PAGE_W - MARGIN - rx;
    let mut ry = pen.heading(rx, y + 9.0, &t!("sheet-key-figures"));
    for f in &sheet.figures {
        ry = pen.para(rx, ry, rw, &f.label, 8.0, false, GREY);
        let mut line = f.value.clone();
        if let Some(year) = &f.year {
            line.push_str(&format!(" ({year})"));
        }
        let note = f.note.map(|n| format!(" [{n}]")).unwrap_or_default();
        let lines = fonts.wrap(&format!("{line}{note}"), rw, 11.0, true);
        for l in lines {
            pen.text(rx, ry + 1.0, &l, 11.0, true, INK);
            ry += 13.5;
        }
        ry += 3.0;
    }
    y += map_h + 20.0;

    // Access (left) and tenants (right).
    let col_w = map_w;
    let mut ly = pen.heading(MARGIN, y, &t!("sheet-access"));
    for a in &sheet.access {
        let note = a.note.map(|n| format!(" [{n}]")).unwrap_or_default();
        ly = pen.para(
            MARGIN,
            ly,
            col_w,
            &t!(
                "sheet-access-line",
                what = a.label.clone(),
                place = a.place.clone()
            ),
            8.5,
            true,
            INK,
        );
        ly = pen.para(
            MARGIN,
            ly,
            col_w,
            &format!("{}{note}", a.distance),
            8.5,
            false,
            INK,
        );
        ly += 2.0;
    }
    if sheet.access.is_empty() {
        ly = pen.para(
            MARGIN,
            ly,
            col_w,
            &t!("sheet-access-none"),
            8.5,
            false,
            GREY,
        );
    }
    let mut ty = y;
    if !sheet.tenants.is_empty() {
        ty = pen.heading(rx, ty, &t!("sheet-tenants"));
        for tenant in &sheet.tenants {
            pen.text(rx, ty, "•", 8.5, false, ACCENT);
            ty = pen.para(rx + 8.0, ty, rw - 8.0, tenant, 8.5, false, INK);
        }
        if sheet.more_tenants > 0 {
            ty = pen.para(
                rx,
                ty,
                rw,
                &t!("sheet-more-tenants", n = sheet.more_tenants),
                8.0,
                false,
                GREY,
            );
        }
    }
    y = ly.max(ty) + 8.0;

    // Contact (left) and QR code (right).
    let qr_size = 84.0;
    let mut cy = pen.heading(MARGIN, y, &t!("sheet-contact"));
    for line in &sheet.contact {
        cy = pen.para(MARGIN, cy, col_w, line, 8.5, false, INK);
    }
    if sheet.contact.is_empty() {
        cy = pen.para(
            MARGIN,
            cy,
            col_w,
            &t!("sheet-contact-none"),
            8.5,
            false,
            GREY,
        );
    }
    if let Some(url) = &sheet.url {
        cy = pen.para(MARGIN, cy + 2.0, col_w, url, 7.5, false, GREY);
    }
    let mut qy = y;
    if let Some(qr) = &sheet.qr {
        draw_qr(&mut pen, qr, rx, y - 8.0, qr_size);
        qy = pen.para(
            rx,
            y - 8.0 + qr_size + 9.0,
            rw,
            &t!("sheet-qr-caption"),
            7.0,
            false,
            GREY,
        );
    }
    y = cy.max(qy) + 6.0;

    // Source notes and the foot of the page.
    pen.rect(MARGIN, y - 8.0, width, 0.5, Some(LIGHT_GREY), None);
    y = pen.para(MARGIN, y + 2.0, width, &t!("sheet-notes"), 7.5, true, GREY);
    for (i, note) in sheet.notes.iter().enumerate() {
        y = pen.para(
            MARGIN,
            y,
            width,
            &format!("[{}] {note}", i + 1),
            6.5,
            false,
            GREY,
        );
    }
    let foot = t!(
        "sheet-foot",
        data = sheet.data_date.clone(),
        date = super::today(),
        file = sheet.file_name.clone()
    );
    let fy = (PAGE_H - 20.0).max(y + 8.0);
    pen.para(MARGIN, fy, width, &foot, 6.5, false, LIGHT_GREY);
}

/// The QR code as vector squares, with its quiet zone, `size` points wide.
fn draw_qr(pen: &mut Pen, qr: &crate::qr::QrMatrix, x: f32, y: f32, size: f32) {
    let modules = (qr.width + 2 * crate::qr::QUIET_ZONE) as f32;
    let m = size / modules;
    pen.rect(x, y, size, size, Some((255, 255, 255)), None);
    let mut pb = PathBuilder::new();
    for row in 0..qr.width {
        for col in 0..qr.width {
            if qr.is_dark(col, row) {
                let q = crate::qr::QUIET_ZONE as f32;
                if let Some(r) =
                    KRect::from_xywh(x + (col as f32 + q) * m, y + (row as f32 + q) * m, m, m)
                {
                    pb.push_rect(r);
                }
            }
        }
    }
    if let Some(path) = pb.finish() {
        pen.s.set_stroke(None);
        pen.s.set_fill(Some(Fill {
            rule: FillRule::NonZero,
            ..fill((0, 0, 0))
        }));
        pen.s.draw_path(&path);
    }
}

fn overview_page(
    s: &mut Surface,
    fonts: &Fonts,
    dataset: &Dataset,
    context: &MapContext,
    o: &Overview,
) {
    let mut pen = Pen { s, f: fonts };
    let width = PAGE_W - 2.0 * MARGIN;
    pen.rect(0.0, 0.0, PAGE_W, 6.0, Some(ACCENT), None);
    let mut y = MARGIN + 14.0;
    y = pen.para(MARGIN, y, width, &o.title, 19.0, true, INK);
    y = pen.para(MARGIN, y - 4.0, width, &o.subtitle, 10.0, false, GREY);
    y += 2.0;
    let map_h = 380.0;
    let frame = (MARGIN, y, width, map_h);
    let bbox = crate::model::union_all(
        o.positions
            .iter()
            .filter_map(|&p| dataset.zones.get(p).map(|z| z.bbox)),
    );
    if let Some(bbox) = bbox {
        let proj = Projection::fit(bbox, frame, 0.08, 2.0);
        draw_map(&mut pen, &proj, context, dataset, None);
        // The catalogue's zones on top, numbered.
        for &p in &o.positions {
            let Some(zone) = dataset.zones.get(p) else {
                continue;
            };
            if let Some(path) = proj.path(&zone.geometry()) {
                pen.s.set_fill(Some(fill_alpha(ZONE_FILL, 0.8)));
                let dash = zone.is_schematic().then(|| vec![2.0, 1.5]);
                pen.s.set_stroke(Some(stroke(ZONE_LINE, 0.8, dash)));
                pen.s.draw_path(&path);
            }
        }
        for (n, &p) in o.positions.iter().enumerate() {
            let Some(zone) = dataset.zones.get(p) else {
                continue;
            };
            let (px, py) = proj.to_page(zone.label_point.0, zone.label_point.1);
            let label = (n + 1).to_string();
            let tw = pen.width(&label, 7.0, true);
            let r = (tw / 2.0 + 2.5).max(5.5);
            let mut pb = PathBuilder::new();
            if let Some(rect) = KRect::from_xywh(px - r, py - r, 2.0 * r, 2.0 * r) {
                push_circle(&mut pb, rect);
            }
            if let Some(path) = pb.finish() {
                pen.s.set_fill(Some(fill((255, 255, 255))));
                pen.s.set_stroke(Some(stroke(ZONE_LINE, 0.8, None)));
                pen.s.draw_path(&path);
            }
            pen.text(px - tw / 2.0, py + 2.5, &label, 7.0, true, INK);
        }
        scale_and_attribution(&mut pen, &proj);
    }
    y += map_h + 22.0;
    // The index, in two columns.
    y = pen.heading(MARGIN, y, &t!("sheet-index"));
    let col_w = (width - 16.0) / 2.0;
    let per_col = o.positions.len().div_ceil(2).max(1);
    let start = y;
    for (n, &p) in o.positions.iter().enumerate() {
        let Some(zone) = dataset.zones.get(p) else {
            continue;
        };
        let col = n / per_col;
        let x = MARGIN + col as f32 * (col_w + 16.0);
        if n % per_col == 0 {
            y = start;
        }
        let surface = zone
            .surface_declared_ha
            .map(|ha| format!(" · {} ha", format_ha(ha)))
            .unwrap_or_default();
        let commune = zone
            .commune
            .clone()
            .map(|c| format!(" · {c}"))
            .unwrap_or_default();
        let number = format!("{}.", n + 1);
        pen.text(x, y, &number, 8.0, true, ACCENT);
        y = pen.para(
            x + 16.0,
            y,
            col_w - 16.0,
            &format!("{}{commune}{surface}", zone.display_name()),
            8.0,
            false,
            INK,
        );
        y += 1.0;
    }
    let foot = t!("sheet-overview-foot", date = super::today());
    pen.para(MARGIN, PAGE_H - 20.0, width, &foot, 6.5, false, LIGHT_GREY);
}

/// A circle inscribed in `r` (four cubic arcs).
fn push_circle(pb: &mut PathBuilder, r: KRect) {
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
