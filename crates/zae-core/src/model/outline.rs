//! A zone's outline kept compact and exact. A hundred thousand zones of a hundred vertices hold
//! twenty million coordinates: as `f64` pairs inside `geo`'s nested vectors that is about 190 MB,
//! more than half of what the loaded data weighs. Coordinates as written in files are short
//! decimals (5.1800706, 47.3794335), so they are kept as the integers behind those decimals,
//! each stored as its difference from the previous vertex in a variable-length integer: two to
//! three bytes instead of eight, and nothing lost. Coordinates that are not short decimals
//! (reprojected from Lambert-93, say) are kept as they are.
//!
//! The outline is decoded to a `geo::MultiPolygon` where one is needed: hit tests decode the
//! few candidates under the pointer, mesh builds one zone at a time.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use integer_encoding::VarInt;

/// Up to this many decimal digits are tried (1e-9 degree is 0.1 mm).
const MAX_DIGITS: i32 = 9;

#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    /// The shape: number of polygons, then for each polygon its number of rings followed by
    /// the number of points of each ring (exterior first).
    shape: Box<[u32]>,
    coords: Coords,
}

#[derive(Clone, Debug, PartialEq)]
enum Coords {
    /// Every coordinate is `n / 10^digits` exactly, for an integer `n`; the integers are
    /// stored as zigzag variable-length differences from the previous vertex (x then y).
    Decimal { digits: u8, bytes: Box<[u8]> },
    /// Coordinates that are not short decimals, as they are.
    Raw(Box<[[f64; 2]]>),
}

impl Outline {
    pub fn new(geometry: &MultiPolygon<f64>) -> Self {
        let mut shape = vec![geometry.0.len() as u32];
        let mut coords: Vec<Coord<f64>> = Vec::new();
        for polygon in &geometry.0 {
            shape.push(1 + polygon.interiors().len() as u32);
            for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
                shape.push(ring.0.len() as u32);
                coords.extend_from_slice(&ring.0);
            }
        }
        let coords = match decimal_digits(&coords) {
            Some(digits) => {
                let scale = 10f64.powi(digits);
                let mut bytes = Vec::with_capacity(coords.len() * 5);
                let mut previous = (0i64, 0i64);
                let mut buf = [0u8; 10];
                for c in &coords {
                    let n = ((c.x * scale).round() as i64, (c.y * scale).round() as i64);
                    for d in [n.0.wrapping_sub(previous.0), n.1.wrapping_sub(previous.1)] {
                        let len = d.encode_var(&mut buf);
                        bytes.extend_from_slice(&buf[..len]);
                    }
                    previous = n;
                }
                Coords::Decimal {
                    digits: digits as u8,
                    bytes: bytes.into_boxed_slice(),
                }
            }
            None => Coords::Raw(coords.iter().map(|c| [c.x, c.y]).collect()),
        };
        Self {
            shape: shape.into_boxed_slice(),
            coords,
        }
    }

    /// The outline as a `geo` multipolygon, exactly as it was given.
    pub fn to_multi_polygon(&self) -> MultiPolygon<f64> {
        let mut points = self.points();
        let mut shape = self.shape.iter().copied();
        let polygons = shape.next().unwrap_or(0);
        let mut out = Vec::with_capacity(polygons as usize);
        for _ in 0..polygons {
            let rings = shape.next().unwrap_or(0);
            let mut ring_list: Vec<LineString<f64>> = (0..rings)
                .map(|_| {
                    let n = shape.next().unwrap_or(0) as usize;
                    LineString((&mut points).take(n).collect())
                })
                .collect();
            if ring_list.is_empty() {
                continue;
            }
            let exterior = ring_list.remove(0);
            out.push(Polygon::new(exterior, ring_list));
        }
        MultiPolygon(out)
    }

    /// Whether the point is inside an exterior ring and inside none of its holes, by counting
    /// each ring's crossings of a ray from it, on the stored points without building the multipolygon:
    /// the hover test runs on every candidate under the pointer.
    pub fn contains(&self, p: Coord<f64>) -> bool {
        let crosses = |a: Coord<f64>, b: Coord<f64>| {
            (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
        };
        let mut points = self.points();
        let mut shape = self.shape.iter().map(|&n| n as usize);
        let polygons = shape.next().unwrap_or(0);
        for _ in 0..polygons {
            let rings = shape.next().unwrap_or(0);
            // Inside the exterior ring and inside none of the holes.
            let mut inside = false;
            for ring in 0..rings {
                let n = shape.next().unwrap_or(0);
                let (mut first, mut previous, mut in_ring) = (None, None, false);
                for c in (&mut points).take(n) {
                    match previous {
                        Some(a) => in_ring ^= crosses(a, c),
                        None => first = Some(c),
                    }
                    previous = Some(c);
                }
                if let (Some(a), Some(b)) = (previous, first) {
                    in_ring ^= crosses(a, b);
                }
                if ring == 0 {
                    inside = in_ring;
                } else if in_ring {
                    inside = false;
                }
            }
            if inside {
                return true;
            }
        }
        false
    }

    /// Number of vertices (closing points included).
    pub fn vertex_count(&self) -> usize {
        match &self.coords {
            Coords::Raw(c) => c.len(),
            Coords::Decimal { .. } => {
                let mut shape = self.shape.iter().copied().map(|n| n as usize);
                let polygons = shape.next().unwrap_or(0);
                let mut count = 0;
                for _ in 0..polygons {
                    let rings = shape.next().unwrap_or(0);
                    count += (&mut shape).take(rings).sum::<usize>();
                }
                count
            }
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.shape.len() * 4
            + match &self.coords {
                Coords::Decimal { bytes, .. } => bytes.len(),
                Coords::Raw(c) => c.len() * 16,
            }
    }

    /// True when kept as decimals (not as raw floating-point numbers).
    pub fn is_decimal(&self) -> bool {
        matches!(self.coords, Coords::Decimal { .. })
    }

    fn points(&self) -> Box<dyn Iterator<Item = Coord<f64>> + '_> {
        match &self.coords {
            Coords::Raw(c) => Box::new(c.iter().map(|&[x, y]| Coord { x, y })),
            Coords::Decimal { digits, bytes } => {
                let scale = 10f64.powi(i32::from(*digits));
                let mut rest: &[u8] = bytes;
                let mut previous = (0i64, 0i64);
                Box::new(std::iter::from_fn(move || {
                    let (dx, a) = i64::decode_var(rest)?;
                    let (dy, b) = i64::decode_var(rest.get(a..)?)?;
                    rest = rest.get(a + b..)?;
                    previous = (previous.0.wrapping_add(dx), previous.1.wrapping_add(dy));
                    Some(Coord {
                        x: previous.0 as f64 / scale,
                        y: previous.1 as f64 / scale,
                    })
                }))
            }
        }
    }
}

/// The fewest decimal digits that give back every coordinate exactly (to the bit) through the
/// decoder's own arithmetic, if some number up to [`MAX_DIGITS`] does.
fn decimal_digits(coords: &[Coord<f64>]) -> Option<i32> {
    // Integers stay exact in an f64 up to 2^53.
    const LIMIT: f64 = 9_007_199_254_740_992.0;
    'digits: for digits in 0..=MAX_DIGITS {
        let scale = 10f64.powi(digits);
        for c in coords {
            for v in [c.x, c.y] {
                let n = (v * scale).round();
                if !n.is_finite()
                    || n.abs() >= LIMIT
                    || ((n as i64) as f64 / scale).to_bits() != v.to_bits()
                {
                    continue 'digits;
                }
            }
        }
        return Some(digits);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn two_parts() -> MultiPolygon<f64> {
        MultiPolygon(vec![
            polygon!(
                exterior: [
                    (x: 5.1800706, y: 47.3794335),
                    (x: 5.1802979, y: 47.3795098),
                    (x: 5.1808185, y: 47.3795826),
                    (x: 5.1800706, y: 47.3794335),
                ],
                interiors: [[
                    (x: 5.1801, y: 47.37944),
                    (x: 5.1802, y: 47.37945),
                    (x: 5.18015, y: 47.37946),
                    (x: 5.1801, y: 47.37944),
                ]],
            ),
            polygon![
                (x: -0.5, y: 44.25),
                (x: -0.25, y: 44.25),
                (x: -0.25, y: 44.5),
                (x: -0.5, y: 44.25),
            ],
        ])
    }

    #[test]
    fn short_decimals_are_kept_exactly_in_a_few_bytes() {
        let g = two_parts();
        let outline = Outline::new(&g);
        assert!(outline.is_decimal());
        assert_eq!(outline.to_multi_polygon(), g);
        assert_eq!(outline.vertex_count(), 12);
        // 12 vertices as f64 pairs would be 192 bytes.
        assert!(outline.heap_bytes() < 100, "{}", outline.heap_bytes());
    }

    #[test]
    fn other_numbers_are_kept_as_they_are() {
        let mut g = two_parts();
        // A reprojected coordinate: no short decimal gives it back.
        g.0[1].exterior_mut(|r| r.0[1].x = 5.123_456_789_012_345);
        let outline = Outline::new(&g);
        assert!(!outline.is_decimal());
        assert_eq!(outline.to_multi_polygon(), g);
        // Negative zero comes back bit for bit.
        let mut g = two_parts();
        g.0[1].exterior_mut(|r| r.0[1].y = -0.0);
        let back = Outline::new(&g).to_multi_polygon();
        assert_eq!(back.0[1].exterior().0[1].y.to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn contains_agrees_with_geo_off_the_boundary() {
        use geo::Contains;
        let g = two_parts();
        let outline = Outline::new(&g);
        let mut hits = 0;
        // A grid over both parts and around them (never exactly on an edge).
        for ix in 0..200 {
            for iy in 0..200 {
                let p = Coord {
                    x: -0.6 + ix as f64 * 0.029_137,
                    y: 44.2 + iy as f64 * 0.016_113,
                };
                let q = Coord {
                    x: 5.17995 + ix as f64 * 0.000_004_37,
                    y: 47.37935 + iy as f64 * 0.000_001_23,
                };
                for c in [p, q] {
                    assert_eq!(outline.contains(c), g.contains(&c), "{c:?}");
                    hits += usize::from(outline.contains(c));
                }
            }
        }
        assert!(hits > 1000, "{hits}");
    }

    #[test]
    fn empty_and_degenerate_outlines() {
        let empty = MultiPolygon::<f64>(Vec::new());
        assert_eq!(Outline::new(&empty).to_multi_polygon(), empty);
        assert_eq!(Outline::new(&empty).vertex_count(), 0);
        let big = MultiPolygon(vec![polygon![
            (x: 1e300, y: -1e300),
            (x: 2e300, y: 1e-300),
            (x: 1e300, y: -1e300),
        ]]);
        assert_eq!(Outline::new(&big).to_multi_polygon(), big);
    }
}
