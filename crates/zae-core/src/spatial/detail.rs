//! Detailed zone meshes (the bands past [`STORED_BANDS`]), built on demand for the zones in
//! view, on a worker thread, and kept in a cache bounded by a vertex budget (least recently
//! drawn go first). At 100,000 zones the detailed bands are half of all mesh memory, while a view
//! close enough to need them shows a few thousand zones at most.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};

use geo::MultiPolygon;

use super::mesh::{STORED_BANDS, ZoneMesh, build_band_mesh};
use super::mesh_summary::BandSummary;
use crate::jobs::{Job, Waker, Worker};

/// Cached detail meshes are trimmed past this many vertices (~20 bytes each with indices): ten
/// frames' worth of shapes at the frame's fill budget.
pub const DETAIL_VERTEX_BUDGET: usize = 1_000_000;
/// Requests sent per frame at most (the rest wait for the next frames).
const MAX_REQUESTS_PER_FRAME: usize = 4_000;

static DETAIL_BUILDS: AtomicUsize = AtomicUsize::new(0);

/// Detail meshes built since the program started (tests check panning builds none twice).
pub fn detail_builds() -> usize {
    DETAIL_BUILDS.load(Ordering::Relaxed)
}

struct Request {
    generation: u64,
    zone: usize,
    band: usize,
    geometry: MultiPolygon<f64>,
}

struct Built {
    generation: u64,
    zone: usize,
    band: usize,
    mesh: ZoneMesh,
}

struct Entry {
    mesh: ZoneMesh,
    /// What the frame's outline budget needs of it (counted once, when it arrives).
    summary: BandSummary,
    /// The frame it was last drawn in.
    used: Cell<u64>,
}

/// The cache, the worker's channels, and what is on its way.
pub struct DetailMeshes {
    /// Bumped when the zones change: results for older zones are dropped.
    generation: u64,
    frame: u64,
    cache: HashMap<(usize, usize), Entry>,
    pending: HashSet<(usize, usize)>,
    vertices: usize,
    budget: usize,
    /// The requests' channel and the job building them (the app's one job runner: a panic
    /// in it is reported and ends it; the next request starts a new one).
    worker: Option<(Sender<Request>, Job<Built>)>,
    /// Called by the worker after each mesh (the app asks for a repaint).
    wake: Waker,
}

impl Default for DetailMeshes {
    fn default() -> Self {
        Self::new(DETAIL_VERTEX_BUDGET, Arc::new(|| {}))
    }
}

impl DetailMeshes {
    pub fn new(budget: usize, wake: Arc<dyn Fn() + Send + Sync>) -> Self {
        Self {
            generation: 0,
            frame: 0,
            cache: HashMap::new(),
            pending: HashSet::new(),
            vertices: 0,
            budget,
            worker: None,
            wake,
        }
    }

    /// The zones changed (a file opened, closed or reloaded): forget every mesh.
    pub fn clear(&mut self) {
        self.generation += 1;
        self.cache.clear();
        self.pending.clear();
        self.vertices = 0;
    }

    /// The detail mesh of `zone` at `band` with its summary (what the frame's outline budget
    /// needs of it), if built; marks it drawn in this frame.
    pub fn get(&self, zone: usize, band: usize) -> Option<(&ZoneMesh, &BandSummary)> {
        let entry = self.cache.get(&(zone, band))?;
        entry.used.set(self.frame);
        Some((&entry.mesh, &entry.summary))
    }

    pub fn len(&self) -> usize {
        self.cache.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cache.is_empty()
    }

    /// Vertices held now.
    pub fn vertices(&self) -> usize {
        self.vertices
    }

    /// Meshes asked for and not back yet.
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Builds the mesh now, on this thread (benches and tools).
    pub fn build_now(&mut self, zone: usize, band: usize, geometry: &MultiPolygon<f64>) {
        DETAIL_BUILDS.fetch_add(1, Ordering::Relaxed);
        let mesh = build_band_mesh(geometry, band);
        self.insert(zone, band, mesh);
    }

    /// Asks the worker for the meshes of `wanted` zones at `band` (those not cached or on their
    /// way); `geometry` gives a zone's outline.
    pub fn request(
        &mut self,
        wanted: &[usize],
        band: usize,
        geometry: impl Fn(usize) -> Option<MultiPolygon<f64>>,
    ) {
        if band < STORED_BANDS {
            return;
        }
        let mut sent = 0;
        for &zone in wanted {
            if sent >= MAX_REQUESTS_PER_FRAME {
                break;
            }
            let key = (zone, band);
            if self.cache.contains_key(&key) || self.pending.contains(&key) {
                continue;
            }
            let Some(geometry) = geometry(zone) else {
                continue;
            };
            let request = Request {
                generation: self.generation,
                zone,
                band,
                geometry,
            };
            let sending = match self.sender() {
                Some(tx) => tx.send(request).map_err(|e| e.0),
                None => Err(request),
            };
            match sending {
                Ok(()) => {
                    self.pending.insert(key);
                    sent += 1;
                }
                Err(request) => {
                    // No worker (it could not start, or it stopped): build here.
                    self.worker = None;
                    self.build_now(zone, band, &request.geometry);
                }
            }
        }
    }

    /// Takes in what the worker built, then trims the cache. Call once a frame, after drawing;
    /// returns true when new meshes arrived.
    pub fn end_frame(&mut self) -> bool {
        let mut arrived = Vec::new();
        if let Some((_, job)) = &mut self.worker {
            let drained = job.drain();
            arrived = drained.messages;
            if drained.over {
                // It stopped (a panic, logged by the job): what was on its way is asked for
                // again by the next frames, from a new worker.
                self.worker = None;
                self.pending.clear();
            }
        }
        let new = !arrived.is_empty();
        for built in arrived {
            if built.generation == self.generation {
                self.pending.remove(&(built.zone, built.band));
                self.insert(built.zone, built.band, built.mesh);
            }
        }
        self.trim();
        self.frame += 1;
        new
    }

    fn insert(&mut self, zone: usize, band: usize, mesh: ZoneMesh) {
        self.vertices += mesh.vertices.len();
        let entry = Entry {
            summary: BandSummary::of(&mesh, band),
            mesh,
            used: Cell::new(self.frame),
        };
        if let Some(old) = self.cache.insert((zone, band), entry) {
            self.vertices -= old.mesh.vertices.len();
        }
    }

    /// Past the budget, drops the meshes drawn longest ago (never those of this frame).
    fn trim(&mut self) {
        if self.vertices <= self.budget {
            return;
        }
        let mut by_age: Vec<((usize, usize), u64, usize)> = self
            .cache
            .iter()
            .filter(|(_, e)| e.used.get() < self.frame)
            .map(|(k, e)| (*k, e.used.get(), e.mesh.vertices.len()))
            .collect();
        by_age.sort_by_key(|&(_, used, _)| used);
        let target = self.budget / 10 * 9;
        for (key, _, n) in by_age {
            if self.vertices <= target {
                break;
            }
            self.cache.remove(&key);
            self.vertices -= n;
        }
    }

    fn sender(&mut self) -> Option<&Sender<Request>> {
        if self.worker.is_none() {
            let (tx, requests) = channel::<Request>();
            let work = move |worker: &Worker<Built>| {
                // Ends when the cache is dropped (the requests' sender goes with it).
                for r in requests {
                    if worker.cancelled() {
                        return;
                    }
                    DETAIL_BUILDS.fetch_add(1, Ordering::Relaxed);
                    let mesh = build_band_mesh(&r.geometry, r.band);
                    let built = Built {
                        generation: r.generation,
                        zone: r.zone,
                        band: r.band,
                        mesh,
                    };
                    if !worker.send(built) {
                        return;
                    }
                }
            };
            match Job::start("detail-meshes", String::new(), self.wake.clone(), work) {
                Ok(job) => self.worker = Some((tx, job)),
                Err(e) => {
                    log::warn!("{e}; detail meshes are built on the interface's thread");
                    return None;
                }
            }
        }
        self.worker.as_ref().map(|(tx, _)| tx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    fn square(x: f64) -> MultiPolygon<f64> {
        MultiPolygon(vec![polygon![
            (x: x, y: 47.0),
            (x: x + 0.01, y: 47.0),
            (x: x + 0.01, y: 47.01),
            (x: x, y: 47.01),
            (x: x, y: 47.0),
        ]])
    }

    fn wait(d: &mut DetailMeshes) {
        let start = std::time::Instant::now();
        while d.pending() > 0 {
            assert!(start.elapsed().as_secs() < 10, "worker answered");
            std::thread::sleep(std::time::Duration::from_millis(5));
            d.end_frame();
        }
    }

    #[test]
    fn meshes_come_from_the_worker_and_match_a_fresh_build() {
        let zones: Vec<_> = (0..5).map(|i| square(5.0 + i as f64 * 0.02)).collect();
        let mut d = DetailMeshes::default();
        d.request(&[0, 1, 2], 4, |i| zones.get(i).cloned());
        assert_eq!(d.pending(), 3);
        // Asked twice, sent once.
        d.request(&[0, 1, 2], 4, |i| zones.get(i).cloned());
        assert_eq!(d.pending(), 3);
        wait(&mut d);
        assert_eq!(d.len(), 3);
        for (i, zone) in zones.iter().enumerate().take(3) {
            let mesh = build_band_mesh(zone, 4);
            let summary = BandSummary::of(&mesh, 4);
            assert_eq!(d.get(i, 4), Some((&mesh, &summary)));
        }
        assert!(d.get(3, 4).is_none());
        // Stored bands are never asked of the worker.
        d.request(&[4], 1, |i| zones.get(i).cloned());
        assert_eq!(d.pending(), 0);
    }

    #[test]
    fn results_for_replaced_zones_are_dropped() {
        let zones: Vec<_> = (0..3).map(|i| square(5.0 + i as f64 * 0.02)).collect();
        let mut d = DetailMeshes::default();
        d.request(&[0, 1, 2], 3, |i| zones.get(i).cloned());
        d.clear();
        std::thread::sleep(std::time::Duration::from_millis(50));
        d.end_frame();
        assert!(d.is_empty());
        assert_eq!(d.vertices(), 0);
    }

    #[test]
    fn the_budget_drops_the_meshes_drawn_longest_ago() {
        let zones: Vec<_> = (0..10).map(|i| square(5.0 + i as f64 * 0.02)).collect();
        // Each square has 4 vertices: room for 5 meshes.
        let mut d = DetailMeshes::new(20, Arc::new(|| {}));
        for (i, zone) in zones.iter().enumerate().take(5) {
            d.build_now(i, 4, zone);
        }
        d.end_frame();
        // Zones 0 and 1 drawn again, then five more built.
        d.get(0, 4);
        d.get(1, 4);
        d.end_frame();
        for (i, zone) in zones.iter().enumerate().skip(5) {
            d.build_now(i, 4, zone);
        }
        d.end_frame();
        assert!(d.vertices() <= 20, "{} vertices", d.vertices());
        assert!(d.get(9, 4).is_some(), "the newest stay");
        assert!(d.get(2, 4).is_none(), "the oldest went first");
    }
}
