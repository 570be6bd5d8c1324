//! Opening the user's own files: from the command line, by drag and drop, several at once;
//! refused files are named with the reason, skipped features are listed in the load report.

mod common;

use std::path::{Path, PathBuf};

#[path = "../benches/common/mod.rs"]
mod parks;

use common::{harness_with, offline_app, wait_for_loads};
use egui_kittest::kittest::Queryable;
use zae_atlas::map::zones_layer::{DOT_PX, FRAME_FILL_VERTICES, FRAME_OUTLINE_POINTS};
use zae_atlas::spatial::band_for_zoom;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn files_on_the_command_line_replace_the_embedded_dataset() {
    let mut h = harness_with(common::offline(vec![
        fixture("polygon_with_hole.geojson"),
        fixture("malformed.geojson"),
        fixture("mixed_with_null_and_point.geojson"),
    ]));
    wait_for_loads(&mut h);
    let app = h.state();
    let names: Vec<&str> = app
        .dataset()
        .files
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "polygon_with_hole.geojson",
            "mixed_with_null_and_point.geojson"
        ]
    );
    assert_eq!(app.dataset().zones.len(), 2);
    // The refused file is named, with the reason and position.
    assert_eq!(app.errors().len(), 1, "{:?}", app.errors());
    assert!(app.errors()[0].starts_with("malformed.geojson: invalid JSON at line 4"));
    h.get_by_label("Could not open");
    h.get_by_label_contains("malformed.geojson: invalid JSON at line 4");
}

#[test]
fn load_report_lists_skipped_features_with_reasons() {
    let mut h = harness_with(common::offline(vec![fixture(
        "mixed_with_null_and_point.geojson",
    )]));
    wait_for_loads(&mut h);
    h.get_by_label("Load report…").click();
    h.run_steps(3);
    h.get_by_label_contains("Skipped (5)");
    h.get_by_label_contains("feature 2 (A point): geometry is a Point");
    h.get_by_label_contains("feature 3: the feature is null");
}

#[test]
fn a_dropped_file_is_added_to_the_open_ones() {
    let mut h = offline_app();
    let before = h.state().dataset().zones.len();
    common::drop_file(&mut h, fixture("multipolygon.geojson"));
    wait_for_loads(&mut h);
    let app = h.state();
    assert_eq!(app.dataset().files.len(), 2);
    assert_eq!(app.dataset().zones.len(), before + 1);
    assert!(
        app.dataset()
            .zones
            .iter()
            .any(|z| z.name.as_deref() == Some("Deux parcelles"))
    );
    // The view was fitted to the new file: its zone is drawn.
    assert!(app.zones_drawn() >= 1);
}

#[test]
fn closing_a_file_removes_its_zones() {
    let mut h = offline_app();
    common::drop_file(&mut h, fixture("multipolygon.geojson"));
    wait_for_loads(&mut h);
    let id = h.state().source_id(0).expect("source");
    h.state_mut().push(zae_atlas::Command::CloseFile(id));
    h.run_steps(2);
    let app = h.state();
    assert_eq!(app.dataset().files.len(), 1);
    assert_eq!(app.dataset().zones.len(), 1);
    assert!(app.dataset().zones.iter().all(|z| z.file == 0));
}

/// A GeoJSON file of `n` small square zones, written to a temporary directory.
fn big_file(dir: &Path, n: usize) -> PathBuf {
    use std::io::Write;
    let path = dir.join(format!("generated_{n}.geojson"));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    write!(out, r#"{{"type":"FeatureCollection","features":["#).expect("write");
    for i in 0..n {
        let (x, y) = (
            4.9 + (i % 500) as f64 * 0.0006,
            47.2 + (i / 500) as f64 * 0.0006,
        );
        if i > 0 {
            write!(out, ",").expect("write");
        }
        write!(
            out,
            r#"{{"type":"Feature","properties":{{"nom":"Z{i}","surface":1}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]}}}}"#,
            x + 0.0004,
            x + 0.0004,
            y + 0.0004,
            y + 0.0004
        )
        .expect("write");
    }
    write!(out, "]}}").expect("write");
    out.flush().expect("flush");
    path
}

#[test]
fn a_big_load_shows_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = big_file(dir.path(), 150_000);
    let mut h = offline_app();
    let zones_before = h.state().dataset().zones.len();
    h.state_mut().push(zae_atlas::Command::Open(vec![path]));
    h.run_steps(2);
    assert!(h.state().is_loading());
    // The window keeps drawing while the worker loads; the status bar shows the file and Cancel.
    h.get_by_label_contains("Loading generated_150000.geojson");
    h.get_by_label("Cancel").click();
    wait_for_loads(&mut h);
    let app = h.state();
    assert_eq!(
        app.dataset().zones.len(),
        zones_before,
        "nothing half-loaded was added"
    );
    assert_eq!(app.dataset().files.len(), 1);
    assert!(
        app.errors().is_empty(),
        "cancelling is not an error: {:?}",
        app.errors()
    );
}

#[test]
fn a_whole_view_of_many_zones_stays_within_the_frame_budget() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = big_file(dir.path(), 20_000);
    let mut h = harness_with(common::offline(vec![path]));
    wait_for_loads(&mut h);
    let app = h.state();
    assert_eq!(app.dataset().zones.len(), 20_000);
    let stats = app.layer_stats();
    // Fitted to the file: every zone is in view and accounted for.
    assert_eq!(stats.zones_drawn, 20_000);
    // Zones of a pixel or two, and those past the frame's budgets, are merged into screen
    // cells (one image), not drawn as shapes.
    assert!(stats.zones_in_cells > 0, "{stats:?}");
    assert!(stats.cells_drawn > 0, "{stats:?}");
    assert!(stats.fill_vertices <= FRAME_FILL_VERTICES, "{stats:?}");
    assert!(stats.outline_points <= FRAME_OUTLINE_POINTS, "{stats:?}");
    // Only zones under one size go into cells (one 2-pixel cell each, smaller than the zone):
    // under DOT_PX, and when even sketches would not fit, under one size for all.
    assert!(
        stats.largest_in_cells_px < stats.dots_below_px.max(DOT_PX),
        "{stats:?}"
    );
    // The cell image goes to the GPU when it changes, not every frame.
    let uploads = app.cell_uploads();
    assert!(uploads > 0);
    h.run_steps(10);
    assert_eq!(h.state().cell_uploads(), uploads, "nothing moved");
    h.state_mut()
        .push(zae_atlas::Command::Zoom(zae_atlas::state::Zoom::Out));
    h.run_steps(10);
    assert!(h.state().cell_uploads() > uploads, "the view changed");
    assert!(h.state().layer_stats().cells_drawn > 0);
}

#[test]
fn past_the_frame_budget_the_frame_draws_a_coarser_band() {
    // Parks of 80-700 m around Dijon: at the whole view most are several pixels wide, far more
    // vertices at the zoom's band than one frame draws.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.geojson");
    std::fs::write(&path, parks::parks_geojson(12_000, 5)).expect("write");
    let mut h = harness_with(common::offline(vec![path]));
    wait_for_loads(&mut h);
    h.run_steps(3);
    let stats = h.state().layer_stats().clone();
    let zoom = stats.view.expect("a view").zoom;
    assert_eq!(stats.zones_drawn, 12_000);
    assert!(stats.band < band_for_zoom(zoom), "{stats:?}");
    assert!(stats.fill_vertices <= FRAME_FILL_VERTICES, "{stats:?}");
    assert!(
        stats.fill_vertices > FRAME_FILL_VERTICES / 2,
        "the budget is used: {stats:?}"
    );
    assert!(stats.outline_points <= FRAME_OUTLINE_POINTS, "{stats:?}");
    assert!(stats.outlines_drawn > 100, "{stats:?}");
    // Shapes for nearly all: cells only for the zones of a pixel or two.
    assert!(stats.zones_in_cells < 120, "{stats:?}");
}

#[test]
fn labels_show_where_they_fit_and_never_overlap() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("parks.geojson");
    std::fs::write(&path, parks::parks_geojson(3_000, 9)).expect("write");
    let mut h = harness_with(common::offline(vec![path]));
    wait_for_loads(&mut h);
    for _ in 0..3 {
        h.state_mut()
            .push(zae_atlas::Command::Zoom(zae_atlas::state::Zoom::In));
        h.run_steps(5);
    }
    let stats = h.state().layer_stats().clone();
    let view = stats.view.expect("a view");
    assert!(view.zoom > 13.0, "{}", view.zoom);
    let rects = &stats.label_rects;
    assert!(rects.len() > 5, "names show: {}", rects.len());
    assert!(rects.len() <= 300);
    for (k, a) in rects.iter().enumerate() {
        assert!(a.width() > 20.0 && a.height() > 10.0, "{a:?}");
        assert!(view.rect.contains(a.center()), "{a:?}");
        for b in &rects[k + 1..] {
            assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
        }
    }
    // The same frame again: the same labels (widths come from the cache the second time).
    h.run_steps(2);
    assert_eq!(&h.state().layer_stats().label_rects, rects);
}
