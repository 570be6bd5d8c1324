//! The zones layer: a walkers plugin that draws the cached meshes of the zones in view, their
//! outlines and labels, highlights the hovered and selected zone, and reports hover and clicks.
//!
//! The frame's pipeline (cull, plan, fill, outline, cells, labels, hover) shares one frame's
//! state; the fill plan, sketches and outlines are in `zone_forms.rs`, the choice of meshes and
//! their appending in `zone_fill.rs`, the cell image in `cells.rs`, the budget rule in
//! `frame_budget.rs`.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Response, Shape, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::ViewTransform;
pub use super::cells::{CellImage, CellTexture};
use super::frame_budget;
use super::style;
use super::zone_fill::{Pick, Planned, Room, append_fill, fill_mesh, pick_mesh};
use super::zone_forms::FillPlan;
use crate::format::format_ha;
use crate::model::{Establishment, Plot, Zone};
use crate::spatial::{
    BandMeshes, DetailMeshes, MeshSummary, RankedZone, STORED_BANDS, Sketches, ZoneIndex,
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

/// What the zones layer paints in a frame.
pub struct ZonePaint {
    /// Zones in view, in drawing order.
    pub visible: Vec<usize>,
    /// The fill of the zones drawn as shapes, as meshes painted one after the other (in
    /// drawing order).
    pub fill: Vec<Mesh>,
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
    /// The sketch of each zone, in drawing order (as `ranked`; computed here when it does not
    /// match).
    pub sketches: &'a Sketches,
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
        painter.extend(paint.fill.into_iter().map(Shape::mesh));
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
        let built: Sketches;
        let sketches = if self.sketches.len() == self.ranked.len() {
            self.sketches
        } else {
            built = Sketches::build(self.ranked, self.meshes);
            &built
        };
        let (min, max) = view.visible_lon_lat();
        let in_view: Vec<usize> = self.index.in_box(min, max).collect();
        // Zones in view, in drawing order, with what tells a cell from a mesh and what the
        // budgets need without touching the mesh (compact arrays, read in order when much is
        // in view).
        let ranked = self.ranked;
        let mut visible: Vec<u32> = if in_view.len() > 4096 {
            if in_view.len() >= ranked.len() {
                // Every zone (the whole view of a file).
                (0..ranked.len() as u32).collect()
            } else {
                let mut bits = vec![false; self.zones.len()];
                for &i in &in_view {
                    if let Some(b) = bits.get_mut(i) {
                        *b = true;
                    }
                }
                let mut visible = Vec::with_capacity(in_view.len());
                visible.extend(
                    (0..ranked.len() as u32)
                        .zip(ranked)
                        .filter(|(_, r)| bits.get(r.index as usize).copied().unwrap_or(false))
                        .map(|(rank, _)| rank),
                );
                visible
            }
        } else {
            let mut ranks: Vec<u32> = in_view
                .iter()
                .filter_map(|&i| self.draw_rank.get(i).copied())
                .collect();
            ranks.sort_unstable();
            ranks
        };
        // A zone in view by its rank: where it is, and its summary (read in order).
        let at = |&rank: &u32| {
            let rank = rank as usize;
            Some((rank, ranked.get(rank)?, summaries.get(rank)?))
        };
        let mut cells = CellImage::new(view.rect);
        if !self.shown.is_empty() {
            visible.retain(|rank| {
                at(rank).is_none_or(|(_, r, _)| {
                    self.shown.get(r.index as usize).copied().unwrap_or(true)
                })
            });
        }
        // One band for the frame, coarser than the zoom's when the zones in view would not fit
        // (at the zoom of the whole region the next band down differs by a fraction of a pixel);
        // when not even the coarsest fits, the zones under one size are sketched.
        let world_px = view.world_px as f32;
        let drawn = visible
            .iter()
            .filter_map(at)
            .filter(move |(_, r, _)| r.size_world * world_px >= DOT_PX)
            .map(|(_, _, summary)| summary);
        let fit = frame_band(band_for_zoom(view.zoom), drawn);
        let (band, plan) = match fit {
            Some((band, _)) => (band, FillPlan::default()),
            None => (
                0,
                self.fill_plan(visible.iter().filter_map(at), world_px, hovered),
            ),
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
        let mut planned: Vec<Planned<'_>> = Vec::with_capacity(visible.len().min(16_384));
        let mut fill_vertices = 0usize;
        for (rank, ranked, summary) in visible.iter().filter_map(at) {
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
                rank,
                pick,
                summary,
                color,
                highlighted,
                size_px: on_screen,
                outlined: highlighted || on_screen >= OUTLINE_MIN_PX,
            });
        }
        let (fill, jobs) = fill_mesh((self.meshes, sketches), &planned, view);
        let outlines = self.outlines(view, (&jobs, sketches), hovered);
        self.output.triangles_drawn = fill.iter().map(|m| m.indices.len() / 3).sum();
        self.output.fill_vertices = fill.iter().map(|m| m.vertices.len()).sum();
        self.output.cells_drawn = cells.cells_drawn();
        ZonePaint {
            visible: visible
                .iter()
                .filter_map(at)
                .map(|(_, r, _)| r.index as usize)
                .collect(),
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
                    ring_points(mesh.origin, ring.iter().copied(), view),
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

/// A ring's points (offsets from `origin`, world units) on screen.
pub(crate) fn ring_points(
    origin: [f64; 2],
    ring: impl Iterator<Item = [f32; 2]>,
    view: &ViewTransform,
) -> Vec<Pos2> {
    let base = view.world_to_screen(origin);
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
