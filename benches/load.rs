//! Load + model build of generated GeoJSON files (10k and 100k zones), in bytes per second.
//! Compare with GDAL: benches/compare_ogrinfo.sh.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    // `cargo test --all-targets` runs benches once as a smoke test (no `--bench` argument):
    // keep that quick with a small file; `cargo bench` measures the real sizes.
    let benching = std::env::args().any(|a| a == "--bench");
    let sizes: &[usize] = if benching {
        &[10_000, 100_000]
    } else {
        &[1_000]
    };
    for &n in sizes {
        let text = common::parks_geojson(n, 42);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("geojson_{n}_zones"), |b| {
            b.iter(|| {
                let file =
                    zae_atlas::io::load_bytes("bench.geojson", text.as_bytes(), &mut |_| true)
                        .expect("generated data loads");
                assert_eq!(file.zones.len(), n);
                black_box(file)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
