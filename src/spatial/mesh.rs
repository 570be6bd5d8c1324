//! Triangulated zone meshes in Web-Mercator world coordinates, built once (off the UI thread
//! for loaded files) and only moved and scaled per frame.
//!
//! Vertices are `f32` offsets from a per-zone `f64` origin, so that they keep sub-pixel
//! precision at street zoom levels.

use geo::{CoordsIter, MultiPolygon, Polygon, Simplify, TriangulateEarcut};

use super::mercator::to_world;

/// Above this many vertices a polygon is simplified before triangulation: ear-cutting is
/// quadratic in the worst case (a 200,000-vertex ring takes ~40 s).
pub const MAX_MESH_VERTICES: usize = 20_000;

/// The drawable form of one zone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ZoneMesh {
    /// World position (0..1) that offsets are relative to.
    pub origin: [f64; 2],
    /// Triangle vertices, offsets from `origin` in world units.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles, three indices each.
    pub indices: Vec<u32>,
    /// Rings (exterior and holes) as closed point lists, offsets from `origin`.
    pub rings: Vec<Vec<[f32; 2]>>,
    /// Vertices in the source geometry, and after simplification (equal when not simplified).
    pub source_vertices: usize,
    pub mesh_vertices: usize,
}

impl ZoneMesh {
    pub fn was_simplified(&self) -> bool {
        self.mesh_vertices < self.source_vertices
    }
}

/// Totals over a set of meshes.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MeshStats {
    pub zones: usize,
    pub triangles: usize,
    pub simplified: usize,
}

/// Builds the meshes of all zones. `progress` gets the fraction done and returns false to stop
/// (then `None`).
pub fn build_meshes<'a>(
    geometries: impl ExactSizeIterator<Item = &'a MultiPolygon<f64>>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<Vec<ZoneMesh>> {
    let total = geometries.len().max(1);
    let mut meshes = Vec::with_capacity(total);
    for (i, geometry) in geometries.enumerate() {
        if i % 256 == 0 && !progress(i as f32 / total as f32) {
            return None;
        }
        meshes.push(build_zone_mesh(geometry));
    }
    Some(meshes)
}

pub fn build_zone_mesh(geometry: &MultiPolygon<f64>) -> ZoneMesh {
    let origin = geometry
        .0
        .first()
        .and_then(|p| p.exterior().0.first())
        .map(|c| to_world(c.x, c.y))
        .unwrap_or([0.0, 0.0]);
    let mut mesh = ZoneMesh {
        origin,
        ..ZoneMesh::default()
    };
    for polygon in &geometry.0 {
        let source = polygon.coords_count();
        mesh.source_vertices += source;
        let world = to_world_polygon(polygon);
        let world = if source > MAX_MESH_VERTICES {
            simplify_to_budget(&world, MAX_MESH_VERTICES)
        } else {
            world
        };
        mesh.mesh_vertices += world.coords_count();
        let raw = world.earcut_triangles_raw();
        let base = mesh.vertices.len() as u32;
        mesh.vertices.extend(
            raw.vertices
                .iter()
                .map(|v| [(v[0] - origin[0]) as f32, (v[1] - origin[1]) as f32]),
        );
        mesh.indices
            .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
        for ring in std::iter::once(world.exterior()).chain(world.interiors()) {
            mesh.rings.push(
                ring.0
                    .iter()
                    .map(|c| [(c.x - origin[0]) as f32, (c.y - origin[1]) as f32])
                    .collect(),
            );
        }
    }
    mesh
}

fn to_world_polygon(polygon: &Polygon<f64>) -> Polygon<f64> {
    use geo::MapCoords;
    polygon.map_coords(|c| {
        let w = to_world(c.x, c.y);
        geo::Coord { x: w[0], y: w[1] }
    })
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

impl MeshStats {
    pub fn of(meshes: &[ZoneMesh]) -> Self {
        Self {
            zones: meshes.len(),
            triangles: meshes.iter().map(|m| m.indices.len() / 3).sum(),
            simplified: meshes.iter().filter(|m| m.was_simplified()).count(),
        }
    }
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

    #[test]
    fn concave_polygon_with_hole_is_fully_covered() {
        // An L-shaped zone (concave) with a square hole.
        let p = polygon!(
            exterior: [(x: 5.0, y: 47.0), (x: 5.02, y: 47.0), (x: 5.02, y: 47.01), (x: 5.01, y: 47.01),
                       (x: 5.01, y: 47.02), (x: 5.0, y: 47.02), (x: 5.0, y: 47.0)],
            interiors: [[(x: 5.002, y: 47.002), (x: 5.004, y: 47.002), (x: 5.004, y: 47.004),
                         (x: 5.002, y: 47.004), (x: 5.002, y: 47.002)]],
        );
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
        assert_eq!(mesh.rings.len(), 2);
        assert!(!mesh.was_simplified());
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
        assert!(mesh.mesh_vertices <= MAX_MESH_VERTICES);
        assert!(!mesh.indices.is_empty());
    }
}
