//! An open file that changes on disk is read again within a second; the selection stays when
//! its zone still exists; a broken save keeps the last good data and says why.

mod common;

use std::path::Path;

use common::harness_with;
use egui_kittest::kittest::Queryable;
use zae_atlas::{Command, ZaeApp};

fn square(id: &str, name: &str, lon: f64) -> String {
    format!(
        r#"{{"type":"Feature","properties":{{"site_id":"{id}","site_nom":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[[[{lon},47.3],[{},47.3],[{},47.31],[{lon},47.31],[{lon},47.3]]]}}}}"#,
        lon + 0.01,
        lon + 0.01
    )
}

fn write(path: &Path, features: &[String]) {
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    );
    std::fs::write(path, text).expect("write");
}

/// Steps until `done` holds (an event awaited; the bound only catches a hang), then two more
/// frames.
fn step_until(
    h: &mut egui_kittest::Harness<'static, ZaeApp>,
    what: &str,
    done: impl Fn(&ZaeApp) -> bool,
) {
    common::step_until(h, what, done);
    h.run_steps(2);
}

#[test]
fn a_changed_file_reloads_keeping_the_selection_and_a_broken_save_keeps_the_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("zones.geojson");
    write(
        &path,
        &[square("A", "Zone A", 5.0), square("B", "Zone B", 5.1)],
    );
    let mut h = harness_with(common::offline(vec![path.clone()]));
    step_until(&mut h, "the first load", |app| {
        app.dataset().zones.len() == 2
    });
    let b = h.state().dataset().zone_index_by_id("B").expect("B");
    let id = h.state().zone_id(b);
    h.state_mut().push(Command::Select(id));
    h.run_steps(2);

    // A planner saves from QGIS: B is renamed, C is added. (The file's size changes, so the
    // change shows in its stamp whatever the file system's clock resolution.)
    write(
        &path,
        &[
            square("A", "Zone A", 5.0),
            square("B", "Zone B (renamed)", 5.1),
            square("C", "Zone C", 5.2),
        ],
    );
    step_until(&mut h, "the reload", |app| app.dataset().zones.len() == 3);
    let selected = h.state().selected_zone().expect("selection kept");
    assert_eq!(selected.id, "B");
    assert_eq!(selected.name.as_deref(), Some("Zone B (renamed)"));
    assert_eq!(h.state().zone_meshes().len(), 3);

    // A broken save: the last good data stays, and the error says so.
    std::fs::write(&path, r#"{"type":"FeatureCollection","features":[{"type":"#).expect("write");
    step_until(&mut h, "the error", |app| !app.errors().is_empty());
    assert_eq!(h.state().dataset().zones.len(), 3);
    assert!(
        h.state().errors()[0].contains("last good version"),
        "{:?}",
        h.state().errors()
    );
    h.get_by_label_contains("zones.geojson: invalid JSON");
}
