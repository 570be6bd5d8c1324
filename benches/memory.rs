//! Memory with generated parks loaded and drawn: the heap's peak and what stays in use, against
//! the file's size (issue target: peak ≤ 2× the file). A counting global allocator gives exact
//! heap figures, phase by phase: reading and parsing the file, building the band meshes, and the
//! whole app (kittest, CPU tessellation; GPU driver memory is not heap and is not counted here).
//!
//!     cargo bench --bench memory                   # 100,000 parks (~300 MB of GeoJSON)
//!     cargo test --bench memory                    # a 2,000-park smoke run (also under cargo test)
//!
//! (`cargo bench` passes `--bench` to the program itself, so it always runs the full size.)
//! The parse phase is measured twice: the whole-text reader, then `load_file` as the app uses it.

mod common;

use std::sync::atomic::Ordering;

use alloc::PEAK;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use zae_atlas::map::tiles::TileChoice;
use zae_atlas::spatial::build_meshes;
use zae_atlas::{AppConfig, Command, ZaeApp};

#[path = "../tests/common/alloc.rs"]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

fn mib(bytes: i64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Runs `f`, returning its result, the heap's peak above the start, and what stays above it.
fn measure<T>(f: impl FnOnce() -> T) -> (T, i64, i64) {
    let start = alloc::live();
    PEAK.store(start, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed) - start;
    let kept = alloc::live() - start;
    (out, peak, kept)
}

/// One line for a reading phase: its heap peak and what it kept, against the file's size.
fn print_parse(label: &str, (peak, kept): (i64, i64), size: i64, started: Instant) {
    println!(
        "  {label:<20} peak {:>7.1} MiB ({:.2}× file), kept {:>7.1} MiB (zones), {:.2} s",
        mib(peak),
        peak as f64 / size as f64,
        mib(kept),
        started.elapsed().as_secs_f64()
    );
}

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let n = if full { 100_000 } else { 2_000 };
    let dir = tempfile::tempdir().expect("temp dir");
    // ZAE_MEMORY_FILE measures another file instead (e.g. one of ../shared/tools/gen_parks.py).
    let (path, size) = match std::env::var_os("ZAE_MEMORY_FILE") {
        Some(file) => {
            let path = std::path::PathBuf::from(file);
            let size = std::fs::metadata(&path)
                .expect("ZAE_MEMORY_FILE readable")
                .len() as i64;
            (path, size)
        }
        None => {
            let path = dir.path().join("parks.geojson");
            let text = common::parks_geojson(n, 42);
            std::fs::write(&path, &text).expect("write the generated file");
            (path, text.len() as i64)
        }
    };
    println!("memory: {}, file {:.1} MiB", path.display(), mib(size));

    // The whole-text reader first, for comparison (the app used it before the streamed one).
    let started = Instant::now();
    let (whole, peak, kept) = measure(|| {
        let bytes = zae_atlas::io::read_file(&path).expect("readable");
        zae_atlas::io::load_bytes("whole", &bytes, &mut |_| true).expect("loads")
    });
    print_parse("read whole + parse:", (peak, kept), size, started);
    let whole_zones = whole.zones.len();
    drop(whole);
    // As the app reads files: in blocks, the file never held whole.
    let started = Instant::now();
    let (file, peak, kept) =
        measure(|| zae_atlas::io::load_file(&path, &mut |_| true).expect("loads"));
    assert_eq!(file.zones.len(), whole_zones);
    print_parse("read + parse:", (peak, kept), size, started);
    let (meshes, peak, kept) = measure(|| {
        build_meshes(
            file.zones.len(),
            |i| file.zones[i].geometry(),
            zae_atlas::spatial::STORED_BANDS,
            &mut |_| true,
        )
        .expect("meshes")
    });
    println!(
        "  band meshes:         peak {:>7.1} MiB, kept {:>7.1} MiB",
        mib(peak),
        mib(kept)
    );
    // What the meshes hold, band by band (a band of `None` reuses the next one).
    for band in 0..zae_atlas::spatial::BAND_MAX_ZOOM.len() {
        let (mut stored, mut vertices, mut indices) = (0usize, 0usize, 0usize);
        for m in &meshes {
            if let Some(Some(mesh)) = m.0.get(band) {
                stored += 1;
                vertices += mesh.vertices.len();
                indices += mesh.indices.len();
            }
        }
        println!(
            "    band {band}: {stored:>7} meshes stored, {vertices:>9} vertices, {indices:>9} indices"
        );
    }
    let source: usize = file.zones.iter().map(|z| z.outline.vertex_count()).sum();
    let compact: usize = file.zones.iter().map(|z| z.outline.heap_bytes()).sum();
    let decimal = file.zones.iter().filter(|z| z.outline.is_decimal()).count();
    println!(
        "    source outlines: {source} vertices, {:.1} MiB compact ({:.1} bytes a vertex; {:.1} MiB as f64 pairs), {decimal} of {} kept as decimals",
        mib(compact as i64),
        compact as f64 / source.max(1) as f64,
        mib(source as i64 * 16),
        file.zones.len()
    );
    drop(meshes);
    drop(file);

    let (h, peak, kept) = measure(|| {
        let config = AppConfig {
            files: vec![path.clone()],
            tiles: TileChoice::None,
            tile_cache: None,
            ..AppConfig::default()
        };
        let mut h: Harness<'static, ZaeApp> = Harness::builder()
            .with_size([1280.0, 800.0])
            .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config));
        let start = Instant::now();
        h.step();
        while h.state().is_loading() {
            assert!(start.elapsed() < Duration::from_secs(600), "load finished");
            std::thread::sleep(Duration::from_millis(20));
            h.step();
        }
        h.run_steps(5);
        h
    });
    let mut h = h;
    let zones = h.state().dataset().zones.len();
    assert!(zones > 0);
    assert!(h.state().zones_drawn() > 0);
    println!(
        "  app, loaded + drawn: peak {:>7.1} MiB ({:.2}× file), kept {:>7.1} MiB",
        mib(peak),
        peak as f64 / size as f64,
        mib(kept)
    );
    // Zooming in four steps from the whole view: detailed meshes are built for what is drawn,
    // labels appear.
    let ((), peak, kept) = measure(|| {
        for _ in 0..4 {
            h.state_mut()
                .push(Command::Zoom(zae_atlas::state::Zoom::In));
            for _ in 0..20 {
                h.step();
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    });
    let stats = h.state().layer_stats();
    println!(
        "  zoomed in (zoom {:.1}): peak {:>7.1} MiB above the loaded app, kept {:>7.1} MiB; {} zones as shapes, {} labels",
        stats.view.map_or(0.0, |v| v.zoom),
        mib(peak),
        mib(kept),
        stats.zones_drawn - stats.zones_in_cells,
        stats.label_rects.len()
    );
}
