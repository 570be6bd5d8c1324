//! The investor's sheet without a base map: one zone's A4 page (target ≤ 1 s), and the
//! catalogue of the 24 embedded zones, an overview page and a sheet each (target ≤ 10 s).
//! The same two with the base map from a local raster PMTiles file (written here: 256-pixel PNG
//! tiles over the métropole, zooms 10 to 15), which adds reading, decoding and resampling about
//! 20 tiles a sheet (no network). `cargo test --all-targets` runs each once as a smoke test.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

#[path = "../tests/common/pmtiles_file.rs"]
mod pmtiles_file;

use pmtiles::TileType;
use zae_atlas::i18n::Lang;
use zae_atlas::map::tiles::TileChoice;
use zae_atlas::sheet::{BaseMapSource, TileFetcher};
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

/// A raster PMTiles archive over the métropole: each tile a gradient with a grid (so PNG
/// decoding does real work), zooms 10 to 15.
fn write_archive(path: &Path) {
    pmtiles_file::write_archive(
        path,
        TileType::Png,
        10..=15,
        [4.85, 47.15, 5.25, 47.45],
        |_, x, y| {
            let img = image::RgbImage::from_fn(256, 256, |i, j| {
                let line = i % 32 == 0 || j % 32 == 0;
                let v = if line { 170 } else { 230 };
                image::Rgb([v, (v as u32 + x % 20) as u8, (200 + (i + j + y) % 40) as u8])
            });
            let mut png = Vec::new();
            img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
                .expect("png");
            png
        },
    );
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
    let dir = tempfile::tempdir().expect("temp dir");
    let archive = dir.path().join("dijon.pmtiles");
    write_archive(&archive);
    let source = BaseMapSource::new(TileChoice::PmTiles(archive), None, "zae-atlas/bench".into());
    let tiles = || TileFetcher::new(source.clone());
    group.bench_function("one_sheet_cap_nord_fr_pmtiles_base_map", |b| {
        b.iter(|| {
            let made = zae_atlas::sheet::sheet_pdf_with(
                &dataset,
                black_box(cap_nord),
                Lang::Fr,
                &mut tiles(),
            )
            .expect("a PDF");
            assert!(
                made.without_base_map.is_empty(),
                "{:?}",
                made.without_base_map
            );
            black_box(made.pdf)
        })
    });
    group.bench_function(
        format!("catalogue_{}_zones_fr_pmtiles_base_map", all.len()),
        |b| {
            b.iter(|| {
                let made = zae_atlas::sheet::catalogue_pdf_with(
                    &dataset,
                    black_box(&all),
                    Lang::Fr,
                    &mut tiles(),
                )
                .expect("a PDF");
                assert!(
                    made.without_base_map.is_empty(),
                    "{:?}",
                    made.without_base_map
                );
                black_box(made.pdf)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, sheet);
criterion_main!(benches);
