//! The interface's own work per frame, headless (egui_kittest, no GPU): the whole window with
//! 100,000 zones at the whole view, first with nothing selected, then with a zone selected, its
//! info panel, the attribute table and the statistics window open. The whole frames differ by
//! what the panels cost on top of the map, but the map's own time varies by more than that
//! from run to run; so each case is also measured as the frame *but the map*: the time of
//! egui's pass over the app (as eframe runs it, with AccessKit off as it is until a screen
//! reader asks for it) less the time the app spent in the map that frame
//! (`ZaeApp::last_map_time`), which is what the panels, windows and egui's own pass cost.
//! `cargo test --all-targets` runs it once on 1,000 zones.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use zae_atlas::map::tiles::TileChoice;
use zae_atlas::{AppConfig, Command, ZaeApp};

fn ui_frame(c: &mut Criterion) {
    let benching = std::env::args().any(|a| a == "--bench");
    let n = if benching { 100_000 } else { 1_000 };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("parks.geojson");
    std::fs::write(&path, common::parks_geojson(n, 42)).expect("the generated file is written");
    let mut config = AppConfig {
        files: vec![path],
        tiles: TileChoice::None,
        tile_cache: None,
        ..AppConfig::default()
    };
    config.settings.language = Some(zae_atlas::i18n::Lang::En);
    let mut h = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config));
    // Loaded, indexed for search, and the view fitted.
    let start = std::time::Instant::now();
    h.step();
    while h.state().is_loading() || !h.state().search_ready() {
        assert!(start.elapsed().as_secs() < 600, "loading did not finish");
        h.step();
    }
    h.run_steps(5);
    assert_eq!(h.state().dataset().zones.len(), n);

    let mut group = c.benchmark_group("ui_frame");
    group.sample_size(10);
    group.bench_function(format!("map_only_{n}_zones"), |b| b.iter(|| h.step()));
    group.bench_function(format!("all_but_the_map_nothing_open_{n}_zones"), |b| {
        b.iter_custom(|iters| all_but_the_map(&mut h, iters))
    });
    h.step();
    let zone = h.state().zone_id(n / 2);
    h.state_mut().push(Command::Select(zone));
    h.state_mut().push(Command::ToggleStats);
    h.state_mut().push(Command::ToggleTable);
    h.run_steps(3);
    assert!(h.state().state().details().is_some() && h.state().state().stats().is_some());
    group.bench_function(format!("selected_table_statistics_{n}_zones"), |b| {
        b.iter(|| h.step())
    });
    group.bench_function(
        format!("all_but_the_map_selected_table_statistics_{n}_zones"),
        |b| b.iter_custom(|iters| all_but_the_map(&mut h, iters)),
    );
    group.finish();
}

/// `iters` frames as eframe runs the app (no test harness around it, AccessKit off), timed
/// without the map's part of each.
fn all_but_the_map(h: &mut Harness<'_, ZaeApp>, iters: u64) -> std::time::Duration {
    let ctx = h.ctx.clone();
    ctx.disable_accesskit();
    let mut frame = eframe::Frame::_new_kittest();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    };
    let mut total = std::time::Duration::ZERO;
    for _ in 0..iters {
        let app = h.state_mut();
        let start = std::time::Instant::now();
        let output = ctx.run_ui(input(), |ui| eframe::App::ui(app, ui, &mut frame));
        let pass = start.elapsed();
        std::hint::black_box(output);
        total += pass.saturating_sub(app.last_map_time());
    }
    // The harness reads the AccessKit tree again in its own steps.
    ctx.enable_accesskit();
    total
}

criterion_group!(benches, ui_frame);
criterion_main!(benches);
