//! The interface's work per frame with a comparison open (issue target: the swipe view draws
//! within the frame budget of the normal map), headless (egui_kittest, no GPU). The same after
//! inventory of 10,000 zones and 100,000 plots (benches/common/inventory.rs) is shown three
//! ways at the whole view: opened alone (the normal map), compared with the before one, and
//! compared with the swipe at the middle. `cargo test --all-targets` runs it once on 500 zones.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use zae_atlas::map::tiles::TileChoice;
use zae_atlas::{AppConfig, Command, ZaeApp};

fn app(config: AppConfig, what: &str) -> Harness<'static, ZaeApp> {
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config));
    let start = std::time::Instant::now();
    h.step();
    while h.state().is_loading() || h.state().comparing() || !h.state().search_ready() {
        assert!(start.elapsed().as_secs() < 900, "{what} did not finish");
        h.step();
    }
    h.run_steps(5);
    h
}

fn compare_frame(c: &mut Criterion) {
    let benching = std::env::args().any(|a| a == "--bench");
    let n = if benching { 10_000 } else { 500 };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (before, after) = common::inventory::inventories(n, 7);
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("the generated file is written");
        path
    };
    let before = vec![
        write("before-site.geojson", &before.sites),
        write("before-terrain.geojson", &before.plots),
    ];
    let after = vec![
        write("after-site.geojson", &after.sites),
        write("after-terrain.geojson", &after.plots),
    ];
    let config = |files: Vec<std::path::PathBuf>| {
        let mut config = AppConfig {
            files,
            tiles: TileChoice::None,
            tile_cache: None,
            ..AppConfig::default()
        };
        config.settings.language = Some(zae_atlas::i18n::Lang::En);
        config
    };
    let mut group = c.benchmark_group("compare_frame");
    group.sample_size(10);

    let mut plain = app(config(after.clone()), "loading");
    group.bench_function(format!("map_{n}_zones"), |b| b.iter(|| plain.step()));
    drop(plain);

    let mut compare_config = config(Vec::new());
    compare_config.compare = Some((before, after));
    let mut h = app(compare_config, "the comparison");
    assert!(h.state().state().comparison().is_some());
    group.bench_function(format!("compared_{n}_zones"), |b| b.iter(|| h.step()));
    h.state_mut().push(Command::SetSwipe(Some(0.5)));
    h.run_steps(2);
    assert_eq!(
        h.state().state().comparison().and_then(|c| c.swipe()),
        Some(0.5)
    );
    group.bench_function(format!("compared_swipe_{n}_zones"), |b| b.iter(|| h.step()));
    group.finish();
}

criterion_group!(benches, compare_frame);
criterion_main!(benches);
