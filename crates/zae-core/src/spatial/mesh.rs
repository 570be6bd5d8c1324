//! Triangulated zone meshes in Web-Mercator world coordinates, built once per zoom band (off
//! the UI thread for loaded files) and only moved and scaled per frame.
//!
//! Each band's outlines are simplified to about half a pixel at the band's most detailed zoom,
//! so a whole-region view does not carry street-level detail. Vertices are `f32` offsets from
//! a per-zone `f64` origin, so they keep sub-pixel precision at street zoom levels.

use geo::{BoundingRect, CoordsIter, MultiPolygon, Polygon, Simplify, TriangulateEarcut};

use super::mercator::{to_world, world_pixels};

/// Above this many vertices a polygon is simplified before triangulation even in the most
/// detailed band: ear-cutting is quadratic in the worst case (a 200,000-vertex ring takes ~40 s).
pub const MAX_MESH_VERTICES: usize = 20_000;

/// A zone's mesh holds at most this many vertices (all its polygons), so that its triangles fit
/// 16-bit indices: at 100,000 zones that halves the largest part of mesh memory. A multipolygon
/// past it is simplified for drawing, each part in proportion to its size.
pub const MAX_ZONE_MESH_VERTICES: usize = 65_000;

/// Zoom bands: band `i` is drawn below `BAND_MAX_ZOOM[i]` (the last one at any zoom).
pub const BAND_MAX_ZOOM: [f64; 5] = [9.0, 11.0, 13.0, 15.0, f64::INFINITY];

/// Bands of zone meshes built for every zone at load and kept: the coarse ones (zoom 11 and
/// out), drawn when many zones are in view. The detailed bands are built on a worker only for
/// the zones a frame draws as shapes ([`super::DetailMeshes`]; a frame draws at most
/// `FRAME_FILL_VERTICES` of them); until they are there, the most detailed kept band is drawn.
/// Plots keep every band.
pub const STORED_BANDS: usize = 2;

/// The band drawn at a zoom level.
pub fn band_for_zoom(zoom: f64) -> usize {
    BAND_MAX_ZOOM
        .iter()
        .position(|&max| zoom < max)
        .unwrap_or(BAND_MAX_ZOOM.len() - 1)
}

/// Douglas–Peucker tolerance of a band, in world units: half a pixel at its most detailed zoom
/// (the last band keeps full detail).
pub fn band_tolerance(band: usize) -> f64 {
    match BAND_MAX_ZOOM.get(band) {
        Some(max) if max.is_finite() => 0.5 / world_pixels(*max),
        _ => 0.0,
    }
}

/// The drawable form of one zone at one band.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneMesh {
    /// World position (0..1) that offsets are relative to.
    pub origin: [f64; 2],
    /// Size of the outline's bounding box, world units (to tell how big it is on screen).
    pub world_size: [f32; 2],
    /// Ring vertices (exterior then holes, without the closing repeat), offsets from `origin`.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles, three indices into `vertices` each (at most [`MAX_ZONE_MESH_VERTICES`]).
    pub indices: Vec<u16>,
    /// End (exclusive) of each ring in `vertices`.
    pub ring_ends: Vec<u32>,
    /// How much each vertex matters to its ring's shape (see [`super::outline_level`]): the
    /// Douglas–Peucker tolerance at which it would go, on a log scale. An outline is drawn
    /// coarser for every zone alike by leaving out the vertices under one level.
    pub levels: Vec<u8>,
    /// Indices (into the rings) of the rings that are holes; empty for most zones.
    pub holes: Vec<u32>,
    /// Vertices in the source geometry, and in this mesh.
    pub source_vertices: usize,
    pub mesh_vertices: usize,
}

impl ZoneMesh {
    /// Fewer vertices than the source outline.
    pub fn was_simplified(&self) -> bool {
        self.mesh_vertices < self.source_vertices
    }

    /// Without spare capacity (a multipolygon's vectors grow by doubling).
    pub fn compact(mut self) -> Self {
        self.vertices.shrink_to_fit();
        self.indices.shrink_to_fit();
        self.ring_ends.shrink_to_fit();
        self.levels.shrink_to_fit();
        self.holes.shrink_to_fit();
        self
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.vertices.capacity() * std::mem::size_of::<[f32; 2]>()
            + self.indices.capacity() * std::mem::size_of::<u16>()
            + self.ring_ends.capacity() * std::mem::size_of::<u32>()
            + self.levels.capacity()
            + self.holes.capacity() * std::mem::size_of::<u32>()
    }

    /// The rings as slices of `vertices`.
    pub fn rings(&self) -> impl Iterator<Item = &[[f32; 2]]> {
        let mut start = 0usize;
        self.ring_ends.iter().map(move |&end| {
            let ring = self.vertices.get(start..end as usize).unwrap_or_default();
            start = end as usize;
            ring
        })
    }

    /// The rings with the level of each vertex.
    pub fn rings_with_levels(&self) -> impl Iterator<Item = (&[[f32; 2]], &[u8])> {
        let mut start = 0usize;
        self.ring_ends.iter().map(move |&end| {
            let range = start..end as usize;
            start = end as usize;
            (
                self.vertices.get(range.clone()).unwrap_or_default(),
                self.levels.get(range).unwrap_or_default(),
            )
        })
    }
}

/// One zone's meshes, coarse to detailed, one per band.
#[derive(Clone, Debug, Default, PartialEq)]
/// `None` for a band means "the same as the next more detailed band" (simplification would
/// remove less than a fifth of the vertices): stored once, and built once.
pub struct BandMeshes(pub Vec<Option<ZoneMesh>>);

impl BandMeshes {
    pub fn band(&self, band: usize) -> Option<&ZoneMesh> {
        self.0
            .get(band..)
            .and_then(|rest| rest.iter().flatten().next())
    }

    /// The most detailed mesh.
    pub fn detailed(&self) -> Option<&ZoneMesh> {
        self.0.last().and_then(Option::as_ref)
    }
}

/// Totals over a set of meshes (most detailed band).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MeshStats {
    pub zones: usize,
    pub triangles: usize,
    pub simplified: usize,
}

impl MeshStats {
    pub fn of(meshes: &[BandMeshes]) -> Self {
        let detailed = || meshes.iter().filter_map(BandMeshes::detailed);
        Self {
            zones: meshes.len(),
            triangles: detailed().map(|m| m.indices.len() / 3).sum(),
            simplified: detailed().filter(|m| m.was_simplified()).count(),
        }
    }
}

/// Builds the first `bands` bands of every outline (`BAND_MAX_ZOOM.len()` for all, or
/// [`STORED_BANDS`] for zones), on all cores. `progress` gets the fraction done and returns
/// false to stop (then `None`).
///
/// `geometry(i)` gives outline `i` of `count`, borrowed or decoded when asked (so a compact
/// outline is decoded one at a time, not all at once).
pub fn build_meshes<G: std::borrow::Borrow<MultiPolygon<f64>>>(
    count: usize,
    geometry: impl Fn(usize) -> G + Sync,
    bands: usize,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<Vec<BandMeshes>> {
    use rayon::prelude::*;
    let mut meshes = Vec::with_capacity(count);
    for start in (0..count).step_by(1024) {
        if !progress(start as f32 / count.max(1) as f32) {
            return None;
        }
        let end = (start + 1024).min(count);
        meshes.par_extend(
            (start..end)
                .into_par_iter()
                .map(|i| build_band_meshes_upto(geometry(i).borrow(), bands)),
        );
    }
    Some(meshes)
}

/// Outlines meshed since the program started (all bands of one outline count once). Lets tests
/// check that drawing frames never rebuilds meshes.
static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub fn mesh_builds() -> usize {
    BUILDS.load(std::sync::atomic::Ordering::Relaxed)
}

/// All bands of one outline.
pub fn build_band_meshes(geometry: &MultiPolygon<f64>) -> BandMeshes {
    build_band_meshes_upto(geometry, BAND_MAX_ZOOM.len())
}

/// The first `bands` bands of one outline; the last of them is always built.
pub fn build_band_meshes_upto(geometry: &MultiPolygon<f64>, bands: usize) -> BandMeshes {
    BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let world: Vec<Polygon<f64>> = geometry.0.iter().map(to_world_polygon).collect();
    let source: usize = geometry.coords_count();
    let bands = bands.clamp(1, BAND_MAX_ZOOM.len());
    let mut meshes: Vec<Option<ZoneMesh>> = vec![None; bands];
    let mut finer_vertices = usize::MAX;
    // From the most detailed band to the coarsest; a band that would keep 80% or more of the
    // next band's vertices reuses it.
    for band in (0..bands).rev() {
        let tolerance = band_tolerance(band);
        let simplified: std::borrow::Cow<'_, [Polygon<f64>]> = if tolerance > 0.0 {
            world
                .iter()
                .map(|p| p.simplify(tolerance))
                .collect::<Vec<_>>()
                .into()
        } else {
            (&world[..]).into()
        };
        let vertices: usize = simplified.iter().map(CoordsIter::coords_count).sum();
        if band + 1 < bands && vertices * 10 >= finer_vertices * 8 {
            continue;
        }
        finer_vertices = vertices;
        meshes[band] = Some(build_zone_mesh_from_world(&simplified, source, 0.0).compact());
    }
    BandMeshes(meshes)
}

/// One band's mesh of one outline (what building a band on its own costs).
pub fn build_band_mesh(geometry: &MultiPolygon<f64>, band: usize) -> ZoneMesh {
    let world: Vec<Polygon<f64>> = geometry.0.iter().map(to_world_polygon).collect();
    build_zone_mesh_from_world(&world, geometry.coords_count(), band_tolerance(band)).compact()
}

/// The most detailed mesh of one outline (for tests and tools).
pub fn build_zone_mesh(geometry: &MultiPolygon<f64>) -> ZoneMesh {
    let world: Vec<Polygon<f64>> = geometry.0.iter().map(to_world_polygon).collect();
    build_zone_mesh_from_world(&world, geometry.coords_count(), 0.0)
}

fn build_zone_mesh_from_world(
    world: &[Polygon<f64>],
    source_vertices: usize,
    tolerance: f64,
) -> ZoneMesh {
    let origin = world
        .first()
        .and_then(|p| p.exterior().0.first())
        .map(|c| [c.x, c.y])
        .unwrap_or([0.0, 0.0]);
    let bounds = crate::model::union_all(world.iter().filter_map(|p| p.bounding_rect()));
    let mut mesh = ZoneMesh {
        origin,
        world_size: bounds.map_or([0.0, 0.0], |r| [r.width() as f32, r.height() as f32]),
        source_vertices,
        ..ZoneMesh::default()
    };
    let total: usize = world.iter().map(CoordsIter::coords_count).sum();
    for polygon in world {
        let simplified;
        let mut polygon = polygon;
        if tolerance > 0.0 {
            simplified = polygon.simplify(tolerance);
            polygon = &simplified;
        }
        let budget = polygon_budget(polygon.coords_count(), total);
        let budgeted;
        if polygon.coords_count() > budget {
            budgeted = simplify_to_budget(polygon, budget);
            polygon = &budgeted;
        }
        if mesh.vertices.len() + polygon.coords_count() > usize::from(u16::MAX) {
            continue; // thousands of parts: the rest is drawn as it would be at a coarser band
        }
        if polygon.exterior().0.len() < 4 {
            continue; // collapsed at this band: drawn in the cell image
        }
        // Holes that simplification collapsed are too small to see at this band; holes that
        // stick out of the exterior (invalid, or after simplification) would make earcut panic.
        let cleaned;
        let outer = polygon.exterior().bounding_rect();
        let keep = |h: &&geo::LineString<f64>| {
            h.0.len() >= 4
                && h.bounding_rect().zip(outer).is_some_and(|(b, o)| {
                    b.min().x >= o.min().x
                        && b.min().y >= o.min().y
                        && b.max().x <= o.max().x
                        && b.max().y <= o.max().y
                })
        };
        if !polygon.interiors().iter().all(|h| keep(&h)) {
            cleaned = Polygon::new(
                polygon.exterior().clone(),
                polygon.interiors().iter().filter(keep).cloned().collect(),
            );
            polygon = &cleaned;
        }
        // earcut can panic on degenerate input it was not written for; such an outline is
        // drawn in the cell image rather than take the loader down.
        let Ok(raw) = std::panic::catch_unwind(|| polygon.earcut_triangles_raw()) else {
            continue;
        };
        let base = mesh.vertices.len() as u32;
        mesh.vertices.extend(
            raw.vertices
                .iter()
                .map(|v| [(v[0] - origin[0]) as f32, (v[1] - origin[1]) as f32]),
        );
        // Fits: the vertices were counted against u16::MAX above.
        mesh.indices.extend(
            raw.triangle_indices
                .iter()
                .map(|&i| (base as usize + i) as u16),
        );
        let mut end = base;
        for (k, ring) in std::iter::once(polygon.exterior())
            .chain(polygon.interiors())
            .enumerate()
        {
            if k > 0 {
                mesh.holes.push(mesh.ring_ends.len() as u32);
            }
            end += ring.0.len().saturating_sub(1) as u32;
            mesh.ring_ends.push(end);
        }
    }
    mesh.mesh_vertices = mesh.vertices.len() + mesh.ring_ends.len();
    mesh.levels = super::outline_level::ring_levels(&mesh.vertices, &mesh.ring_ends);
    mesh
}

fn to_world_polygon(polygon: &Polygon<f64>) -> Polygon<f64> {
    use geo::MapCoords;
    polygon.map_coords(|c| {
        let w = to_world(c.x, c.y);
        geo::Coord { x: w[0], y: w[1] }
    })
}

/// Vertices one polygon of a zone may keep in its mesh: [`MAX_MESH_VERTICES`], and its share of
/// [`MAX_ZONE_MESH_VERTICES`] when the zone's polygons together have more.
pub fn polygon_budget(polygon: usize, zone_total: usize) -> usize {
    if zone_total <= MAX_ZONE_MESH_VERTICES {
        MAX_MESH_VERTICES
    } else {
        (MAX_ZONE_MESH_VERTICES * polygon / zone_total).clamp(4, MAX_MESH_VERTICES)
    }
}

/// Douglas–Peucker with a growing tolerance until the polygon has at most `budget` vertices.
fn simplify_to_budget(polygon: &Polygon<f64>, budget: usize) -> Polygon<f64> {
    // Start around 1 m on the ground (world units ≈ 1 / 40,000 km) and double.
    let mut epsilon = 2.5e-8;
    let mut simplified = polygon.simplify(epsilon);
    while simplified.coords_count() > budget && epsilon < 1e-2 {
        epsilon *= 2.0;
        simplified = polygon.simplify(epsilon);
    }
    simplified
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{LineString, polygon};

    fn world_area(mesh: &ZoneMesh) -> f64 {
        mesh.indices
            .chunks(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
                let (ax, ay) = (a[0] as f64, a[1] as f64);
                let (bx, by) = (b[0] as f64, b[1] as f64);
                let (cx, cy) = (c[0] as f64, c[1] as f64);
                ((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)).abs() / 2.0
            })
            .sum()
    }

    fn l_shape_with_hole() -> Polygon<f64> {
        polygon!(
            exterior: [(x: 5.0, y: 47.0), (x: 5.02, y: 47.0), (x: 5.02, y: 47.01), (x: 5.01, y: 47.01),
                       (x: 5.01, y: 47.02), (x: 5.0, y: 47.02), (x: 5.0, y: 47.0)],
            interiors: [[(x: 5.002, y: 47.002), (x: 5.002, y: 47.004), (x: 5.004, y: 47.004),
                         (x: 5.004, y: 47.002), (x: 5.002, y: 47.002)]],
        )
    }

    #[test]
    fn concave_polygon_with_hole_is_fully_covered() {
        let p = l_shape_with_hole();
        let mesh = build_zone_mesh(&MultiPolygon::new(vec![p.clone()]));
        // The triangles' area equals the polygon's area in world space: holes are not filled,
        // concave notches are not bridged.
        let world = to_world_polygon(&p);
        use geo::Area;
        let expected = world.unsigned_area();
        let got = world_area(&mesh);
        assert!(
            (got - expected).abs() / expected < 1e-4,
            "{got} vs {expected}"
        );
        let rings: Vec<_> = mesh.rings().collect();
        assert_eq!(rings.len(), 2);
        assert_eq!((rings[0].len(), rings[1].len()), (6, 4));
        assert!(!mesh.was_simplified());
    }

    #[test]
    fn bands_get_coarser_and_the_last_keeps_full_detail() {
        // A 2 km wiggly ring of 400 vertices.
        let ring: LineString<f64> = (0..=400)
            .map(|i| {
                let a = i as f64 / 400.0 * std::f64::consts::TAU;
                let r = 0.01 * (1.0 + 0.02 * (a * 37.0).sin());
                (5.0 + r * a.cos(), 47.0 + r * a.sin())
            })
            .collect();
        let bands = build_band_meshes(&MultiPolygon::new(vec![Polygon::new(ring, vec![])]));
        let counts: Vec<usize> = (0..5)
            .map(|b| bands.band(b).map_or(0, |m| m.vertices.len()))
            .collect();
        assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
        assert!(counts[0] < counts[4] / 4, "{counts:?}");
        assert_eq!(counts[4], 400);
        assert_eq!(band_for_zoom(8.0), 0);
        assert_eq!(band_for_zoom(11.5), 2);
        assert_eq!(band_for_zoom(18.0), 4);
    }

    #[test]
    fn huge_polygon_is_simplified_to_budget() {
        let n = MAX_MESH_VERTICES * 3;
        let ring: LineString<f64> = (0..=n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                let r = 0.01 * (1.0 + 0.001 * ((i * 7919) % 13) as f64);
                (5.0 + r * a.cos(), 47.0 + r * a.sin())
            })
            .collect();
        let mesh = build_zone_mesh(&MultiPolygon::new(vec![Polygon::new(ring, vec![])]));
        assert!(mesh.was_simplified());
        assert!(mesh.mesh_vertices <= MAX_MESH_VERTICES + 1);
        assert!(!mesh.indices.is_empty());
    }

    /// A circle of `n` vertices around (lon, lat), radius `r` degrees.
    fn circle(lon: f64, lat: f64, r: f64, n: usize) -> Polygon<f64> {
        let mut ring: Vec<(f64, f64)> = (0..n)
            .map(|k| {
                let a = k as f64 / n as f64 * std::f64::consts::TAU;
                (lon + r * a.cos(), lat + r * a.sin())
            })
            .collect();
        ring.push(ring[0]);
        Polygon::new(LineString::from(ring), vec![])
    }

    #[test]
    fn a_zone_past_the_16_bit_budget_is_simplified_by_part_and_keeps_its_shape() {
        // Four parts of 19,000 vertices: each under the polygon budget, 76,000 in all.
        let parts: Vec<Polygon<f64>> = (0..4)
            .map(|k| circle(5.0 + 0.01 * k as f64, 47.3, 0.004, 19_000))
            .collect();
        let zone = MultiPolygon(parts.clone());
        let mesh = build_zone_mesh(&zone);
        assert!(
            mesh.vertices.len() <= MAX_ZONE_MESH_VERTICES,
            "{}",
            mesh.vertices.len()
        );
        assert_eq!(mesh.ring_ends.len(), 4, "every part kept");
        assert!(
            mesh.indices
                .iter()
                .all(|&i| usize::from(i) < mesh.vertices.len())
        );
        let whole: f64 = parts
            .iter()
            .map(|p| {
                let w = to_world_polygon(p);
                geo::Area::unsigned_area(&w)
            })
            .sum();
        let drawn = world_area(&mesh);
        assert!(
            (drawn / whole - 1.0).abs() < 0.01,
            "area kept: {drawn} vs {whole}"
        );
        assert_eq!(polygon_budget(19_000, 76_000), 16_250);
        assert_eq!(polygon_budget(19_000, 19_000), MAX_MESH_VERTICES);
    }
}
