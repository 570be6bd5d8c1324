//! Soak of the normal (non-kiosk) app: 500 cycles of open a 10,000-zone file → filter → select
//! → export → close, in egui_kittest. Memory is counted by a global allocator of this test
//! binary (bytes allocated and not yet freed: exact, not a guess from RSS); threads are counted
//! in /proc/self/task. After the first cycle (fonts, caches, the thread pool), the heap must come
//! back to its level within 1 % after every cycle, and no thread may be left behind.
//!
//! Optimised builds only (`cargo test --release --test soak`, as CI runs it): unoptimised, one
//! cycle takes about 15 s. The file is generated here (the benchmarks' seeded generator: star-shaped concave parks of
//! 20–200 vertices around Dijon, some with holes or in two parts). `ZAE_SOAK_CYCLES=N` runs N
//! cycles instead of 500; `ZAE_SOAK_TRACE=1` prints the heap after every cycle.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use zae_atlas::filter::ZoneFilter;
use zae_atlas::{Command, ZaeApp};

#[path = "common/alloc.rs"]
mod alloc;

#[path = "../benches/common/mod.rs"]
mod parks;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

const ZONES: usize = 10_000;

/// Threads of this process now (Linux); `None` elsewhere.
fn threads() -> Option<usize> {
    std::fs::read_dir("/proc/self/task").ok().map(|d| d.count())
}

/// Waits until the process has at most `limit` threads (a finished worker takes a moment to
/// exit after its last message); fails after 20 s.
fn wait_for_threads(limit: usize, cycle: usize) {
    let start = Instant::now();
    while let Some(n) = threads().filter(|&n| n > limit) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "cycle {cycle}: {n} threads, {limit} after the first cycle: a thread was left behind"
        );
        // Thread exit cannot be waited on from outside the thread: poll.
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The heap between frames once the app is idle: a few frames after the cycle (workers'
/// last messages read, the last frame's shapes dropped), the least of three frames (a frame
/// that is drawing holds its shapes and text layouts: not a level).
fn settled_heap(h: &mut Harness<'static, ZaeApp>) -> i64 {
    h.run_steps(5);
    (0..3)
        .map(|_| {
            h.step();
            alloc::live()
        })
        .min()
        .unwrap_or_else(alloc::live)
}

/// One cycle; returns the number of zones exported.
fn cycle(h: &mut Harness<'static, ZaeApp>, file: &Path, out: &Path, n: usize) -> usize {
    let before = h.state().dataset().files.len();
    h.state_mut().push(Command::Open(vec![file.to_path_buf()]));
    common::wait_for_loads(h);
    let app = h.state();
    assert_eq!(app.dataset().files.len(), before + 1, "{:?}", app.errors());
    let index = app.dataset().files.len() - 1;
    let source = app.source_id(index).expect("the file's source");
    let first = app
        .dataset()
        .zones
        .iter()
        .position(|z| z.file == index)
        .expect("zones of the file");
    assert_eq!(app.dataset().zones.len() - first, ZONES);

    // Filter: larger parks only, varying with the cycle.
    let filter = ZoneFilter {
        surface_min_ha: Some(50.0 + (n % 7) as f64 * 20.0),
        ..ZoneFilter::default()
    };
    h.state_mut().push(Command::SetFilter(filter));
    h.run_steps(2);
    // Select a zone (the info panel shows it) and fly to it.
    let zone = h
        .state()
        .zone_id(first + (n * 37) % ZONES)
        .expect("a zone of the file");
    h.state_mut().push(Command::Focus(zone));
    h.run_steps(3);
    h.state_mut().push(Command::Export(out.to_path_buf()));
    h.run_steps(2);
    let notice = h.state().notice().unwrap_or_default().to_string();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    let exported = if out.extension().is_some_and(|e| e == "csv") {
        std::fs::read_to_string(out)
            .expect("the export")
            .lines()
            .count()
            - 1
    } else {
        zae_atlas::io::load_path(out)
            .map(|f| f.zones.len())
            .unwrap_or_else(|e| panic!("cycle {n}: {e} ({notice})"))
    };
    // Close the file, clear the filter and the selection, and fit the view to what stays open:
    // the same view after every cycle (the detailed meshes kept depend on the view).
    h.state_mut().push(Command::Select(None));
    h.state_mut()
        .push(Command::SetFilter(ZoneFilter::default()));
    h.state_mut().push(Command::CloseFile(source));
    h.state_mut().push(Command::FitAll);
    h.run_steps(3);
    assert_eq!(h.state().dataset().files.len(), before);
    exported
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "a cycle takes ~15 s unoptimised: run it with `cargo test --release --test soak`"
)]
fn open_filter_select_export_close_500_times_holds_memory_and_threads() {
    let cycles: usize = std::env::var("ZAE_SOAK_CYCLES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(500);
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("parks-10000.geojson");
    std::fs::write(&file, parks::parks_geojson(ZONES, 16)).expect("writes the test file");
    let size_mib = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64 / 1048576.0;
    let outputs = [dir.path().join("out.csv"), dir.path().join("out.geojson")];

    let mut h = common::offline_app();
    let started = Instant::now();
    let exported = cycle(&mut h, &file, &outputs[0], 0);
    assert!(
        exported > 0 && exported < ZONES,
        "{exported} zones exported"
    );
    let heap_after_first = settled_heap(&mut h);
    let threads_after_first = threads();
    let mut worst = 0i64;
    let mut heaps = vec![heap_after_first];
    for n in 1..cycles {
        cycle(&mut h, &file, &outputs[n % 2], n);
        if let Some(limit) = threads_after_first {
            wait_for_threads(limit, n);
        }
        let heap = settled_heap(&mut h);
        let drift = heap - heap_after_first;
        worst = if drift.abs() > worst.abs() {
            drift
        } else {
            worst
        };
        if n % 50 == 0 || n + 1 == cycles {
            heaps.push(heap);
        }
        if std::env::var_os("ZAE_SOAK_TRACE").is_some() {
            eprintln!("cycle {n}: heap {heap} ({drift:+})");
        }
        assert!(
            drift.abs() * 100 <= heap_after_first,
            "cycle {n}: heap {heap} bytes, {heap_after_first} after the first cycle ({:+.2} %)",
            drift as f64 * 100.0 / heap_after_first as f64
        );
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "soak: {cycles} cycles of open ({ZONES} zones, {size_mib:.1} MiB) → filter → select → \
         export → close in {secs:.0} s; heap after the first cycle {:.2} MiB, largest drift \
         after a later cycle {worst:+} bytes ({:+.3} %), peak {:.1} MiB; threads {:?}; heap \
         every 50 cycles: {heaps:?}",
        heap_after_first as f64 / 1048576.0,
        worst as f64 * 100.0 / heap_after_first as f64,
        alloc::PEAK.load(std::sync::atomic::Ordering::Relaxed) as f64 / 1048576.0,
        threads_after_first,
    );
}
