//! Two inventories of activity zones, before and after, generated deterministically for the
//! comparison benchmarks (benches/diff.rs says what changes between them).

use std::fmt::Write;

use super::Rng;

pub const PLOTS_PER_ZONE: usize = 10;
const M_PER_DEG_LAT: f64 = 111_320.0;

/// A star-shaped closed ring around (lon, lat) of `n` vertices and radius about `r` metres,
/// grown by `grow`; the same for the same `seed`.
fn star(seed: u64, lon: f64, lat: f64, n: usize, r: f64, grow: f64, out: &mut String) {
    let rng = &mut Rng::new(seed);
    let m_per_deg_lon = M_PER_DEG_LAT * lat.to_radians().cos();
    let phase = rng.range(0.0, std::f64::consts::TAU);
    let mut ring = String::from("[[");
    let mut first = String::new();
    for k in 0..n {
        let a = std::f64::consts::TAU * (k as f64 + 0.5) / n as f64;
        let radius =
            r * grow * (0.75 + 0.2 * (3.0 * a + phase).sin() + 0.05 * rng.range(-1.0, 1.0));
        let x = lon + radius * a.cos() / m_per_deg_lon;
        let y = lat + radius * a.sin() / M_PER_DEG_LAT;
        let point = format!("[{x:.7},{y:.7}]");
        if k == 0 {
            first = point.clone();
        }
        ring.push_str(&point);
        ring.push(',');
    }
    ring.push_str(&first);
    ring.push_str("]]");
    out.push_str(&ring);
}

/// A rectangle of `w` × `h` metres with its south-west corner at (lon, lat).
fn rect(lon: f64, lat: f64, w: f64, h: f64) -> String {
    let m_per_deg_lon = M_PER_DEG_LAT * lat.to_radians().cos();
    let (x1, y1) = (lon + w / m_per_deg_lon, lat + h / M_PER_DEG_LAT);
    format!(
        "[[[{lon:.7},{lat:.7}],[{x1:.7},{lat:.7}],[{x1:.7},{y1:.7}],[{lon:.7},{y1:.7}],[{lon:.7},{lat:.7}]]]"
    )
}

pub struct Texts {
    pub sites: String,
    pub plots: String,
}

impl Texts {
    fn new() -> Self {
        let start = r#"{"type":"FeatureCollection","features":["#;
        Self {
            sites: start.into(),
            plots: start.into(),
        }
    }
    fn site(&mut self, id: &str, name: &str, state: &str, jobs: u64, geometry: &str) {
        if !self.sites.ends_with('[') {
            self.sites.push(',');
        }
        let _ = write!(
            self.sites,
            r#"{{"type":"Feature","properties":{{"site_id":"{id}","site_nom":"{name}","site_etat":"{state}","site_vocadomi":"industrielle","site_surf_brute":12.5,"site_nb_emploi":{jobs}}},"geometry":{{"type":"Polygon","coordinates":{geometry}}}}}"#
        );
    }
    fn plot(&mut self, id: &str, site: &str, stage: &str, occupation: &str, geometry: &str) {
        if !self.plots.ends_with('[') {
            self.plots.push(',');
        }
        let _ = write!(
            self.plots,
            r#"{{"type":"Feature","properties":{{"terr_id":"{id}","site_id":"{site}","terr_stade_comm":"{stage}","terr_etat_occup":"{occupation}","terr_surf_brute":0.01}},"geometry":{{"type":"Polygon","coordinates":{geometry}}}}}"#
        );
    }
    fn finish(&mut self) {
        self.sites.push_str("]}");
        self.plots.push_str("]}");
    }
}

/// Before and after inventories of `n` zones (and `n / 100` zones added after).
pub fn inventories(n: usize, seed: u64) -> (Texts, Texts) {
    let mut rng = Rng::new(seed);
    let (mut before, mut after) = (Texts::new(), Texts::new());
    for i in 0..n + n / 100 {
        let added = i >= n;
        // Spread out, so that zones seldom overlap (as in a real inventory).
        let lon = rng.range(4.50, 5.60);
        let lat = rng.range(47.00, 47.70);
        let vertices = 20 + (rng.next_u64() % 41) as usize;
        let r = rng.range(80.0, 200.0);
        let shape = rng.next_u64();
        let jobs = rng.next_u64() % 5_000;
        let id = if added {
            format!("NEW_{i:06}")
        } else {
            format!("BENCH_{i:06}")
        };
        let mut outline = String::new();
        star(shape, lon, lat, vertices, r, 1.0, &mut outline);
        let mut after_outline = outline.clone();
        if i % 100 == 3 && !added {
            after_outline.clear();
            star(shape, lon, lat, vertices, r, 1.3, &mut after_outline);
        }
        if !added {
            before.site(&id, &format!("Parc {i}"), "existant", jobs, &outline);
        }
        if i % 100 != 0 || added {
            let name = if i % 100 == 1 {
                format!("Parc {i} renommé")
            } else {
                format!("Parc {i}")
            };
            let state = if i % 100 == 4 {
                "en extension"
            } else {
                "existant"
            };
            let jobs = if i % 100 == 2 { jobs + 10 } else { jobs };
            after.site(&id, &name, state, jobs, &after_outline);
        }
        // Plots: a grid of 10 m squares near the zone's centre.
        for j in 0..PLOTS_PER_ZONE {
            let p = i * PLOTS_PER_ZONE + j;
            let (gx, gy) = ((j % 5) as f64 * 12.0 - 30.0, (j / 5) as f64 * 12.0 - 12.0);
            let m_per_deg_lon = M_PER_DEG_LAT * lat.to_radians().cos();
            let (px, py) = (lon + gx / m_per_deg_lon, lat + gy / M_PER_DEG_LAT);
            let pid = format!("T_{p:07}");
            let geometry = rect(px, py, 10.0, 10.0);
            let stage = if p.is_multiple_of(3) {
                "en vente"
            } else {
                "vendu"
            };
            let stage = if p % 100 == 5 { "en vente" } else { stage };
            if !added {
                before.plot(&pid, &id, stage, "occupé", &geometry);
            }
            if i % 100 == 0 && !added {
                continue;
            }
            match p % 100 {
                5 => after.plot(&pid, &id, "vendu", "occupé", &geometry),
                6 if !added => {}
                7 => after.plot(&pid, &id, stage, "vacant", &geometry),
                8 if !added => {
                    after.plot(
                        &format!("{pid}_A"),
                        &id,
                        stage,
                        "occupé",
                        &rect(px, py, 5.0, 10.0),
                    );
                    let east = px + 5.0 / m_per_deg_lon;
                    after.plot(
                        &format!("{pid}_B"),
                        &id,
                        stage,
                        "occupé",
                        &rect(east, py, 5.0, 10.0),
                    );
                }
                9 if !added => after.plot(&format!("R_{p:07}"), &id, stage, "occupé", &geometry),
                _ => after.plot(&pid, &id, stage, "occupé", &geometry),
            }
        }
    }
    before.finish();
    after.finish();
    (before, after)
}
