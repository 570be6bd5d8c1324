//! The app driven like a user: egui_kittest on the embedded dataset, no network.

mod common;

use common::{click_at, offline_app};
use egui::{Key, pos2};
use egui_kittest::kittest::Queryable;

/// Cap Nord's estimated centre (fact sheet, grade M).
const CAP_NORD: (f64, f64) = (5.0680, 47.3410);

#[test]
fn starts_on_the_embedded_dataset_fitted_to_all_zones() {
    let h = offline_app();
    let app = h.state();
    assert!(
        app.dataset().zones.len() >= 24,
        "{}",
        app.dataset().zones.len()
    );
    assert_eq!(
        app.zones_drawn(),
        app.dataset().zones.len(),
        "every zone is in view"
    );
    // The legend and the zone list are there.
    h.get_by_label("Vocation (CNIG)");
    h.get_by_label("ZAE Cap Nord");
    assert!(app.errors().is_empty(), "{:?}", app.errors());
}

#[test]
fn clicking_cap_nord_shows_its_name_and_surface_then_empty_map_clears() {
    let mut h = offline_app();
    let view = h.state().view().expect("the map was drawn");
    let pos = view.lon_lat_to_screen(CAP_NORD.0, CAP_NORD.1);
    click_at(&mut h, pos);

    let zone = h.state().selected_zone().expect("a zone is selected");
    assert_eq!(zone.id, "dm-capnord");
    // Heading in the info panel (plus the entry in the zone list).
    assert!(h.query_all_by_label("ZAE Cap Nord").count() >= 2);
    h.get_by_label("Declared surface");
    h.get_by_label("300 ha");
    h.get_by_label_contains("ha (geodesic, from the outline)");
    h.get_by_label_contains("11\u{202F}000");

    // A point of the map with no zone under it.
    let empty = (0..40)
        .flat_map(|i| (0..25).map(move |j| pos2(300.0 + i as f32 * 24.0, 60.0 + j as f32 * 28.0)))
        .find(|p| view.rect.contains(*p) && h.state().zone_at(*p).is_none())
        .expect("some empty map");
    click_at(&mut h, empty);
    assert_eq!(h.state().selected(), None);
    assert!(
        h.query_by_label("Declared surface").is_none(),
        "info panel closed"
    );
}

#[test]
fn escape_clears_the_selection() {
    let mut h = offline_app();
    let view = h.state().view().expect("drawn");
    click_at(&mut h, view.lon_lat_to_screen(CAP_NORD.0, CAP_NORD.1));
    assert!(h.state().selected().is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().selected(), None);
}

#[test]
fn missing_figures_read_unknown_never_zero() {
    let mut h = offline_app();
    // ZA des Essarts: no surface, no job count in any source.
    h.get_by_label("ZA des Essarts").click();
    h.run_steps(3);
    let zone = h.state().selected_zone().expect("selected from the list");
    assert_eq!(zone.jobs, None);
    assert_eq!(zone.surface_declared_ha, None);
    assert!(h.query_all_by_label("unknown").count() >= 3);
    assert!(h.query_by_label("0 ha").is_none());
    h.get_by_label_contains("not a surveyed outline");
}

#[test]
fn every_embedded_zone_opens_its_info_panel() {
    let mut h = offline_app();
    let count = h.state().dataset().zones.len();
    for i in 0..count {
        let id = h.state().zone_id(i).expect("zone");
        h.state_mut().push(zae_atlas::Command::Focus(id));
        h.run_steps(2);
        let zone = h.state().selected_zone().expect("selected");
        assert_eq!(zone.feature_index, i);
        h.get_by_label("Computed surface");
        // Every embedded zone cites its sources.
        assert!(!zone.sources().is_empty(), "{} has no source", zone.id);
    }
}

#[test]
fn hovering_a_zone_shows_its_name_and_surface() {
    let mut h = offline_app();
    let view = h.state().view().expect("drawn");
    let pos = view.lon_lat_to_screen(CAP_NORD.0, CAP_NORD.1);
    h.event(egui::Event::PointerMoved(pos));
    h.run_steps(4);
    assert!(h.query_all_by_label_contains("300 ha declared").count() >= 1);
    assert_eq!(h.state().selected(), None, "hover does not select");
}

#[test]
fn search_box_finds_a_tenant_and_enter_flies_to_its_zone() {
    let mut h = offline_app();
    common::wait_for_search(&mut h);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    let search = h.get_by_label("Search");
    assert!(search.is_focused(), "Ctrl+F focuses the search box");
    search.type_text("giphar");
    h.run_steps(2);
    h.get_by_label_contains("GIPHAR");
    h.key_press(Key::Enter);
    h.run_steps(3);
    let zone = h
        .state()
        .selected_zone()
        .expect("Enter selects the best result");
    assert_eq!(zone.id, "dm-beauregard");
    // Flown to: the view is centred near the zone.
    let view = h.state().view().expect("drawn");
    let c = zone.bbox.center();
    let p = view.lon_lat_to_screen(c.x, c.y);
    assert!(
        (p - view.rect.center()).length() < 40.0,
        "{p:?} vs {:?}",
        view.rect.center()
    );
}

#[test]
fn export_command_writes_the_file_and_says_so() {
    let mut h = offline_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("zones.geojson");
    h.state_mut().push(zae_atlas::Command::Export(out.clone()));
    h.run_steps(3);
    assert!(out.exists());
    h.get_by_label_contains("24 zones exported to");
    // A failure is an error message, not a half-written file.
    let bad = dir.path().join("missing").join("zones.csv");
    h.state_mut().push(zae_atlas::Command::Export(bad.clone()));
    h.run_steps(3);
    assert!(!bad.exists());
    h.get_by_label_contains("zones.csv: cannot write");
}
