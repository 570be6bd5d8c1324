//! Deterministic synthetic business parks around Dijon for the benchmarks (same spirit as
//! ../shared/tools/gen_parks.py): star-shaped concave polygons of 20–200 vertices, radius
//! 80–700 m, about 5% multipolygons and 5% with holes, CNIG-like properties.

#![allow(dead_code)]

use std::fmt::Write;

pub mod inventory;

/// xorshift64*: small, seeded, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in [lo, hi).
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const M_PER_DEG_LAT: f64 = 111_320.0;

/// A star-shaped ring (closed) around (lon, lat), counter-clockwise unless `cw`.
fn ring(rng: &mut Rng, lon: f64, lat: f64, n: usize, r_max_m: f64, cw: bool, out: &mut String) {
    let m_per_deg_lon = M_PER_DEG_LAT * lat.to_radians().cos();
    let lobes = 2.0 + (rng.next_u64() % 5) as f64;
    let phase = rng.range(0.0, std::f64::consts::TAU);
    out.push('[');
    let mut first = None;
    for k in 0..n {
        let kk = if cw { n - 1 - k } else { k };
        let a = std::f64::consts::TAU * (kk as f64 + 0.5) / n as f64;
        let r = r_max_m * (0.65 + 0.25 * (lobes * a + phase).sin() + 0.1 * rng.range(-1.0, 1.0));
        let x = lon + r * a.cos() / m_per_deg_lon;
        let y = lat + r * a.sin() / M_PER_DEG_LAT;
        let _ = write!(out, "[{x:.7},{y:.7}],");
        first.get_or_insert((x, y));
    }
    if let Some((x, y)) = first {
        let _ = write!(out, "[{x:.7},{y:.7}]");
    }
    out.push(']');
}

fn polygon(rng: &mut Rng, lon: f64, lat: f64, with_hole: bool, out: &mut String) {
    let n = 20 + (rng.next_u64() % 181) as usize;
    let r = rng.range(80.0, 700.0);
    out.push('[');
    ring(rng, lon, lat, n, r, false, out);
    if with_hole {
        out.push(',');
        ring(rng, lon, lat, 12, r * 0.2, true, out);
    }
    out.push(']');
}

/// A GeoJSON FeatureCollection of `n` parks, the same for the same seed.
pub fn parks_geojson(n: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(n * 3_200);
    out.push_str(r#"{"type":"FeatureCollection","features":["#);
    for i in 0..n {
        if i > 0 {
            out.push(',');
        }
        let lon = rng.range(4.90, 5.20);
        let lat = rng.range(47.20, 47.45);
        let kind = rng.next_u64() % 20;
        let _ = write!(
            out,
            r#"{{"type":"Feature","id":{i},"properties":{{"site_id":"BENCH_{i:06}","site_nom":"Parc {i}","site_comm_nom":"Dijon","site_vocadomi":"{}","site_surf_brute":{:.1},"site_nb_emploi":{},"tenants":[{{"name":"Entreprise {i} SAS","activity":"logistique"}}]}},"geometry":"#,
            [
                "industrielle",
                "commerciale",
                "tertiaire",
                "mixte",
                "artisanale"
            ][i % 5],
            rng.range(1.0, 300.0),
            rng.next_u64() % 5_000
        );
        match kind {
            0 => {
                out.push_str(r#"{"type":"MultiPolygon","coordinates":["#);
                polygon(&mut rng, lon, lat, false, &mut out);
                out.push(',');
                polygon(&mut rng, lon + 0.02, lat + 0.01, false, &mut out);
                out.push_str("]}");
            }
            _ => {
                out.push_str(r#"{"type":"Polygon","coordinates":"#);
                polygon(&mut rng, lon, lat, kind == 1, &mut out);
                out.push('}');
            }
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}
