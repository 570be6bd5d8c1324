//! A comparison on the map, over the zones layer (which shows the after inventory coloured by
//! change): removed zones as hatched ghosts, and the swipe, the before inventory drawn left of
//! it. Nothing here runs when no comparison is open, so the normal map pays nothing for it.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2};

use super::ViewTransform;
use super::zone_forms::dashed_ring;
use crate::diff::Status;
use crate::palette::change_color;
use crate::state::Comparison;
use crate::t;

/// The visible area (lon/lat), to test boxes against.
type Visible = ((f64, f64), (f64, f64));

fn visible(area: Visible, bbox: geo::Rect<f64>) -> bool {
    let ((w, s), (e, n)) = area;
    bbox.max().x >= w && bbox.min().x <= e && bbox.max().y >= s && bbox.min().y <= n
}

/// Draws the comparison over the map in `view.rect`; returns where the swipe was dragged to
/// (its divider can be dragged on the map, as well as set in the comparison's panel).
pub fn paint(ui: &egui::Ui, view: &ViewTransform, comparison: &Comparison) -> Option<f32> {
    let rect = view.rect;
    let painter = &ui.painter_at(rect);
    let mut dragged = None;
    let split = comparison.swipe().map(|f| rect.left() + f * rect.width());
    let after_side = match split {
        Some(x) => Rect::from_min_max(pos2(x, rect.top()), rect.max),
        None => rect,
    };
    paint_ghosts(&painter.with_clip_rect(after_side), view, comparison);
    if let Some(x) = split {
        let before_side = Rect::from_min_max(rect.min, pos2(x, rect.bottom()));
        paint_before(&painter.with_clip_rect(before_side), view, comparison);
        let handle = Rect::from_x_y_ranges(x - 8.0..=x + 8.0, rect.y_range());
        let response = ui
            .interact(
                handle,
                ui.scope_id().with("compare-swipe"),
                egui::Sense::drag(),
            )
            .on_hover_cursor(egui::CursorIcon::ResizeHorizontal);
        if response.dragged()
            && let Some(p) = response.interact_pointer_pos()
        {
            dragged = Some((p.x - rect.left()) / rect.width().max(1.0));
        }
        let line = Stroke::new(3.0, Color32::from_rgb(0x22, 0x22, 0x22));
        painter.line_segment([pos2(x, rect.top()), pos2(x, rect.bottom())], line);
        let knob = pos2(x, rect.center().y);
        painter.circle(knob, 10.0, Color32::WHITE, line);
        for dir in [-1.0f32, 1.0] {
            let tip = pos2(x + dir * 6.0, knob.y);
            let back = x + dir * 2.0;
            painter.add(Shape::convex_polygon(
                vec![tip, pos2(back, knob.y - 4.0), pos2(back, knob.y + 4.0)],
                Color32::from_rgb(0x22, 0x22, 0x22),
                Stroke::NONE,
            ));
        }
        let font = FontId::proportional(14.0);
        for (text, anchor, dx) in [
            (t!("compare-side-before"), Align2::RIGHT_TOP, -8.0),
            (t!("compare-side-after"), Align2::LEFT_TOP, 8.0),
        ] {
            let galley = painter.layout_no_wrap(text, font.clone(), Color32::BLACK);
            let at = anchor.anchor_size(pos2(x + dx, rect.top() + 8.0), galley.size());
            painter.rect_filled(at.expand(3.0), 3.0, Color32::from_white_alpha(230));
            painter.galley(at.min, galley, Color32::BLACK);
        }
    }
    dragged
}

/// Removed zones: a dashed red outline with red hatching, over the map.
fn paint_ghosts(painter: &Painter, view: &ViewTransform, comparison: &Comparison) {
    let colour = change_color(Status::Removed);
    let stroke = Stroke::new(2.0, colour);
    let hatch = Stroke::new(1.2, colour.gamma_multiply(0.8));
    let area = view.visible_lon_lat();
    for ghost in comparison.ghosts.iter().filter(|g| visible(area, g.bbox)) {
        for polygon in &ghost.outline.0 {
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                let points: Vec<Pos2> = ring
                    .0
                    .iter()
                    .map(|c| view.lon_lat_to_screen(c.x, c.y))
                    .collect();
                painter.extend(dashed_ring(&points, stroke));
            }
        }
        for line in &ghost.hatching {
            let points: Vec<Pos2> = line
                .0
                .iter()
                .map(|c| view.lon_lat_to_screen(c.x, c.y))
                .collect();
            painter.add(Shape::line(points, hatch));
        }
    }
}

/// Plots of the before inventory are drawn from this zoom on (as the zones layer draws plots
/// only close up).
const PLOTS_FROM_ZOOM: f64 = 13.0;

/// Shapes smaller than this on screen (pixels) are drawn as dots, not meshes.
const TINY_PX: f32 = 3.0;
/// Outlines are drawn from this size on screen (pixels); smaller shapes are fills only.
const OUTLINE_PX: f32 = 8.0;

/// The before inventory, left of the swipe: the map behind is muted, then the before zones
/// (and, close up, plots) are filled by what became of them (removed, changed, the same).
fn paint_before(painter: &Painter, view: &ViewTransform, comparison: &Comparison) {
    painter.rect_filled(view.rect, 0.0, Color32::from_white_alpha(225));
    let mut fill = Mesh::default();
    let mut outlines = Vec::new();
    let zones = comparison.before.zones.iter().enumerate().map(|(i, z)| {
        let status = comparison.diff.zone_status_before.get(i).copied();
        (z.bbox, comparison.before_meshes.get(i), status, 0.6)
    });
    let close = view.zoom >= PLOTS_FROM_ZOOM;
    let plots = comparison
        .before
        .plots
        .iter()
        .enumerate()
        .filter(|_| close)
        .map(|(i, p)| {
            let status = comparison.diff.plot_status_before.get(i).copied();
            (p.bbox, comparison.before_plot_meshes.get(i), status, 0.9)
        });
    let scale = view.world_px as f32;
    let area = view.visible_lon_lat();
    for (bbox, mesh, status, alpha) in zones.chain(plots) {
        let Some(mesh) = mesh.filter(|_| visible(area, bbox)) else {
            continue;
        };
        let colour = change_color(status.unwrap_or_default());
        let size = mesh.world_size[0].max(mesh.world_size[1]) * scale;
        if size < TINY_PX {
            // A few pixels across: a dot says it is there, for much less than its mesh.
            let c = view.lon_lat_to_screen(bbox.center().x, bbox.center().y);
            fill.add_colored_rect(Rect::from_center_size(c, egui::vec2(2.0, 2.0)), colour);
            continue;
        }
        let base = view.world_to_screen(mesh.origin);
        let at = |v: &[f32; 2]| pos2(base.x + v[0] * scale, base.y + v[1] * scale);
        let first = fill.vertices.len() as u32;
        fill.vertices.extend(mesh.vertices.iter().map(|v| Vertex {
            pos: at(v),
            uv: WHITE_UV,
            color: colour.gamma_multiply(alpha),
        }));
        fill.indices
            .extend(mesh.indices.iter().map(|&i| first + u32::from(i)));
        if size < OUTLINE_PX {
            continue;
        }
        for ring in mesh.rings() {
            outlines.push(Shape::closed_line(
                ring.iter().map(at).collect(),
                Stroke::new(1.5, colour.gamma_multiply(0.9).to_opaque()),
            ));
        }
    }
    painter.add(Shape::mesh(fill));
    painter.extend(outlines);
}
