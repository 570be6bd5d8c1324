//! The zones layer: a walkers plugin that draws the cached meshes of the zones in view, their
//! outlines and labels, highlights the hovered and selected zone, and reports hover and clicks.

use egui::{Align2, Color32, FontId, Mesh, Pos2, Rect, Response, Shape, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::ViewTransform;
use super::style;
use crate::model::{Establishment, Plot, Zone};
use crate::spatial::{BandMeshes, ZoneIndex, ZoneMesh, band_for_zoom};

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
    /// Zones in view and drawn (as a mesh, or as a dot, or inside another zone's dot cell).
    pub zones_drawn: usize,
    pub dots_drawn: usize,
    pub triangles_drawn: usize,
    pub outlines_drawn: usize,
    pub labels_drawn: usize,
}

/// Below this size on screen (pixels) a zone is a dot.
const DOT_PX: f32 = 3.0;
/// Outlines only for zones at least this big on screen, and at most this many per frame.
const OUTLINE_MIN_PX: f32 = 6.0;
const MAX_FRAME_OUTLINES: usize = 20_000;
/// Past this many fill vertices in a frame, further zones are drawn as dots.
const MAX_FRAME_VERTICES: usize = 2_000_000;

#[derive(Default)]
struct FrameBudget {
    dot_cells: std::collections::HashSet<(i32, i32)>,
    outlines: usize,
}

fn append_dot(out: &mut Mesh, centre: Pos2, color: Color32) {
    out.add_colored_rect(Rect::from_center_size(centre, vec2(DOT_PX, DOT_PX)), color);
}

pub struct ZonesLayer<'a> {
    pub zones: &'a [Zone],
    pub meshes: &'a [BandMeshes],
    pub index: &'a ZoneIndex,
    pub plots: &'a [Plot],
    pub plot_meshes: &'a [BandMeshes],
    pub plot_index: &'a ZoneIndex,
    pub plot_colors: &'a [Color32],
    pub establishments: &'a [Establishment],
    /// Zone indices, largest first (small zones are drawn on top).
    pub draw_order: &'a [usize],
    /// Label anchor per zone (lon, lat).
    pub label_points: &'a [(f64, f64)],
    pub colors: &'a [Color32],
    pub selected: Option<usize>,
    pub output: &'a mut LayerOutput,
}

impl Plugin for ZonesLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        memory: &MapMemory,
    ) {
        let rect = response.rect;
        let center = projector.unproject(rect.center().to_vec2());
        let view = ViewTransform::new(rect, (center.x(), center.y()), memory.zoom());
        self.output.view = Some(view);

        let (min, max) = view.visible_lon_lat();
        let mut visible: Vec<bool> = vec![false; self.zones.len()];
        for i in self.index.in_box(min, max) {
            if let Some(v) = visible.get_mut(i) {
                *v = true;
            }
        }

        let hovered = response
            .hover_pos()
            .map(|p| view.screen_to_lon_lat(p))
            .and_then(|(lon, lat)| self.index.hit(self.zones, lon, lat));
        self.output.hovered = hovered;
        if response.clicked() {
            let hit = response
                .interact_pointer_pos()
                .map(|p| view.screen_to_lon_lat(p))
                .and_then(|(lon, lat)| self.index.hit(self.zones, lon, lat));
            self.output.clicked = Some(hit);
        }

        let painter = ui.painter().with_clip_rect(rect);
        let band = band_for_zoom(view.zoom);
        let mut frame = FrameBudget::default();
        let mut fill = Mesh::default();
        let mut outlines: Vec<Shape> = Vec::new();
        for &i in self.draw_order {
            if !visible.get(i).copied().unwrap_or(false) {
                continue;
            }
            let (Some(mesh), Some(&color)) = (
                self.meshes.get(i).and_then(|m| m.band(band)),
                self.colors.get(i),
            ) else {
                continue;
            };
            self.output.zones_drawn += 1;
            let highlighted = hovered == Some(i) || self.selected == Some(i);
            let on_screen = mesh.world_size[0].max(mesh.world_size[1]) * view.world_px as f32;
            // What a person can see: zones of a few pixels are dots, one per 3-pixel cell.
            let as_dot = !highlighted
                && (on_screen < DOT_PX
                    || mesh.indices.is_empty()
                    || fill.vertices.len() > MAX_FRAME_VERTICES);
            if as_dot {
                let centre = view.world_to_screen([
                    mesh.origin[0] + mesh.world_size[0] as f64 / 2.0,
                    mesh.origin[1] + mesh.world_size[1] as f64 / 2.0,
                ]);
                let cell = ((centre.x / DOT_PX) as i32, (centre.y / DOT_PX) as i32);
                if frame.dot_cells.insert(cell) {
                    append_dot(&mut fill, centre, style::fill(color, true));
                    self.output.dots_drawn += 1;
                }
                continue;
            }
            append_fill(&mut fill, mesh, &view, style::fill(color, highlighted));
            let stroke = if self.selected == Some(i) {
                Stroke::new(3.0, style::SELECTED_OUTLINE)
            } else if hovered == Some(i) {
                Stroke::new(2.5, color)
            } else {
                Stroke::new(1.5, color)
            };
            let outline =
                highlighted || (on_screen >= OUTLINE_MIN_PX && frame.outlines < MAX_FRAME_OUTLINES);
            if !outline {
                continue;
            }
            frame.outlines += 1;
            for ring in mesh.rings() {
                let points = ring_points(mesh, ring, &view);
                if self.selected == Some(i) {
                    outlines.push(Shape::closed_line(
                        points.clone(),
                        Stroke::new(5.0, style::HALO),
                    ));
                }
                outlines.push(Shape::closed_line(points, stroke));
            }
        }
        self.output.triangles_drawn = fill.indices.len() / 3;
        self.output.outlines_drawn = frame.outlines;
        painter.add(Shape::mesh(fill));
        painter.extend(outlines);

        let hovered_plot = self.draw_plots(&painter, &view, (min, max), response);
        if view.zoom >= ESTABLISHMENT_MIN_ZOOM {
            self.draw_establishments(&painter, &view, (min, max));
        }

        if view.zoom >= LABEL_MIN_ZOOM {
            self.output.labels_drawn = draw_labels(ui, &painter, &view, &self, &visible);
        }

        if let Some(plot) = hovered_plot.and_then(|i| self.plots.get(i)) {
            response
                .clone()
                .on_hover_text_at_pointer(plot_tooltip(plot));
        } else if let Some(i) = hovered
            && let Some(zone) = self.zones.get(i)
        {
            let text = match zone.surface_declared_ha {
                Some(ha) => format!("{}\n{} ha declared", zone.display_name(), format_ha(ha)),
                None => format!("{}\nsurface unknown", zone.display_name()),
            };
            response.clone().on_hover_text_at_pointer(text);
        }
    }
}

impl ZonesLayer<'_> {
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
                outlines.push(Shape::closed_line(ring_points(mesh, ring, view), stroke));
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
    let mut lines = vec![format!("Plot {}", plot.id)];
    lines.push(format!(
        "{} · {}",
        plot.occupation.as_deref().unwrap_or("occupation unknown"),
        plot.commercial_stage
            .as_deref()
            .unwrap_or("commercial stage unknown")
    ));
    lines.push(match plot.surface_ha {
        Some(ha) => format!("{} ha declared", format_ha(ha)),
        None => format!("{} ha (from the outline)", format_ha(plot.area_ha)),
    });
    if let Some(price) = plot.price_m2 {
        lines.push(format!("{price} €/m²"));
    }
    lines.join("\n")
}

pub fn format_ha(ha: f64) -> String {
    if ha >= 100.0 {
        format!("{ha:.0}")
    } else if ha >= 10.0 {
        format!("{ha:.1}")
    } else {
        format!("{ha:.2}")
    }
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
    out.indices.extend(mesh.indices.iter().map(|i| first + i));
}

fn ring_points(mesh: &ZoneMesh, ring: &[[f32; 2]], view: &ViewTransform) -> Vec<Pos2> {
    let base = view.world_to_screen(mesh.origin);
    let scale = view.world_px as f32;
    ring.iter()
        .map(|v| pos2(base.x + v[0] * scale, base.y + v[1] * scale))
        .collect()
}

/// Names where they fit: largest zones first, none overlapping another label.
fn draw_labels(
    _ui: &Ui,
    painter: &egui::Painter,
    view: &ViewTransform,
    layer: &ZonesLayer<'_>,
    visible: &[bool],
) -> usize {
    let font = FontId::proportional(13.0);
    let mut placed: Vec<Rect> = Vec::new();
    for &i in layer.draw_order {
        if !visible.get(i).copied().unwrap_or(false) {
            continue;
        }
        let (Some(zone), Some(&(lon, lat))) = (layer.zones.get(i), layer.label_points.get(i))
        else {
            continue;
        };
        let anchor = view.lon_lat_to_screen(lon, lat);
        if !view.rect.contains(anchor) {
            continue;
        }
        let galley = painter.layout_no_wrap(
            zone.display_name().to_string(),
            font.clone(),
            Color32::BLACK,
        );
        let label_rect = Align2::CENTER_CENTER
            .anchor_size(anchor, galley.size())
            .expand(2.0);
        // Only where the zone is at least as wide as a good part of its name.
        let zone_width = (zone.bbox.max().x - zone.bbox.min().x) / 360.0 * view.world_px;
        if (zone_width as f32) < galley.size().x * 0.5
            || placed.iter().any(|r| r.intersects(label_rect))
        {
            continue;
        }
        placed.push(label_rect);
        painter.rect_filled(label_rect, 3.0, Color32::from_white_alpha(200));
        painter.galley(label_rect.min + vec2(2.0, 2.0), galley, Color32::BLACK);
    }
    placed.len()
}
