//! Lays sheets out on A4 pages with krilla: text shaped with rustybuzz in an embedded, subset
//! font (DejaVu Sans), map extracts (the base map's image when the sheet has one, else the
//! communes of the context layer; the other zones and the zone as vectors), a scale bar and the
//! attribution, the QR code of the zone's page as vector squares.

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
mod map;
mod overview;

pub use map::extract_of;
use map::*;
use overview::*;

const MARGIN: f32 = 36.0;
/// The map extract of a sheet, in points.
pub const MAP_W: f32 = 318.0;
pub const MAP_H: f32 = 262.0;

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
    let (map_w, map_h) = (MAP_W, MAP_H);
    let frame = (MARGIN, y, map_w, map_h);
    let bbox = sheet.outline.bounding_rect();
    if let Some(bbox) = bbox {
        let proj = Projection::of_extract(bbox, frame);
        let base = sheet.base_map.as_ref();
        draw_map(
            &mut pen,
            &proj,
            context,
            dataset,
            Some((sheet.position, sheet.schematic)),
            base,
        );
        scale_and_attribution(&mut pen, &proj, base.map(|b| b.attribution.as_str()));
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
