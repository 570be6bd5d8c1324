//! Levels of outline vertices, for drawing every outline in view coarser alike when a frame
//! has more outline points than it can stroke.
//!
//! Each vertex of a mesh's rings gets, once when the mesh is built, the Douglas–Peucker
//! tolerance at which it would be left out (never more than the tolerance of the split that
//! made it, so that the vertices kept at any tolerance are those Douglas–Peucker keeps), on a
//! log scale in one byte. A frame then draws every outline with the vertices at or above one
//! level: a coarser outline for all, with no simplification per frame.

/// The level of a ring's corner vertices, kept at any tolerance: at least a quadrilateral of
/// each ring (its first vertex, the one farthest from it, and the farthest on either side).
pub const KEEP: u8 = u8::MAX;

/// Levels per doubling of the tolerance.
const STEPS_PER_OCTAVE: f64 = 4.0;
/// Tolerances from 2⁻⁴⁸ world units (a hundredth of a micrometre) up.
const LOWEST_OCTAVE: f64 = -48.0;

/// The level of a vertex that Douglas–Peucker leaves out below a tolerance of `distance` world
/// units: 0 for none (a vertex on a straight line), 1..=254 on a log scale.
pub fn level_of(distance: f64) -> u8 {
    if distance.is_nan() || distance <= 0.0 {
        return 0;
    }
    let level = ((distance.log2() - LOWEST_OCTAVE) * STEPS_PER_OCTAVE).floor();
    level.clamp(1.0, f64::from(KEEP - 1)) as u8
}

/// The lowest level kept when outlines are drawn simplified at `tolerance` world units.
pub fn threshold(tolerance: f64) -> u8 {
    if tolerance.is_nan() || tolerance <= 0.0 {
        0
    } else {
        level_of(tolerance)
    }
}

/// The levels of every ring vertex of a mesh (`ring_ends` as in `ZoneMesh`).
pub fn ring_levels(vertices: &[[f32; 2]], ring_ends: &[u32]) -> Vec<u8> {
    let mut levels = vec![KEEP; vertices.len()];
    let mut start = 0usize;
    for &end in ring_ends {
        let end = (end as usize).min(vertices.len());
        if let (Some(ring), Some(out)) = (vertices.get(start..end), levels.get_mut(start..end)) {
            ring_levels_into(ring, out);
        }
        start = end;
    }
    levels
}

fn distance_to_segment(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f64 {
    let [px, py, ax, ay, bx, by] = [p[0], p[1], a[0], a[1], b[0], b[1]].map(f64::from);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (cx, cy) = (ax + t * dx - px, ay + t * dy - py);
    (cx * cx + cy * cy).sqrt()
}

/// One closed ring (no closing repeat): Douglas–Peucker from its first vertex and the vertex
/// farthest from it, each split's vertex getting the smaller of its distance and its parent's.
fn ring_levels_into(ring: &[[f32; 2]], levels: &mut [u8]) {
    let n = ring.len();
    levels.fill(KEEP);
    if n <= 4 {
        return;
    }
    let first = ring[0];
    let far = (1..n)
        .max_by(|&a, &b| {
            let d = |i: usize| {
                let [x, y] = [ring[i][0] - first[0], ring[i][1] - first[1]];
                f64::from(x).hypot(f64::from(y))
            };
            d(a).total_cmp(&d(b))
        })
        .unwrap_or(1);
    // Spans (from, to, parent level); `to == n` stands for vertex 0 again.
    let mut spans: Vec<(usize, usize, u8, bool)> = vec![(0, far, KEEP, true), (far, n, KEEP, true)];
    while let Some((from, to, parent, corner)) = spans.pop() {
        if to <= from + 1 {
            continue;
        }
        let (a, b) = (ring[from], ring[to % n]);
        let (mut best, mut best_d) = (from + 1, -1.0);
        for (k, &p) in ring.iter().enumerate().take(to).skip(from + 1) {
            let d = distance_to_segment(p, a, b);
            if d > best_d {
                (best, best_d) = (k, d);
            }
        }
        let level = if corner {
            KEEP
        } else {
            level_of(best_d).min(parent)
        };
        levels[best] = level;
        spans.push((from, best, level, false));
        spans.push((best, to, level, false));
    }
}

/// The tolerance (world units) a threshold stands for.
pub fn tolerance_of(threshold: u8) -> f64 {
    (f64::from(threshold) / STEPS_PER_OCTAVE + LOWEST_OCTAVE).exp2()
}

/// The points of a ring kept at `threshold` (see [`threshold`]).
pub fn kept(ring: &[[f32; 2]], levels: &[u8], threshold: u8) -> impl Iterator<Item = [f32; 2]> {
    ring.iter()
        .zip(levels)
        .filter(move |&(_, &l)| l >= threshold)
        .map(|(p, _)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wiggly circle of `n` vertices, radius 1e-4 world units (about 4 km).
    fn wiggly(n: usize) -> Vec<[f32; 2]> {
        (0..n)
            .map(|k| {
                let a = k as f64 / n as f64 * std::f64::consts::TAU;
                let r = 1e-4 * (1.0 + 0.05 * (a * 9.0).sin() + 0.002 * (a * 97.0).sin());
                [(r * a.cos()) as f32, (r * a.sin()) as f32]
            })
            .collect()
    }

    #[test]
    fn coarser_thresholds_keep_fewer_points_and_always_a_quadrilateral() {
        let ring = wiggly(400);
        let levels = ring_levels(&ring, &[400]);
        assert_eq!(levels.len(), 400);
        assert_eq!(levels.iter().filter(|&&l| l == KEEP).count(), 4);
        let counts: Vec<usize> = [0.0, 1e-8, 1e-7, 1e-6, 1e-5, 1e-3]
            .iter()
            .map(|&t| kept(&ring, &levels, threshold(t)).count())
            .collect();
        assert_eq!(counts[0], 400);
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(counts[3] < 100, "{counts:?}");
        assert_eq!(counts[5], 4, "{counts:?}");
    }

    #[test]
    fn kept_points_stay_within_the_tolerance_of_the_ring() {
        // What Douglas–Peucker promises: every left-out vertex is within the tolerance (and one
        // level's rounding) of the simplified ring.
        let ring = wiggly(300);
        let levels = ring_levels(&ring, &[300]);
        for tolerance in [1e-7, 1e-6, 4e-6] {
            let keep = threshold(tolerance);
            let idx: Vec<usize> = (0..ring.len()).filter(|&i| levels[i] >= keep).collect();
            for (w, &from) in idx.iter().enumerate() {
                let to = idx.get(w + 1).copied().unwrap_or(ring.len());
                for k in from + 1..to {
                    let d = distance_to_segment(ring[k], ring[from], ring[to % ring.len()]);
                    assert!(d < tolerance * 1.2, "vertex {k}: {d} > {tolerance}");
                }
            }
        }
    }

    #[test]
    fn each_ring_gets_its_own_levels_and_small_rings_keep_everything() {
        let mut vertices = wiggly(50);
        vertices.extend([[0.0, 0.0], [1e-5, 0.0], [1e-5, 1e-5]]);
        let levels = ring_levels(&vertices, &[50, 53]);
        assert_eq!(&levels[50..], &[KEEP; 3]);
        assert_eq!(levels[..50].iter().filter(|&&l| l == KEEP).count(), 4);
        assert_eq!(level_of(0.0), 0);
        assert!(level_of(1e-6) < level_of(2e-6));
        assert_eq!(threshold(0.0), 0);
    }
}
