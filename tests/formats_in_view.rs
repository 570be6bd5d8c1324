//! A large FlatGeobuf read by view, headless: through its packed R-tree, exactly the features
//! whose box meets the area are read (the same as a whole read filtered by box); a file under
//! the threshold, or without an index, is read whole; the report says the file was read in view.

mod common;

use std::collections::BTreeSet;

use geo::{Intersects, Rect};
use zae_atlas::io::fgb::{InView, load_in_view, probe};
use zae_atlas::io::{LoadedFile, load_path, source};
use zae_atlas::model::report::Reason;

fn names(file: &LoadedFile) -> BTreeSet<String> {
    file.zones
        .iter()
        .map(|z| z.name.clone().unwrap_or_default())
        .collect()
}

fn in_view(view: Rect<f64>, large: usize) -> InView {
    InView {
        view,
        large,
        max: 100_000,
    }
}

#[test]
fn a_box_read_through_the_index_gives_exactly_the_features_meeting_the_box() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::fgb_grid::write(dir.path(), "grid", (60, 50), true);
    let header = probe(&path, "grid.fgb").expect("probe");
    assert_eq!(header.count, 3000);
    assert!(header.indexed);
    let whole = load_path(&path).expect("whole read");
    assert_eq!(whole.zones.len(), 3000);
    // Boxes whose edges fall on no cell edge: inside the grid, across its west edge, a thin
    // strip, one inside a single cell, and one beside the grid.
    let boxes = [
        Rect::new((4.8123, 47.1031), (4.9377, 47.1893)),
        Rect::new((4.5, 47.2013), (4.6333, 47.2212)),
        Rect::new((4.7051, 47.0), (4.7052, 47.4)),
        Rect::new((4.6011, 47.0011), (4.6021, 47.0021)),
        Rect::new((6.0, 48.0), (6.5, 48.5)),
    ];
    for b in boxes {
        let want: BTreeSet<String> = whole
            .zones
            .iter()
            .filter(|z| z.bbox.intersects(&b))
            .map(|z| z.name.clone().unwrap_or_default())
            .collect();
        let (file, area) =
            load_in_view(&path, &in_view(b, 1000), "grid.fgb", &mut |_| true).expect("box read");
        assert_eq!(area, Some(b), "read in view");
        assert_eq!(names(&file), want, "box {b:?}");
        assert_eq!(file.zones.len(), want.len(), "no feature twice");
        // The report says so, with the counts.
        let said = file
            .report
            .warnings
            .iter()
            .any(|w| matches!(w.reason, Reason::FeaturesInView { limit: 1000, found, count: 3000, .. } if found == want.len()));
        assert!(said, "{:?}", file.report.warnings);
        // The properties come through as from a whole read.
        if let Some(zone) = file.zones.first() {
            let same = whole
                .zones
                .iter()
                .find(|z| z.name == zone.name)
                .expect("same zone");
            assert_eq!(zone.properties.map(), same.properties.map());
            assert_eq!(zone.geometry(), same.geometry());
        }
    }
    // Some boxes gave several features, one gave a single one, the last none.
    let counts: Vec<usize> = boxes
        .iter()
        .map(|&b| {
            load_in_view(&path, &in_view(b, 1000), "grid.fgb", &mut |_| true)
                .expect("box read")
                .0
                .zones
                .len()
        })
        .collect();
    assert!(
        counts[0] > 100 && counts[1] > 10 && counts[2] > 10,
        "{counts:?}"
    );
    assert_eq!((counts[3], counts[4]), (1, 0), "{counts:?}");
}

#[test]
fn at_most_max_features_are_read_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::fgb_grid::write(dir.path(), "grid", (40, 30), true);
    let all = Rect::new((4.0, 46.0), (6.0, 48.0));
    let view = InView {
        view: all,
        large: 100,
        max: 500,
    };
    let (file, area) = load_in_view(&path, &view, "grid.fgb", &mut |_| true).expect("read");
    assert_eq!(area, Some(all));
    assert_eq!(file.zones.len(), 500);
    assert!(
        file.report
            .warnings
            .iter()
            .any(|w| matches!(w.reason, Reason::TooManyRows { max: 500 })),
        "{:?}",
        file.report.warnings
    );
}

#[test]
fn a_small_or_unindexed_flatgeobuf_is_read_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let small_box = Rect::new((4.8123, 47.1031), (4.8377, 47.1193));
    // Indexed, but not over the threshold.
    let indexed = common::fgb_grid::write(dir.path(), "indexed", (30, 20), true);
    let (file, area) = load_in_view(
        &indexed,
        &in_view(small_box, 600),
        "indexed.fgb",
        &mut |_| true,
    )
    .expect("read");
    assert_eq!((file.zones.len(), area), (600, None));
    // Over the threshold, but without an index.
    let plain = common::fgb_grid::write(dir.path(), "plain", (30, 20), false);
    assert!(!probe(&plain, "plain.fgb").expect("probe").indexed);
    let (file, area) =
        load_in_view(&plain, &in_view(small_box, 100), "plain.fgb", &mut |_| true).expect("read");
    assert_eq!((file.zones.len(), area), (600, None));
    // The window's entry point: other formats whole, a large indexed FlatGeobuf in view.
    let (file, area) =
        source::load_for_window(&indexed, Some(&in_view(small_box, 100)), &mut |_| true)
            .expect("read");
    assert!(
        area.is_some() && file.zones.len() < 50,
        "{}",
        file.zones.len()
    );
    let (file, area) = source::load_for_window(&indexed, None, &mut |_| true).expect("read");
    assert_eq!((file.zones.len(), area), (600, None));
}

#[test]
fn the_header_says_where_the_features_lie() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = common::fgb_grid::write(dir.path(), "grid", (10, 5), true);
    let extent = zae_atlas::io::fgb::extent(&path, "grid.fgb").expect("an envelope");
    let (x0, y0) = common::fgb_grid::ORIGIN;
    let (w, h) = common::fgb_grid::CELL;
    assert!((extent.min().x - x0).abs() < 1e-9 && (extent.min().y - y0).abs() < 1e-9);
    assert!(
        (extent.max().x - (x0 + 9.0 * w + 0.8 * w)).abs() < 1e-9,
        "{extent:?}"
    );
    assert!(
        (extent.max().y - (y0 + 4.0 * h + 0.8 * h)).abs() < 1e-9,
        "{extent:?}"
    );
    // In Lambert-93, brought back to longitude/latitude.
    let l93 = dir.path().join("grid_l93.fgb");
    let status = std::process::Command::new("ogr2ogr")
        .args(["-f", "FlatGeobuf", "-t_srs", "EPSG:2154"])
        .arg(&l93)
        .arg(&path)
        .status()
        .expect("ogr2ogr");
    assert!(status.success());
    let back = zae_atlas::io::fgb::extent(&l93, "grid_l93.fgb").expect("an envelope");
    assert!(back.intersects(&extent) && (back.center().x - extent.center().x).abs() < 0.01);
}
