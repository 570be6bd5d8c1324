//! Helpers shared by the UI tests: an app harness with no network, pointer clicks by position.

#![allow(dead_code)]

pub mod fgb_grid;
pub mod pg;
pub mod pmtiles_file;
pub mod tile_server;

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use zae_atlas::map::tiles::TileChoice;
use zae_atlas::{AppConfig, ZaeApp};

pub const SIZE: [f32; 2] = [1280.0, 800.0];

/// The app with `config`; English unless the config says otherwise (tests read labels).
pub fn harness_with(mut config: AppConfig) -> Harness<'static, ZaeApp> {
    config
        .settings
        .language
        .get_or_insert(zae_atlas::i18n::Lang::En);
    Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |cc| ZaeApp::new(&cc.egui_ctx, config))
}

/// The app's configuration for tests: `files` (none: the embedded dataset), no base map (tests
/// never reach the internet), no tile cache on disk, English (tests read labels).
pub fn offline(files: Vec<std::path::PathBuf>) -> AppConfig {
    let mut config = AppConfig {
        files,
        tiles: TileChoice::None,
        tile_cache: None,
        ..AppConfig::default()
    };
    config.settings.language = Some(zae_atlas::i18n::Lang::En);
    config
}

/// The app on the embedded dataset, with no base map (tests never reach the internet).
pub fn offline_app() -> Harness<'static, ZaeApp> {
    let mut h = harness_with(offline(Vec::new()));
    // First frames: layout, then the view is fitted to the zones.
    h.run_steps(3);
    h
}

pub fn click_at(h: &mut Harness<'_, ZaeApp>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::default(),
        });
        h.step();
    }
    h.run_steps(2);
}

/// The app restarted with what a previous session saved.
pub fn harness_with_restore(saved: zae_atlas::app::Persisted) -> Harness<'static, ZaeApp> {
    Harness::builder()
        .with_size(SIZE)
        .build_eframe(move |cc| ZaeApp::restore(&cc.egui_ctx, offline(Vec::new()), Some(saved)))
}

/// Steps the app until `done` holds: an event awaited, not a time. The bound only stops a hung
/// worker from hanging the test run, loudly; it is generous, for a machine busy with builds.
pub fn step_until(h: &mut Harness<'static, ZaeApp>, what: &str, done: impl Fn(&ZaeApp) -> bool) {
    let start = std::time::Instant::now();
    h.step();
    while !done(h.state()) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "{what} did not happen"
        );
        h.step();
    }
}

/// Steps the app until the background loader is done, and the search index of what it
/// loaded is built.
pub fn wait_for_loads(h: &mut Harness<'static, ZaeApp>) {
    step_until(h, "loading", |app| !app.is_loading());
    h.run_steps(1);
    wait_for_search(h);
    h.run_steps(2);
}

/// Steps the app until the search index of the zones loaded is built (on its worker).
pub fn wait_for_search(h: &mut Harness<'static, ZaeApp>) {
    step_until(h, "the search index", ZaeApp::search_ready);
}

/// A file dropped on the window, as the platform would hand it over.
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Drops `path` on the window (seen at the next frame).
pub fn drop_file(h: &mut Harness<'static, ZaeApp>, path: std::path::PathBuf) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path)));
}

/// Checks each establishment of tests/data/cnig/expected.json in `data`: its zone, how it was
/// joined, and its position in WGS84.
pub fn check_expected_establishments(
    data: &zae_atlas::store::Dataset,
    expected: &serde_json::Value,
) {
    use zae_atlas::model::Join;
    for (siret, want) in expected["establishments"]
        .as_object()
        .expect("establishments")
    {
        let e = data
            .establishments
            .iter()
            .find(|e| e.siret.as_deref() == Some(siret))
            .unwrap_or_else(|| panic!("{siret} missing"));
        let zone_site = e.zone.map(|z| data.zones[z].id.clone());
        assert_eq!(
            zone_site.as_deref(),
            want["site_id"].as_str(),
            "{siret} zone"
        );
        let join = match e.joined_by {
            Some(Join::Both) => Some("both"),
            Some(Join::TerrId) => Some("terr_id"),
            Some(Join::Spatial) => Some("spatial"),
            None => None,
        };
        assert_eq!(join, want["join"].as_str(), "{siret} join");
        let p = &want["point_wgs84"];
        assert!(
            (e.lon - p[0].as_f64().expect("lon")).abs() < 1e-6,
            "{siret} lon"
        );
        assert!(
            (e.lat - p[1].as_f64().expect("lat")).abs() < 1e-6,
            "{siret} lat"
        );
    }
}

/// A GeoJSON file of `n` small squares whose exterior rings all wind clockwise, the wrong way
/// (as in IGN exports), written into `dir`.
pub fn clockwise_squares(dir: &std::path::Path, n: u32) -> std::path::PathBuf {
    let path = dir.join("clockwise.geojson");
    let features: Vec<String> = (0..n)
        .map(|i| {
            let x = 5.0 + f64::from(i) * 0.01;
            format!(
                r#"{{"type":"Feature","properties":{{"nom":"Z{i}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},47.3],[{x},47.305],[{x2},47.305],[{x2},47.3],[{x},47.3]]]}}}}"#,
                x2 = x + 0.005
            )
        })
        .collect();
    std::fs::write(
        &path,
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        ),
    )
    .expect("written");
    path
}
