//! The context layer: thin boundaries and names of areas drawn under the zones when no base
//! map shows (offline, `--tiles none`, or before the first tiles arrive), so that the zones
//! never float in a blank void. By default the 23 communes of Dijon métropole (IGN Admin
//! Express, `data/dijon-metropole-communes.geojson`); a planner can replace it with any polygon
//! file, or turn it off (View ▸ Context layer).

use std::path::{Path, PathBuf};

use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Shape, Stroke, Ui, pos2};
use walkers::{MapMemory, Plugin, Projector};

use super::ViewTransform;
use crate::io;
use crate::model::Zone;
use crate::spatial::mercator::to_world;

/// The communes of Dijon métropole (IGN Admin Express via france-geojson, Licence Ouverte 2.0).
pub const COMMUNES_GEOJSON: &[u8] = include_bytes!("../../data/dijon-metropole-communes.geojson");

/// A context layer larger than this is refused: it is drawn whole every frame.
const MAX_VERTICES: usize = 200_000;
/// Names are drawn from this zoom on.
const NAME_MIN_ZOOM: f64 = 9.5;
pub const BOUNDARY: Color32 = Color32::from_gray(140);
pub const NAME: Color32 = Color32::from_gray(95);

/// One area of the layer, in Web-Mercator world coordinates.
#[derive(Clone, Debug)]
pub struct ContextArea {
    pub name: Option<String>,
    pub rings: Vec<Vec<[f64; 2]>>,
    /// Where the name goes (inside the area).
    pub label: [f64; 2],
    pub min: [f64; 2],
    pub max: [f64; 2],
}

/// The areas drawn under the zones, and where they came from.
#[derive(Clone, Debug, Default)]
pub struct ContextLayer {
    /// `None`: the communes of Dijon métropole; else the planner's file.
    pub path: Option<PathBuf>,
    pub areas: Vec<ContextArea>,
}

impl ContextLayer {
    /// The 23 communes of Dijon métropole.
    pub fn communes() -> Result<Self, String> {
        let file = io::load_bytes("communes", COMMUNES_GEOJSON, &mut |_| true)
            .map_err(|e| e.to_string())?;
        Ok(Self::from_zones(&file.zones, None))
    }

    /// Any polygon file the app reads (GeoJSON, CNIG CSV, Lambert-93...).
    pub fn from_path(path: &Path) -> Result<Self, String> {
        let file = io::load_path(path).map_err(|e| e.to_string())?;
        let name = path.display().to_string();
        if file.zones.is_empty() {
            return Err(crate::t!("context-no-polygon", file = name));
        }
        let vertices: usize = file.zones.iter().map(|z| z.outline.vertex_count()).sum();
        if vertices > MAX_VERTICES {
            return Err(crate::t!(
                "context-too-large",
                file = name,
                n = vertices,
                max = MAX_VERTICES
            ));
        }
        Ok(Self::from_zones(&file.zones, Some(path.to_path_buf())))
    }

    fn from_zones(zones: &[Zone], path: Option<PathBuf>) -> Self {
        let areas = zones
            .iter()
            .map(|z| {
                let geometry = z.geometry();
                let rings: Vec<Vec<[f64; 2]>> = geometry
                    .0
                    .iter()
                    .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
                    .map(|ring| ring.0.iter().map(|c| to_world(c.x, c.y)).collect())
                    .collect();
                let (a, b) = (
                    to_world(z.bbox.min().x, z.bbox.max().y),
                    to_world(z.bbox.max().x, z.bbox.min().y),
                );
                ContextArea {
                    name: z.name.clone(),
                    rings,
                    label: to_world(z.label_point.0, z.label_point.1),
                    min: a,
                    max: b,
                }
            })
            .collect();
        Self { path, areas }
    }

    /// Draws the boundaries, then the names that fit; returns the names drawn.
    pub fn draw(&self, painter: &egui::Painter, view: &ViewTransform) -> Vec<String> {
        let screen = view.rect;
        let visible = |a: &ContextArea| {
            let r = Rect::from_two_pos(view.world_to_screen(a.min), view.world_to_screen(a.max));
            r.intersects(screen).then_some(r)
        };
        let stroke = Stroke::new(1.0, BOUNDARY);
        let mut shown = Vec::new();
        for area in &self.areas {
            let Some(rect) = visible(area) else {
                continue;
            };
            for ring in &area.rings {
                let points: Vec<Pos2> = ring.iter().map(|&w| view.world_to_screen(w)).collect();
                painter.add(Shape::line(points, stroke));
            }
            shown.push((area, rect));
        }
        let mut names = Vec::new();
        if view.zoom < NAME_MIN_ZOOM {
            return names;
        }
        let font = FontId::proportional(13.0);
        let mut taken: Vec<Rect> = Vec::new();
        for (area, rect) in shown {
            let Some(name) = &area.name else {
                continue;
            };
            let galley = painter.layout_no_wrap(name.clone(), font.clone(), NAME);
            let size = galley.size();
            // Only where the area is wide enough on screen for its name.
            if size.x + 8.0 > rect.width() || size.y + 4.0 > rect.height() {
                continue;
            }
            let at = view.world_to_screen(area.label);
            let place = Align2::CENTER_CENTER.anchor_size(at, size);
            if !screen.contains_rect(place) || taken.iter().any(|t| t.intersects(place)) {
                continue;
            }
            painter.galley(pos2(place.min.x, place.min.y), galley, NAME);
            taken.push(place.expand(2.0));
            names.push(name.clone());
        }
        names
    }
}

/// The context layer as a walkers plugin, drawn before (under) the zones layer.
pub struct ContextPlugin<'a> {
    pub layer: &'a ContextLayer,
    /// The names drawn in this frame.
    pub drawn: &'a mut Vec<String>,
}

impl Plugin for ContextPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &Response,
        projector: &Projector,
        memory: &MapMemory,
    ) {
        let rect = response.rect;
        let view = ViewTransform::of_map(rect, projector, memory.zoom());
        let painter = ui.painter().with_clip_rect(rect);
        *self.drawn = self.layer.draw(&painter, &view);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_communes_of_the_metropole() {
        let layer = ContextLayer::communes().expect("embedded communes load");
        assert_eq!(layer.areas.len(), 23);
        let names: Vec<_> = layer.areas.iter().filter_map(|a| a.name.clone()).collect();
        for wanted in ["Dijon", "Longvic", "Neuilly-Crimolois", "Saint-Apollinaire"] {
            assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
        }
    }
}
