//! The fill of the zones drawn as shapes: which mesh each zone is drawn with, decided from the
//! summaries of its kept meshes alone, then the meshes read and appended on all cores.

use egui::{Color32, Mesh, pos2};

use super::ViewTransform;
use super::style;
use super::zone_forms::{Form, OutlineJob, append_sketch};
use crate::spatial::mesh_summary::BandSummary;
use crate::spatial::{BandMeshes, DetailMeshes, MeshSummary, STORED_BANDS, Sketches, ZoneMesh};

/// Room left in the frame's fill budget: for meshes of the frame's own band, and for coarser
/// ones (more: part of the budget is kept so that the zones after still show their shape).
#[derive(Clone, Copy, Debug)]
pub(super) struct Room {
    pub(super) fine: usize,
    pub(super) coarse: usize,
}

/// Which mesh a zone is drawn with, decided from its summary (no read of its kept meshes).
#[derive(Clone, Copy)]
pub(super) enum Pick<'a> {
    /// A detailed band's mesh (already at hand: detailed meshes are few), its summary, and
    /// the band.
    Detailed(&'a ZoneMesh, &'a BandSummary, usize),
    /// Kept band `b` (as `BandMeshes::band(b)` gives it).
    Kept(usize),
    /// Its sketch (see [`crate::spatial::Sketches`]).
    Sketch,
}

impl Pick<'_> {
    /// Fill vertices it adds.
    pub(super) fn vertices(self, summary: &MeshSummary) -> usize {
        match self {
            Pick::Detailed(m, ..) => m.vertices.len(),
            Pick::Kept(b) => summary.vertices(b),
            Pick::Sketch => usize::from(summary.sketch),
        }
    }
}

/// The mesh to draw zone `i` with at `band`, if one that fits the room is there: the detailed
/// band when built, else the kept bands from the finest down. A zone drawn without its
/// detailed band is noted in `wanted`, to be built for a later frame.
pub(super) fn pick_mesh<'a>(
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
            Some((m, s)) if fits(m.vertices.len(), !m.indices.is_empty(), band) => {
                return Some(Pick::Detailed(m, s, band));
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
pub(super) struct Planned<'a> {
    pub(super) zone: usize,
    /// Its rank in drawing order.
    pub(super) rank: usize,
    pub(super) pick: Pick<'a>,
    pub(super) summary: &'a MeshSummary,
    pub(super) color: Color32,
    pub(super) highlighted: bool,
    pub(super) size_px: f32,
    /// Its outline is drawn if the budget allows.
    pub(super) outlined: bool,
}

/// Zones drawn as shapes whose fill is appended on one thread at a time.
const FILL_CHUNK: usize = 1024;

/// The fill of the `planned` zones, in their order, as meshes to paint one after the other,
/// and the outlines to draw: their meshes read and appended in chunks on all cores. The
/// chunks' meshes are not put end to end here: egui's tessellation appends every mesh of a
/// layer to the one before it (same clip, same texture) anyway, so joining them here would copy
/// every vertex once more.
pub(super) fn fill_mesh<'a>(
    (meshes, sketches): (&'a [BandMeshes], &'a Sketches),
    planned: &[Planned<'a>],
    view: &ViewTransform,
) -> (Vec<Mesh>, Vec<OutlineJob<'a>>) {
    use rayon::prelude::*;
    let append = |chunk: &[Planned<'a>]| {
        let vertices: usize = chunk.iter().map(|p| p.pick.vertices(p.summary)).sum();
        let mut mesh = Mesh::default();
        // Exact for the vertices; a ring of n vertices has n - 2 triangles.
        mesh.vertices.reserve_exact(vertices);
        mesh.indices.reserve(3 * vertices);
        // First where each zone's mesh is, with its first vertex and index: the loads of
        // one zone do not wait for another's, so the processor fetches many zones' meshes at
        // once (each is a few pointers away, in memory the frame has not touched), rather
        // than one after the other between appends.
        let forms: Vec<(Form<'a>, &Planned<'a>, u32)> = chunk
            .iter()
            .filter_map(|p| {
                let form = match p.pick {
                    Pick::Detailed(m, s, b) => Form::Shape(m, s, b),
                    Pick::Kept(b) => {
                        Form::Shape(meshes.get(p.zone)?.band(b)?, p.summary.bands.get(b)?, b)
                    }
                    Pick::Sketch => Form::Sketch(sketches.get(p.rank)?),
                };
                let first = match form {
                    Form::Shape(m, ..) => {
                        m.vertices.first().map_or(0, |v| v[0].to_bits())
                            ^ m.indices.first().map_or(0, |&i| u32::from(i))
                    }
                    Form::Sketch(sketch) => sketch
                        .rings()
                        .next()
                        .and_then(|r| r.first())
                        .map_or(0, |v| v[0].to_bits()),
                };
                Some((form, p, first))
            })
            .collect();
        std::hint::black_box(forms.iter().fold(0, |x, f| x ^ f.2));
        let mut jobs = Vec::new();
        for (form, p, _) in forms {
            let color = style::fill(p.color, p.highlighted);
            match form {
                Form::Shape(zone, ..) => append_fill(&mut mesh, zone, view, color),
                Form::Sketch(zone) => append_sketch(&mut mesh, zone, view, color),
            }
            if p.outlined {
                jobs.push(OutlineJob {
                    zone: p.zone,
                    rank: p.rank,
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
        let (mesh, jobs) = append(planned);
        return (vec![mesh], jobs);
    }
    let parts: Vec<(Mesh, Vec<OutlineJob<'a>>)> =
        planned.par_chunks(FILL_CHUNK).map(append).collect();
    let mut jobs = Vec::with_capacity(parts.iter().map(|p| p.1.len()).sum());
    let mut fill = Vec::with_capacity(parts.len());
    for (part, part_jobs) in parts {
        fill.push(part);
        jobs.extend(part_jobs);
    }
    (fill, jobs)
}

pub(super) fn append_fill(out: &mut Mesh, mesh: &ZoneMesh, view: &ViewTransform, color: Color32) {
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
}
