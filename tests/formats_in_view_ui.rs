//! A large FlatGeobuf with a spatial index opened in the window is read by view, as a large
//! database table: only the zones around the view, said in its load report; when the view
//! moves out of what was read, the file is read again around the new view (other zones come).

mod common;

use std::collections::BTreeSet;

use egui_kittest::kittest::Queryable;
use zae_atlas::Command;
use zae_atlas::db::ReadOptions;
use zae_atlas::state::Zoom;

fn zone_names(h: &egui_kittest::Harness<'static, zae_atlas::ZaeApp>) -> BTreeSet<String> {
    h.state()
        .dataset()
        .zones
        .iter()
        .filter_map(|z| z.name.clone())
        .collect()
}

#[test]
fn a_large_indexed_flatgeobuf_is_read_by_view_and_again_when_the_view_moves() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 6,400 zones over the Dijon area: "large" once the threshold is lowered to 1,000, as the
    // database tests do.
    let path = common::fgb_grid::write(dir.path(), "grid", (80, 80), true);
    let mut h = common::harness_with(common::offline(Vec::new()));
    h.run_steps(3);
    h.state_mut().set_db_options(ReadOptions {
        large_table_rows: 1000,
        ..ReadOptions::default()
    });
    let embedded = h.state().source_id(0).expect("the embedded dataset");
    h.state_mut().push(Command::CloseFile(embedded));
    h.state_mut().push(Command::Zoom(Zoom::In));
    h.state_mut().push(Command::Zoom(Zoom::In));
    h.run_steps(3);
    h.state_mut().push(Command::Open(vec![path.clone()]));
    common::wait_for_loads(&mut h);

    let source = h.state().source_id(0).expect("the grid is open");
    assert_eq!(h.state().dataset().files.len(), 1);
    assert_eq!(h.state().dataset().files[0].name, "grid.fgb");
    let first = zone_names(&h);
    let area = h.state().store().read_area(source).expect("read by area");
    assert!(
        !first.is_empty() && first.len() < 6400,
        "{} of 6400 zones read",
        first.len()
    );
    // The view was not moved to the file: what is read is around the view.
    let view = h.state().view().expect("a view").visible_lon_lat();
    assert!(
        area.min().x < view.0.0 && area.max().x > view.1.0,
        "{area:?} {view:?}"
    );

    // The load report says the file is read in view.
    h.get_by_label("Load report…").click();
    h.run_steps(3);
    h.get_by_label_contains("large file (more than 1\u{202f}000 features): only the");
    h.get_by_label_contains("features in view are read, through its spatial index");
    h.get_by_label_contains("and read again as the map moves");

    // Zoom out: the view leaves what was read, which is read again around the new view once
    // the view has stayed still 300 ms of the window's clock (a quarter of a second a frame).
    for _ in 0..3 {
        h.state_mut().push(Command::Zoom(Zoom::Out));
        h.run_steps(1);
    }
    let mut frames = 0;
    while !h.state().is_loading() {
        frames += 1;
        assert!(frames < 20, "no new read after 20 frames");
        h.step();
    }
    common::wait_for_loads(&mut h);
    let after = zone_names(&h);
    let again = h.state().store().read_area(source).expect("still by area");
    assert!(again.width() > area.width() * 4.0, "{area:?} → {again:?}");
    assert!(
        after.len() > first.len(),
        "{} → {}",
        first.len(),
        after.len()
    );
    assert!(
        after.difference(&first).count() > 0,
        "zones not read before are shown"
    );
    assert_eq!(h.state().dataset().files.len(), 1, "replaced, not added");
    assert_eq!(h.state().source_id(0), Some(source), "the same source");
    let notice = h.state().notice().map(str::to_string);
    assert!(
        notice
            .as_deref()
            .is_none_or(|n| !n.contains("changed on disk")),
        "{notice:?}"
    );
}

/// A large file with nothing where the map looks (a grid around Paris, the map on Dijon): the
/// view goes to the file, which is then read there.
#[test]
fn a_large_flatgeobuf_with_nothing_in_view_is_shown_where_it_lies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::fgb_grid::write_at(dir.path(), "paris", (50, 40), true, (2.2, 48.7));
    let mut h = common::harness_with(common::offline(Vec::new()));
    h.run_steps(3);
    h.state_mut().set_db_options(ReadOptions {
        large_table_rows: 1000,
        ..ReadOptions::default()
    });
    let embedded = h.state().source_id(0).expect("the embedded dataset");
    h.state_mut().push(Command::CloseFile(embedded));
    h.run_steps(2);
    h.state_mut().push(Command::Open(vec![path]));
    common::wait_for_loads(&mut h);
    // Nothing of it around Dijon: the view moves to Paris, and the file is read there.
    common::step_until(&mut h, "a read around Paris", |app| {
        !app.is_loading() && !app.dataset().zones.is_empty()
    });
    common::wait_for_loads(&mut h);
    let source = h.state().source_id(0).expect("open");
    let area = h.state().store().read_area(source).expect("read by area");
    assert!(area.min().x < 2.5 && area.max().x > 2.4, "{area:?}");
    let (west, east) = h.state().view().expect("view").visible_lon_lat();
    assert!(
        west.0 < 2.4 && east.0 > 2.4,
        "the view is on the grid: {west:?} {east:?}"
    );
    assert!(!h.state().dataset().zones.is_empty());
}
