//! The zones layer: a walkers plugin that draws the cached meshes of the zones in view, their
//! outlines and labels, highlights the hovered and selected zone, and reports hover and clicks.
//!
//! Over 600 lines, for now: the frame's pipeline (cull, plan, fill, outline, cells, labels,
//! hover) shares one frame's state; the fill plan and sketches already moved to
//! `zone_forms.rs`, the budget rule to `frame_budget.rs`. Next to move out: the cell image and
//! the labels.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Response, Shape, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::ViewTransform;
use super::frame_budget;
use super::style;
use super::zone_forms::{FillPlan, Form, OutlineJob, append_sketch, sketch_mesh};
use crate::format::format_ha;
use crate::model::{Establishment, Plot, Zone};
use crate::spatial::{
    BandMeshes, DetailMeshes, MeshSummary, RankedZone, STORED_BANDS, ZoneIndex, ZoneMesh,
    band_for_zoom,
};

/// Below this zoom names are not drawn on the map (hover shows them).
const LABEL_MIN_ZOOM: f64 = 11.5;
/// Below this zoom establishments are not drawn.
const ESTABLISHMENT_MIN_ZOOM: f64 = 13.0;

/// What the layer saw in this frame; read by the app after the map is drawn.
#[derive(Clone, Debug, Default)]
pub struct LayerOutput {
    pub view: Option<ViewTransform>,
    pub hovered: Option<usize>,
    /// `Some(None)`: a click on empty map; `Some(Some(i))`: a click on zone i.
    pub clicked: Option<Option<usize>>,
    /// Where the click was (lon, lat).
    pub clicked_at: Option<(f64, f64)>,
    /// Zones in view and drawn (as a mesh, or merged into the cells of the cell image).
    pub zones_drawn: usize,
    /// Zones drawn as cells of the cell image rather than as shapes.
    pub zones_in_cells: usize,
    /// Cells of the cell image that hold a zone.
    pub cells_drawn: usize,
    pub triangles_drawn: usize,
    /// Vertices of the fill mesh (within [`FRAME_FILL_VERTICES`] but for the highlighted zones).
    pub fill_vertices: usize,
    pub outlines_drawn: usize,
    /// Points of the outlines drawn (within [`FRAME_OUTLINE_POINTS`] but for the highlighted).
    pub outline_points: usize,
    /// Zones drawn as sketches (the corners of their rings) because not even the coarsest
    /// band of every zone fits the fill budget: those under `sketch_below_px` (0: none).
    pub zones_sketched: usize,
    pub sketch_below_px: f32,
    /// Zones under this size on screen (pixels; at least [`DOT_PX`]) were drawn as dots of the
    /// cell image: one cell each, never bigger than the zone.
    pub dots_below_px: f32,
    /// Outlines of zones under this size on screen (pixels) were drawn as their sketch.
    pub outline_sketch_below_px: f32,
    /// The tolerance (pixels) every outline was simplified to beyond its band's, to fit the
    /// outline budget (0: none).
    pub outline_tolerance_px: f32,
    /// Zones under this size on screen (pixels) were drawn without an outline.
    pub outline_min_px: f32,
    /// The largest zone (pixels on screen) drawn as a cell rather than a shape.
    pub largest_in_cells_px: f32,
    /// Where the labels were drawn (screen); one per label drawn.
    pub label_rects: Vec<Rect>,
    /// Zones drawn with a coarser band while their detailed one is not built yet (to ask for).
    pub wanted_detail: Vec<usize>,
    /// The band drawn.
    pub band: usize,
    /// The paint layer the map was drawn in.
    pub layer: Option<egui::LayerId>,
}

/// Below this size on screen (pixels) a zone is merged into the cell image; every zone at
/// least this big is drawn as a shape (or a sketch of it).
pub const DOT_PX: f32 = 3.0;
/// Side of a cell of the cell image, in screen pixels.
pub const CELL_PX: f32 = 2.0;
/// The faintest a cell is drawn (a zone of a fraction of a pixel still shows).
const MIN_DOT_COVER: f32 = 0.35;
/// Outlines only for zones at least this big on screen.
pub(crate) const OUTLINE_MIN_PX: f32 = 6.0;
/// When the outlines in view have more points than the budget, they are all simplified to
/// this tolerance (pixels) at most before the smallest zones lose theirs.
pub(crate) const MAX_OUTLINE_TOLERANCE_PX: f32 = 2.0;
/// What one frame draws as shapes at most. Every triangle costs the graphics driver memory and
/// time (a software rasterizer holds each triangle of a frame, about half a kilobyte with two
/// threads), and past a few hundred thousand a person sees no more: zones beyond these budgets
/// are drawn with their coarsest outline, then merged into the cell image.
pub const FRAME_FILL_VERTICES: usize = 150_000;
/// Outline points per frame (each becomes about four triangles once stroked).
pub const FRAME_OUTLINE_POINTS: usize = 40_000;
/// Labels laid out per frame at most.
const MAX_LABELS: usize = 300;

/// Zones too small or too many to draw as shapes, merged by screen cell into one image: one
/// textured rectangle for the driver, however many zones it holds.
pub struct CellImage {
    /// Where it is drawn on screen.
    pub rect: Rect,
    pub size: [usize; 2],
    pub pixels: Vec<Color32>,
    painted: bool,
}

impl CellImage {
    fn new(rect: Rect) -> Self {
        let size = [
            (rect.width() / CELL_PX).ceil().max(1.0) as usize,
            (rect.height() / CELL_PX).ceil().max(1.0) as usize,
        ];
        Self {
            rect: Rect::from_min_size(
                rect.min,
                vec2(size[0] as f32 * CELL_PX, size[1] as f32 * CELL_PX),
            ),
            size,
            pixels: Vec::new(),
            painted: false,
        }
    }

    /// Paints the one cell under `centre` for a zone of `size_px` on screen (under
    /// [`DOT_PX`]): a zone smaller than the cell shades it in proportion to the part it would
    /// cover, so a cell never stands for more than its zones. Where several fall in one cell,
    /// the strongest shows.
    fn paint_dot(&mut self, centre: Pos2, size_px: f32, color: Color32) {
        if self.pixels.is_empty() {
            self.pixels = vec![Color32::TRANSPARENT; self.size[0] * self.size[1]];
        }
        let (x, y) = ((centre - self.rect.min) / CELL_PX).into();
        if x < 0.0 || y < 0.0 || x >= self.size[0] as f32 || y >= self.size[1] as f32 {
            return;
        }
        let cover = (size_px / CELL_PX).powi(2).clamp(MIN_DOT_COVER, 1.0);
        let color = color.gamma_multiply(cover);
        if let Some(cell) = self.pixels.get_mut(y as usize * self.size[0] + x as usize)
            && color.a() >= cell.a()
        {
            *cell = color;
            self.painted = true;
        }
    }

    pub fn is_empty(&self) -> bool {
        !self.painted
    }

    /// Cells that hold a zone (counted, so call it once).
    pub fn cells_drawn(&self) -> usize {
        self.pixels
            .iter()
            .filter(|&&p| p != Color32::TRANSPARENT)
            .count()
    }

    /// The colour of the cell under a screen point (transparent where no zone is).
    pub fn at(&self, p: Pos2) -> Color32 {
        let (x, y) = ((p - self.rect.min) / CELL_PX).into();
        if x < 0.0 || y < 0.0 || x as usize >= self.size[0] {
            return Color32::TRANSPARENT;
        }
        self.pixels
            .get(y as usize * self.size[0] + x as usize)
            .copied()
            .unwrap_or(Color32::TRANSPARENT)
    }
}

/// The texture the cell image is drawn with, kept from frame to frame and uploaded again only
/// when the image changes.
#[derive(Default)]
pub struct CellTexture {
    handle: Option<egui::TextureHandle>,
    shown: Vec<Color32>,
    size: [usize; 2],
    /// Times the image was uploaded.
    pub uploads: usize,
}

impl CellTexture {
    fn paint(&mut self, ctx: &egui::Context, painter: &egui::Painter, image: CellImage) {
        if image.is_empty() {
            return;
        }
        if self.handle.is_none() || self.size != image.size || self.shown != image.pixels {
            let color = egui::ColorImage::new(image.size, image.pixels.clone());
            match &mut self.handle {
                Some(handle) => handle.set(color, egui::TextureOptions::NEAREST),
                None => {
                    self.handle =
                        Some(ctx.load_texture("zone-cells", color, egui::TextureOptions::NEAREST));
                }
            }
            self.uploads += 1;
            self.shown = image.pixels;
            self.size = image.size;
        }
        if let Some(handle) = &self.handle {
            painter.image(
                handle.id(),
                image.rect,
                Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
    }
}

/// What the zones layer paints in a frame.
pub struct ZonePaint {
    /// Zones in view, in drawing order.
    pub visible: Vec<usize>,
    pub fill: Mesh,
    pub cells: CellImage,
    pub outlines: Vec<Shape>,
}

pub struct ZonesLayer<'a> {
    pub zones: &'a [Zone],
    /// The kept (coarse) bands of every zone.
    pub meshes: &'a [BandMeshes],
    /// Detailed bands of the zones in view, as far as built.
    pub detail: &'a DetailMeshes,
    pub index: &'a ZoneIndex,
    pub plots: &'a [Plot],
    pub plot_meshes: &'a [BandMeshes],
    pub plot_index: &'a ZoneIndex,
    pub plot_colors: &'a [Color32],
    pub establishments: &'a [Establishment],
    /// Zone indices, largest first (small zones are drawn on top).
    /// Draw rank per zone: larger zones first, so small zones are drawn on top.
    pub draw_rank: &'a [u32],
    /// The zones in drawing order, with their centre and size.
    pub ranked: &'a [RankedZone],
    /// What the frame's budgets need of each zone's kept meshes, in drawing order (as
    /// `ranked`; computed here when it does not match).
    pub summaries: &'a [MeshSummary],
    /// Zones passing the active filter (empty: all).
    pub shown: &'a [bool],
    pub colors: &'a [Color32],
    /// Zones whose outline is schematic (approximate): drawn dashed. Empty: none.
    pub schematic: &'a [bool],
    pub selected: Option<usize>,
    /// Highlighted from elsewhere (a chart's hovered bar).
    pub highlight: Option<usize>,
    /// Where the cell image is uploaded.
    pub cells: &'a mut CellTexture,
    /// Width of each zone's name as a label, measured once (NaN: not yet); kept by the app
    /// and emptied when the zones change.
    pub label_widths: &'a mut Vec<f32>,
    pub output: &'a mut LayerOutput,
    /// Hovering a zone or a plot shows its name and surface; off in kiosk mode, where a
    /// tooltip would stay on screen over the tour.
    pub tooltips: bool,
}

/// Room left in the frame's fill budget: for meshes of the frame's own band, and for coarser
/// ones (more: part of the budget is kept so that the zones after still show their shape).
#[derive(Clone, Copy, Debug)]
struct Room {
    fine: usize,
    coarse: usize,
}

/// Which mesh a zone is drawn with, decided from its summary (no read of its kept meshes).
#[derive(Clone, Copy)]
enum Pick<'a> {
    /// A detailed band's mesh (already at hand: detailed meshes are few).
    Detailed(&'a ZoneMesh),
    /// Kept band `b` (as `BandMeshes::band(b)` gives it).
    Kept(usize),
    /// Its sketch (see `zone_forms::sketch_mesh`).
    Sketch,
}

impl Pick<'_> {
    /// Fill vertices it adds.
    fn vertices(self, summary: &MeshSummary) -> usize {
        match self {
            Pick::Detailed(m) => m.vertices.len(),
            Pick::Kept(b) => summary.vertices(b),
            Pick::Sketch => usize::from(summary.sketch),
        }
    }
}

/// The mesh to draw zone `i` with at `band`, if one that fits the room is there: the detailed
/// band when built, else the kept bands from the finest down. A zone drawn without its
/// detailed band is noted in `wanted`, to be built for a later frame.
fn pick_mesh<'a>(
    summary: &MeshSummary,
    detail: &'a DetailMeshes,
    wanted: &mut Vec<usize>,
    (i, band): (usize, usize),
    room: Room,
) -> Option<Pick<'a>> {
    let fits = |vertices: usize, filled: bool, b: usize| {
        let room = if b == band { room.fine } else { room.coarse };
        filled && vertices <= room
    };
    let mut missing = false;
    if band >= STORED_BANDS {
        match detail.get(i, band) {
            Some(m) if fits(m.vertices.len(), !m.indices.is_empty(), band) => {
                return Some(Pick::Detailed(m));
            }
            Some(_) => {}
            None => missing = true,
        }
    }
    let found = (0..=band.min(STORED_BANDS - 1)).rev().find(|&b| {
        summary
            .bands
            .get(b)
            .is_some_and(|s| fits(s.vertices as usize, s.filled, b))
    });
    if found.is_some() && missing {
        wanted.push(i);
    }
    found.map(Pick::Kept)
}

/// A zone the frame draws as a shape or a sketch, in drawing order.
struct Planned<'a> {
    zone: usize,
    pick: Pick<'a>,
    summary: &'a MeshSummary,
    color: Color32,
    highlighted: bool,
    size_px: f32,
    /// Its outline is drawn if the budget allows.
    outlined: bool,
}

/// The finest band whose meshes of the zones to draw fit the frame's fill budget, with the
/// vertices they need at the kept band it was counted on: `band` itself when its kept estimate
/// fits (a detailed band is estimated from the most detailed kept one), else the finest kept
/// band that fits; `None` when not even the coarsest does. Stops counting as soon as a band is
/// over.
fn frame_band<'a>(
    band: usize,
    zones: impl Iterator<Item = &'a MeshSummary> + Clone,
) -> Option<(usize, usize)> {
    let top = band.min(STORED_BANDS - 1);
    for b in (0..=top).rev() {
        let mut need = 0;
        let fits = zones.clone().all(|summary| {
            need += summary.vertices(b);
            need <= FRAME_FILL_VERTICES
        });
        if fits {
            return Some((if b == top { band } else { b }, need));
        }
    }
    None
}

impl Plugin for ZonesLayer<'_> {
    fn run(
        mut self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        memory: &MapMemory,
    ) {
        let rect = response.rect;
        let view = ViewTransform::of_map(rect, projector, memory.zoom());
        self.output.view = Some(view);
        self.output.layer = Some(ui.layer_id());

        let (min, max) = view.visible_lon_lat();
        let hovered = response
            .hover_pos()
            .map(|p| view.screen_to_lon_lat(p))
            .and_then(|(lon, lat)| self.hit(lon, lat));
        self.output.hovered = hovered;
        if response.clicked() {
            let hit = response
                .interact_pointer_pos()
                .map(|p| view.screen_to_lon_lat(p))
                .and_then(|(lon, lat)| self.hit(lon, lat));
            self.output.clicked = Some(hit);
            self.output.clicked_at = response
                .interact_pointer_pos()
                .map(|p| view.screen_to_lon_lat(p));
        }

        let painter = ui.painter().with_clip_rect(rect);
        let paint = self.paint_zones(&view, hovered.or(self.highlight));
        let visible = paint.visible;
        painter.add(Shape::mesh(paint.fill));
        self.cells.paint(ui.ctx(), &painter, paint.cells);
        painter.extend(paint.outlines);

        let hovered_plot = self.draw_plots(&painter, &view, (min, max), response);
        if view.zoom >= ESTABLISHMENT_MIN_ZOOM {
            self.draw_establishments(&painter, &view, (min, max));
        }

        if view.zoom >= LABEL_MIN_ZOOM {
            self.output.label_rects =
                draw_labels(&painter, &view, self.zones, &visible, self.label_widths);
        }

        if !self.tooltips {
            return;
        }
        if let Some(plot) = hovered_plot.and_then(|i| self.plots.get(i)) {
            response
                .clone()
                .on_hover_text_at_pointer(plot_tooltip(plot));
        } else if let Some(i) = hovered
            && let Some(zone) = self.zones.get(i)
        {
            let text = match zone.surface_declared_ha {
                Some(ha) => format!(
                    "{}\n{}",
                    zone.display_name(),
                    crate::t!("tooltip-declared", ha = format_ha(ha))
                ),
                // No declared surface: the one computed from the outline, said so.
                None if zone.area_ha.is_finite() && zone.area_ha > 0.0 => format!(
                    "{}\n{}",
                    zone.display_name(),
                    crate::t!("tooltip-computed", ha = format_ha(zone.area_ha))
                ),
                None => format!(
                    "{}\n{}",
                    zone.display_name(),
                    crate::t!("tooltip-surface-unknown")
                ),
            };
            response.clone().on_hover_text_at_pointer(text);
        }
    }
}

impl ZonesLayer<'_> {
    /// The shown zone under a point.
    fn hit(&self, lon: f64, lat: f64) -> Option<usize> {
        self.index.hit_by(
            lon,
            lat,
            |i, p| {
                self.shown.get(i).copied().unwrap_or(true)
                    && self.zones.get(i).is_some_and(|z| z.contains(p))
            },
            |i| self.zones.get(i).map_or(f64::INFINITY, |z| z.area_ha),
        )
    }

    /// The CPU work of a frame for the zones: cull with the R-tree, pick each zone's mesh for
    /// the zoom band, move it to the screen (or merge it into the cell image), and build the
    /// paint lists, within the frame's budgets.
    pub fn paint_zones(&mut self, view: &ViewTransform, hovered: Option<usize>) -> ZonePaint {
        let computed: Vec<MeshSummary>;
        let summaries = if self.summaries.len() == self.ranked.len() {
            self.summaries
        } else {
            computed = self
                .ranked
                .iter()
                .map(|r| {
                    self.meshes
                        .get(r.index as usize)
                        .map(MeshSummary::of)
                        .unwrap_or_default()
                })
                .collect();
            &computed
        };
        let (min, max) = view.visible_lon_lat();
        let in_view: Vec<usize> = self.index.in_box(min, max).collect();
        // Zones in view, in drawing order, with what tells a cell from a mesh and what the
        // budgets need without touching the mesh (compact arrays, read in order when much is
        // in view).
        let mut visible: Vec<(&RankedZone, &MeshSummary)> = if in_view.len() > 4096 {
            let mut bits = vec![false; self.zones.len()];
            for &i in &in_view {
                if let Some(b) = bits.get_mut(i) {
                    *b = true;
                }
            }
            self.ranked
                .iter()
                .zip(summaries)
                .filter(|(r, _)| bits.get(r.index as usize).copied().unwrap_or(false))
                .collect()
        } else {
            let mut ranks: Vec<u32> = in_view
                .iter()
                .filter_map(|&i| self.draw_rank.get(i).copied())
                .collect();
            ranks.sort_unstable();
            ranks
                .iter()
                .filter_map(|&r| Some((self.ranked.get(r as usize)?, summaries.get(r as usize)?)))
                .collect()
        };
        let mut cells = CellImage::new(view.rect);
        if !self.shown.is_empty() {
            visible.retain(|(r, _)| self.shown.get(r.index as usize).copied().unwrap_or(true));
        }
        // One band for the frame, coarser than the zoom's when the zones in view would not fit
        // (at the zoom of the whole region the next band down differs by a fraction of a pixel);
        // when not even the coarsest fits, the zones under one size are sketched.
        let world_px = view.world_px as f32;
        let drawn = visible
            .iter()
            .filter(move |(r, _)| r.size_world * world_px >= DOT_PX)
            .map(|&(_, summary)| summary);
        let fit = frame_band(band_for_zoom(view.zoom), drawn);
        let (band, plan) = match fit {
            Some((band, _)) => (band, FillPlan::default()),
            None => (0, self.fill_plan(&visible, world_px, hovered)),
        };
        self.output.band = band;
        let px = |bucket: usize| frame_budget::bucket_px(bucket, DOT_PX);
        self.output.sketch_below_px = if plan.sketch_below > 0 {
            px(plan.sketch_below)
        } else {
            0.0
        };
        self.output.dots_below_px = px(plan.dots_below);
        // The same rule as the buckets (a zone in bucket b is at least bucket_px(b)), compared
        // without a logarithm per zone.
        let dots_below_px = px(plan.dots_below).max(DOT_PX);
        let sketch_below_px = if plan.sketch_below > 0 {
            px(plan.sketch_below)
        } else {
            0.0
        };
        let kept_band = band.min(STORED_BANDS - 1);
        // The kept-band vertices of the zones not drawn yet: a detailed mesh is drawn only
        // when it leaves them room, so the frame never ends up over its budget.
        let mut reserve = fit.map_or(0, |(_, need)| need);
        // What is drawn as a shape, in drawing order, and its vertices: decided here from the
        // summaries, then read from the meshes and appended on all cores (reading every drawn
        // mesh is where the time goes).
        let mut planned: Vec<Planned<'_>> = Vec::new();
        let mut fill_vertices = 0usize;
        for &(ranked, summary) in &visible {
            let i = ranked.index as usize;
            let Some(&color) = self.colors.get(i) else {
                continue;
            };
            self.output.zones_drawn += 1;
            let highlighted = hovered == Some(i) || self.selected == Some(i);
            let on_screen = ranked.size_world * world_px;
            if !highlighted && on_screen < dots_below_px {
                self.dot(&mut cells, view, ranked, style::fill(color, true));
                continue;
            }
            if fit.is_some() && !highlighted {
                reserve = reserve.saturating_sub(summary.vertices(kept_band));
            }
            let wanted = &mut self.output.wanted_detail;
            let sketch = (summary.sketch > 0).then_some(Pick::Sketch);
            let pick = if highlighted {
                let room = Room {
                    fine: usize::MAX,
                    coarse: usize::MAX,
                };
                pick_mesh(summary, self.detail, wanted, (i, band), room)
            } else if on_screen < sketch_below_px {
                sketch
            } else {
                let room = Room {
                    fine: FRAME_FILL_VERTICES.saturating_sub(fill_vertices + reserve),
                    coarse: usize::MAX,
                };
                pick_mesh(summary, self.detail, wanted, (i, band), room).or(sketch)
            };
            let Some(pick) = pick else {
                // No ring left at any band (collapsed): a dot, never bigger than a cell.
                self.dot(&mut cells, view, ranked, style::fill(color, true));
                continue;
            };
            if matches!(pick, Pick::Sketch) {
                self.output.zones_sketched += 1;
            }
            fill_vertices += pick.vertices(summary);
            planned.push(Planned {
                zone: i,
                pick,
                summary,
                color,
                highlighted,
                size_px: on_screen,
                outlined: highlighted || on_screen >= OUTLINE_MIN_PX,
            });
        }
        let (fill, jobs) = fill_mesh(self.meshes, &planned, fill_vertices, view);
        let outlines = self.outlines(view, &jobs, hovered);
        self.output.triangles_drawn = fill.indices.len() / 3;
        self.output.fill_vertices = fill.vertices.len();
        self.output.cells_drawn = cells.cells_drawn();
        ZonePaint {
            visible: visible.iter().map(|(r, _)| r.index as usize).collect(),
            fill,
            cells,
            outlines,
        }
    }

    /// A zone too small to draw as a shape: the cell under its centre.
    fn dot(
        &mut self,
        cells: &mut CellImage,
        view: &ViewTransform,
        ranked: &RankedZone,
        color: Color32,
    ) {
        let size = ranked.size_world * view.world_px as f32;
        cells.paint_dot(view.world_to_screen(ranked.center_world), size, color);
        self.output.zones_in_cells += 1;
        self.output.largest_in_cells_px = self.output.largest_in_cells_px.max(size);
    }

    /// Plots inside zones: fill by occupation, plots for sale outlined in green. Returns the
    /// plot under the pointer.
    fn draw_plots(
        &self,
        painter: &egui::Painter,
        view: &ViewTransform,
        (min, max): ((f64, f64), (f64, f64)),
        response: &Response,
    ) -> Option<usize> {
        if self.plots.is_empty() {
            return None;
        }
        let mut fill = Mesh::default();
        let mut outlines = Vec::new();
        for i in self.plot_index.in_box(min, max) {
            let (Some(plot), Some(mesh), Some(&color)) = (
                self.plots.get(i),
                self.plot_meshes
                    .get(i)
                    .and_then(|m| m.band(band_for_zoom(view.zoom))),
                self.plot_colors.get(i),
            ) else {
                continue;
            };
            append_fill(&mut fill, mesh, view, color);
            let stroke = style::plot_outline(plot.commercial_stage.as_deref());
            for ring in mesh.rings() {
                outlines.push(Shape::closed_line(
                    ring_points(mesh, ring.iter().copied(), view),
                    stroke,
                ));
            }
        }
        painter.add(Shape::mesh(fill));
        painter.extend(outlines);
        let (lon, lat) = view.screen_to_lon_lat(response.hover_pos()?);
        self.plot_index.hit_by(
            lon,
            lat,
            |i, p| {
                use geo::Contains;
                self.plots
                    .get(i)
                    .is_some_and(|plot| plot.geometry.contains(p))
            },
            |i| self.plots.get(i).map_or(f64::INFINITY, |p| p.area_ha),
        )
    }

    /// Establishments as small dots.
    fn draw_establishments(
        &self,
        painter: &egui::Painter,
        view: &ViewTransform,
        (min, max): ((f64, f64), (f64, f64)),
    ) {
        for e in self.establishments {
            if e.lon < min.0 || e.lon > max.0 || e.lat < min.1 || e.lat > max.1 {
                continue;
            }
            let p = view.lon_lat_to_screen(e.lon, e.lat);
            painter.circle(
                p,
                4.0,
                Color32::from_rgb(0x20, 0x20, 0x20),
                Stroke::new(1.5, Color32::WHITE),
            );
        }
    }
}

fn plot_tooltip(plot: &Plot) -> String {
    let mut lines = vec![crate::t!("plot-title", id = &plot.id)];
    lines.push(format!(
        "{} · {}",
        plot.occupation
            .clone()
            .unwrap_or_else(|| crate::t!("plot-occupation-unknown")),
        plot.commercial_stage
            .clone()
            .unwrap_or_else(|| crate::t!("plot-stage-unknown"))
    ));
    lines.push(match plot.surface_ha {
        Some(ha) => crate::t!("tooltip-declared", ha = format_ha(ha)),
        None => crate::t!("plot-from-outline", ha = format_ha(plot.area_ha)),
    });
    if let Some(price) = plot.price_m2 {
        lines.push(format!("{price} €/m²"));
    }
    lines.join("\n")
}

/// A surface in hectares for the interface, in the current language's decimal mark.
/// A closed ring drawn as dashes (schematic outlines).
pub fn dashed_ring(points: &[Pos2], stroke: Stroke) -> Vec<Shape> {
    let mut closed = points.to_vec();
    if let Some(&first) = points.first() {
        closed.push(first);
    }
    Shape::dashed_line(&closed, stroke, DASH_PX, GAP_PX)
}

/// Dash and gap of schematic outlines, in points.
pub const DASH_PX: f32 = 7.0;
pub const GAP_PX: f32 = 4.0;

/// Zones drawn as shapes whose fill is appended on one thread at a time.
const FILL_CHUNK: usize = 1024;

/// The fill of the `planned` zones, in their order, as one mesh (`vertices`: their total, to
/// reserve once), and the outlines to draw: their meshes read and appended in chunks on all
/// cores, then put end to end.
fn fill_mesh<'a>(
    meshes: &'a [BandMeshes],
    planned: &[Planned<'a>],
    vertices: usize,
    view: &ViewTransform,
) -> (Mesh, Vec<OutlineJob<'a>>) {
    use rayon::prelude::*;
    let append = |chunk: &[Planned<'a>]| {
        let mut mesh = Mesh::default();
        let mut jobs = Vec::new();
        for p in chunk {
            let form = match p.pick {
                Pick::Detailed(m) => Form::Shape(m, None),
                Pick::Kept(b) => match meshes.get(p.zone).and_then(|m| m.band(b)) {
                    Some(m) => Form::Shape(m, Some(b)),
                    None => continue,
                },
                Pick::Sketch => match sketch_mesh(meshes, p.zone) {
                    Some(m) => Form::Sketch(m),
                    None => continue,
                },
            };
            let color = style::fill(p.color, p.highlighted);
            match form {
                Form::Shape(zone, _) => append_fill(&mut mesh, zone, view, color),
                Form::Sketch(zone) => append_sketch(&mut mesh, zone, view, color),
            }
            if p.outlined {
                jobs.push(OutlineJob {
                    zone: p.zone,
                    form,
                    summary: p.summary,
                    size_px: p.size_px,
                    highlighted: p.highlighted,
                    color: p.color,
                });
            }
        }
        (mesh, jobs)
    };
    if planned.len() <= FILL_CHUNK {
        return append(planned);
    }
    let parts: Vec<(Mesh, Vec<OutlineJob<'a>>)> =
        planned.par_chunks(FILL_CHUNK).map(append).collect();
    let mut fill = Mesh::default();
    fill.vertices.reserve(vertices);
    fill.indices
        .reserve(parts.iter().map(|p| p.0.indices.len()).sum::<usize>());
    let mut jobs = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    for (part, part_jobs) in parts {
        let first = fill.vertices.len() as u32;
        fill.vertices.extend_from_slice(&part.vertices);
        fill.indices.extend(part.indices.iter().map(|&i| first + i));
        jobs.extend(part_jobs);
    }
    (fill, jobs)
}

fn append_fill(out: &mut Mesh, mesh: &ZoneMesh, view: &ViewTransform, color: Color32) {
    let base = view.world_to_screen(mesh.origin);
    let scale = view.world_px as f32;
    let first = out.vertices.len() as u32;
    out.vertices
        .extend(mesh.vertices.iter().map(|v| egui::epaint::Vertex {
            pos: pos2(base.x + v[0] * scale, base.y + v[1] * scale),
            uv: egui::epaint::WHITE_UV,
            color,
        }));
    out.indices
        .extend(mesh.indices.iter().map(|&i| first + u32::from(i)));
}

pub(crate) fn ring_points(
    mesh: &ZoneMesh,
    ring: impl Iterator<Item = [f32; 2]>,
    view: &ViewTransform,
) -> Vec<Pos2> {
    let base = view.world_to_screen(mesh.origin);
    let scale = view.world_px as f32;
    ring.map(|v| pos2(base.x + v[0] * scale, base.y + v[1] * scale))
        .collect()
}

/// Names where they fit: largest zones first, none overlapping another label.
fn draw_labels(
    painter: &egui::Painter,
    view: &ViewTransform,
    zones: &[Zone],
    visible: &[usize],
    widths: &mut Vec<f32>,
) -> Vec<Rect> {
    if widths.len() != zones.len() {
        *widths = vec![f32::NAN; zones.len()];
    }
    let font = FontId::proportional(13.0);
    let row_height = painter.fonts_mut(|f| f.row_height(&font));
    let mut placed: Vec<Rect> = Vec::new();
    for &i in visible {
        if placed.len() >= MAX_LABELS {
            break;
        }
        // Cheap test first: a zone narrower than a short name gets no label (no text layout).
        let zone_px = zones.get(i).map_or(0.0, |z| {
            (z.bbox.max().x - z.bbox.min().x) / 360.0 * view.world_px
        });
        if zone_px < 30.0 {
            continue;
        }
        let Some(zone) = zones.get(i) else {
            continue;
        };
        let (lon, lat) = zone.label_point;
        let anchor = view.lon_lat_to_screen(lon, lat);
        if !view.rect.contains(anchor) {
            continue;
        }
        // Measured from the glyph widths first, once per zone: where zones crowd, most names
        // do not fit, and laying each out only to drop it would cost a text layout (and its
        // memory) per zone and frame.
        let name = zone.display_name();
        let Some(width) = widths.get_mut(i) else {
            continue;
        };
        if width.is_nan() {
            *width = painter.fonts_mut(|f| name.chars().map(|c| f.glyph_width(&font, c)).sum());
        }
        let size = vec2(*width, row_height);
        let label_rect = Align2::CENTER_CENTER.anchor_size(anchor, size).expand(2.0);
        // Only where the zone is at least as wide as a good part of its name.
        let zone_width = (zone.bbox.max().x - zone.bbox.min().x) / 360.0 * view.world_px;
        if (zone_width as f32) < size.x * 0.5 || placed.iter().any(|r| r.intersects(label_rect)) {
            continue;
        }
        let galley = painter.layout_no_wrap(name.to_string(), font.clone(), Color32::BLACK);
        placed.push(label_rect);
        painter.rect_filled(label_rect, 3.0, Color32::from_white_alpha(200));
        painter.galley(anchor - galley.size() / 2.0, galley, Color32::BLACK);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A star of `n` points around (5.04, 47.32), about 600 m across.
    fn star(n: usize) -> geo::MultiPolygon<f64> {
        let ring: Vec<(f64, f64)> = (0..=n)
            .map(|k| {
                let a = k as f64 / n as f64 * std::f64::consts::TAU;
                let r = if k % 2 == 0 { 0.004 } else { 0.0025 };
                (5.04 + r * a.cos(), 47.32 + r * a.sin())
            })
            .collect();
        geo::MultiPolygon(vec![geo::Polygon::new(ring.into(), Vec::new())])
    }

    #[test]
    fn past_the_room_a_coarser_mesh_then_none() {
        use crate::spatial::{BAND_MAX_ZOOM, build_band_meshes_upto};
        let meshes = [build_band_meshes_upto(&star(400), STORED_BANDS)];
        let summary = MeshSummary::of(&meshes[0]);
        let detail = DetailMeshes::default();
        let kept_band = |pick: Option<Pick<'_>>| match pick {
            Some(Pick::Kept(b)) => Some(b),
            _ => None,
        };
        let sizes: Vec<usize> = (0..STORED_BANDS)
            .map(|b| meshes[0].band(b).map_or(0, |m| m.vertices.len()))
            .collect();
        assert!(sizes[0] < sizes[STORED_BANDS - 1], "{sizes:?}");
        let top = STORED_BANDS - 1;
        let mut wanted = Vec::new();
        let all = Room {
            fine: usize::MAX,
            coarse: usize::MAX,
        };
        let pick = pick_mesh(&summary, &detail, &mut wanted, (0, top), all);
        assert_eq!(kept_band(pick), Some(top));
        assert_eq!(pick.map(|p| p.vertices(&summary)), Some(sizes[top]));
        // No room at the frame's band: the coarsest that fits.
        let room = Room {
            fine: 0,
            coarse: sizes[0],
        };
        let pick = pick_mesh(&summary, &detail, &mut wanted, (0, top), room);
        assert_eq!(kept_band(pick), Some(0));
        assert_eq!(pick.map(|p| p.vertices(&summary)), Some(sizes[0]));
        // No room at all: none (the zone goes into cells).
        let none = Room {
            fine: 0,
            coarse: sizes[0] - 1,
        };
        assert!(pick_mesh(&summary, &detail, &mut wanted, (0, top), none).is_none());
        assert!(wanted.is_empty(), "kept bands are never asked for");
        // A detailed band not built yet: the finest kept one, and the zone is asked for.
        let detailed = BAND_MAX_ZOOM.len() - 1;
        let pick = pick_mesh(&summary, &detail, &mut wanted, (0, detailed), all);
        assert_eq!(kept_band(pick), Some(top));
        assert_eq!(wanted, vec![0]);
        // ... but not when it is drawn as cells anyway.
        wanted.clear();
        assert!(pick_mesh(&summary, &detail, &mut wanted, (0, detailed), none).is_none());
        assert!(wanted.is_empty());
    }

    #[test]
    fn a_dot_is_one_cell_shaded_by_the_part_it_covers() {
        let mut cells = CellImage::new(Rect::from_min_size(pos2(10.0, 20.0), vec2(100.0, 50.0)));
        assert_eq!(cells.size, [50, 25]);
        assert!(cells.is_empty());
        let red = Color32::RED;
        // A 2.9-pixel zone paints only the cell under its centre, full strength.
        cells.paint_dot(pos2(15.5, 25.5), 2.9, red);
        assert_eq!(cells.cells_drawn(), 1);
        assert_eq!(cells.at(pos2(15.5, 25.5)), red);
        assert_eq!(cells.at(pos2(17.5, 25.5)), Color32::TRANSPARENT);
        assert_eq!(cells.at(pos2(13.5, 25.5)), Color32::TRANSPARENT);
        // A 1-pixel zone in another cell: a quarter of it, and never under the floor.
        cells.paint_dot(pos2(30.5, 30.5), 1.0, red);
        assert_eq!(cells.cells_drawn(), 2);
        let faint = cells.at(pos2(30.5, 30.5));
        assert_eq!(faint, red.gamma_multiply(MIN_DOT_COVER));
        // A fainter zone does not hide a stronger one in the same cell.
        cells.paint_dot(pos2(15.2, 25.2), 0.5, Color32::BLUE);
        assert_eq!(cells.at(pos2(15.5, 25.5)), red);
        // Off the map: nothing, and no panic.
        cells.paint_dot(pos2(-500.0, -500.0), 2.0, red);
        cells.paint_dot(pos2(500.0, 500.0), 2.0, red);
        assert_eq!(cells.cells_drawn(), 2);
    }
}
