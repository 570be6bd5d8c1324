//! The sketch of every zone, end to end in drawing order: the corners of each exterior ring of
//! its coarsest kept mesh (the vertices kept at [`KEEP`], see [`super::outline_level`]). A frame
//! that has too much to draw draws its smaller zones as their sketch, fill and outline; at
//! 100,000 zones in view that is several thousand zones a frame, and reading them from here, in
//! order and from one block of memory, costs a fraction of following each zone's mesh.

use super::draw_order::RankedZone;
use super::mesh::{BandMeshes, STORED_BANDS, ZoneMesh};
use super::outline_level::{self, KEEP};

/// The sketches of the zones in drawing order (as [`RankedZone::order`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sketches {
    /// Per zone: the world position its points are offsets from.
    origins: Vec<[f64; 2]>,
    /// Per zone and one more: zone `k`'s rings are `ring_ends[zone_rings[k]..zone_rings[k + 1]]`.
    zone_rings: Vec<u32>,
    /// End (exclusive) of each ring in `points`.
    ring_ends: Vec<u32>,
    points: Vec<[f32; 2]>,
}

/// One zone's sketch.
#[derive(Clone, Copy, Debug)]
pub struct Sketch<'a> {
    /// World position (0..1) the points are offsets from.
    pub origin: [f64; 2],
    /// Where its first ring starts in `points`.
    start: u32,
    ring_ends: &'a [u32],
    points: &'a [[f32; 2]],
}

impl<'a> Sketch<'a> {
    /// Its rings (exterior rings only), as offsets from [`Sketch::origin`].
    pub fn rings(&self) -> impl Iterator<Item = &'a [[f32; 2]]> + use<'a> {
        let points = self.points;
        let mut start = self.start as usize;
        self.ring_ends.iter().map(move |&end| {
            let ring = points.get(start..end as usize).unwrap_or_default();
            start = end as usize;
            ring
        })
    }

    /// Points of all its rings.
    pub fn points(&self) -> usize {
        self.ring_ends
            .last()
            .map_or(0, |&end| (end - self.start) as usize)
    }
}

/// The band a zone is sketched from: its coarsest kept band with a ring.
pub fn sketch_band(meshes: &BandMeshes) -> Option<usize> {
    (0..STORED_BANDS).find(|&b| meshes.band(b).is_some_and(|m| !m.ring_ends.is_empty()))
}

/// The mesh a zone is sketched from (see [`sketch_band`]).
pub fn sketch_mesh(meshes: &BandMeshes) -> Option<&ZoneMesh> {
    meshes.band(sketch_band(meshes)?)
}

/// The sketch of a mesh: for each exterior ring, its corners (the vertices kept at [`KEEP`]).
pub fn sketch_rings(mesh: &ZoneMesh) -> impl Iterator<Item = impl Iterator<Item = [f32; 2]>> {
    mesh.rings_with_levels()
        .enumerate()
        .filter(|(k, _)| !mesh.holes.contains(&(*k as u32)))
        .map(|(_, (ring, levels))| outline_level::kept(ring, levels, KEEP))
}

impl Sketches {
    /// The sketches of the zones in drawing order, from their kept meshes (indexed by zone).
    pub fn build(ranked: &[RankedZone], meshes: &[BandMeshes]) -> Self {
        let mut out = Self {
            origins: Vec::with_capacity(ranked.len()),
            zone_rings: Vec::with_capacity(ranked.len() + 1),
            ..Self::default()
        };
        out.zone_rings.push(0);
        for r in ranked {
            let mesh = meshes.get(r.index as usize).and_then(sketch_mesh);
            out.origins.push(mesh.map_or([0.0; 2], |m| m.origin));
            for ring in mesh.into_iter().flat_map(sketch_rings) {
                out.points.extend(ring);
                out.ring_ends.push(count32(out.points.len()));
            }
            out.zone_rings.push(count32(out.ring_ends.len()));
        }
        out.origins.shrink_to_fit();
        out.ring_ends.shrink_to_fit();
        out.points.shrink_to_fit();
        out
    }

    /// Zones (the length of the drawing order it was built for).
    pub fn len(&self) -> usize {
        self.origins.len()
    }

    pub fn is_empty(&self) -> bool {
        self.origins.is_empty()
    }

    /// The sketch of the zone of rank `rank` in drawing order; `None` past the end or when it
    /// has no ring.
    pub fn get(&self, rank: usize) -> Option<Sketch<'_>> {
        let origin = *self.origins.get(rank)?;
        let first = *self.zone_rings.get(rank)? as usize;
        let last = *self.zone_rings.get(rank + 1)? as usize;
        let ring_ends = self.ring_ends.get(first..last)?;
        if ring_ends.is_empty() {
            return None;
        }
        let start = match first {
            0 => 0,
            _ => *self.ring_ends.get(first - 1)?,
        };
        Some(Sketch {
            origin,
            start,
            ring_ends,
            points: &self.points,
        })
    }

    /// Heap bytes it holds.
    pub fn heap_bytes(&self) -> usize {
        self.origins.capacity() * size_of::<[f64; 2]>()
            + (self.zone_rings.capacity() + self.ring_ends.capacity()) * size_of::<u32>()
            + self.points.capacity() * size_of::<[f32; 2]>()
    }
}

fn count32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spatial::build_band_meshes_upto;
    use crate::spatial::mesh_summary::{MeshSummary, sketch_points};

    /// A square of side `r` with a wobbly edge and a hole, around (x, 47.32).
    fn zone(x: f64, r: f64) -> geo::MultiPolygon<f64> {
        let ring = |r: f64, n: usize| -> geo::LineString<f64> {
            (0..=n)
                .map(|k| {
                    let a = k as f64 / n as f64 * std::f64::consts::TAU;
                    let wobble = 1.0 + 0.05 * ((k * 7) as f64).sin();
                    (x + r * wobble * a.cos(), 47.32 + r * wobble * a.sin())
                })
                .collect::<Vec<_>>()
                .into()
        };
        geo::MultiPolygon(vec![
            geo::Polygon::new(ring(r, 80), vec![ring(r / 3.0, 20)]),
            geo::Polygon::new(
                geo::LineString::from(vec![
                    (x + 2.0 * r, 47.32),
                    (x + 3.0 * r, 47.32),
                    (x + 3.0 * r, 47.33),
                    (x + 2.0 * r, 47.32),
                ]),
                Vec::new(),
            ),
        ])
    }

    #[test]
    fn each_zone_in_drawing_order_has_its_meshes_corners_without_holes() {
        let meshes = vec![
            build_band_meshes_upto(&zone(5.0, 0.01), STORED_BANDS),
            BandMeshes::default(),
            build_band_meshes_upto(&zone(5.1, 0.004), STORED_BANDS),
        ];
        // Drawing order: zone 2, then the one with no mesh, then zone 0.
        let ranked: Vec<RankedZone> = [2u32, 1, 0]
            .iter()
            .map(|&index| RankedZone {
                index,
                center_world: [0.5; 2],
                size_world: 0.0,
            })
            .collect();
        let sketches = Sketches::build(&ranked, &meshes);
        assert_eq!(sketches.len(), 3);
        assert!(sketches.get(1).is_none(), "no mesh, no sketch");
        assert!(sketches.get(3).is_none());
        for (rank, zone) in [(0, 2), (2, 0)] {
            let sketch = sketches.get(rank).expect("a sketch");
            let mesh = sketch_mesh(&meshes[zone]).expect("a mesh");
            assert_eq!(sketch.origin, mesh.origin);
            // Two exterior rings (the hole is left out), their corners in order.
            let rings: Vec<&[[f32; 2]]> = sketch.rings().collect();
            assert_eq!(rings.len(), 2, "zone {zone}");
            let expected: Vec<Vec<[f32; 2]>> = mesh
                .rings_with_levels()
                .enumerate()
                .filter(|(k, _)| !mesh.holes.contains(&(*k as u32)))
                .map(|(_, (ring, levels))| outline_level::kept(ring, levels, KEEP).collect())
                .collect();
            assert_eq!(rings, expected);
            assert!(rings.iter().all(|r| r.len() >= 3), "{rings:?}");
            assert_eq!(sketch.points(), sketch_points(mesh));
            assert_eq!(
                sketch.points(),
                usize::from(MeshSummary::of(&meshes[zone]).sketch)
            );
        }
        assert!(sketches.heap_bytes() > 0);
    }
}
