//! Search at 100,000 zones (with a tenant each): building the index, and one keystroke with the
//! index ready. `cargo test --all-targets` runs it once on 1,000 zones as a smoke test.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use zae_atlas::search::SearchIndex;
use zae_atlas::store::Dataset;

fn search(c: &mut Criterion) {
    let benching = std::env::args().any(|a| a == "--bench");
    let n = if benching { 100_000 } else { 1_000 };
    let text = common::parks_geojson(n, 42);
    let file = zae_atlas::io::load_bytes("bench.geojson", text.as_bytes(), &mut |_| true)
        .expect("generated data loads");
    let mut dataset = Dataset::default();
    dataset.add_loaded(file, "bench", None);

    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.bench_function(format!("index_{n}_zones"), |b| {
        b.iter(|| black_box(SearchIndex::build(&dataset)))
    });
    let index = SearchIndex::build(&dataset);
    // What a planner types, one keystroke at a time: each is one search.
    for query in [
        "p",
        "parc 7",
        "entreprise 42",
        "entreprise 420 sas",
        "entrepirse",
    ] {
        group.bench_function(format!("keystroke_{n}_zones/{query}"), |b| {
            b.iter(|| {
                let hits = index.search(black_box(query), 8);
                assert!(!hits.is_empty(), "{query} finds something");
                black_box(hits)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
