//! What a frame's budgets need to know of a zone's kept meshes, in one small record per zone:
//! the vertices of each kept band, the points of its outline left at a ladder of simplification
//! levels, and the points of its sketch. The store keeps these records in drawing order, so a
//! frame decides how to draw every zone in view (which band, which zones as sketches or dots,
//! how much to simplify the outlines) by reading one array in order, and reads the meshes of
//! only the zones it then draws. Reading a mesh means following three or four pointers to
//! memory the frame has not touched; at 100,000 zones in view that, not arithmetic, was the
//! frame's cost.
//!
//! The outline counts are taken at even levels (every half octave of the tolerance) from two
//! octaves under the band's own simplification on; a frame simplifies every outline to one of
//! those levels. Counts are upper bounds of what a frame then draws, so a frame that fits its
//! budget by them fits it drawn.

use super::mesh::{BandMeshes, STORED_BANDS, ZoneMesh, band_tolerance};
use super::outline_level::{self, KEEP};
use super::sketch::{sketch_band, sketch_rings};

/// Levels of the ladder.
pub const OUTLINE_STEPS: usize = 16;
/// Levels between two steps of the ladder (half an octave of the tolerance).
const STEP_LEVELS: u8 = 2;
/// The ladder starts this many levels (two octaves) under the level of the band's tolerance.
const UNDER_BAND: u8 = 8;

/// One kept band of a zone.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BandSummary {
    /// Vertices of the band's mesh (fill and whole outline), as [`BandMeshes::band`] gives it.
    pub vertices: u32,
    /// The mesh has triangles (a collapsed zone has none at any band).
    pub filled: bool,
    /// Outline points left at each level of the ladder ([`step_level`]).
    pub kept: [u16; OUTLINE_STEPS],
    /// Points of the mesh's sketch: the corners of its exterior rings.
    pub sketch: u16,
}

/// The kept bands of a zone, and its sketch as drawn (from its coarsest band with a ring).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MeshSummary {
    pub bands: [BandSummary; STORED_BANDS],
    /// Points of the zone's sketch (see `sketch_mesh` in the map); 0 when it has no ring.
    pub sketch: u16,
}

/// The level of step `k` of band `band`'s ladder: even, so that the ladders of all bands are
/// steps of one grid.
pub fn step_level(band: usize, k: usize) -> u8 {
    let base = outline_level::threshold(band_tolerance(band)).saturating_sub(UNDER_BAND) & !1;
    let level = usize::from(base) + k * usize::from(STEP_LEVELS);
    level.min(usize::from(KEEP - 1)) as u8
}

/// Points of a mesh's sketch (see [`sketch_rings`]).
pub fn sketch_points(mesh: &ZoneMesh) -> usize {
    sketch_rings(mesh).map(Iterator::count).sum()
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

impl BandSummary {
    pub fn of(mesh: &ZoneMesh, band: usize) -> Self {
        let mut kept = [0u16; OUTLINE_STEPS];
        // One pass: a histogram over the ladder, then summed from the top.
        let mut at = [0usize; OUTLINE_STEPS];
        let first = step_level(band, 0);
        let mut under = 0;
        for &l in &mesh.levels {
            if l < first {
                under += 1;
                continue;
            }
            let k = (usize::from(l - first) / usize::from(STEP_LEVELS)).min(OUTLINE_STEPS - 1);
            at[k] += 1;
        }
        let mut above = 0;
        for k in (0..OUTLINE_STEPS).rev() {
            above += at[k];
            kept[k] = clamp16(above);
        }
        debug_assert_eq!(above + under, mesh.levels.len());
        Self {
            vertices: u32::try_from(mesh.vertices.len()).unwrap_or(u32::MAX),
            filled: !mesh.indices.is_empty(),
            kept,
            sketch: clamp16(sketch_points(mesh)),
        }
    }

    /// An upper bound of the outline points left at `threshold` (at most [`KEEP`]): the count at
    /// the highest step at or under it, all points under the ladder, the sketch at [`KEEP`].
    pub fn points_at(&self, band: usize, threshold: u8) -> usize {
        if threshold == KEEP {
            return usize::from(self.sketch);
        }
        let first = step_level(band, 0);
        if threshold < first {
            return self.vertices as usize;
        }
        let k = (usize::from(threshold - first) / usize::from(STEP_LEVELS)).min(OUTLINE_STEPS - 1);
        usize::from(self.kept[k])
    }
}

impl MeshSummary {
    pub fn of(meshes: &BandMeshes) -> Self {
        let mut bands = [BandSummary::default(); STORED_BANDS];
        for (b, summary) in bands.iter_mut().enumerate() {
            if let Some(mesh) = meshes.band(b) {
                *summary = BandSummary::of(mesh, b);
            }
        }
        // As the map sketches a zone: from its sketch band (counted above).
        let sketch = sketch_band(meshes).map_or(0, |b| bands[b].sketch);
        Self { bands, sketch }
    }

    /// Vertices of kept band `band` (the coarsest ones past the last: the most detailed kept).
    pub fn vertices(&self, band: usize) -> usize {
        self.bands
            .get(band.min(STORED_BANDS - 1))
            .map_or(0, |b| b.vertices as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::build_band_meshes_upto;

    /// Outline points of a ring mesh kept at level `threshold` (all rings; [`KEEP`]: the
    /// sketch), counted on the mesh: what the summary's counts are checked against.
    fn points_at(mesh: &ZoneMesh, threshold: u8) -> usize {
        if threshold == KEEP {
            return sketch_points(mesh);
        }
        mesh.levels.iter().filter(|&&l| l >= threshold).count()
    }

    /// A wiggly polygon with a hole, around Dijon.
    fn wiggly(n: usize) -> geo::MultiPolygon<f64> {
        let ring = |r: f64, n: usize| -> geo::LineString<f64> {
            (0..=n)
                .map(|k| {
                    let a = k as f64 / n as f64 * std::f64::consts::TAU;
                    let wobble =
                        1.0 + 0.08 * ((k * 7) as f64).sin() + 0.02 * ((k * 31) as f64).cos();
                    (5.04 + r * wobble * a.cos(), 47.32 + r * wobble * a.sin())
                })
                .collect::<Vec<_>>()
                .into()
        };
        geo::MultiPolygon(vec![geo::Polygon::new(
            ring(0.01, n),
            vec![ring(0.003, n / 4)],
        )])
    }

    #[test]
    fn counts_are_the_mesh_counts_at_the_steps_and_bounds_between() {
        let meshes = build_band_meshes_upto(&wiggly(600), STORED_BANDS);
        let summary = MeshSummary::of(&meshes);
        for b in 0..STORED_BANDS {
            let mesh = meshes.band(b).expect("a mesh");
            let s = &summary.bands[b];
            assert_eq!(s.vertices as usize, mesh.vertices.len());
            assert!(s.filled);
            assert_eq!(usize::from(s.sketch), sketch_points(mesh));
            assert!(s.sketch >= 4, "a quadrilateral at least: {}", s.sketch);
            for k in 0..OUTLINE_STEPS {
                let level = step_level(b, k);
                assert_eq!(
                    s.points_at(b, level),
                    points_at(mesh, level),
                    "band {b} step {k}"
                );
            }
            // Every level: never fewer than drawn.
            for t in 0..KEEP {
                assert!(
                    s.points_at(b, t) >= points_at(mesh, t),
                    "band {b} level {t}"
                );
            }
            assert_eq!(s.points_at(b, KEEP), sketch_points(mesh));
            assert_eq!(s.points_at(b, 0), mesh.vertices.len());
        }
        // The ladder is not all one count: it tells tolerances apart.
        let s = &summary.bands[0];
        assert!(s.kept[0] > s.kept[OUTLINE_STEPS - 1], "{s:?}");
        assert_eq!(
            usize::from(summary.sketch),
            sketch_points(meshes.band(0).expect("band 0"))
        );
    }

    #[test]
    fn ladders_share_one_grid_of_even_levels() {
        for b in 0..STORED_BANDS {
            for k in 0..OUTLINE_STEPS {
                assert_eq!(step_level(b, k) % 2, 0);
            }
            let band_level = outline_level::threshold(band_tolerance(b));
            assert!(
                step_level(b, 0) <= band_level && band_level < step_level(b, OUTLINE_STEPS - 1)
            );
        }
    }

    #[test]
    fn no_mesh_no_counts() {
        let summary = MeshSummary::of(&BandMeshes::default());
        assert_eq!(summary, MeshSummary::default());
        assert_eq!(summary.vertices(0), 0);
    }
}
