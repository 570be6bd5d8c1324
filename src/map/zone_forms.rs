//! How the zones layer draws a zone when the frame's budgets bind (see [`super::frame_budget`]):
//! the plan of dots, sketches and whole shapes for the fill, and the outlines simplified alike.

use egui::{Color32, Mesh, Pos2, Shape, Stroke, pos2};

use super::ViewTransform;
use super::frame_budget;
use super::style;
use super::zones_layer::{
    DOT_PX, FRAME_FILL_VERTICES, FRAME_OUTLINE_POINTS, MAX_OUTLINE_TOLERANCE_PX, OUTLINE_MIN_PX,
    ZonesLayer, ring_points,
};
use crate::spatial::mesh_summary::{BandSummary, OUTLINE_STEPS, step_level};
use crate::spatial::outline_level::{self, KEEP};
use crate::spatial::{BAND_MAX_ZOOM, MeshSummary, RankedZone, Sketch, Sketches, ZoneMesh};

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
    /// Its mesh at a band (kept or detailed), with the summary of that mesh, and the band.
    Shape(&'a ZoneMesh, &'a BandSummary, usize),
    /// Its sketch: the corners of each exterior ring (see [`outline_level::KEEP`]), fanned.
    Sketch(Sketch<'a>),
}

/// A zone whose outline is drawn if the frame's outline budget allows.
pub(crate) struct OutlineJob<'a> {
    pub zone: usize,
    pub form: Form<'a>,
    /// Its rank in drawing order (where its sketch is).
    pub rank: usize,
    /// The zone's kept meshes as the budgets see them.
    pub summary: &'a MeshSummary,
    pub size_px: f32,
    pub highlighted: bool,
    pub color: Color32,
}

impl OutlineJob<'_> {
    /// Points of the outline at a level threshold ([`KEEP`]: its sketch), at most: from the
    /// summaries (no read of the mesh).
    fn points(&self, threshold: u8) -> usize {
        match self.form {
            Form::Shape(_, s, b) if threshold < KEEP => s.points_at(b, threshold),
            Form::Shape(..) | Form::Sketch(_) => usize::from(self.summary.sketch),
        }
    }
}

/// Outlines made on one thread at a time.
const OUTLINE_CHUNK: usize = 512;

/// Vertices of a sketched ring at most.
const SKETCH_VERTICES: usize = 4;

/// A zone's sketch: each exterior ring's corners, as a fan.
pub(crate) fn append_sketch(
    out: &mut Mesh,
    sketch: Sketch<'_>,
    view: &ViewTransform,
    color: Color32,
) {
    let base = view.world_to_screen(sketch.origin);
    let scale = view.world_px as f32;
    for ring in sketch.rings() {
        let first = out.vertices.len() as u32;
        out.vertices
            .extend(ring.iter().map(|v| egui::epaint::Vertex {
                pos: pos2(base.x + v[0] * scale, base.y + v[1] * scale),
                uv: egui::epaint::WHITE_UV,
                color,
            }));
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
    pub(crate) fn fill_plan<'z>(
        &self,
        visible: impl Iterator<Item = (usize, &'z RankedZone, &'z MeshSummary)>,
        world_px: f32,
        hovered: Option<usize>,
    ) -> FillPlan {
        // Zones and their band-0 vertices by size bucket, from the summaries alone.
        let mut count = [0usize; frame_budget::BUCKETS];
        let mut whole = [0usize; frame_budget::BUCKETS];
        let mut reserved = 0;
        for (_, r, summary) in visible {
            let (i, size) = (r.index as usize, r.size_world * world_px);
            if hovered == Some(i) || self.selected == Some(i) {
                reserved += summary.vertices(0);
            } else if size >= DOT_PX {
                let b = frame_budget::bucket(size, DOT_PX);
                if let (Some(n), Some(w)) = (count.get_mut(b), whole.get_mut(b)) {
                    *n += 1;
                    *w += summary.vertices(0);
                }
            }
        }
        let budget = FRAME_FILL_VERTICES.saturating_sub(reserved);
        let mut sketched: usize = count.iter().sum();
        let mut dots_below = 0;
        while dots_below < frame_budget::BUCKETS && SKETCH_VERTICES * sketched > budget / 2 {
            sketched -= count[dots_below];
            dots_below += 1;
        }
        let mut used = SKETCH_VERTICES * sketched;
        let mut sketch_below = frame_budget::BUCKETS;
        while sketch_below > dots_below {
            let bucket = sketch_below - 1;
            let next = used - SKETCH_VERTICES * count[bucket] + whole[bucket];
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
        (jobs, sketches): (&[OutlineJob<'_>], &Sketches),
        hovered: Option<usize>,
    ) -> Vec<Shape> {
        // The outline points at each level, summed from the ladders of the meshes' summaries
        // (levels of the grid the ladders share; a detailed mesh's summary is made when it is
        // built).
        let mut levels: frame_budget::ByLevel = [0; KEEP as usize + 1];
        let mut ladders = [[0usize; OUTLINE_STEPS]; BAND_MAX_ZOOM.len()];
        let mut all = [0usize; BAND_MAX_ZOOM.len()];
        for job in jobs.iter().filter(|j| !j.highlighted) {
            match job.form {
                Form::Shape(_, s, b) => {
                    if let (Some(ladder), Some(n)) = (ladders.get_mut(b), all.get_mut(b)) {
                        *n += s.vertices as usize;
                        for (sum, &k) in ladder.iter_mut().zip(&s.kept) {
                            *sum += usize::from(k);
                        }
                    }
                }
                Form::Sketch(_) => levels[usize::from(KEEP)] += usize::from(job.summary.sketch),
            }
        }
        for (b, ladder) in ladders.iter().enumerate() {
            frame_budget::add_ladder(&mut levels, all[b], ladder, |k| step_level(b, k));
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
        // Each outline is made on its own (read from its mesh: most of the time), on all cores
        // in chunks, put together in drawing order.
        let selected = self.selected;
        let schematic = self.schematic;
        let outline = |job: &OutlineJob<'_>, out: &mut Vec<Shape>| -> Option<usize> {
            let i = job.zone;
            let bucket = frame_budget::bucket(job.size_px, DOT_PX);
            if !job.highlighted && bucket < min_bucket {
                return None;
            }
            let stroke = if selected == Some(i) {
                Stroke::new(3.0, style::SELECTED_OUTLINE)
            } else if hovered == Some(i) {
                Stroke::new(2.5, job.color)
            } else {
                Stroke::new(1.5, job.color)
            };
            // Its mesh's outline (whole when highlighted), or its sketch.
            let mesh = match job.form {
                Form::Shape(mesh, ..) if job.highlighted => Some((mesh, 0)),
                Form::Shape(mesh, ..) if bucket >= sketch_below => Some((mesh, threshold)),
                Form::Shape(..) | Form::Sketch(_) => None,
            };
            let dashed = schematic.get(i).copied().unwrap_or(false);
            let mut points_drawn = 0;
            let mut ring = |points: Vec<Pos2>| {
                if points.len() < 2 {
                    return;
                }
                if !job.highlighted {
                    points_drawn += points.len();
                }
                if selected == Some(i) {
                    out.push(Shape::closed_line(
                        points.clone(),
                        Stroke::new(5.0, style::HALO),
                    ));
                }
                if dashed {
                    // An approximate outline is drawn dashed: never mistaken for a survey.
                    out.extend(dashed_ring(&points, stroke));
                } else {
                    out.push(Shape::closed_line(points, stroke));
                }
            };
            if let Some((mesh, keep)) = mesh {
                for (points, levels) in mesh.rings_with_levels() {
                    let kept = outline_level::kept(points, levels, keep);
                    ring(ring_points(mesh.origin, kept, view));
                }
            } else if let Some(sketch) = match job.form {
                Form::Sketch(sketch) => Some(sketch),
                Form::Shape(..) => sketches.get(job.rank),
            } {
                for points in sketch.rings() {
                    ring(ring_points(sketch.origin, points.iter().copied(), view));
                }
            }
            Some(points_drawn)
        };
        let chunk = |jobs: &[OutlineJob<'_>]| {
            let mut shapes = Vec::with_capacity(jobs.len());
            let (mut drawn, mut points) = (0, 0);
            for job in jobs {
                if let Some(n) = outline(job, &mut shapes) {
                    drawn += 1;
                    points += n;
                }
            }
            (shapes, drawn, points)
        };
        let parts: Vec<(Vec<Shape>, usize, usize)> = if jobs.len() <= OUTLINE_CHUNK {
            vec![chunk(jobs)]
        } else {
            use rayon::prelude::*;
            jobs.par_chunks(OUTLINE_CHUNK).map(chunk).collect()
        };
        let mut outlines = Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum());
        let mut points_drawn = 0;
        for (shapes, drawn, points) in parts {
            outlines.extend(shapes);
            self.output.outlines_drawn += drawn;
            points_drawn += points;
        }
        self.output.outline_points = points_drawn;
        outlines
    }
}

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
