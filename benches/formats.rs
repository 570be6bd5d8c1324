//! Reading the same generated parks as GeoJSON, GeoPackage, Shapefile and FlatGeobuf (written by
//! benches/make_formats.sh with ogr2ogr): time per feature (criterion's elements per second),
//! and each format's peak heap against its file size (issue target: ≤ 2× the file).
//! `cargo bench --bench formats` reads 100,000 zones; `cargo test --bench formats` 1,000.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "../tests/common/alloc.rs"]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

/// The files of one format: what is opened, and every file it reads (a shapefile's three).
fn files(dir: &Path, n: usize) -> Vec<(&'static str, PathBuf, Vec<PathBuf>)> {
    let f = |ext: &str| dir.join(format!("parks_{n}.{ext}"));
    vec![
        ("geojson", f("geojson"), vec![f("geojson")]),
        ("gpkg", f("gpkg"), vec![f("gpkg")]),
        ("shp", f("shp"), vec![f("shp"), f("shx"), f("dbf")]),
        ("fgb", f("fgb"), vec![f("fgb")]),
    ]
}

fn formats(c: &mut Criterion) {
    let benching = std::env::args().any(|a| a == "--bench");
    let n: usize = if benching { 100_000 } else { 1_000 };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-formats");
    let made = Command::new("bash")
        .arg(root.join("benches/make_formats.sh"))
        .arg(n.to_string())
        .arg(&dir)
        .output();
    if !made.as_ref().is_ok_and(|o| o.status.success()) {
        eprintln!("formats bench skipped: benches/make_formats.sh failed (needs ogr2ogr, python3)");
        return;
    }
    let mut group = c.benchmark_group("formats");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n as u64));
    for (label, path, parts) in files(&dir, n) {
        let size: u64 = parts
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        let start = alloc::live();
        alloc::PEAK.store(start, std::sync::atomic::Ordering::Relaxed);
        let file = zae_atlas::io::load_path(&path).unwrap_or_else(|e| panic!("{e}"));
        let peak = alloc::PEAK.load(std::sync::atomic::Ordering::Relaxed) - start;
        assert_eq!(file.zones.len(), n, "{label}");
        drop(file);
        let mib = |b: f64| b / 1_048_576.0;
        println!(
            "{label}: {n} zones, file {:.1} MiB, peak heap {:.1} MiB ({:.2}x the file)",
            mib(size as f64),
            mib(peak as f64),
            peak as f64 / size.max(1) as f64
        );
        group.bench_function(format!("{label}_{n}_zones"), |b| {
            b.iter(|| {
                let file = zae_atlas::io::load_path(&path).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(file.zones.len(), n);
                black_box(file)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, formats);
criterion_main!(benches);
