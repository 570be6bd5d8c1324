//! Load + model build of generated GeoJSON files (10k and 100k zones), in bytes per second.
//! Compare with GDAL: benches/compare_ogrinfo.sh.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for n in [10_000usize, 100_000] {
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
