//! Comparing two inventories in the app (`--compare BEFORE... -- AFTER...`): the summary
//! figures, a click in the change table selects the zone, the swipe moves.

mod common;

use std::path::PathBuf;

use common::harness_with;
use egui_kittest::kittest::Queryable;
use zae_atlas::Command;

fn side(name: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/diff")
        .join(name);
    ["site-eco", "terrain-eco", "etablissement"]
        .iter()
        .map(|l| dir.join(format!("{l}.geojson")))
        .collect()
}

fn compared() -> egui_kittest::Harness<'static, zae_atlas::ZaeApp> {
    let mut config = common::offline(Vec::new());
    config.compare = Some((side("before"), side("after")));
    let mut h = harness_with(config);
    common::step_until(&mut h, "the comparison", |app| {
        app.state().comparison().is_some()
    });
    common::wait_for_loads(&mut h);
    h
}

#[test]
fn a_comparison_shows_its_summary_selects_from_its_table_and_swipes() {
    let mut h = compared();
    // The after inventory is what the map shows: six zones, not the embedded dataset.
    assert_eq!(h.state().dataset().zones.len(), 6);
    h.get_by_label("Compare inventories");
    h.get_by_label("1 added, 1 removed, 4 changed");
    h.get_by_label("7.05 ha » 6.33 ha");
    h.get_by_label("2.56 ha (1 plots)");
    h.get_by_label("50.0% » 37.5%");
    h.get_by_label("1 arrived, 1 left, 1 moved zone");
    // The legend says what the colours mean.
    h.get_by_label("Removed (hatched)");

    // Only the renamings, chosen in the table's filter.
    h.get_by_label("renamed (2)").click();
    h.run_steps(2);
    h.get_by_label("2 rows");
    // The renamed zone G: its old name is only in the change table.
    assert_eq!(h.state().selected(), None);
    h.get_by_label("ZA Test Canal").click();
    h.run_steps(3);
    let selected = h.state().selected_zone().map(|z| z.id.clone());
    assert_eq!(selected.as_deref(), Some("21231_SITE-ECO_91007"));
    // The info panel gives its figures before → after.
    h.get_by_label("Before and after (comparison)");
    h.get_by_label("ZA Test Canal » Parc d'activités du Canal");

    // The swipe: on at the middle, then moved right with the keyboard.
    assert_eq!(h.state().state().comparison().and_then(|c| c.swipe()), None);
    h.get_by_label("Swipe").click();
    h.run_steps(2);
    assert_eq!(
        h.state().state().comparison().and_then(|c| c.swipe()),
        Some(0.5)
    );
    h.get_by_label("Swipe position").focus();
    h.run_steps(1);
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    let at = h
        .state()
        .state()
        .comparison()
        .and_then(|c| c.swipe())
        .unwrap_or(0.0);
    assert!(at > 0.5, "{at}");
    h.get_by_label("Before");
    h.get_by_label("After");
}

#[test]
fn the_table_filters_by_kind_and_a_removed_zone_is_flown_to() {
    let mut h = compared();
    let all = h.state().state().comparison().map_or(0, |c| c.rows().len());
    assert_eq!(all, 24);
    h.state_mut().push(Command::SetChangeFilter(Some(
        zae_atlas::diff::ChangeKind::Removed,
    )));
    h.run_steps(2);
    h.get_by_label("3 rows");
    // Zone D was removed: no zone to select, the view goes where it was.
    h.get_by_label("ZA Test Ouest").click();
    h.run_steps(3);
    assert_eq!(h.state().selected(), None);
    h.state_mut().push(Command::CloseCompare);
    h.run_steps(2);
    assert!(h.state().state().comparison().is_none());
    assert!(h.query_by_label("Compare inventories").is_none());
}
