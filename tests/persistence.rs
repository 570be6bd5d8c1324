//! What the app remembers across restarts: view, style, filter, open files, recent files.

mod common;

use std::path::PathBuf;

use common::offline_app;
use zae_atlas::app::Persisted;
use zae_atlas::filter::ZoneFilter;
use zae_atlas::style::StyleMode;
use zae_atlas::{Command, ZaeApp};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn a_restart_restores_files_view_style_filter_and_recent_files() {
    // First session: the embedded data plus a file, a style, a filter, a panned view.
    let mut h = offline_app();
    h.state_mut()
        .push(Command::Open(vec![fixture("multipolygon.geojson")]));
    common::wait_for_loads(&mut h);
    h.state_mut().push(Command::SetStyle(StyleMode::Surface));
    let filter = ZoneFilter {
        surface_min_ha: Some(10.0),
        ..ZoneFilter::default()
    };
    h.state_mut().push(Command::SetFilter(filter.clone()));
    h.state_mut()
        .push(Command::Zoom(zae_atlas::state::Zoom::In));
    h.run_steps(3);
    let saved: Persisted = h.state_mut().persisted();
    assert!(saved.embedded_open);
    assert_eq!(saved.open_files, vec![fixture("multipolygon.geojson")]);
    assert_eq!(
        saved.recent_files.first(),
        Some(&fixture("multipolygon.geojson"))
    );
    // Through the storage format (RON, as eframe writes it).
    let text = ron::to_string(&saved).expect("serialises");
    let saved: Persisted = ron::from_str(&text).expect("reads back");

    // Second session, no file on the command line.
    let view = saved.view.expect("a view");
    let mut h2 = common::harness_with_restore(saved.clone());
    common::wait_for_loads(&mut h2);
    let app: &mut ZaeApp = h2.state_mut();
    assert_eq!(app.dataset().files.len(), 2, "embedded data and the file");
    let again = app.persisted();
    assert_eq!(again.style, StyleMode::Surface);
    assert_eq!(again.filter, filter);
    let (centre, zoom) = again.view.expect("a view");
    assert!((zoom - view.1).abs() < 1e-6, "zoom {zoom} vs {}", view.1);
    assert!((centre.0 - view.0.0).abs() < 1e-6 && (centre.1 - view.0.1).abs() < 1e-6);
}

#[test]
fn remembered_files_that_are_gone_fall_back_to_the_embedded_dataset() {
    let saved = Persisted {
        open_files: vec![PathBuf::from("/nonexistent/zones.geojson")],
        embedded_open: false,
        ..Persisted::default()
    };
    let mut h = common::harness_with_restore(saved);
    common::wait_for_loads(&mut h);
    assert!(
        h.state().dataset().zones.len() >= 24,
        "the embedded dataset is shown"
    );
}
