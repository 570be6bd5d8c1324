//! How the zones layer draws a zone when the frame's budgets bind (see [`super::frame_budget`]):
//! the plan of dots, sketches and whole shapes for the fill, and the outlines simplified alike.

use egui::{Color32, Mesh, Shape, Stroke, pos2};

use super::ViewTransform;
use super::frame_budget;
use super::style;
use super::zones_layer::{
    DOT_PX, FRAME_FILL_VERTICES, FRAME_OUTLINE_POINTS, MAX_OUTLINE_TOLERANCE_PX, OUTLINE_MIN_PX,
    ZonesLayer, dashed_ring, ring_points,
};
use crate::spatial::outline_level::{self, KEEP};
use crate::spatial::{BandMeshes, RankedZone, STORED_BANDS, ZoneMesh};

/// When not even the coarsest band fits: the size buckets (see [`frame_budget::bucket`])
/// under which zones are dots, and sketches (0 and 0: neither).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FillPlan {
    pub dots_below: usize,
    pub sketch_below: usize,
}

/// How a zone is drawn.
#[derive(Clone, Copy)]
pub(crate) enum Form<'a> {
    /// Its mesh at a band.
    Shape(&'a ZoneMesh),
    /// The corners of each ring of this mesh (see [`outline_level::KEEP`]), fanned.
    Sketch(&'a ZoneMesh),
}

/// A zone whose outline is drawn if the frame's outline budget allows.
pub(crate) struct OutlineJob<'a> {
    pub zone: usize,
    pub form: Form<'a>,
    pub size_px: f32,
    pub highlighted: bool,
    pub color: Color32,
}

impl OutlineJob<'_> {
    /// Points of the outline at a level threshold.
    fn points(&self, threshold: u8) -> usize {
        match self.form {
            Form::Shape(mesh) if threshold < KEEP => {
                mesh.levels.iter().filter(|&&l| l >= threshold).count()
            }
            Form::Shape(mesh) | Form::Sketch(mesh) => sketch_points(mesh),
        }
    }
}

/// Vertices of a sketched ring at most.
const SKETCH_VERTICES: usize = 4;

/// The mesh a zone is sketched from: its coarsest kept band with a ring.
pub(crate) fn sketch_mesh(meshes: &[BandMeshes], i: usize) -> Option<&ZoneMesh> {
    let kept = meshes.get(i)?;
    (0..STORED_BANDS)
        .filter_map(|b| kept.band(b))
        .find(|m| !m.ring_ends.is_empty())
}

/// Points of a mesh's sketch (its exterior rings' corners).
fn sketch_points(mesh: &ZoneMesh) -> usize {
    mesh.rings_with_levels()
        .enumerate()
        .filter(|(k, _)| !mesh.holes.contains(&(*k as u32)))
        .map(|(_, (_, levels))| levels.iter().filter(|&&l| l == KEEP).count())
        .sum()
}

/// A zone's sketch: each exterior ring's corners, as a fan.
pub(crate) fn append_sketch(out: &mut Mesh, mesh: &ZoneMesh, view: &ViewTransform, color: Color32) {
    for (k, (ring, levels)) in mesh.rings_with_levels().enumerate() {
        if mesh.holes.contains(&(k as u32)) {
            continue;
        }
        let first = out.vertices.len() as u32;
        let base = view.world_to_screen(mesh.origin);
        let scale = view.world_px as f32;
        out.vertices
            .extend(
                outline_level::kept(ring, levels, KEEP).map(|v| egui::epaint::Vertex {
                    pos: pos2(base.x + v[0] * scale, base.y + v[1] * scale),
                    uv: egui::epaint::WHITE_UV,
                    color,
                }),
            );
        let n = out.vertices.len() as u32 - first;
        for t in 1..n.saturating_sub(1) {
            out.indices.extend([first, first + t, first + t + 1]);
        }
    }
}

impl ZonesLayer<'_> {
    /// When not even the coarsest band fits the fill budget, by size on screen (the same rule
    /// for every zone): the smallest become dots, until the sketches of the others take half
    /// the budget at most; then the largest are drawn whole, as far as the budget goes. Reads
    /// the meshes of those drawn whole only.
    pub(crate) fn fill_plan(
        &self,
        visible: &[&RankedZone],
        world_px: f32,
        hovered: Option<usize>,
    ) -> FillPlan {
        let mut by_size: Vec<Vec<u32>> = vec![Vec::new(); frame_budget::BUCKETS];
        let mut reserved = 0;
        for r in visible {
            let (i, size) = (r.index as usize, r.size_world * world_px);
            if hovered == Some(i) || self.selected == Some(i) {
                reserved += self
                    .meshes
                    .get(i)
                    .and_then(|m| m.band(0))
                    .map_or(0, |m| m.vertices.len());
            } else if size >= DOT_PX
                && let Some(zones) = by_size.get_mut(frame_budget::bucket(size, DOT_PX))
            {
                zones.push(r.index);
            }
        }
        let budget = FRAME_FILL_VERTICES.saturating_sub(reserved);
        let mut sketched: usize = by_size.iter().map(Vec::len).sum();
        let mut dots_below = 0;
        while dots_below < frame_budget::BUCKETS && SKETCH_VERTICES * sketched > budget / 2 {
            sketched -= by_size[dots_below].len();
            dots_below += 1;
        }
        let mut used = SKETCH_VERTICES * sketched;
        let mut sketch_below = frame_budget::BUCKETS;
        while sketch_below > dots_below {
            let zones = &by_size[sketch_below - 1];
            let whole: usize = zones
                .iter()
                .filter_map(|&i| self.meshes.get(i as usize).and_then(|m| m.band(0)))
                .map(|m| m.vertices.len())
                .sum();
            let next = used - SKETCH_VERTICES * zones.len() + whole;
            if next > budget {
                break;
            }
            used = next;
            sketch_below -= 1;
        }
        FillPlan {
            dots_below,
            sketch_below,
        }
    }

    /// The outlines of the zones drawn as shapes: all simplified alike when they are too many
    /// points, and if still too many, none for the zones under one size on screen.
    pub(crate) fn outlines(
        &mut self,
        view: &ViewTransform,
        jobs: &[OutlineJob<'_>],
        hovered: Option<usize>,
    ) -> Vec<Shape> {
        let mut levels: frame_budget::ByLevel = [0; KEEP as usize + 1];
        for job in jobs.iter().filter(|j| !j.highlighted) {
            match job.form {
                Form::Shape(mesh) => {
                    for &l in &mesh.levels {
                        levels[usize::from(l)] += 1;
                    }
                }
                Form::Sketch(mesh) => levels[usize::from(KEEP)] += sketch_points(mesh),
            }
        }
        let coarsest =
            outline_level::threshold(f64::from(MAX_OUTLINE_TOLERANCE_PX) / view.world_px);
        let none = [0; frame_budget::BUCKETS];
        // Every outline simplified alike; if not enough, the smallest drawn as their sketch;
        // if still not enough, none for the smallest.
        let (threshold, sketch_below, min_bucket) =
            match frame_budget::outline_threshold(&levels, FRAME_OUTLINE_POINTS, coarsest) {
                Some(t) => (t, 0, 0),
                None => {
                    let mut whole = [0; frame_budget::BUCKETS];
                    let mut sketch = [0; frame_budget::BUCKETS];
                    for job in jobs.iter().filter(|j| !j.highlighted) {
                        let b = frame_budget::bucket(job.size_px, DOT_PX);
                        whole[b] += job.points(coarsest);
                        sketch[b] += job.points(KEEP);
                    }
                    if sketch.iter().sum::<usize>() <= FRAME_OUTLINE_POINTS {
                        let cut = frame_budget::size_cut(&whole, &sketch, FRAME_OUTLINE_POINTS);
                        (coarsest, cut, 0)
                    } else {
                        let cut = frame_budget::size_cut(&sketch, &none, FRAME_OUTLINE_POINTS);
                        (coarsest, frame_budget::BUCKETS, cut)
                    }
                }
            };
        self.output.outline_tolerance_px = if threshold == 0 {
            0.0
        } else {
            (outline_level::tolerance_of(threshold) * view.world_px) as f32
        };
        let px = |bucket: usize| frame_budget::bucket_px(bucket, DOT_PX);
        self.output.outline_sketch_below_px = if sketch_below > 0 {
            px(sketch_below)
        } else {
            0.0
        };
        self.output.outline_min_px = px(min_bucket).max(OUTLINE_MIN_PX);
        let mut outlines = Vec::new();
        let mut points_drawn = 0;
        for job in jobs {
            let i = job.zone;
            if !job.highlighted && frame_budget::bucket(job.size_px, DOT_PX) < min_bucket {
                continue;
            }
            let stroke = if self.selected == Some(i) {
                Stroke::new(3.0, style::SELECTED_OUTLINE)
            } else if hovered == Some(i) {
                Stroke::new(2.5, job.color)
            } else {
                Stroke::new(1.5, job.color)
            };
            let bucket = frame_budget::bucket(job.size_px, DOT_PX);
            let (mesh, keep, sketched) = match job.form {
                Form::Shape(mesh) if job.highlighted => (mesh, 0, false),
                Form::Shape(mesh) if bucket < sketch_below => (mesh, KEEP, true),
                Form::Shape(mesh) => (mesh, threshold, false),
                Form::Sketch(mesh) => (mesh, KEEP, true),
            };
            self.output.outlines_drawn += 1;
            let schematic = self.schematic.get(i).copied().unwrap_or(false);
            for (k, (ring, ring_levels)) in mesh.rings_with_levels().enumerate() {
                if sketched && mesh.holes.contains(&(k as u32)) {
                    continue;
                }
                let points = ring_points(mesh, outline_level::kept(ring, ring_levels, keep), view);
                if points.len() < 2 {
                    continue;
                }
                if !job.highlighted {
                    points_drawn += points.len();
                }
                if self.selected == Some(i) {
                    outlines.push(Shape::closed_line(
                        points.clone(),
                        Stroke::new(5.0, style::HALO),
                    ));
                }
                if schematic {
                    // An approximate outline is drawn dashed: never mistaken for a survey.
                    outlines.extend(dashed_ring(&points, stroke));
                } else {
                    outlines.push(Shape::closed_line(points, stroke));
                }
            }
        }
        self.output.outline_points = points_drawn;
        outlines
    }
}
