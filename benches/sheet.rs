//! The investor's sheet without a base map: one zone's A4 page (target ≤ 1 s), and the
//! catalogue of the 24 embedded zones, an overview page and a sheet each (target ≤ 10 s).
//! `cargo test --all-targets` runs each once as a smoke test.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use zae_atlas::i18n::Lang;
use zae_atlas::store::Dataset;

fn embedded() -> Dataset {
    let file = zae_atlas::io::load_bytes(
        zae_atlas::embedded::EMBEDDED_NAME,
        zae_atlas::embedded::EMBEDDED_DATASET,
        &mut |_| true,
    )
    .expect("the embedded dataset loads");
    let mut dataset = Dataset::default();
    dataset.add_loaded(file, zae_atlas::embedded::EMBEDDED_NAME, None);
    dataset
}

fn sheet(c: &mut Criterion) {
    let dataset = embedded();
    let cap_nord = dataset
        .zones
        .iter()
        .position(|z| z.id == "dm-capnord")
        .expect("Cap Nord");
    let all: Vec<usize> = (0..dataset.zones.len()).collect();
    let mut group = c.benchmark_group("sheet");
    group.sample_size(10);
    group.bench_function("one_sheet_cap_nord_fr", |b| {
        b.iter(|| {
            let pdf = zae_atlas::sheet::sheet_pdf(&dataset, black_box(cap_nord), Lang::Fr)
                .expect("a PDF");
            black_box(pdf)
        })
    });
    group.bench_function(format!("catalogue_{}_zones_fr", all.len()), |b| {
        b.iter(|| {
            let pdf = zae_atlas::sheet::catalogue_pdf(&dataset, black_box(&all), Lang::Fr)
                .expect("a PDF");
            black_box(pdf)
        })
    });
    group.finish();
}

criterion_group!(benches, sheet);
criterion_main!(benches);
